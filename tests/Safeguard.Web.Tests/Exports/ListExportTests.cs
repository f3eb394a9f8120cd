using System.Net;
using Safeguard.Core.AccessLog;
using Safeguard.Core.Exports;
using Safeguard.Core.MatchReviews;
using Safeguard.TestKit;
using Safeguard.Web.Tests.Missing;

namespace Safeguard.Web.Tests.Exports;

/// <summary>Issue 8 point 9: every list downloads as CSV and as an Excel workbook, with the list's filters (every page, not
/// only the one shown), cells that can never run as formulas, and an access-log entry for the export and for each person
/// in it; a role that may not see a list may not download it.</summary>
public sealed class ListExportTests : IDisposable
{
    private readonly SafeguardFactory _factory = new();
    private readonly HttpClient _api;

    public ListExportTests() => _api = _factory.Api();
    public void Dispose() => _factory.Dispose();

    private List<AuditEntry> Exports(string list)
    {
        using var db = _factory.Db();
        return db.Audit.Where(a => a.Action == AuditActions.Export && a.Entity == list).ToList();
    }

    private static async Task<IReadOnlyList<IReadOnlyList<string>>> DownloadAsync(PageSignIn session, string path)
    {
        var response = await session.Client.GetAsync(path);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path} answered {(int)response.StatusCode}");
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        return await Workbook.RowsAsync(response);
    }

    [Fact]
    public void A_workbook_holds_every_cell_as_text_with_formulas_defused_and_names_in_any_alphabet_kept()
    {
        string?[] names = ["Zoë Ødegård", "李小龙", "محمد الأحمد", "Ольга Петрова", "👧 Amara", null];
        var xlsx = ListExport.Xlsx(["Name", "Note"],
            names.Select(n => (IReadOnlyList<string?>)[n, "=HYPERLINK(\"http://x\")"]).Append(["+44 1234", "@SUM(A1)\u0001"]).Append(["-1", "\tcmd"]));

        var rows = Workbook.Rows(xlsx);

        Assert.Equal(["Name", "Note"], rows[0]);
        Assert.Equal(["Zoë Ødegård", "李小龙", "محمد الأحمد", "Ольга Петрова", "👧 Amara", ""], rows.Skip(1).Take(6).Select(r => r[0]));
        Assert.All(rows.Skip(1).Take(6), r => Assert.Equal("'=HYPERLINK(\"http://x\")", r[1]));
        Assert.Equal(["'+44 1234", "'@SUM(A1)"], rows[7]);
        Assert.Equal(["'-1", "'\tcmd"], rows[8]);
    }

    [Fact]
    public async Task Tasks_download_as_a_workbook_with_the_filters_of_the_page_and_an_access_log_entry_for_each_child_in_it()
    {
        var done = await _api.CreatePersonAsync(A.Child("Esme", "Xlsxtest").AgedYears(14).Build());
        var open = await _api.CreatePersonAsync(A.Child("Owen", "Xlsxtest").AgedYears(13).Build());
        await _api.ReportAsync("m1", done, "2026-03-01T20:00:00Z");
        await _api.LocateAsync("f1", "m1", done, "2026-03-01T23:00:00Z", "Bus station");
        await _api.ReportAsync("m2", open, "2026-03-01T19:00:00Z");
        await _api.LocateAsync("f2", "m2", open, "2026-03-01T22:00:00Z", "Park");
        var (_, tasks) = await _api.GetJsonAsync($"/api/v1/tasks?personId={done}&code=return-interview");
        await _api.PostJsonAsync($"/api/v1/tasks/{tasks!.AsArray().Single()!["id"]}/complete", new { note = "=1+1 spoke to carer" });
        var supervisor = await PageSignIn.AsAsync(_factory, "supervisor");

        var (_, page) = await supervisor.GetAsync("/worklist?Team=all&Status=done");
        var rows = await DownloadAsync(supervisor, "/worklist?Team=all&Status=done&handler=TasksExport&format=xlsx");
        var audit = Exports("tasks");

        Assert.Contains("handler=TasksExport&amp;format=xlsx", page);
        Assert.Equal("Child", rows[0][0]);
        var row = Assert.Single(rows.Skip(1));
        Assert.Equal(("Esme Xlsxtest", "Done", "'=1+1 spoke to carer"), (row[0], row[2], row[9]));
        Assert.Equal([Guid.Parse(done)], audit.Where(a => a.PersonId is not null).Select(a => a.PersonId!.Value));
        Assert.Contains(audit, a => a.PersonId is null && a.Detail!.StartsWith("1 rows as XLSX", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Alerts_download_as_csv_naming_the_child_and_who_the_alert_is_for()
    {
        var child = await _api.CreatePersonAsync(A.Child("Mia", "Alertexport").AgedYears(14).Build());
        await _api.ReportAsync("m1", child, "2026-01-05T20:00:00Z");
        await _api.ReportAsync("m2", child, "2026-01-20T20:00:00Z");
        await _api.ReportAsync("m3", child, "2026-02-01T20:00:00Z");
        var supervisor = await PageSignIn.AsAsync(_factory, "supervisor");

        var rows = await DownloadAsync(supervisor, "/worklist?Team=all&Audience=all&Code=repeat-missing&handler=AlertsExport&format=csv");

        Assert.Equal(["Child", "Alert", "Raised", "For", "Why", "Acknowledged", "Acknowledged by", "Note"], rows[0]);
        Assert.Contains(rows.Skip(1), r => r[0] == "Mia Alertexport" && !r[3].Contains('-') && r[3].Length > 0);
        Assert.Contains(Exports("alerts"), a => a.PersonId == Guid.Parse(child));
    }

    [Fact]
    public async Task Search_results_download_whole_not_only_the_page_shown_and_each_person_found_is_logged()
    {
        var ids = new List<string>();
        for (var i = 0; i < 27; i++) ids.Add(await _api.CreatePersonAsync(A.Child("Child" + (char)('a' + i), "Pagedexport").AgedYears(10).Build()));
        await _api.CreatePersonAsync(A.Child("Someone", "Different").AgedYears(10).Build());
        var officer = await PageSignIn.AsAsync(_factory, "officer");

        var (_, page) = await officer.GetAsync("/people?Name=Pagedexport");
        var rows = await DownloadAsync(officer, "/people?Name=Pagedexport&handler=Export&format=xlsx");

        Assert.Contains("Showing 1 to 25", page);
        Assert.Equal(["Name", "Date of birth", "Age", "Postcode", "Flags", "Why it matched"], rows[0]);
        Assert.Equal(27, rows.Count - 1);
        Assert.All(rows.Skip(1), r => Assert.EndsWith("Pagedexport", r[0]));
        Assert.Equal(ids.Select(Guid.Parse).Order(), Exports("people").Where(a => a.PersonId is not null).Select(a => a.PersonId!.Value).Order());
    }

    private async Task<List<string>> QueueReviewsAsync(int count)
    {
        var existing = await _api.CreatePersonAsync(A.Child("Jessica", "Reviewexport").BornOn("2014-04-03").Build());
        var incoming = new List<string>();
        for (var i = 0; i < count; i++) incoming.Add(await _api.CreatePersonAsync(A.Child("Jess" + (char)('a' + i), "Reviewexpor").BornOn("2014-04-03").Build()));
        using var db = _factory.Db();
        var at = new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);
        db.MatchReviews.AddRange(incoming.Select((id, i) => new MatchReview
        {
            Id = Guid.NewGuid(), IncomingPersonId = Guid.Parse(id), CandidatePersonId = Guid.Parse(existing), Score = 0.9, Reasons = ["surname"],
            Source = "import:cms", CreatedAt = at.AddMinutes(i),
        }));
        await db.SaveChangesAsync();
        return incoming;
    }

    [Fact]
    public async Task Match_reviews_are_paged_with_a_true_count_and_download_whole()
    {
        var incoming = await QueueReviewsAsync(27);
        var supervisor = await PageSignIn.AsAsync(_factory, "supervisor");

        var (_, first) = await supervisor.GetAsync("/matching/reviews");
        var (_, second) = await supervisor.GetAsync("/matching/reviews?status=open&page=2");
        var rows = await DownloadAsync(supervisor, "/matching/reviews?status=open&handler=Export&format=csv");
        var (_, apiPage) = await _api.GetJsonAsync("/api/v1/match-reviews?status=open&page=3&pageSize=10");
        var apiTotal = (await _api.GetAsync("/api/v1/match-reviews?status=open&pageSize=1")).Headers.GetValues("X-Total-Count").Single();
        var (tooBig, _) = await _api.GetJsonAsync("/api/v1/match-reviews?pageSize=5000");

        Assert.Contains("Showing 1 to 25 of 27", first);
        Assert.Contains("govuk-pagination", first);
        Assert.Contains("Showing 26 to 27 of 27", second);
        Assert.Equal(27, rows.Count - 1);
        Assert.All(rows.Skip(1), r => Assert.Equal(("Jessica Reviewexport", "Import from cms", "Waiting"), (r[2], r[6], r[8])));
        Assert.Equal(7, apiPage!.AsArray().Count);
        Assert.Equal("27", apiTotal);
        Assert.Equal(HttpStatusCode.BadRequest, tooBig);
        Assert.Equal(28, Exports("match-reviews").Count(a => a.PersonId is not null));
        Assert.Contains(Exports("match-reviews"), a => a.PersonId == Guid.Parse(incoming[0]));
    }

    [Fact]
    public async Task The_children_missing_now_download_with_risk_and_flags_for_the_control_room()
    {
        var child = await _api.CreatePersonAsync(A.Child("Kai", "Missingexport").AgedYears(15).Build());
        await _api.ReportAsync("m1", child, "2026-03-01T20:00:00Z", grade: "high");
        var controlRoom = await PageSignIn.AsAsync(_factory, "control-room");

        var (_, page) = await controlRoom.GetAsync("/missing/now");
        var rows = await DownloadAsync(controlRoom, "/missing/now?handler=Export&format=xlsx");

        Assert.Contains("/missing/now?handler=Export&amp;format=csv", page);
        var row = Assert.Single(rows.Skip(1));
        Assert.Equal(("Kai Missingexport", "High", "Yes"), (row[0], row[3], row[2]));
        Assert.Contains(Exports("missing-now"), a => a.PersonId == Guid.Parse(child));
    }

    [Fact]
    public async Task The_chronology_downloads_as_filtered_and_is_logged_for_the_child()
    {
        var child = await _api.CreatePersonAsync(A.Child("Ivy", "Chronoexport").AgedYears(12).Build());
        await _api.ReportAsync("m1", child, "2026-02-01T20:00:00Z");
        await _api.LocateAsync("f1", "m1", child, "2026-02-01T23:00:00Z", "Library");
        await _api.ReportAsync("m2", child, "2026-02-10T20:00:00Z");
        var officer = await PageSignIn.AsAsync(_factory, "officer");

        var (_, profile) = await officer.GetAsync($"/people/{child}?Type=missing-reported");
        var rows = await DownloadAsync(officer, $"/people/{child}?Type=missing-reported&handler=ChronologyExport&format=csv");
        var all = await DownloadAsync(officer, $"/people/{child}?handler=ChronologyExport&format=xlsx");

        Assert.Contains("handler=ChronologyExport&amp;format=xlsx", profile);
        Assert.Equal(["m2", "m1"], rows.Skip(1).Select(r => r[^1]));
        Assert.Equal(3, all.Count - 1);
        Assert.Equal(2, Exports("chronology").Count(a => a.PersonId == Guid.Parse(child)));
    }

    [Fact]
    public async Task Children_to_notice_download_for_supervisors_and_not_for_officers()
    {
        var child = await _api.CreatePersonAsync(A.Child("Noah", "Noticeexport").Build());
        var victim = await _api.CreatePersonAsync(A.Adult("Lee", "Noticeexport").Build());
        await _api.RecordAsync(new
        {
            id = "da-notice", type = "incident", occurredAt = "2026-02-10T22:00:00Z", unit = "N-RESP",
            people = new object[] { new { personId = victim, role = "victim" }, new { personId = child, role = "child" } },
            data = new { classifications = new[] { "domestic-abuse" }, riskGrade = "medium",
                children = new[] { new { personId = child, demeanour = "Quiet", seenAndSpokenTo = false } } },
        });
        var supervisor = await PageSignIn.AsAsync(_factory, "supervisor");
        var officer = await PageSignIn.AsAsync(_factory, "officer");

        var rows = await DownloadAsync(supervisor, "/measures/recording?Months=6&handler=ChildrenExport&format=xlsx");
        var measures = await DownloadAsync(supervisor, "/measures/recording?Months=6&handler=MeasuresExport&format=csv");
        var refused = await officer.Client.GetAsync("/measures/recording?handler=ChildrenExport&format=csv");

        var row = Assert.Single(rows.Skip(1));
        Assert.Equal(("Noah Noticeexport", "da-notice"), (row[0], row[3]));
        Assert.Equal("Team", measures[0][0]);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains(Exports("children-to-notice"), a => a.PersonId == Guid.Parse(child));
    }

    [Fact]
    public async Task Users_download_with_team_names_for_administrators_only()
    {
        using (var db = _factory.Db())
        {
            db.Teams.Add(new Core.Organisation.Team { Code = "mp-north", Name = "North missing persons unit", BcuCode = "north", Kind = "missing" });
            await db.SaveChangesAsync();
        }
        await _factory.AddUserAsync("sam.patel", "officer", PageSignIn.Password, team: "mp-north");
        var admin = await PageSignIn.AsAsync(_factory, "administrator");
        var officer = await PageSignIn.AsAsync(_factory, "officer");

        var rows = await DownloadAsync(admin, "/admin/users?handler=Export&format=xlsx");
        var refused = await officer.Client.GetAsync("/admin/users?handler=Export&format=csv");

        Assert.Equal(["Username", "Name", "Role", "Team", "Organisation", "Status"], rows[0]);
        Assert.Contains(rows, r => r[0] == "sam.patel" && r[3] == "North missing persons unit");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Single(Exports("users"));
    }

    [Fact]
    public async Task The_access_log_downloads_as_a_workbook_with_the_search_kept()
    {
        var child = await _api.CreatePersonAsync(A.Child("Finn", "Logxlsx").AgedYears(13).Build());
        var other = await _api.CreatePersonAsync(A.Child("Gus", "Otherlog").AgedYears(13).Build());
        await _api.GetJsonAsync($"/api/v1/people/{child}");
        await _api.GetJsonAsync($"/api/v1/people/{other}");
        var admin = await PageSignIn.AsAsync(_factory, "administrator");

        var rows = await DownloadAsync(admin, "/admin/audit?Person=Logxlsx&handler=Export&format=xlsx");

        Assert.Equal(["When", "Who", "Role", "What they did", "About", "Why"], rows[0]);
        Assert.NotEmpty(rows.Skip(1));
        Assert.All(rows.Skip(1), r => Assert.Equal("Finn Logxlsx", r[4]));
        Assert.Contains(Exports("audit"), a => a.PersonId == Guid.Parse(child));
        Assert.DoesNotContain(Exports("audit"), a => a.PersonId == Guid.Parse(other));
    }

    [Theory]
    [InlineData("officer", "/matching/reviews?handler=Export&format=csv")]
    [InlineData("partner-practitioner", "/missing/now?handler=Export&format=csv")]
    [InlineData("supervisor", "/admin/audit?handler=Export&format=csv")]
    [InlineData("officer", "/admin/users?handler=Export&format=xlsx")]
    public async Task A_role_that_may_not_see_a_list_may_not_download_it(string role, string path)
    {
        var session = await PageSignIn.AsAsync(_factory, role);

        var response = await session.Client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        using var db = _factory.Db();
        Assert.False(db.Audit.Any(a => a.Action == AuditActions.Export));
    }

    [Fact]
    public async Task A_format_other_than_csv_or_xlsx_is_refused_and_nothing_is_logged()
    {
        var supervisor = await PageSignIn.AsAsync(_factory, "supervisor");

        var response = await supervisor.Client.GetAsync("/worklist?Team=all&handler=TasksExport&format=pdf");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var db = _factory.Db();
        Assert.False(db.Audit.Any(a => a.Action == AuditActions.Export));
    }
}
