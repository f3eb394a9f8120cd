using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Core.Data;
using Safeguard.Core.Organisation;
using Safeguard.TestKit;

namespace Safeguard.Web.Tests.CaseAudits;

/// <summary>Issue 12 point 6 (N1–N3) through the API: an exercise draws a stratified sample of the cases opened in its period
/// in its BCUs, leaving out what the auditor may not see; gradings are kept side by side and make the tables; recommendations
/// are actions with due dates from the report date. Bad input is refused with a problem and changes nothing.</summary>
public sealed class CaseAuditApiTests : IDisposable
{
    private readonly SafeguardFactory _factory = new();
    private readonly HttpClient _api;

    public CaseAuditApiTests()
    {
        _api = _factory.Api();
        using var scope = _factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SafeguardDb>();
        db.Bcus.AddRange(new Bcu { Code = "north", Name = "Northmoor" }, new Bcu { Code = "south", Name = "Southvale" });
        db.Teams.AddRange(
            new Team { Code = "n-team", Name = "Northmoor missing persons", BcuCode = "north", Kind = "missing" },
            new Team { Code = "n-cait", Name = "Northmoor child abuse investigation", BcuCode = "north", Kind = "specialist-child-abuse" },
            new Team { Code = "s-team", Name = "Southvale missing persons", BcuCode = "south", Kind = "missing" });
        db.SaveChanges();
    }

    public void Dispose() => _factory.Dispose();

    private async Task<string> MissingAsync(string id, string team, string at, string forename)
    {
        var child = await _api.CreatePersonAsync(A.Child(forename, "Auditcase").Build());
        await _api.RecordAsync(new
        {
            id, type = "missing-reported", occurredAt = at, unit = team, people = new[] { new { personId = child, role = "child" } },
            data = new { riskGrade = "medium", reportedBy = "parent", lookedAfter = false, lastSeenAt = at },
        });
        return child;
    }

    private async Task<string> InvestigationAsync(string id, string at, string forename, params string[] offences)
    {
        var child = await _api.CreatePersonAsync(A.Child(forename, "Auditcase").Build());
        await _api.RecordAsync(new
        {
            id = "open-" + id, type = "investigation-opened", occurredAt = at, people = new[] { new { personId = child, role = "victim" } },
            data = new { investigationId = id, offenceTypes = offences, team = "n-cait" },
        });
        return child;
    }

    /// <summary>Northmoor: four missing episodes in February, one in December (outside the period), one of a restricted
    /// child; an investigation of indecent images and one of physical abuse. Southvale: one missing episode.</summary>
    private async Task<string> SeedAsync()
    {
        for (var i = 1; i <= 4; i++) await MissingAsync($"m-n{i}", "n-team", $"2026-02-0{i}T20:00:00Z", $"Nora{i}");
        await MissingAsync("m-old", "n-team", "2025-12-10T20:00:00Z", "Olderthan");
        var hidden = await MissingAsync("m-hidden", "n-team", "2026-02-09T20:00:00Z", "Hiddenchild");
        var (restricted, body) = await _api.PutJsonAsync($"/api/v1/people/{hidden}/restriction",
            new { allowed = new[] { "client:bootstrap" }, reason = "A relative works in the force" });
        Assert.True(restricted == HttpStatusCode.OK, body?.ToJsonString());
        await MissingAsync("m-s1", "s-team", "2026-02-05T20:00:00Z", "Sol");
        await InvestigationAsync("INV-ONLINE", "2026-02-11T10:00:00Z", "Iris", "indecent-images");
        await InvestigationAsync("INV-S47", "2026-02-12T10:00:00Z", "Petra", "physical-abuse");
        return hidden;
    }

    private static object Exercise(long seed = 99, string name = "February audit") => new
    {
        name, periodFrom = "2026-02-01", periodTo = "2026-02-28", bcus = new[] { "north", "south" },
        caseTypes = new[] { "missing", "online-abuse", "s47-enquiry", "custody" }, perStratum = 3, seed, reportDate = "2026-04-30",
    };

    private static async Task<string> CreateAsync(HttpClient auditor, object exercise)
    {
        var (status, body) = await auditor.PostJsonAsync("/api/v1/case-audits", exercise);
        Assert.True(status == HttpStatusCode.Created, body?.ToJsonString());
        return body!["id"]!.GetValue<string>();
    }

    private static List<string> Cases(JsonNode? sample) =>
        sample!.AsArray().Select(s => $"{s!["caseType"]}/{s["caseId"]}").ToList();

