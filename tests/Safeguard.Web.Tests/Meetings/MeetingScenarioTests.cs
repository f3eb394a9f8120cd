using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Core.Derivation;
using Safeguard.TestKit;

namespace Safeguard.Web.Tests.Meetings;

/// <summary>The inspection report's decision-making cases through the API (I5, I6, WT2–WT4, WT6): a girl sexually
/// assaulted by her stepbrother, whose strategy discussion starts s47 enquiries and whose actions are tracked to done;
/// three young children left home alone with no strategy discussion recorded; low police attendance at conferences;
/// a child protection plan reviewed on time; and plan categories other than WT6's refused. The factory clock starts on
/// Monday 2 March 2026 at 09:00 UTC.</summary>
public sealed class MeetingScenarioTests : IDisposable
{
    private readonly SafeguardFactory _factory = new();
    private readonly HttpClient _api;

    public MeetingScenarioTests() => _api = _factory.Api();
    public void Dispose() => _factory.Dispose();

    private static object Event(string id, string type, string at, object data, params (string Person, string Role)[] people) => new
    {
        id, type, occurredAt = at, people = people.Select(p => new { personId = p.Person, role = p.Role }).ToArray(), data,
    };

    private async Task AdvanceToAsync(string at)
    {
        _factory.Clock.Advance(DateTimeOffset.Parse(at, System.Globalization.CultureInfo.InvariantCulture) - _factory.Clock.GetUtcNow());
        using var scope = _factory.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<ClockWork>().TickAsync();
    }

    private async Task<List<Core.Work.WorkTask>> TasksAsync(string person, string code)
    {
        await using var db = _factory.Db();
        return await db.Tasks.AsNoTracking().Where(t => t.PersonId == Guid.Parse(person) && t.Code == code).OrderBy(t => t.DueAt).ToListAsync();
    }

    [Fact]
    public async Task A_girl_sexually_assaulted_by_her_stepbrother_gets_a_strategy_discussion_whose_actions_are_tracked_to_done()
    {
        // Report: a mother told the NSPCC her 9-year-old daughter had been sexually assaulted by her 15-year-old stepson.
        var girl = await _api.CreatePersonAsync(A.Child("Tegan", "Rowe").AgedYears(9).Build());
        var stepbrother = await _api.CreatePersonAsync(A.Child("Jago", "Rowe").AgedYears(15).Build());
        var incident = await _api.RecordAsync(Event("nspcc-referral", "incident", "2026-03-02T07:30:00Z",
            new { classifications = new[] { "sexual-abuse" }, summary = "Disclosure to the NSPCC by the mother.", riskGrade = "high" },
            (girl, "child"), (stepbrother, "suspect")));

        var due = Assert.Single(incident["outputs"]!["tasks"]!.AsArray(), t => t!["code"]!.GetValue<string>() == "strategy-discussion")!;
        Assert.Equal(DateTimeOffset.Parse("2026-03-03T23:59:59Z"), due["dueAt"]!.GetValue<DateTimeOffset>());

        var discussion = await _api.RecordAsync(Event("sd-tegan", "strategy-discussion", "2026-03-02T08:45:00Z", new
        {
            agencies = new[] { "police", "LA-CORN", "NHS-RCH" }, section47 = true,
            decisions = new object[]
            {
                new { text = "Arrest the stepbrother and seize his phone", owner = "police", dueDate = "2026-03-02" },
                new { text = "Joint visit with the social worker", owner = "LA-CORN", dueDate = "2026-03-03" },
                new { text = "Sensitive forensic medical examination", owner = "NHS-RCH", dueDate = "2026-03-04" },
            },
        }, (girl, "child"), (stepbrother, "suspect")));

        Assert.Equal("done", (await TasksAsync(girl, "strategy-discussion")).Single().Status);
        var icpc = Assert.Single(discussion["outputs"]!["tasks"]!.AsArray(), t => t!["code"]!.GetValue<string>() == "icpc")!;
        Assert.Equal(DateTimeOffset.Parse("2026-03-23T23:59:59Z"), icpc["dueAt"]!.GetValue<DateTimeOffset>()); // 15 working days

        var (status, afterFirst) = await _api.PostJsonAsync("/api/v1/cases/meeting/sd-tegan/actions/1/done", new { note = "Arrested at 08:55; phone seized" });
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(["done", "open", "open"], afterFirst!["actions"]!.AsArray().Select(a => a!["status"]!.GetValue<string>()));
        Assert.Equal("open", afterFirst["status"]!.GetValue<string>());

        var (again, refusal) = await _api.PostJsonAsync("/api/v1/cases/meeting/sd-tegan/actions/1/done", new { note = "twice" });
        Assert.Equal((HttpStatusCode.Conflict, "action-already-done"), (again, refusal!["code"]!.GetValue<string>()));
        var (unknown, noSuch) = await _api.PostJsonAsync("/api/v1/cases/meeting/sd-tegan/actions/9/done", new { });
        Assert.Equal((HttpStatusCode.UnprocessableEntity, "unknown-action"), (unknown, noSuch!["code"]!.GetValue<string>()));

        // Wednesday: action 2 (due Tuesday) is overdue for its owner; action 3 (due today) is open.
        await AdvanceToAsync("2026-03-04T09:00:00Z");
        var (_, overdue) = await _api.GetJsonAsync("/api/v1/actions?owner=LA-CORN&status=overdue");
        var row = Assert.Single(overdue!["items"]!.AsArray())!;
        Assert.Equal(("sd-tegan", 2, "overdue"), (row["meetingId"]!.GetValue<string>(), row["number"]!.GetValue<int>(), row["status"]!.GetValue<string>()));
        Assert.Contains("Tegan Rowe", row["people"]!.ToJsonString());
        var (_, open) = await _api.GetJsonAsync("/api/v1/actions?status=open");
        Assert.Equal([2, 3], open!["items"]!.AsArray().Select(a => a!["number"]!.GetValue<int>()));

        await _api.PostJsonAsync("/api/v1/cases/meeting/sd-tegan/actions/2/done", new { });
        var (_, closed) = await _api.PostJsonAsync("/api/v1/cases/meeting/sd-tegan/actions/3/done", new { doneAt = "2026-03-04T08:30:00Z" });
        Assert.Equal("closed", closed!["status"]!.GetValue<string>());
        Assert.Equal(DateTimeOffset.Parse("2026-03-04T09:00:00Z"), closed["closedAt"]!.GetValue<DateTimeOffset>());

        // Each action done is on the girl's chronology.
        var (_, profile) = await _api.GetJsonAsync($"/api/v1/people/{girl}/profile");
        Assert.Equal(3, profile!["chronology"]!.AsArray().Count(e => e!["type"]!.GetValue<string>() == "meeting-action-done"));
    }

