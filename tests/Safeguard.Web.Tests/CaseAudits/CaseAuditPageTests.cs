using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Core.Data;
using Safeguard.Core.Organisation;
using Safeguard.TestKit;

namespace Safeguard.Web.Tests.CaseAudits;

/// <summary>Issue 12 point 6 through the pages: an auditor creates an exercise (answers checked before it is created), draws the
/// sample, sees each case's child by name, grades a case and reads the tables and recommendations; a leader reads the grades
/// without a form; a partner is refused.</summary>
public sealed class CaseAuditPageTests : IDisposable
{
    private readonly SafeguardFactory _factory = new();
    private readonly HttpClient _api;

    public CaseAuditPageTests()
    {
        _api = _factory.Api();
        using var scope = _factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SafeguardDb>();
        db.Bcus.Add(new Bcu { Code = "north", Name = "Northmoor" });
        db.Teams.Add(new Team { Code = "n-team", Name = "Northmoor missing persons", BcuCode = "north", Kind = "missing" });
        db.SaveChanges();
    }

    public void Dispose() => _factory.Dispose();

    private static KeyValuePair<string, string> F(string name, string value) => new(name, value);

    [Fact]
    public async Task An_auditor_creates_an_exercise_draws_the_sample_and_grades_a_childs_case_which_a_leader_then_reads()
    {
        var child = await _api.CreatePersonAsync(A.Child("Maisie", "Pagegrade").Build());
        await _api.RecordAsync(new
        {
            id = "m-page", type = "missing-reported", occurredAt = "2026-02-03T20:00:00Z", unit = "n-team",
            people = new[] { new { personId = child, role = "child" } },
            data = new { riskGrade = "high", reportedBy = "foster-carer", lookedAfter = true, lastSeenAt = "2026-02-03T19:00:00Z" },
        });
        var auditor = await PageSignIn.AsAsync(_factory, Roles.Auditor);

        // Continue shows the answers back; nothing is created until "Create exercise".
        var check = await auditor.SubmitAsync("/case-audits/new", "Continue",
        [
            F("Name", "February missing audit"), F("PeriodFrom.Day", "1"), F("PeriodFrom.Month", "2"), F("PeriodFrom.Year", "2026"),
            F("PeriodTo.Day", "28"), F("PeriodTo.Month", "2"), F("PeriodTo.Year", "2026"), F("Bcus", "north"), F("CaseTypes", "missing"),
            F("PerStratum", "2"), F("Seed", "7"), F("ReportDate.Day", "30"), F("ReportDate.Month", "4"), F("ReportDate.Year", "2026"),
        ]);
        var checkHtml = await check.Content.ReadAsStringAsync();
        Assert.Contains("Check your answers", checkHtml);
        Assert.Contains("1 February 2026 to 28 February 2026", checkHtml);
        Assert.Contains("Northmoor", checkHtml);
        var created = await (await auditor.FormOnAsync(check, "Create exercise")).SubmitAsync();
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var exercise = created.Headers.Location!.OriginalString.Split('?')[0];

        var drawn = await auditor.SubmitAsync(exercise, "Draw the sample");
        Assert.Equal(HttpStatusCode.Redirect, drawn.StatusCode);
        var (_, sampleHtml) = await auditor.GetAsync(exercise);
        Assert.Contains("Maisie Pagegrade", sampleHtml);
        Assert.Contains("Not graded", sampleHtml);
        var caseLink = System.Text.RegularExpressions.Regex.Match(sampleHtml, $"href=\"({exercise}/cases/[0-9a-f-]+)\"").Groups[1].Value;

        var graded = await auditor.SubmitAsync(caseLink, "Save grading",
        [
            F("Kind", "independent"), F("Overall", "requires-improvement"), F("Findings", "No strategy discussion after the third episode"),
            F("Area.managing-risk.Grade", "inadequate"), F("Area.managing-risk.Findings", "No trigger plan"),
        ]);
        Assert.Equal(HttpStatusCode.Redirect, graded.StatusCode);
        var (_, after) = await auditor.GetAsync(exercise);
        Assert.Contains("Requires improvement", after);
        var (_, tables) = await auditor.GetAsync(exercise + "/tables");
        Assert.Contains("Cases per grade", tables);
        Assert.Contains("Missing children", tables);

        // Findings too long are refused at the field (the form starts from the independent grading), and nothing changes.
        var refused = await auditor.SubmitAsync(caseLink, "Save grading", [F("Kind", "self"), F("Findings", new string('x', 4001))]);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("The findings must be 4000 characters or fewer", await refused.Content.ReadAsStringAsync());
        Assert.Contains("Not graded", (await auditor.GetAsync(exercise)).Html);

        var leader = await PageSignIn.AsAsync(_factory, Roles.Leader);
        var (leaderStatus, leaderHtml) = await leader.GetAsync(caseLink);
        Assert.Equal(HttpStatusCode.OK, leaderStatus);
        Assert.Contains("No trigger plan", leaderHtml);
        Assert.DoesNotContain("Save grading", leaderHtml);
        var (newStatus, _) = await leader.GetAsync("/case-audits/new");
        Assert.Equal(HttpStatusCode.Forbidden, newStatus);

        await Sharing.SharingTests.OrganisationsAsync(_api);
        var partner = await PageSignIn.AsUserAsync(_factory, "audit-partner", Roles.PartnerPractitioner, organisation: Sharing.SharingTests.Org);
        var (partnerStatus, partnerHtml) = await partner.GetAsync(exercise);
        Assert.Equal(HttpStatusCode.Forbidden, partnerStatus);
        Assert.DoesNotContain("Maisie", partnerHtml);

        // Each view of the case and list of the sample is in the child's access log.
        using var scope = _factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SafeguardDb>();
        var rows = await db.Audit.Where(a => a.PersonId == Guid.Parse(child) && a.Entity.StartsWith("case-audit")).Select(a => a.ActorRole).ToListAsync();
        Assert.Contains(Roles.Auditor, rows);
        Assert.Contains(Roles.Leader, rows);
    }

    [Fact]
    public async Task Recommendations_are_added_with_their_due_date_and_marked_done_on_the_page()
    {
        var auditor = await PageSignIn.AsAsync(_factory, Roles.Auditor);
        var api = await _factory.ApiAsAsync(Roles.Auditor);
        var (_, body) = await api.PostJsonAsync("/api/v1/case-audits", new
        {
            name = "Spring audit", periodFrom = "2026-01-01", periodTo = "2026-03-31", bcus = new[] { "north" }, caseTypes = new[] { "custody" },
            perStratum = 3, reportDate = "2026-04-30",
        });
        var id = body!["id"]!.GetValue<string>();

        var added = await auditor.SubmitAsync($"/case-audits/{id}/recommend", "Add recommendation",
            [F("Text", "Review how children are detained overnight"), F("Owner", "Custody lead"), F("Timescale", "3-months")]);
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var (_, list) = await auditor.GetAsync($"/case-audits/{id}/recommendations");
        Assert.Contains("Review how children are detained overnight", list);
        Assert.Contains("30 July 2026", list);

        var leader = await PageSignIn.AsAsync(_factory, Roles.Leader);
        var done = await leader.SubmitAsync($"/case-audits/{id}/recommendations", "Mark done");
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        var (_, afterHtml) = await leader.GetAsync($"/case-audits/{id}/recommendations");
        Assert.Contains("Recommendation 1 is done", (await leader.GetAsync(done.Headers.Location!.OriginalString)).Html);
        Assert.DoesNotContain("Mark done", afterHtml);
    }
}
