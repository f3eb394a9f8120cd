using Safeguard.Core.Rules;
using Safeguard.Core.Rules.Queues;
using Safeguard.Core.Tests.Builders;

namespace Safeguard.Core.Tests.Rules.Queues;

/// <summary>IN2: a digital forensic request waits 30 calendar days, or 7 where the child is at high risk.</summary>
public class ForensicWaitingTimeRuleTests
{
    private static EventBuilder Request(PersonFacts child, string at = "2026-03-02 10:00", string requestId = "DFU-1") =>
        An.Event("forensic-request").At(at).Child(child).With("requestId", requestId).With("device", "mobile phone");

    private static TaskOutput Task(World world, PersonFacts child, ChronologyEvent request) =>
        world.Record(request).Single<TaskOutput>(child, "forensic-request");

    [Fact]
    public void A_request_for_a_child_not_at_high_risk_is_due_30_calendar_days_later()
    {
        PersonFacts child = A.Child();
        var task = Task(new World().With(child), child, Request(child));
        Assert.Equal(Time.At("2026-04-01 09:00"), task.DueAt); // 30 London days; the clocks go forward on 29 March
        Assert.Equal(Teams.DigitalForensics, task.AssignedTo);
        Assert.Contains("standard priority", task.Explanation);
        Assert.Contains("within 30 days", task.Explanation);
    }

    [Fact]
    public void A_child_with_a_live_exploitation_flag_makes_it_high_priority_and_due_in_7_days()
    {
        PersonFacts child = A.Child().WithFlag("cse-risk");
        var task = Task(new World().With(child), child, Request(child));
        Assert.Equal(Time.At("2026-03-09 10:00"), task.DueAt);
        Assert.Contains("high priority because the child has the flag", task.Explanation);
    }

    [Theory]
    [InlineData("cce-risk")]
    [InlineData("da-high-risk")]
    [InlineData("child-protection-plan")]
    public void Each_high_risk_flag_makes_it_high_priority(string flag)
    {
        PersonFacts child = A.Child().WithFlag(flag, "suggested");
        Assert.Equal(Time.At("2026-03-09 10:00"), Task(new World().With(child), child, Request(child)).DueAt);
    }

    [Theory]
    [InlineData("repeat-missing", "confirmed")]
    [InlineData("cse-risk", "rejected")]
    [InlineData("cse-risk", "ended")]
    public void Other_flags_and_flags_no_longer_live_leave_it_standard(string flag, string status)
    {
        PersonFacts child = A.Child().WithFlag(flag, status);
        Assert.Equal(Time.At("2026-04-01 09:00"), Task(new World().With(child), child, Request(child)).DueAt);
    }

    [Fact]
    public void A_request_marked_high_priority_is_due_in_7_days()
    {
        PersonFacts child = A.Child();
        var task = Task(new World().With(child), child, Request(child).With("priority", "high"));
        Assert.Equal(Time.At("2026-03-09 10:00"), task.DueAt);
        Assert.Contains("it was marked high priority", task.Explanation);
    }

    [Fact]
    public void The_latest_risk_grade_before_the_request_decides()
    {
        PersonFacts child = A.Child();
        var highThenMedium = new World().With(child).Given(
            An.Event("incident").At("2026-02-01 10:00").Child(child).With("riskGrade", "high"),
            An.Event("ppn").At("2026-02-20 10:00").Child(child).With("riskGrade", "medium"));
        Assert.Equal(Time.At("2026-04-01 09:00"), Task(highThenMedium, child, Request(child)).DueAt);

        var high = new World().With(child).Given(An.Event("missing-reported").At("2026-02-20 10:00").Child(child).Id("m1").With("riskGrade", "high"));
        var task = Task(high, child, Request(child));
        Assert.Equal(Time.At("2026-03-09 10:00"), task.DueAt);
        Assert.Contains("m1", task.EventIds);
        Assert.Contains("graded high risk in the missing report of", task.Explanation);
    }

    [Fact]
    public void A_high_grade_after_the_request_does_not_change_its_priority()
    {
        PersonFacts child = A.Child();
        var world = new World().With(child).Given(An.Event("incident").At("2026-03-03 10:00").Child(child).With("riskGrade", "high"));
        Assert.Equal(Time.At("2026-04-01 09:00"), Task(world, child, Request(child)).DueAt);
    }

    [Fact]
    public void A_flag_raised_after_the_request_does_not_count()
    {
        PersonFacts child = A.Child();
        child = child with { Flags = [new FlagFact("cse-risk", "confirmed", Time.At("2026-03-05 10:00"))] };
        Assert.Equal(Time.At("2026-04-01 09:00"), Task(new World().With(child), child, Request(child)).DueAt);
    }

    [Fact]
    public void The_targets_come_from_the_settings()
    {
        PersonFacts child = A.Child();
        var world = new World().With(child).WithSetting("IN2.forensicTargetDays", 20).WithSetting("IN2.forensicTargetDaysHighRisk", 3);
        Assert.Equal(Time.At("2026-03-22 10:00"), Task(world, child, Request(child)).DueAt);
        Assert.Equal(Time.At("2026-03-05 10:00"), Task(world, child, Request(child, requestId: "DFU-2").With("priority", "high")).DueAt);
    }

    [Fact]
    public void Completing_the_same_request_closes_the_task_and_another_request_does_not()
    {
        PersonFacts child = A.Child();
        var task = Task(new World().With(child), child, Request(child));
        PersonFacts withTask = child with { OpenTasks = [new OpenTask(task.Key, task.Code, task.ClosesWhen)] };

        var other = new World().With(withTask).Record(An.Event("forensic-completed").At("2026-03-05 10:00").Child(withTask).With("requestId", "DFU-9"));
        other.None<TaskClosure>(withTask, "forensic-request");
        var same = new World().With(withTask).Record(An.Event("forensic-completed").At("2026-03-05 10:00").Child(withTask).With("requestId", "DFU-1"));
        Assert.Equal(task.Key, same.Single<TaskClosure>(withTask, "forensic-request").Key);
    }

    [Fact]
    public void An_adult_victim_or_a_suspect_gets_no_task()
    {
        PersonFacts adult = A.Adult();
        PersonFacts suspect = A.Suspect();
        var outputs = new World().With(adult, suspect).Record(An.Event("forensic-request").At("2026-03-02 10:00").Victim(adult).Suspect(suspect)
            .With("requestId", "DFU-1").With("device", "laptop"));
        outputs.None<TaskOutput>(adult, "forensic-request");
        outputs.None<TaskOutput>(suspect, "forensic-request");
    }
}
