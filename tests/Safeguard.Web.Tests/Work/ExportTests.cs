using System.Net;
using Safeguard.Core.Exports;
using Safeguard.TestKit;
using Safeguard.Web.Tests.Missing;

namespace Safeguard.Web.Tests.Work;

/// <summary>Issue 8 point 9: lists downloaded as CSV are written to the access log for each person in them, and no cell
/// can run as a spreadsheet formula.</summary>
public sealed class ExportTests : IDisposable
{
    private readonly SafeguardFactory _factory = new();
    private readonly HttpClient _api;

    public ExportTests() => _api = _factory.Api();
    public void Dispose() => _factory.Dispose();

    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")")]
    [InlineData("+44 1234", "'+44 1234")]
    [InlineData("-1", "'-1")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tcmd", "'\tcmd")]
    [InlineData("Ava Moss", "Ava Moss")]
    public void A_cell_that_a_spreadsheet_would_evaluate_is_made_text(string value, string safe) =>
        Assert.Equal(safe, ListExport.Safe(value));

    [Fact]
    public async Task The_task_list_downloads_as_csv_with_formulas_defused_and_one_access_log_entry_per_child()
    {
        var child = await _api.CreatePersonAsync(A.Child("Esme", "Exporttest").AgedYears(14).Build());
        await _api.ReportAsync("m1", child, "2026-03-01T20:00:00Z");
        await _api.LocateAsync("f1", "m1", child, "2026-03-01T23:00:00Z", "Bus station");
        var (_, tasks) = await _api.GetJsonAsync($"/api/v1/tasks?personId={child}&code=return-interview");
        await _api.PostJsonAsync($"/api/v1/tasks/{tasks!.AsArray().Single()!["id"]}/complete", new { note = "=1+1 spoke to carer" });
        var supervisor = await PageSignIn.AsAsync(_factory, "supervisor");

        var response = await supervisor.Client.GetAsync("/worklist?Team=all&Status=done&handler=TasksCsv");
        var csv = await response.Content.ReadAsStringAsync();
        var (_, audit) = await _api.GetJsonAsync($"/api/v1/audit?personId={child}&action=export");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/csv", response.Content.Headers.ContentType!.ToString());
        Assert.Contains("Esme Exporttest", csv);
        Assert.Contains("'=1+1 spoke to carer", csv);
        Assert.Single(audit!.AsArray());
        Assert.Equal("tasks", audit[0]!["entity"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_access_log_downloads_as_csv_and_the_download_is_itself_logged()
    {
        var child = await _api.CreatePersonAsync(A.Child("Finn", "Logexport").AgedYears(13).Build());
        await _api.GetJsonAsync($"/api/v1/people/{child}");
        var admin = await PageSignIn.AsAsync(_factory, "administrator");

        var response = await admin.Client.GetAsync("/admin/audit?Person=Logexport&handler=Csv");
        var csv = await response.Content.ReadAsStringAsync();
        var (_, exports) = await _api.GetJsonAsync($"/api/v1/audit?personId={child}&action=export");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Finn Logexport", csv);
        Assert.Contains("What they did", csv);
        Assert.Single(exports!.AsArray());
    }
}
