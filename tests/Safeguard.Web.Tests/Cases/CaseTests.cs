using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Core.Cases;
using Safeguard.TestKit;
using Safeguard.Web.Tests.Missing;

namespace Safeguard.Web.Tests.Cases;

/// <summary>Cases as typed state (issue 7 point 4): projected as events arrive, readable through the API, and
/// rebuildable from the event log into identical tables.</summary>
public sealed class CaseTests : IDisposable
{
    private readonly SafeguardFactory _factory = new();
    private readonly HttpClient _api;

    public CaseTests() => _api = _factory.Api();
    public void Dispose() => _factory.Dispose();

    private async Task<(string Child, string Suspect)> EveryKindOfCaseAsync()
    {
        var child = await _api.CreatePersonAsync(A.Child("Ruby", "Casechild").AgedYears(14).Build());
        var suspect = await _api.CreatePersonAsync(A.Adult("Dale", "Casesuspect").Build());
        await _api.ReportAsync("miss-1", child, "2026-02-20T18:00:00Z");
        await _api.LocateAsync("found-1", "miss-1", child, "2026-02-21T09:00:00Z", "Bus station", suspect);
        await _api.SafeAndWellAsync("saw-1", "miss-1", child, "2026-02-21T11:00:00Z");
        await _api.ReportAsync("miss-2", child, "2026-02-25T18:00:00Z");
        await AddInvestigatingTeamsAsync();
        await _api.InvestigationAsync(child, suspect);
        await _api.CustodyAsync(child);
        await _api.PoliceProtectionAsync(child);
        await _api.ReferralAsync(child);
        await _api.OffenderAsync(suspect, child);
        await _api.StrategyDiscussionAsync(child, "2026-02-20");
        await _api.MaracAsync(suspect, child);
        await _api.QueuesAsync(child, suspect);
        return (child, suspect);
    }

    /// <summary>The teams the investigation names: investigation events must name teams the force has (I1).</summary>
    private async Task AddInvestigatingTeamsAsync()
    {
        using var db = _factory.Db();
        foreach (var code in new[] { "CAIT", "CAIT-NORTH" })
            db.Teams.Add(new Core.Organisation.Team { Code = code, Name = $"Child abuse investigation team {code}", BcuCode = "north", Kind = "specialist-child-abuse",
                Capacity = 25, Skills = ["child-abuse"] });
        await db.SaveChangesAsync();
    }

    /// <summary>Every row of the projection, in a fixed order, without surrogate ids.</summary>
    private async Task<List<string>> SnapshotAsync()
    {
        using var db = _factory.Db();
        var rows = new List<string>();
        rows.AddRange((await db.Cases.AsNoTracking().ToListAsync())
            .Select(c => $"case|{c.Type}|{c.Id}|{c.Stream}|{c.Status}|{c.OpenedAt:O}|{c.ClosedAt:O}|{c.Team}|{c.EventIds}|{c.Fields}"));
        rows.AddRange((await db.CasePeople.AsNoTracking().ToListAsync()).Select(p => $"person|{p.CaseType}|{p.CaseId}|{p.PersonId}|{p.Role}"));
        rows.AddRange((await db.CaseActions.AsNoTracking().ToListAsync())
            .Select(a => $"action|{a.CaseType}|{a.CaseId}|{a.Number}|{a.Text}|{a.Owner}|{a.DueDate}|{a.Status}"));
        rows.AddRange((await db.EventReferences.AsNoTracking().ToListAsync()).Select(r => $"ref|{r.EventId}|{r.Field}|{r.Value}"));
        rows.Sort(StringComparer.Ordinal);
        return rows;
    }

