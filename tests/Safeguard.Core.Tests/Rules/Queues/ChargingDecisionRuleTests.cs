using Safeguard.Core.Rules;
using Safeguard.Core.Tests.Builders;

namespace Safeguard.Core.Tests.Rules.Queues;

/// <summary>IN3: a charging decision is due 28 calendar days after the file goes to the CPS.</summary>
public class ChargingDecisionRuleTests
{
    private static EventBuilder File(PersonFacts child, string fileId = "CPS-1") =>
        An.Event("charging-file-submitted").At("2026-03-02 10:00").Victim(child).With("fileId", fileId);

    [Fact]
    public void The_decision_is_due_28_calendar_days_after_the_file_is_sent()
    {
        PersonFacts child = A.Child();
        var task = new World().With(child).Record(File(child)).Single<TaskOutput>(child, "charging-decision");
        Assert.Equal(Time.At("2026-03-30 09:00"), task.DueAt); // 28 London days, across the clocks going forward
        Assert.Equal(Teams.Investigation, task.AssignedTo);
        Assert.DoesNotContain("High priority", task.Explanation);
    }

    [Fact]
    public void A_high_risk_child_is_said_to_be_high_priority_but_the_target_is_the_same()
    {
        PersonFacts child = A.Child().WithFlag("da-high-risk");
        var task = new World().With(child).Record(File(child)).Single<TaskOutput>(child, "charging-decision");
        Assert.Equal(Time.At("2026-03-30 09:00"), task.DueAt);
        Assert.Contains("High priority because the child has the flag", task.Explanation);
    }

    [Fact]
    public void The_target_comes_from_the_settings()
    {
        PersonFacts child = A.Child();
        Assert.Equal(Time.At("2026-03-16 10:00"), new World().With(child).WithSetting("IN3.chargingDecisionDays", 14)
            .Record(File(child)).Single<TaskOutput>(child, "charging-decision").DueAt);
    }

    [Fact]
    public void The_decision_on_the_same_file_closes_the_task()
    {
        PersonFacts child = A.Child();
        var task = new World().With(child).Record(File(child)).Single<TaskOutput>(child, "charging-decision");
        PersonFacts withTask = child with { OpenTasks = [new OpenTask(task.Key, task.Code, task.ClosesWhen)] };
        new World().With(withTask).Record(An.Event("charging-decision").At("2026-03-10 10:00").Victim(withTask).With("fileId", "CPS-2"))
            .None<TaskClosure>(withTask, "charging-decision");
        Assert.Equal(task.Key, new World().With(withTask).Record(An.Event("charging-decision").At("2026-03-10 10:00").Victim(withTask)
            .With("fileId", "CPS-1").With("decision", "charge")).Single<TaskClosure>(withTask, "charging-decision").Key);
    }

    [Fact]
    public void An_adult_victim_gets_no_task()
    {
        PersonFacts adult = A.Adult();
        new World().With(adult).Record(File(adult)).None<TaskOutput>(adult, "charging-decision");
    }
}