    [Fact]
    public async Task Three_young_children_left_home_alone_each_need_a_strategy_discussion_and_one_discussion_answers_all_three()
    {
        // Report: three children aged four, six and seven left home alone; a PPN but no record of a strategy discussion.
        var children = new List<string>();
        foreach (var (name, age) in new[] { ("Lowen", 4), ("Elowen", 6), ("Morvah", 7) })
            children.Add(await _api.CreatePersonAsync(A.Child(name, "Angove").AgedYears(age).Build()));
        await _api.RecordAsync(Event("ppn-home-alone", "ppn", "2026-03-02T08:10:00Z", new
        {
            concerns = new[] { "neglect" }, demeanour = "Calm, hungry; the eldest was looking after the others.",
            childViews = "Mum went out and said she would be back soon.", immediateActions = "Officers stayed until the parents returned.",
            referredToSocialCare = true, riskGrade = "high",
        }, children.Select(c => (c, "child")).ToArray()));

        foreach (var child in children)
            Assert.Equal(DateTimeOffset.Parse("2026-03-03T23:59:59Z"), Assert.Single(await TasksAsync(child, "strategy-discussion")).DueAt);

        // Nothing recorded by the end of Tuesday: each child's strategy discussion is overdue and escalated.
        await AdvanceToAsync("2026-03-04T10:30:00Z");
        await using (var db = _factory.Db())
        {
            var ids = children.Select(Guid.Parse).ToList();
            var overdue = (await db.Alerts.AsNoTracking().Where(a => a.Code == "task-overdue" && ids.Contains(a.PersonId) && a.WithdrawnAt == null).ToListAsync())
                .Where(a => a.Explanation.Contains("strategy discussion", StringComparison.OrdinalIgnoreCase)).ToList();
            Assert.Equal(ids.Order(), overdue.Select(a => a.PersonId).Order());
        }

        // One discussion about the three, recorded once, answers every child's task and is on each child's record.
        await _api.RecordAsync(Event("sd-angove", "strategy-discussion", "2026-03-04T10:00:00Z", new
        {
            agencies = new[] { "police", "LA-CORN", "NHS-RCH", "EDU-CORN" }, section47 = false,
            decisions = new object[] { new { text = "Child and family assessment", owner = "LA-CORN", dueDate = "2026-04-29" } },
        }, children.Select(c => (c, "child")).ToArray()));
        foreach (var child in children)
        {
            Assert.Equal("done", Assert.Single(await TasksAsync(child, "strategy-discussion")).Status);
            var (_, cases) = await _api.GetJsonAsync($"/api/v1/cases?type=meeting&personId={child}");
            Assert.Equal("sd-angove", Assert.Single(cases!["items"]!.AsArray())!["id"]!.GetValue<string>());
        }
        var (_, meeting) = await _api.GetJsonAsync("/api/v1/cases/meeting/sd-angove");
        Assert.Equal(3, meeting!["people"]!.AsArray().Count);
        Assert.Single(meeting["actions"]!.AsArray());
    }

