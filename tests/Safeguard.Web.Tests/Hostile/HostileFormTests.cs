using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.TestKit;

namespace Safeguard.Web.Tests.Hostile;

/// <summary>Issue 11, point 8, for people's forms: every form on every page an administrator, officer, supervisor or investigator can open (pages read from
/// the app's own endpoint list; ids in routes filled with a seeded child and event) is posted, with its own
/// anti-forgery token, hundreds of times with hostile values in its fields (hidden ones too, now and then).
/// Never a server error; a post refused with a 4xx changes nothing. (A form that answers 200 with its errors shown,
/// or redirects, is the page's own business and is checked by the page tests.)</summary>
public sealed class HostileFormTests : IDisposable
{
    private const int Posts = 600;
    private readonly SafeguardFactory _factory = new();
    public void Dispose() => _factory.Dispose();

    private sealed record Form(PageSignIn Session, string Role, string Page, string Action, IReadOnlyList<(string Name, string Value, bool Hidden)> Fields)
    {
        public override string ToString() => $"form to {Action} on {Page} ({Role})";
    }

    [Fact]
    public async Task Hostile_values_in_every_form_on_every_page_never_get_a_server_error_and_a_refused_post_changes_nothing()
    {
        var api = _factory.Api();
        var child = await api.CreatePersonAsync(A.Child("Hana", "Okoro").AgedYears(13).Build());
        await api.RecordAsync(A.Ppn(child).WithId("form-ppn").Build());
        var forms = new List<Form>();
        foreach (var role in new[] { "administrator", "officer", "supervisor", "investigator" })
            forms.AddRange(await FormsAsync(await PageSignIn.AsAsync(_factory, role), role, child, "form-ppn"));
        Assert.True(forms.Count >= 10, $"Only {forms.Count} forms found: {string.Join(", ", forms)}");

        var failures = new Dictionary<string, string>();
        var before = await DatabaseSnapshot.TakeAsync(_factory);
        var gen =
            from form in Gen.Elements(forms.ToArray())
            from values in HostileValues.PlainText.ArrayOf(form.Fields.Count)
            from spoil in Gen.Choose(0, 99).ArrayOf(form.Fields.Count)
            select (form, Fields: form.Fields.Select((f, i) =>
                new KeyValuePair<string, string>(f.Name, f.Name == "__RequestVerificationToken" ? spoil[i] < 2 ? values[i] : f.Value
                    : f.Hidden ? spoil[i] < 15 ? values[i] : f.Value
                    : spoil[i] < 70 ? values[i] : f.Value)).ToList());
        var property = Prop.ForAll(gen.ToArbitrary(), post =>
        {
            using var content = new FormUrlEncodedContent(post.Fields);
            using var response = post.form.Session.Client.PostAsync(post.form.Action, content).GetAwaiter().GetResult();
            var status = (int)response.StatusCode;
            var after = DatabaseSnapshot.TakeAsync(_factory).GetAwaiter().GetResult();
            var changes = status is >= 400 and < 500 ? DatabaseSnapshot.Changes(before, after) : [];
            if (status >= 500 || changes.Count > 0)
                failures.TryAdd($"{post.form} {status}", $"{post.form} answered {status}{(changes.Count > 0 ? ", yet the database changed: " + string.Join("; ", changes) : "")}\n  " +
                    string.Join("&", post.Fields.Select(f => $"{f.Key}={HostileValues.Preview(f.Value)}")));
            before = after;
        });
        await Task.Run(() => Check.One(Config.QuickThrowOnFailure.WithMaxTest(Posts), property));

        Assert.True(failures.Count == 0, $"{failures.Count} kinds of failure:\n\n{string.Join("\n\n", failures.Values.Take(15))}");
    }

    /// <summary>Every post form on every page (without route values, or with an id the seeded child or event fills).</summary>
    private async Task<List<Form>> FormsAsync(PageSignIn session, string role, string child, string eventId)
    {
        var templates = _factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.OfType<PageActionDescriptor>().Any())
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/')).Distinct().ToList();
        var forms = new List<Form>();
        foreach (var template in templates)
        {
            var path = System.Text.RegularExpressions.Regex.Replace(template, @"\{([^}:?]+)[^}]*\}",
                m => m.Groups[1].Value.Contains("event", StringComparison.OrdinalIgnoreCase) ? eventId : child);
            if (path.Contains("sign-out", StringComparison.Ordinal)) continue;
            var (status, html) = await session.GetAsync(path);
            if (status != HttpStatusCode.OK) continue;
            var document = new HtmlParser().ParseDocument(html);
            foreach (var form in document.QuerySelectorAll("form").OfType<IHtmlFormElement>())
            {
                if (!string.Equals(form.Method, "post", StringComparison.OrdinalIgnoreCase)) continue;
                var action = form.GetAttribute("action") is { Length: > 0 } a ? a : path;
                if (action.Contains("sign-out", StringComparison.Ordinal)) continue;
                var fields = form.Elements.Select(e => e switch
                {
                    IHtmlInputElement i when i.Type is not ("submit" or "button" or "image" or "file") && !string.IsNullOrEmpty(i.Name) =>
                        ((string Name, string Value, bool Hidden)?)(i.Name!, i.Value ?? "", i.Type == "hidden"),
                    IHtmlTextAreaElement t when !string.IsNullOrEmpty(t.Name) => (t.Name!, t.Value ?? "", false),
                    IHtmlSelectElement s when !string.IsNullOrEmpty(s.Name) => (s.Name!, s.Value ?? "", false),
                    IHtmlButtonElement b when b.Type == "submit" && !string.IsNullOrEmpty(b.Name) => (b.Name!, b.Value ?? "", true),
                    _ => null,
                }).OfType<(string, string, bool)>().ToList();
                forms.Add(new Form(session, role, path, action, fields));
            }
        }
        return forms;
    }
}
