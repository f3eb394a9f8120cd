using System.Text.Json;
using Safeguard.Core.Cases;
using Safeguard.Core.Meetings;
using Safeguard.Core.Problems;
using Safeguard.Core.Rules;
using Safeguard.Core.Tests.Builders;

namespace Safeguard.Core.Tests.Meetings;

/// <summary>I5, I6, WT6: a meeting's decisions as owned actions tracked to done, one case for several children, and
/// what a meeting must hold before it is stored.</summary>
public sealed class MeetingCasesTests
{
    private const string Decisions = """
        [{"text":"Joint visit to the children","owner":"police","dueDate":"2026-03-04"},
         {"text":"Health assessment","owner":"NHS-1","dueDate":"2026-03-10"}]
        """;

    private static IReadOnlyList<CaseState> Build(string stream, params ChronologyEvent[] events) =>
        CaseBuilder.Build(stream, events.Select(e => new CaseSource(e, "BCU-N")));

    [Fact]
    public void A_meeting_about_two_children_is_one_case_with_both_and_its_decisions_as_open_actions()
    {
        PersonFacts first = A.Child(), second = A.Child();
        var meeting = An.Event("meeting").Id("m1").At("2026-03-02 10:00").Child(first).Child(second).With("kind", "icpc")
            .WithList("invitedAgencies", "police", "LA-1").With("policeAttended", true).With("policeAttendee", "DS Ama Owusu")
            .With("policeAttendeeRank", "DS").WithJson("decisions", Decisions).Build();

        var c = Assert.Single(Build("meeting:m1", meeting));

        Assert.Equal("open", c.Status);
        Assert.Equal([first.PersonId, second.PersonId], c.People.Select(p => p.PersonId).Order());
        Assert.Equal(["1:police:open", "2:NHS-1:open"], c.Actions.Select(a => $"{a.Number}:{a.Owner}:{a.Status}"));
        Assert.Equal(true, c.Fields["policeInvited"]);
        Assert.Equal("DS Ama Owusu", c.Fields["policeAttendee"]);
    }

    [Fact]
    public void Marking_every_action_done_closes_the_meeting_at_the_last_one()
    {
        PersonFacts child = A.Child();
        var meeting = An.Event("strategy-discussion").Id("sd1").At("2026-03-02 10:00").Child(child).WithList("agencies", "police", "LA-1")
            .With("section47", true).WithJson("decisions", Decisions).Build();
        var firstDone = An.Event("meeting-action-done").Id("d1").At("2026-03-03 12:00").Child(child).With("meetingEventId", "sd1").With("number", 1).Build();
        var secondDone = An.Event("meeting-action-done").Id("d2").At("2026-03-09 16:00").Child(child).With("meetingEventId", "sd1").With("number", 2)
            .With("note", "Seen by the paediatrician").Build();

        Assert.Equal(["meeting:sd1"], CaseStreams.Of(firstDone));
        var half = Assert.Single(Build("meeting:sd1", meeting, firstDone));
        Assert.Equal(("open", "1:police:done,2:NHS-1:open"), (half.Status, string.Join(",", half.Actions.Select(a => $"{a.Number}:{a.Owner}:{a.Status}"))));

        var all = Assert.Single(Build("meeting:sd1", secondDone, meeting, firstDone));
        Assert.Equal(("closed", (DateTimeOffset?)Time.At("2026-03-09 16:00")), (all.Status, all.ClosedAt));
        Assert.Equal(["sd1", "d1", "d2"], all.EventIds);
        Assert.Contains("Seen by the paediatrician", JsonSerializer.Serialize(all.Fields["actionsDone"]));
    }

    [Theory]
    [InlineData("neglect")]
    [InlineData("physical-abuse")]
    [InlineData("emotional-abuse")]
    [InlineData("sexual-abuse")]
    public void The_four_WT6_plan_categories_are_accepted_at_a_conference(string category) =>
        Assert.Empty(MeetingChecks.Check("meeting", Time.At("2026-03-02 10:00"), Data($$"""{"kind":"icpc","policeAttended":true,"policeAttendee":"DC 118 Ria Nance","policeAttendeeRank":"DC","planCategory":"{{category}}"}""")));

    [Theory]
    [InlineData("domestic-abuse")]
    [InlineData("cse")]
    [InlineData("multiple")]
    [InlineData("")]
    public void Any_other_plan_category_is_refused(string category)
    {
        var refusal = Assert.Single(MeetingChecks.Check("meeting", Time.At("2026-03-02 10:00"),
            Data($$"""{"kind":"review-cp","policeAttended":true,"policeAttendee":"DC 118 Ria Nance","policeAttendeeRank":"DC","planCategory":"{{category}}"}""")));
        Assert.Equal((ProblemCodes.PlanCategoryInvalid, "planCategory"), (refusal.Code, refusal.Field));
    }

    [Fact]
    public void A_plan_category_on_a_meeting_that_is_not_a_conference_is_refused() =>
        Assert.Equal(ProblemCodes.PlanCategoryInvalid, Assert.Single(MeetingChecks.Check("meeting", Time.At("2026-03-02 10:00"),
            Data("""{"kind":"marac","policeAttended":true,"policeAttendee":"DC 118 Ria Nance","policeAttendeeRank":"DC","planCategory":"neglect"}"""))).Code);

    [Fact]
    public void A_decision_is_an_owned_action_with_text_and_owner_and_any_due_date_on_or_after_the_meeting()
    {
        var found = MeetingChecks.Check("strategy-discussion", Time.At("2026-03-02 10:00"), Data("""
            {"agencies":["police"],"section47":false,"decisions":[
              {"text":"Visit","owner":"police","dueDate":"2026-03-02"},
              {"text":"","owner":"police","dueDate":"2026-03-03"},
              {"text":"Health check","dueDate":"2026-03-03"},
              {"text":"Strategy review","owner":"LA-1","dueDate":"2026-03-01"},
              {"text":"School","owner":"EDU-1","dueDate":"next week"},
              {"text":"Core group","owner":"LA-1"},
              "Visit the child at school"]}
            """));
        // decisions[5] has no due date: the API contract allows that (the pages always ask for one).
        Assert.Equal(["decisions[1].text", "decisions[2].owner", "decisions[3].dueDate", "decisions[4].dueDate", "decisions[6]"],
            found.Select(f => f.Field));
        Assert.All(found, f => Assert.Equal(ProblemCodes.MeetingDecisionInvalid, f.Code));
    }

    [Fact]
    public void A_meeting_the_police_attended_names_who_attended_and_their_rank()
    {
        var at = Time.At("2026-03-02 10:00");
        var bare = MeetingChecks.Check("meeting", at, Data("""{"kind":"marac","policeAttended":true}"""));
        var named = MeetingChecks.Check("meeting", at, Data("""{"kind":"marac","policeAttended":true,"policeAttendee":"DS 77 Ros Tonkin","policeAttendeeRank":"DS"}"""));
        var absent = MeetingChecks.Check("meeting", at, Data("""{"kind":"marac","policeAttended":false}"""));

        Assert.Equal(["policeAttendee", "policeAttendeeRank"], bare.Select(f => f.Field));
        Assert.All(bare, f => Assert.Equal(ProblemCodes.MeetingAttendanceIncomplete, f.Code));
        Assert.Empty(named);
        Assert.Empty(absent);
    }

    private static JsonElement Data(string json) => JsonDocument.Parse(json).RootElement.Clone();
}
