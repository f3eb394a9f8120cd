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
}