    [Fact]
    public async Task Police_attendance_at_conferences_is_a_rate_of_those_invited_like_plymouths_fifty_per_cent()
    {
        // Report: attendance at case conferences in Plymouth BCU was about 50 percent.
        var child = await _api.CreatePersonAsync(A.Child("Demelza", "Hocking").AgedYears(11).Build());
        var held = new[] { ("c1", true, "icpc"), ("c2", false, "icpc"), ("c3", true, "review-cp"), ("c4", false, "review-cp") };
        int day = 2;
        foreach (var (id, attended, kind) in held)
            await _api.RecordAsync(Event(id, "meeting", $"2026-02-{day++:00}T10:00:00Z", new
            {
                kind, invitedAgencies = new[] { "police", "LA-PLY" }, policeAttended = attended,
                policeAttendee = attended ? "DS 2041 Ama Owusu" : null, policeAttendeeRank = attended ? "DS" : null,
            }, (child, "child")));
        // Not invited, and not a conference: neither counts.
        await _api.RecordAsync(Event("c5", "meeting", "2026-02-10T10:00:00Z", new { kind = "icpc", invitedAgencies = new[] { "LA-PLY" }, policeAttended = false }, (child, "child")));
        await _api.RecordAsync(Event("m1", "meeting", "2026-02-11T10:00:00Z", new { kind = "marac", invitedAgencies = new[] { "police" }, policeAttended = false }, (child, "child")));

        var (status, rate) = await _api.GetJsonAsync("/api/v1/meetings/conference-attendance?from=2026-02-01&to=2026-02-28");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal((4, 2, 0.5m), (rate!["invited"]!.GetValue<int>(), rate["attended"]!.GetValue<int>(), rate["rate"]!.GetValue<decimal>()));

        var (_, january) = await _api.GetJsonAsync("/api/v1/meetings/conference-attendance?from=2026-01-01&to=2026-01-31");
        Assert.Equal(0, january!["invited"]!.GetValue<int>());
        Assert.Null(january["rate"]);
        var (bad, _) = await _api.GetJsonAsync("/api/v1/meetings/conference-attendance?from=1%20Feb");
        Assert.Equal(HttpStatusCode.BadRequest, bad);
    }

    [Fact]
    public async Task A_plan_made_at_the_icpc_is_reviewed_three_months_on_then_every_six_months_until_it_ends()
    {
        var child = await _api.CreatePersonAsync(A.Child("Jory", "Penrose").AgedYears(8).Build());
        JsonNode Conference(string kind, string? plan) => JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(new
        {
            kind, invitedAgencies = new[] { "police" }, policeAttended = true, policeAttendee = "DC 118 Ria Nance", policeAttendeeRank = "DC", planCategory = plan,
        }))!;
        var icpc = await _api.RecordAsync(Event("icpc-jory", "meeting", "2025-10-20T10:00:00Z", Conference("icpc", "neglect"), (child, "child")));
        var firstReview = Assert.Single(icpc["outputs"]!["tasks"]!.AsArray(), t => t!["code"]!.GetValue<string>() == "review-conference")!;
        // 11:00 British Summer Time in October is 11:00 GMT three months later.
        Assert.Equal(DateTimeOffset.Parse("2026-01-20T11:00:00Z"), firstReview["dueAt"]!.GetValue<DateTimeOffset>());

