using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.TestKit;
using Safeguard.Web.Tests.Cases;
using Safeguard.Web.Tests.Missing;

namespace Safeguard.Web.Tests.Hostile;

/// <summary>Issue 11, point 8, for people's forms: every form on every page that any role can open (every role in
/// <see cref="Core.Organisation.Roles.All"/>, a partner practitioner with a share among them; pages read from the app's own
/// endpoint list; route values filled by parameter name with seeded records: a child shared with the partner and referred
/// to them, an event, a missing report, a custody booking, a strategy discussion, an investigation, police protection,
/// forensic and charging queue items and a registered offender) is posted, with its own anti-forgery token, hundreds of
/// times with hostile values in its fields (hidden ones too, now and then). Never a server error; a post refused with a
/// 4xx changes nothing. (A form that answers 200 with its errors shown, or redirects, is the page's own business and is
/// checked by the page tests.)</summary>
public sealed class HostileFormTests : IDisposable
{
    private const int Posts = 900;
    private readonly SafeguardFactory _factory = new();
    public void Dispose() => _factory.Dispose();

    private sealed record Form(PageSignIn Session, string Role, string Page, string Action, IReadOnlyList<(string Name, string Value, bool Hidden)> Fields)
    {
        public override string ToString() => $"form to {Action} on {Page} ({Role})";
    }

    /// <summary>The records the route values point at.</summary>
    private sealed record Seeded(string Child, string Offender, string EventId, string MissingId, string CustodyId, string MeetingId,
        string InvestigationId, string ReferralId, string PoliceProtectionId, string FileId, string RequestId);

    private async Task<Seeded> SeedAsync()
    {
        var api = _factory.Api();
        await Sharing.SharingTests.OrganisationsAsync(api);
        var child = await api.CreatePersonAsync(A.Child("Hana", "Okoro").AgedYears(13).Build());
        var suspect = await api.CreatePersonAsync(A.Adult("Gareth", "Formsuspect").Build());
        var offender = await api.CreatePersonAsync(A.Adult("Owain", "Formoffender").Build());
        await api.RecordAsync(A.Ppn(child).WithId("form-ppn").Build());
        await api.ReportAsync("m-form", child, "2026-03-01T20:00:00Z");
        await api.EventAsync("cus-form", "custody-detained", "2026-03-02T07:00:00Z", new { custodyId = "CUS-FORM", appropriateAdult = "Mother" }, (child, "child"));
        await api.StrategyDiscussionAsync(child, "2026-03-20");
        await using (var db = _factory.Db())
        {
            // The teams the investigation helper names.
            foreach (var code in new[] { "CAIT", "CAIT-NORTH" })
                db.Teams.Add(new Core.Organisation.Team { Code = code, Name = $"Child abuse investigation team {code}", BcuCode = "north",
                    Kind = "specialist-child-abuse", Capacity = 25, Skills = ["child-abuse"] });
            await db.SaveChangesAsync();
        }
        await api.InvestigationAsync(child, suspect);
        await api.QueuesAsync(child, suspect);
        await api.OffenderAsync(offender, child);
        await api.EventAsync("ref-form", "referral", "2026-03-01T10:00:00Z",
            new { to = Sharing.SharingTests.Org, kind = "social-care", reason = "Neglect concerns" }, (child, "child"));
        var (shared, body) = await api.PostJsonAsync($"/api/v1/people/{child}/shares",
            new { scope = "record", organisation = Sharing.SharingTests.Org, lawfulBasis = "children-act-1989-s47", until = "2026-06-30" });
        Assert.True(shared == HttpStatusCode.Created, $"Sharing answered {shared}: {body}");
        return new Seeded(child, offender, "form-ppn", "m-form", "CUS-FORM", "sd-1", "INV-7", "ref-form", "pp-2", "CPS-7", "DFU-7");
    }

    [Fact]
    public async Task Hostile_values_in_every_form_on_every_page_never_get_a_server_error_and_a_refused_post_changes_nothing()
    {
        var seeded = await SeedAsync();
        var forms = new List<Form>();
        foreach (var role in Core.Organisation.Roles.All)
        {
            // No team: the test force has none of the demo force's teams; the partner needs their organisation.
            var organisation = role == Core.Organisation.Roles.PartnerPractitioner ? Sharing.SharingTests.Org : null;
            forms.AddRange(await FormsAsync(await PageSignIn.AsUserAsync(_factory, "hostile-" + role, role, organisation: organisation), role, seeded));
        }
        Assert.True(forms.Count >= 40, $"Only {forms.Count} forms found: {string.Join(", ", forms)}");
        foreach (var role in Core.Organisation.Roles.All.Where(r => r is not ("leader" or "auditor")))
            Assert.True(forms.Any(f => f.Role == role), $"No form found for {role}: {string.Join(", ", forms.Select(f => f.ToString()))}");

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

    /// <summary>Every post form on every page the session can open, route values filled from the seeded records by
    /// parameter name (as the authorisation matrix does), with <c>?personId=</c> the child for pages that start from one.</summary>
    private async Task<List<Form>> FormsAsync(PageSignIn session, string role, Seeded seeded)
    {
        var templates = _factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.OfType<PageActionDescriptor>().Any())
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/')).Distinct().ToList();
        var forms = new List<Form>();
        foreach (var template in templates)
        {
            var path = Fill(template, seeded);
            if (path.Contains("sign-out", StringComparison.Ordinal)) continue;
            if (!template.Contains('{')) path += "?personId=" + seeded.Child;
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

    /// <summary>The page's address with each route value taken from the seeded records by its name and the page it is on.</summary>
    private static string Fill(string template, Seeded s) =>
        System.Text.RegularExpressions.Regex.Replace(template, @"\{([^}:?]+)([^}]*)\}", m =>
        {
            var name = m.Groups[1].Value;
            var constraint = m.Groups[2].Value;
            bool On(string part) => template.Contains(part, StringComparison.Ordinal);
            return name switch
            {
                "id" when On("/people/") || On("/partner/children/") || On("/retention/") => s.Child,
                "id" when On("/investigations/") => s.InvestigationId,
                "id" when On("/meetings/") => s.MeetingId,
                "id" when On("/referrals/") => s.ReferralId,
                "personId" when On("/offenders/") => s.Offender,
                "personId" => s.Child,
                "eventId" => s.EventId,
                "missingEventId" => s.MissingId,
                "custodyId" => s.CustodyId,
                "caseId" => s.PoliceProtectionId,
                "fileId" => s.FileId,
                "requestId" => s.RequestId,
                "number" => "1",
                "step" when On("/custody/") => "review",
                "step" => "1",
                "decision" => "confirm",
                "queue" => "forensic",
                "key" => "WT1.referralDecisionWorkingDays",
                "code" when On("/admin/teams/") => "CAIT",
                _ when constraint.Contains("guid", StringComparison.Ordinal) => Guid.NewGuid().ToString(),
                _ => "x",
            };
        });
}
