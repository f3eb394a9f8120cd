using System.Net;
using System.Text.RegularExpressions;
using Safeguard.TestKit;

namespace Safeguard.Web.Tests.Concurrency;

/// <summary>The profile page's flag decision carries the version the page showed, so a supervisor deciding on a
/// page read before someone else's decision is told, not allowed to overwrite it.</summary>
public sealed partial class FlagDecisionPageTests : IDisposable
{
    private readonly SafeguardFactory _factory = new();
    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Rejecting_on_a_page_read_before_another_supervisor_confirmed_is_refused_and_the_confirmation_stands()
    {
        var api = _factory.Api();
        var child = await api.CreatePersonAsync(A.Child("Paige", "Stale").Build());
        var officer = await _factory.ApiAsAsync("officer");
        var (_, flag) = await officer.PostJsonAsync($"/api/v1/people/{child}/flags", new { code = "cce-risk", reason = "Carrying unexplained cash" });
        var flagId = flag!["id"]!.GetValue<string>();
        var page = await PageSignIn.AsAsync(_factory, "supervisor");

        // The supervisor's page, as a browser holds it: this flag's form with its own hidden fields and token.
        var (_, html) = await page.GetAsync($"/people/{child}");
        var form = FormOf(html, $"Version-{flagId}");
        var reject = ButtonAction().Matches(form).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).Single(a => a.Contains("handler=Reject"));
        var fields = HiddenField().Matches(form).Select(m => new KeyValuePair<string, string>(m.Groups["name"].Value, WebUtility.HtmlDecode(m.Groups["value"].Value))).ToList();
        fields.Add(new($"Reason-{flagId}", "Cash explained: paper round"));

        await api.PostJsonAsync($"/api/v1/people/{child}/flags/{flagId}/confirm", new { reason = "Agreed at the daily meeting" });
        var response = await page.Client.PostAsync(reject, new FormUrlEncodedContent(fields));
        var answer = await response.Content.ReadAsStringAsync();
        var (_, profile) = await api.GetJsonAsync($"/api/v1/people/{child}/profile");

        Assert.Equal("1", fields.Single(f => f.Key == $"Version-{flagId}").Value);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("changed since you read it", answer);
        Assert.Equal("confirmed", profile!["flags"]![0]!["status"]!.GetValue<string>());
    }

    /// <summary>The one form on the page that holds <paramref name="field"/>.</summary>
    private static string FormOf(string html, string field) =>
        FormElement().Matches(html).Select(m => m.Value).Single(f => f.Contains($"name=\"{field}\""));

    [GeneratedRegex("<form[^>]*>.*?</form>", RegexOptions.Singleline)]
    private static partial Regex FormElement();

    [GeneratedRegex("<input(?=[^>]*type=\"hidden\")(?=[^>]*name=\"(?<name>[^\"]+)\")(?=[^>]*value=\"(?<value>[^\"]*)\")[^>]*>")]
    private static partial Regex HiddenField();

    [GeneratedRegex("<button[^>]*formaction=\"([^\"]+)\"")]
    private static partial Regex ButtonAction();
}