        var review = await _api.RecordAsync(Event("review-jory", "meeting", "2026-01-19T10:00:00Z", Conference("review-cp", "neglect"), (child, "child")));
        var tasks = await TasksAsync(child, "review-conference");
        Assert.Equal(["done", "open"], tasks.Select(t => t.Status));
        Assert.Equal(DateTimeOffset.Parse("2026-07-19T09:00:00Z"), tasks[1].DueAt); // six months on, in British Summer Time

        await _api.RecordAsync(Event("review-jory-2", "meeting", "2026-03-02T08:00:00Z", Conference("review-cp", null), (child, "child")));
        Assert.Equal(["done", "done"], (await TasksAsync(child, "review-conference")).Select(t => t.Status));
        Assert.NotNull(review);
    }

    [Theory]
    [InlineData("domestic-abuse")]
    [InlineData("child-sexual-exploitation")]
    public async Task A_plan_category_outside_WT6_is_refused_and_nothing_is_stored(string category)
    {
        var child = await _api.CreatePersonAsync(A.Child("Kerensa", "Tregear").AgedYears(10).Build());
        var (status, problem) = await _api.PostJsonAsync("/api/v1/events", Event("icpc-bad", "meeting", "2026-03-02T08:00:00Z",
            new { kind = "icpc", invitedAgencies = new[] { "police" }, policeAttended = true, policeAttendee = "DS 77 Ros Tonkin", policeAttendeeRank = "DS", planCategory = category }, (child, "child")));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Equal("plan-category-invalid", problem!["code"]!.GetValue<string>());
        Assert.Contains("data.planCategory", problem["errors"]!.AsObject().Select(e => e.Key));
        var (notFound, _) = await _api.GetJsonAsync("/api/v1/events/icpc-bad");
        Assert.Equal(HttpStatusCode.NotFound, notFound);
    }

    [Fact]
    public async Task A_decision_without_an_owner_is_refused()
    {
        var child = await _api.CreatePersonAsync(A.Child("Wenna", "Jory").AgedYears(12).Build());
        var (status, problem) = await _api.PostJsonAsync("/api/v1/events", Event("sd-no-owner", "strategy-discussion", "2026-03-02T08:00:00Z",
            new { agencies = new[] { "police" }, section47 = false, decisions = new[] { new { text = "Visit the school" } } }, (child, "child")));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Equal("meeting-decision-invalid", problem!["code"]!.GetValue<string>());
        Assert.Contains("data.decisions[0].owner", problem["errors"]!.AsObject().Select(e => e.Key));
    }

    [Fact]
    public async Task Someone_who_may_not_see_a_child_cannot_mark_their_meeting_action_done_or_list_it()
    {
        var child = await _api.CreatePersonAsync(A.Child("Loveday", "Opie").AgedYears(13).Build());
        await _api.RecordAsync(Event("cse-risk-1", "meeting", "2026-03-02T08:00:00Z", new
        {
            kind = "cse-risk", invitedAgencies = new[] { "police", "LA-CORN" }, policeAttended = true, policeAttendee = "DS 77 Ros Tonkin", policeAttendeeRank = "DS",
            decisions = new[] { new { text = "Disruption visit to the address", owner = "police", dueDate = "2026-03-09" } },
        }, (child, "child")));
        await using (var db = _factory.Db())
        {
            db.Organisations.Add(new Core.Organisation.PartnerOrganisation { Code = "LA-CORN", Name = "Cornwall children's social care", Kind = "social-care", LocalAuthority = "Cornwall" });
            await db.SaveChangesAsync();
        }
        var partner = await _factory.ApiAsAsync("partner-practitioner", organisation: "LA-CORN");

        var (status, _) = await partner.PostJsonAsync("/api/v1/cases/meeting/cse-risk-1/actions/1/done", new { });
        Assert.True(status is HttpStatusCode.NotFound or HttpStatusCode.Forbidden, $"answered {status}");
        var (_, list) = await partner.GetJsonAsync("/api/v1/actions");
        Assert.DoesNotContain("cse-risk-1", list?.ToJsonString() ?? "");
        var (_, meeting) = await _api.GetJsonAsync("/api/v1/cases/meeting/cse-risk-1");
        Assert.Equal("open", meeting!["actions"]![0]!["status"]!.GetValue<string>());
    }
}