    [Fact]
    public async Task Rebuilding_cases_from_the_event_log_gives_identical_tables()
    {
        var (child, _) = await EveryKindOfCaseAsync();
        await _api.PostJsonAsync("/api/v1/events/found-1/corrections", new
        {
            reason = "Found the next morning, not that night", expectedVersion = 1, occurredAt = "2026-02-21T10:00:00Z",
        });
        var projected = await SnapshotAsync();

        using (var scope = _factory.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<CaseProjector>().RebuildAsync();
        var rebuilt = await SnapshotAsync();

        Assert.Equal(CaseTypes.All.Order(), projected.Where(r => r.StartsWith("case|")).Select(r => r.Split('|')[1]).Distinct().Order());
        Assert.Contains(projected, r => r == $"person|{CaseTypes.MissingEpisode}|miss-1|{child}|child");
        Assert.Contains(projected, r => r == "ref|found-1|missingEventId|miss-1");
        Assert.Equal(projected, rebuilt);
    }

    [Fact]
    public async Task A_missing_episode_case_is_open_until_found_and_closed_by_the_safe_and_well_check()
    {
        var child = await _api.CreatePersonAsync(A.Child().Build());
        await _api.ReportAsync("miss-1", child, "2026-02-20T18:00:00Z", grade: "high");
        var (_, open) = await _api.GetJsonAsync($"/api/v1/cases/missing-episode/miss-1");
        await _api.LocateAsync("found-1", "miss-1", child, "2026-02-21T09:00:00Z", "Bus station");
        var (_, located) = await _api.GetJsonAsync($"/api/v1/cases/missing-episode/miss-1");
        await _api.SafeAndWellAsync("saw-1", "miss-1", child, "2026-02-21T11:00:00Z");
        var (_, closed) = await _api.GetJsonAsync($"/api/v1/cases/missing-episode/miss-1");

        Assert.Equal("open", open!["status"]!.GetValue<string>());
        Assert.Equal("high", open["fields"]!["riskGrade"]!.GetValue<string>());
        Assert.Equal("located", located!["status"]!.GetValue<string>());
        Assert.Equal("Bus station", located["fields"]!["foundLocation"]!.GetValue<string>());
        Assert.Equal("closed", closed!["status"]!.GetValue<string>());
        Assert.Equal(new DateTimeOffset(2026, 2, 21, 11, 0, 0, TimeSpan.Zero), closed["closedAt"]!.GetValue<DateTimeOffset>());
        Assert.Equal(["miss-1", "found-1", "saw-1"], closed["eventIds"]!.AsArray().Select(e => e!.GetValue<string>()));
        Assert.Equal("Ava Testchild", closed["people"]!.AsArray().Single()!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Cases_are_listed_by_type_status_and_person_with_the_count_of_all_matches()
    {
        var (child, suspect) = await EveryKindOfCaseAsync();
        var other = await _api.CreatePersonAsync(A.Child("Other", "Child").Build());
        await _api.ReportAsync("miss-other", other, "2026-02-26T18:00:00Z");

        var (_, openMissing) = await _api.GetJsonAsync($"/api/v1/cases?type=missing-episode&status=open&personId={child}");
        var (_, investigations) = await _api.GetJsonAsync("/api/v1/cases?type=investigation&team=CAIT-NORTH");
        var (_, firstPage) = await _api.GetJsonAsync($"/api/v1/cases?personId={child}&pageSize=2");
        var (_, offender) = await _api.GetJsonAsync($"/api/v1/cases?type=offender&personId={suspect}");

        Assert.Equal(["miss-2"], openMissing!["items"]!.AsArray().Select(c => c!["id"]!.GetValue<string>()));
        var investigation = investigations!["items"]!.AsArray().Single()!;
        Assert.Equal("INV-7", investigation["id"]!.GetValue<string>());
        Assert.Equal("allocated", investigation["status"]!.GetValue<string>());
        Assert.Equal(1, investigation["fields"]!["reviews"]!.GetValue<int>());
        Assert.Equal(2, firstPage!["items"]!.AsArray().Count);
        Assert.True(firstPage["total"]!.GetValue<int>() >= 7);
        Assert.Equal("off-reg", offender!["items"]!.AsArray().Single()!["id"]!.GetValue<string>());
        Assert.Equal(1, offender["items"]![0]!["fields"]!["visits"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_meeting_decision_still_open_after_its_due_date_is_an_overdue_action_with_its_owner()
    {
        var child = await _api.CreatePersonAsync(A.Child().Build());
        await _api.StrategyDiscussionAsync(child, "2026-02-20");

        var (_, meeting) = await _api.GetJsonAsync("/api/v1/cases/meeting/sd-1");

        Assert.Equal("open", meeting!["status"]!.GetValue<string>());
        var actions = meeting["actions"]!.AsArray();
        Assert.Equal("DS Patel", actions[0]!["owner"]!.GetValue<string>());
        Assert.Equal("overdue", actions[0]!["status"]!.GetValue<string>());
        Assert.Equal("done", actions[1]!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Correcting_which_report_a_located_event_is_about_reopens_one_episode_and_locates_the_other()
    {
        var child = await _api.CreatePersonAsync(A.Child().Build());
        await _api.ReportAsync("miss-1", child, "2026-02-20T18:00:00Z");
        await _api.ReportAsync("miss-2", child, "2026-02-22T18:00:00Z");
        await _api.LocateAsync("found", "miss-1", child, "2026-02-23T09:00:00Z", "Park");

        var (status, _) = await _api.PostJsonAsync("/api/v1/events/found/corrections", new
        {
            reason = "Found after the second report, not the first", expectedVersion = 1,
            data = new { missingEventId = "miss-2", locatedAt = "2026-02-23T09:00:00Z", foundLocation = "Park" },
        });
        var (_, first) = await _api.GetJsonAsync("/api/v1/cases/missing-episode/miss-1");
        var (_, second) = await _api.GetJsonAsync("/api/v1/cases/missing-episode/miss-2");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("open", first!["status"]!.GetValue<string>());
        Assert.Equal("located", second!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_case_about_someone_the_caller_may_not_see_answers_404_like_one_that_does_not_exist()
    {
        var child = await _api.CreatePersonAsync(A.Child().Build());
        await _api.ReportAsync("miss-1", child, "2026-02-20T18:00:00Z");
        // Restricted as an administrator would restrict them: through the API, to the bootstrap client alone.
        var (restricted, _) = await _api.PutJsonAsync($"/api/v1/people/{child}/restriction", new { allowed = new[] { "client:bootstrap" }, reason = "Test: a restricted record" });
        Assert.Equal(HttpStatusCode.OK, restricted);
        var investigator = await _factory.ApiAsAsync("investigator");

        var (status, body) = await investigator.GetJsonAsync("/api/v1/cases/missing-episode/miss-1");
        var (unknownStatus, unknownBody) = await investigator.GetJsonAsync("/api/v1/cases/missing-episode/no-such-case");
        var (_, list) = await investigator.GetJsonAsync("/api/v1/cases?type=missing-episode");
        var (namedStatus, _) = await _api.GetJsonAsync("/api/v1/cases/missing-episode/miss-1");

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal(unknownStatus, status);
        Assert.Equal(unknownBody!["detail"]!.GetValue<string>(), body!["detail"]!.GetValue<string>());
        Assert.Equal(0, list!["total"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.OK, namedStatus);
    }

    [Fact]
    public async Task Merging_two_records_moves_their_cases_to_the_record_that_stays_and_undoing_it_moves_them_back()
    {
        var child = await _api.CreatePersonAsync(A.Child("Kai", "Mergechild").Build());
        var duplicate = await _api.CreatePersonAsync(A.Child("Kai", "Mergechild").Build());
        await _api.ReportAsync("miss-dup", duplicate, "2026-02-20T18:00:00Z");
        await _api.CustodyAsync(duplicate);

        var (mergeStatus, merge) = await _api.PostJsonAsync($"/api/v1/people/{child}/merge", new { otherPersonId = duplicate, reason = "Same child, recorded twice" });
        var (_, afterMerge) = await _api.GetJsonAsync($"/api/v1/cases?personId={child}");
        var (_, leftOnDuplicate) = await _api.GetJsonAsync($"/api/v1/cases?personId={duplicate}");
        await _api.PostJsonAsync($"/api/v1/merges/{merge!["id"]!.GetValue<string>()}/undo", new { reason = "Twins, not one child" });
        var (_, afterUndo) = await _api.GetJsonAsync($"/api/v1/cases?personId={duplicate}");
        var (_, leftOnChild) = await _api.GetJsonAsync($"/api/v1/cases?personId={child}");

        Assert.Equal(HttpStatusCode.Created, mergeStatus);
        Assert.Equal(["custody/CUS-3", "missing-episode/miss-dup"], Keys(afterMerge));
        Assert.Empty(Keys(leftOnDuplicate));
        Assert.Equal(["custody/CUS-3", "missing-episode/miss-dup"], Keys(afterUndo));
        Assert.Empty(Keys(leftOnChild));
    }

    [Theory]
    [InlineData("type=custody-suite", "type")]
    [InlineData("pageSize=1000", "pageSize")]
    [InlineData("page=0", "page")]
    public async Task A_bad_case_query_is_a_problem_naming_the_field(string query, string field)
    {
        var (status, problem) = await _api.GetJsonAsync($"/api/v1/cases?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("validation-failed", problem!["code"]!.GetValue<string>());
        Assert.NotNull(problem["errors"]![field]);
    }

    [Fact]
    public async Task A_case_query_with_a_page_that_is_not_a_number_is_a_bad_request_not_a_500()
    {
        var (status, _) = await _api.GetJsonAsync("/api/v1/cases?page=first");

        Assert.Equal(HttpStatusCode.BadRequest, status);
    }

    private static IEnumerable<string> Keys(System.Text.Json.Nodes.JsonNode? page) =>
        page!["items"]!.AsArray().Select(c => $"{c!["type"]!.GetValue<string>()}/{c["id"]!.GetValue<string>()}").Order();
}
