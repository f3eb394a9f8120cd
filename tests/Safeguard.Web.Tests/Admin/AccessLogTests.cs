using System.Net;
using Safeguard.TestKit;
using Safeguard.Web.Tests.Missing;

namespace Safeguard.Web.Tests.Admin;

/// <summary>Issue 8 point 10: the access log searched by the person's name, a date range and the user, each row naming
/// the person, what was done in words and the reason; a page at a time with the true total.</summary>
public sealed class AccessLogTests : IDisposable
{
    private readonly SafeguardFactory _factory = new();
    private readonly HttpClient _api;

    public AccessLogTests() => _api = _factory.Api();
    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task The_log_is_searched_by_part_of_a_persons_name_and_each_row_names_them_and_says_what_was_done()
    {
        var zara = await _api.CreatePersonAsync(A.Child("Zara", "Quillfeather").AgedYears(14).Build());
        var other = await _api.CreatePersonAsync(A.Child("Tom", "Elsewhere").AgedYears(12).Build());
        await _api.ReportAsync("m1", zara, "2026-03-01T20:00:00Z");
        await _api.LocateAsync("f1", "m1", zara, "2026-03-01T23:00:00Z", "Bus station");
        var (_, tasks) = await _api.GetJsonAsync($"/api/v1/tasks?personId={zara}&code=return-interview");
        await _api.PostJsonAsync($"/api/v1/tasks/{tasks!.AsArray().Single()!["id"]}/complete", new { note = "Interview held" });
        await _api.GetJsonAsync($"/api/v1/people/{other}");

        var (status, rows) = await _api.GetJsonAsync("/api/v1/audit?person=quillFEATHER");
        var admin = await PageSignIn.AsAsync(_factory, "administrator");
        var (pageStatus, html) = await admin.GetAsync("/admin/audit?Person=quill");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.NotEmpty(rows!.AsArray());
        Assert.All(rows.AsArray(), r => Assert.Equal(zara, r!["personId"]!.GetValue<string>()));
        Assert.All(rows.AsArray(), r => Assert.Equal("Zara Quillfeather", r!["personName"]!.GetValue<string>()));
        Assert.Contains(rows.AsArray(), r => r!["summary"]!.GetValue<string>() == "Changed a task: return interview completed");
        Assert.Equal(HttpStatusCode.OK, pageStatus);
        Assert.Contains("Zara Quillfeather", html);
        Assert.Contains("Changed a task: return interview completed", html);
        Assert.Contains("Interview held", html); // the reason
        Assert.DoesNotContain("Tom Elsewhere", html);
    }

    [Fact]
    public async Task The_log_is_searched_by_user_and_date_range_a_page_at_a_time_with_the_true_total()
    {
        var child = await _api.CreatePersonAsync(A.Child("Lola", "Rangetest").AgedYears(14).Build());
        for (var i = 0; i < 3; i++) await _api.GetJsonAsync($"/api/v1/people/{child}");
        var today = _factory.Clock.GetUtcNow();
        var admin = await PageSignIn.AsAsync(_factory, "administrator");

        var firstPage = await _api.GetAsync($"/api/v1/audit?personId={child}&pageSize=2");
        var (_, second) = await _api.GetJsonAsync($"/api/v1/audit?personId={child}&pageSize=2&page=2");
        var (_, later) = await _api.GetJsonAsync($"/api/v1/audit?personId={child}&from={Uri.EscapeDataString(today.AddDays(1).ToString("O"))}");
        var (_, byUser) = await admin.GetAsync($"/admin/audit?Person=Rangetest&Actor=nobody-of-that-name");
        var (_, inRange) = await admin.GetAsync($"/admin/audit?Person=Rangetest&FromDay={today.Day}&FromMonth={today.Month}&FromYear={today.Year}&ToDay={today.Day}&ToMonth={today.Month}&ToYear={today.Year}");
        var (_, beforeRange) = await admin.GetAsync($"/admin/audit?Person=Rangetest&ToDay=1&ToMonth=1&ToYear=2020");
        var (badStatus, bad) = await admin.GetAsync("/admin/audit?FromDay=31&FromMonth=2&FromYear=2026");

        var total = int.Parse(firstPage.Headers.GetValues("X-Total-Count").Single());
        Assert.True(total >= 4, $"create and three views, got {total}");
        Assert.Equal(Math.Min(2, total - 2), second!.AsArray().Count);
        Assert.Empty(later!.AsArray());
        Assert.Contains("0 entries found", byUser);
        Assert.Contains("Lola Rangetest", inRange);
        Assert.Contains("0 entries found", beforeRange);
        Assert.Equal(HttpStatusCode.OK, badStatus);
        Assert.Contains("The start date must be a real date", bad);
    }

