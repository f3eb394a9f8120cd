using System.Net;
using AngleSharp.Html.Parser;
using Safeguard.TestKit;
using Safeguard.Web.Tests.Missing;

namespace Safeguard.Web.Tests.Security;

/// <summary>Every form that posts carries its anti-forgery token, on every page that has one: a form without it
/// is refused for every user (the CAWN form once was, because a plain <c>action</c> attribute turns the token off).</summary>
public sealed class FormTokenTests : IDisposable
{
    private readonly SafeguardFactory _factory = new();
    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Every_form_that_posts_on_the_recording_case_and_admin_pages_carries_an_anti_forgery_token()
    {
        var api = _factory.Api();
        var child = await api.CreatePersonAsync(A.Child("Ola", "Formcheck").AgedYears(13).Build());
        var man = await api.CreatePersonAsync(A.Adult("Ray", "Formsuspect").Build());
        await api.ReportAsync("form-m1", child, "2026-02-20T18:00:00Z");
        await api.LocateAsync("form-f1", "form-m1", child, "2026-02-20T22:00:00Z", "Park");
        await api.ReportAsync("form-m2", child, "2026-03-01T18:00:00Z");
        var (_, flag) = await api.PostJsonAsync($"/api/v1/people/{child}/flags", new { code = "cse-risk", reason = "Screening significant" }); // the flag decision form
        var flagId = flag!["id"]!.GetValue<string>();
        var admin = await PageSignIn.AsAsync(_factory, "administrator");
        string[] pages =
        [
            "/people/new", $"/people/{child}/flags/new", $"/people/{child}/flags/{flagId}/end", $"/people/{child}/trigger-plan",
            $"/missing/report?personId={child}", "/missing/form-m2/locate", "/missing/form-m1/safe-and-well", "/missing/form-m1/return-interview",
            $"/exploitation/screening?personId={child}", $"/exploitation/cawn?personId={child}&suspectId={man}",
            $"/record/ppn/start?personId={child}", "/record/domestic-abuse/start",
            "/admin/bank-holidays", "/admin/settings/MI5.repeatMissingEpisodes",
        ];

        var faults = new List<string>();
        var ownForms = 0;
        foreach (var path in pages)
        {
            var response = await admin.Client.GetAsync(path);
            if (response.StatusCode == HttpStatusCode.Redirect) response = await admin.Client.GetAsync(response.Headers.Location);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path} answered {(int)response.StatusCode}");
            var document = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
            foreach (var form in document.QuerySelectorAll("form").Where(f => string.Equals(f.GetAttribute("method"), "post", StringComparison.OrdinalIgnoreCase)))
            {
                if (form.GetAttribute("action") != "/sign-out") ownForms++;
                var token = form.QuerySelector("input[name='__RequestVerificationToken']")?.GetAttribute("value");
                if (string.IsNullOrEmpty(token))
                    faults.Add($"{path}: the form posting to \"{form.GetAttribute("action") ?? "(the page)"}\" with \"{form.QuerySelector("button")?.TextContent.Trim()}\"");
            }
        }

        Assert.Empty(faults);
        Assert.True(ownForms >= pages.Length, $"only {ownForms} posting forms found on {pages.Length} pages: the sweep did not reach the forms");
    }
}