    [Fact]
    public async Task The_sample_takes_each_strata_share_of_the_cases_the_auditor_may_see_in_the_period_and_is_drawn_again_from_the_seed()
    {
        await SeedAsync();
        var auditor = await _factory.ApiAsAsync(Roles.Auditor);
        var id = await CreateAsync(auditor, Exercise());

        var (drawn, sample) = await auditor.PostJsonAsync($"/api/v1/case-audits/{id}/sample", new { });
        var (again, problem) = await auditor.PostJsonAsync($"/api/v1/case-audits/{id}/sample", new { });

        Assert.Equal(HttpStatusCode.OK, drawn);
        var items = sample!.AsArray();
        // Missing in Northmoor: 3 of the 4 visible February episodes; Southvale's only one; each investigation in its own type.
        Assert.Equal(3, items.Count(s => s!["auditType"]!.GetValue<string>() == "missing" && s["bcu"]!.GetValue<string>() == "north"));
        Assert.Equal(["missing-episode/m-s1"], items.Where(s => s!["bcu"]!.GetValue<string>() == "south").Select(s => $"{s!["caseType"]}/{s["caseId"]}"));
        Assert.Equal(["investigation/INV-ONLINE"], items.Where(s => s!["auditType"]!.GetValue<string>() == "online-abuse").Select(s => $"{s!["caseType"]}/{s["caseId"]}"));
        Assert.Equal(["investigation/INV-S47"], items.Where(s => s!["auditType"]!.GetValue<string>() == "s47-enquiry").Select(s => $"{s!["caseType"]}/{s["caseId"]}"));
        Assert.Equal(6, items.Count);
        Assert.DoesNotContain("missing-episode/m-old", Cases(sample));
        Assert.DoesNotContain("missing-episode/m-hidden", Cases(sample));
        Assert.All(items, s => Assert.EndsWith("Auditcase", s!["personName"]!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.Conflict, again);
        Assert.Equal(409, problem!["status"]!.GetValue<int>());

        // The same seed on the same cases draws the same sample; every person listed is in the access log.
        var twin = await CreateAsync(auditor, Exercise(name: "February audit, again"));
        var (_, twinSample) = await auditor.PostJsonAsync($"/api/v1/case-audits/{twin}/sample", new { });
        Assert.Equal(Cases(sample).Order(), Cases(twinSample).Order());
        using var scope = _factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SafeguardDb>();
        var logged = await db.Audit.Where(a => a.Entity == "case-audit-sample" && a.PersonId != null).Select(a => a.PersonId!.Value).ToListAsync();
        Assert.Equal(items.Select(s => Guid.Parse(s!["personId"]!.GetValue<string>())).Order(), logged.Distinct().Order());
    }

    [Fact]
    public async Task Gradings_are_kept_side_by_side_and_the_tables_count_them_while_bad_grades_are_refused_and_change_nothing()
    {
        await SeedAsync();
        var auditor = await _factory.ApiAsAsync(Roles.Auditor);
        var id = await CreateAsync(auditor, Exercise());
        var (_, sample) = await auditor.PostJsonAsync($"/api/v1/case-audits/{id}/sample", new { });
        var first = sample!.AsArray()[0]!["id"]!.GetValue<string>();
        var second = sample.AsArray()[1]!["id"]!.GetValue<string>();

        var (selfStatus, _) = await auditor.PostJsonAsync($"/api/v1/case-audits/{id}/sample/{first}/grades", new
        {
            kind = "self", overall = "good", findings = "Prompt search and a return interview within 72 hours",
            areas = new Dictionary<string, object> { ["initial-contact"] = new { grade = "good", findings = "All information gathered" } },
        });
        var (indStatus, both) = await auditor.PostJsonAsync($"/api/v1/case-audits/{id}/sample/{first}/grades", new
        {
            kind = "independent", overall = "requires-improvement",
            areas = new Dictionary<string, object> { ["managing-risk"] = new { grade = "inadequate", findings = "No trigger plan" } },
        });
        await auditor.PostJsonAsync($"/api/v1/case-audits/{id}/sample/{second}/grades", new { kind = "independent", overall = "adequate" });
        var (badStatus, bad) = await auditor.PostJsonAsync($"/api/v1/case-audits/{id}/sample/{second}/grades",
            new { kind = "self", overall = "excellent", areas = new Dictionary<string, object> { ["paperwork"] = new { grade = "good" } } });
        var (_, tables) = await auditor.GetJsonAsync($"/api/v1/case-audits/{id}/tables");

        Assert.Equal(HttpStatusCode.OK, selfStatus);
        Assert.Equal(HttpStatusCode.OK, indStatus);
        Assert.Equal("good", both!["self"]!["overall"]!.GetValue<string>());
        Assert.Equal("requires-improvement", both["independent"]!["overall"]!.GetValue<string>());
        var managing = both["independent"]!["areas"]!.AsArray().Single(a => a!["area"]!.GetValue<string>() == "managing-risk");
        Assert.Equal("inadequate", managing!["grade"]!.GetValue<string>());
        Assert.Equal("No trigger plan", managing["findings"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.BadRequest, badStatus);
        Assert.NotNull(bad!["errors"]!["overall"]);
        Assert.NotNull(bad["errors"]!["areas.paperwork"]);
        // Self: one good. Independent: one requires improvement, one adequate. One case graded both ways, not agreeing.
        Assert.Equal(1, tables!["self"]!["byGrade"]!["good"]!.GetValue<int>());
        Assert.Equal(1, tables["self"]!["graded"]!.GetValue<int>());
        Assert.Equal(1, tables["independent"]!["byGrade"]!["requires-improvement"]!.GetValue<int>());
        Assert.Equal(1, tables["independent"]!["byGrade"]!["adequate"]!.GetValue<int>());
        Assert.Equal(2, tables["independent"]!["graded"]!.GetValue<int>());
        Assert.Equal(1, tables["gradedBoth"]!.GetValue<int>());
        Assert.Equal(0, tables["agreed"]!.GetValue<int>());
        Assert.Equal(1, tables["agreement"]!["good"]!["requires-improvement"]!.GetValue<int>());
        Assert.Equal(6, tables["sampled"]!.GetValue<int>());
    }

    [Fact]
    public async Task Recommendations_fall_due_from_the_report_date_and_are_marked_done_once()
    {
        var auditor = await _factory.ApiAsAsync(Roles.Auditor);
        var leader = await _factory.ApiAsAsync(Roles.Leader);
        var officer = await _factory.ApiAsAsync(Roles.Officer);
        await Sharing.SharingTests.OrganisationsAsync(_api);
        var partner = await _factory.ApiAsAsync(Roles.PartnerPractitioner, organisation: Sharing.SharingTests.Org);
        var id = await CreateAsync(auditor, Exercise());

        var (made, now) = await auditor.PostJsonAsync($"/api/v1/case-audits/{id}/recommendations",
            new { text = "Improve practice in cases of children who go missing from home", owner = "Head of public protection", timescale = "immediately" });
        var (_, later) = await auditor.PostJsonAsync($"/api/v1/case-audits/{id}/recommendations",
            new { text = "Review the detention of children", owner = "Custody lead", timescale = "6-months" });
        var (refused, problem) = await auditor.PostJsonAsync($"/api/v1/case-audits/{id}/recommendations",
            new { text = "Something", owner = "", timescale = "next year" });
        var (leaderMakes, _) = await leader.PostJsonAsync($"/api/v1/case-audits/{id}/recommendations",
            new { text = "Something", owner = "Someone", timescale = "3-months" });
        var (done, doneBody) = await leader.PostJsonAsync($"/api/v1/case-audits/{id}/recommendations/{now!["id"]}/done", new { note = "Trigger plans in place" });
        var (twice, _) = await leader.PostJsonAsync($"/api/v1/case-audits/{id}/recommendations/{now["id"]}/done", new { });
        var (officerReads, _) = await officer.GetJsonAsync($"/api/v1/case-audits/{id}/recommendations");
        var (partnerReads, _) = await partner.GetJsonAsync($"/api/v1/case-audits/{id}");
        var (_, list) = await leader.GetJsonAsync($"/api/v1/case-audits/{id}/recommendations");

        Assert.Equal(HttpStatusCode.Created, made);
        Assert.Equal("2026-06-11", now["dueDate"]!.GetValue<string>());
        Assert.Equal("2026-10-30", later!["dueDate"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.BadRequest, refused);
        Assert.NotNull(problem!["errors"]!["owner"]);
        Assert.NotNull(problem["errors"]!["timescale"]);
        Assert.Equal(HttpStatusCode.Forbidden, leaderMakes);
        Assert.Equal(HttpStatusCode.OK, done);
        Assert.Equal("done", doneBody!["status"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Conflict, twice);
        Assert.Equal(HttpStatusCode.Forbidden, officerReads);
        Assert.Equal(HttpStatusCode.Forbidden, partnerReads);
        Assert.Equal(2, list!.AsArray().Count);
        Assert.Equal(["done", "open"], list.AsArray().Select(r => r!["status"]!.GetValue<string>()));
    }

    [Fact]
    public async Task An_exercise_with_bad_answers_is_refused_field_by_field_and_nothing_is_created()
    {
        var auditor = await _factory.ApiAsAsync(Roles.Auditor);

        var (status, problem) = await auditor.PostJsonAsync("/api/v1/case-audits", new
        {
            name = "", periodFrom = "2026-03-01", periodTo = "2026-02-01", bcus = new[] { "atlantis" }, caseTypes = new[] { "shoplifting" },
            perStratum = 0, reportDate = "2026-01-01",
        });
        var (notDate, dateProblem) = await auditor.PostJsonAsync("/api/v1/case-audits", new { name = "x", periodFrom = "1st March" });
        var (_, list) = await auditor.GetJsonAsync("/api/v1/case-audits");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        foreach (var field in new[] { "name", "periodTo", "bcus", "caseTypes", "perStratum", "reportDate" })
            Assert.True(problem!["errors"]![field] is not null, $"no error for {field}: {problem.ToJsonString()}");
        Assert.Equal(HttpStatusCode.BadRequest, notDate);
        Assert.NotNull(dateProblem!["errors"]!["periodFrom"]);
        Assert.Empty(list!.AsArray());
    }
}