    [Fact]
    public async Task An_auditor_not_named_on_a_restriction_sees_a_restricted_record_without_its_name_and_cannot_find_it_by_name()
    {
        var hidden = await _api.CreatePersonAsync(A.Adult("Perpetua", "Keptquiet").Build());
        var open = await _api.CreatePersonAsync(A.Adult("Perry", "Openrecord").Build());
        await _api.GetJsonAsync($"/api/v1/people/{hidden}");
        await _api.GetJsonAsync($"/api/v1/people/{open}");
        var namedAuditor = _factory.Api((await _factory.IssueTokenAsync("auditor", name: "named-audit")).Token);
        var auditor = _factory.Api((await _factory.IssueTokenAsync("auditor", name: "other-audit")).Token);
        var (restricted, _) = await _api.PutJsonAsync($"/api/v1/people/{hidden}/restriction",
            new { allowed = new[] { "client:named-audit" }, reason = "Subject is a serving officer" });
        Assert.Equal(HttpStatusCode.OK, restricted);

        var (_, byId) = await auditor.GetJsonAsync($"/api/v1/audit?personId={hidden}");
        var (byNameStatus, byName) = await auditor.GetJsonAsync("/api/v1/audit?person=perpetua");
        var (_, byPartName) = await auditor.GetJsonAsync("/api/v1/audit?person=per");
        var (_, named) = await namedAuditor.GetJsonAsync("/api/v1/audit?person=perpetua");
        var (_, admin) = await _api.GetJsonAsync("/api/v1/audit?person=perpetua");
        var page = await PageSignIn.AsUserAsync(_factory, "page-auditor", "auditor");
        var (_, html) = await page.GetAsync($"/admin/audit?PersonId={hidden}");
        var (_, htmlByName) = await page.GetAsync("/admin/audit?Person=Keptquiet");

        // The rows about the restricted person are there (the log is complete), but without a name.
        Assert.NotEmpty(byId!.AsArray());
        Assert.All(byId.AsArray(), r => Assert.Equal(("A restricted record", true),
            (r!["personName"]!.GetValue<string>(), r["restrictedRecord"]!.GetValue<bool>())));
        Assert.Equal(HttpStatusCode.OK, byNameStatus);
        Assert.Empty(byName!.AsArray());
        Assert.All(byPartName!.AsArray(), r => Assert.Equal(open, r!["personId"]!.GetValue<string>()));
        Assert.NotEmpty(byPartName.AsArray());
        Assert.DoesNotContain("Perpetua", byId.ToJsonString() + byPartName.ToJsonString());
        Assert.DoesNotContain("Perpetua", html);
        Assert.Contains("A restricted record", html);
        Assert.DoesNotContain(hidden, htmlByName);
        // Those PersonAccess lets see the person (named on the restriction, administrators) keep the name.
        Assert.NotEmpty(named!.AsArray());
        Assert.All(named.AsArray(), r => Assert.Equal("Perpetua Keptquiet", r!["personName"]!.GetValue<string>()));
        Assert.NotEmpty(admin!.AsArray());
        Assert.All(admin.AsArray(), r => Assert.Equal("Perpetua Keptquiet", r!["personName"]!.GetValue<string>()));
    }
}
