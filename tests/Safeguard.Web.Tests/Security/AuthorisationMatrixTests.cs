using System.Net;
using System.Text;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Core.Organisation;
using Safeguard.TestKit;
using Safeguard.Web.Hosting;
using Safeguard.Web.Tests.Sharing;

namespace Safeguard.Web.Tests.Security;

/// <summary>Issue 11 point 6: every route the app maps (pages and API, read from its own <see cref="EndpointDataSource"/>, so a
/// new route cannot be missed) is asked by every role, by a partner practitioner whose organisation has a live share and one
/// whose organisation has none, by everyone kept out of a restricted record, and by nobody signed in; each answer is checked.
/// Pages follow <see cref="PageAccess"/>; the API follows the table below, written out by hand (a route missing from it, or an
/// entry for a route that no longer exists, fails the test). A caller refused gets 403, or 404 as for a record that does
/// not exist, or an empty list; never anyone's name. Anonymous requests never see personal data.</summary>
public sealed partial class AuthorisationMatrixTests : IDisposable
{
    private readonly SafeguardFactory _factory = new();
    public void Dispose() => _factory.Dispose();

    private static readonly string[] All = [.. Roles.All];
    private static readonly string[] Readers = [.. Roles.ReadPeople];
    private static readonly string[] Recorders = [.. Roles.Record];
    private static readonly string[] Admin = [Roles.Administrator];
    private static readonly string[] Partner = [Roles.PartnerPractitioner];
    private static readonly string[] Measures = [Roles.Supervisor, Roles.Leader, Roles.Auditor, Roles.Administrator];
    private static readonly string[] Caseloads = [Roles.Leader, Roles.Supervisor, Roles.OffenderManager, Roles.Auditor, Roles.Administrator];
    private static readonly string[] Deciders = [Roles.Supervisor, Roles.Investigator, Roles.Administrator];
    private static readonly string[] RetentionReviewers = [.. PageAccess.RetentionReviewers];
    private static readonly string[] Workbench = [.. PageAccess.Workbench];
    private static readonly string[] CaseAuditReaders = [Roles.Auditor, Roles.Leader, Roles.Administrator];
    private static readonly string[] CaseAuditors = [Roles.Auditor, Roles.Administrator];

    /// <summary>Who may use an API route, and whether the sample request (GET with a real id) must answer 200 for them.</summary>
    private sealed record Access(string[] Roles, bool Ok = false);

    /// <summary>Every API route, by method and template. Written out, not read from the app, so that a change is deliberate.</summary>
    private static readonly Dictionary<string, Access> Api = new()
    {
        ["GET /api/v1/audit"] = new([.. PageAccess.AuditReaders], Ok: true),
        ["GET /api/v1/cases"] = new(Readers, Ok: true),
        ["GET /api/v1/cases/{type}/{id}"] = new(Readers, Ok: true),
        ["GET /api/v1/clients"] = new(Admin, Ok: true),
        ["POST /api/v1/clients"] = new(Admin),
        ["DELETE /api/v1/clients/{id:guid}"] = new(Admin),
        ["GET /api/v1/custody/now"] = new(Readers, Ok: true),
        ["GET /api/v1/custody/{custodyId}"] = new(Readers),
        ["GET /api/v1/measures/custody-transfers"] = new(Measures, Ok: true),
        ["POST /api/v1/events"] = new(Recorders),
        ["GET /api/v1/events/{id}"] = new(Readers, Ok: true),
        ["GET /api/v1/events/{id}/versions"] = new(Readers, Ok: true),
        ["POST /api/v1/events/{id}/corrections"] = new(Recorders),
        ["POST /api/v1/people/{id:guid}/flags"] = new(Recorders),
        ["POST /api/v1/people/{id:guid}/flags/{flagId:guid}/confirm"] = new(Deciders),
        ["POST /api/v1/people/{id:guid}/flags/{flagId:guid}/reject"] = new(Deciders),
        ["POST /api/v1/people/{id:guid}/flags/{flagId:guid}/end"] = new(Deciders),
        ["GET /api/v1/match-reviews"] = new(Deciders, Ok: true),
        ["GET /api/v1/match-reviews/{id:guid}"] = new(Deciders),
        ["POST /api/v1/match-reviews/{id:guid}/decision"] = new(Deciders),
        ["GET /api/v1/measures"] = new(Measures, Ok: true),
        ["GET /api/v1/measures/catalogue"] = new(Measures, Ok: true),
        ["GET /api/v1/measures/report"] = new(Measures, Ok: true),
        ["GET /api/v1/measures/{id}"] = new(Measures),
        ["GET /api/v1/measures/{id}/cases"] = new(Measures),
        ["POST /api/v1/people/{id:guid}/merge"] = new(Deciders),
        ["POST /api/v1/merges/{mergeId:guid}/undo"] = new(Deciders),
        ["GET /api/v1/people/{id:guid}/merges"] = new(Readers, Ok: true),
        ["GET /api/v1/offenders"] = new([.. Roles.SeeOffenders], Ok: true),
        ["GET /api/v1/offenders/{id:guid}"] = new([.. Roles.SeeOffenders]),
        ["GET /api/v1/measures/offender-caseloads"] = new(Caseloads, Ok: true),
        ["POST /api/v1/people"] = new(Recorders),
        ["GET /api/v1/people"] = new(Readers, Ok: true),
        ["GET /api/v1/people/{id:guid}"] = new(Readers, Ok: true),
        ["POST /api/v1/people/{id:guid}/corrections"] = new(Recorders),
        ["GET /api/v1/people/{id:guid}/versions"] = new(Readers, Ok: true),
        ["GET /api/v1/people/{id:guid}/profile"] = new(Readers, Ok: true),
        ["GET /api/v1/people/{id:guid}/restriction"] = new(Admin, Ok: true),
        ["PUT /api/v1/people/{id:guid}/restriction"] = new(Admin),
        ["DELETE /api/v1/people/{id:guid}/restriction"] = new(Admin),
        ["GET /api/v1/settings"] = new(All, Ok: true),
        ["GET /api/v1/settings/{key}"] = new(All, Ok: true),
        ["PUT /api/v1/settings/{key}"] = new(Admin),
        ["GET /api/v1/bank-holidays"] = new(All, Ok: true),
        ["POST /api/v1/bank-holidays"] = new(Admin),
        ["GET /api/v1/lawful-bases"] = new(All, Ok: true),
        ["GET /api/v1/people/{id:guid}/shares"] = new(Readers, Ok: true),
        ["POST /api/v1/people/{id:guid}/shares"] = new(Recorders),
        ["POST /api/v1/shares/{shareId:guid}/end"] = new(Recorders),
        ["GET /api/v1/partner"] = new(Partner, Ok: true),
        ["GET /api/v1/partner/children/{id:guid}"] = new(Partner, Ok: true),
        ["GET /api/v1/partner/referrals/{id}"] = new(Partner, Ok: true),
        ["POST /api/v1/partner/referrals/{id}/response"] = new(Partner),
        ["GET /api/v1/organisations"] = new(Admin, Ok: true),
        ["POST /api/v1/organisations"] = new(Admin),
        ["GET /api/v1/users"] = new(Admin, Ok: true),
        ["GET /api/v1/users/{id:guid}"] = new(Admin),
        ["POST /api/v1/users"] = new(Admin),
        ["POST /api/v1/users/{id:guid}/disable"] = new(Admin),
        ["POST /api/v1/users/{id:guid}/enable"] = new(Admin),
        ["POST /api/v1/users/{id:guid}/role"] = new(Admin),
        ["POST /api/v1/users/{id:guid}/password"] = new(Admin),
        ["GET /api/v1/tasks"] = new(Readers, Ok: true),
        ["GET /api/v1/alerts"] = new(Readers, Ok: true),
        ["POST /api/v1/tasks/{id:guid}/complete"] = new(Recorders),
        ["POST /api/v1/tasks/{id:guid}/assign"] = new(Recorders),
        ["POST /api/v1/alerts/{id:guid}/acknowledge"] = new(Recorders),
        ["GET /api/v1/queues/{queue}"] = new(Readers),
        ["GET /api/v1/police-protection/now"] = new(Readers, Ok: true),
        ["GET /api/v1/retention/reviews"] = new(RetentionReviewers, Ok: true),
        ["GET /api/v1/people/{id:guid}/retention"] = new(RetentionReviewers, Ok: true),
        ["POST /api/v1/people/{id:guid}/retention"] = new(RetentionReviewers),
        ["GET /api/v1/actions"] = new(Readers, Ok: true),
        ["POST /api/v1/cases/meeting/{id}/actions/{number:int}/done"] = new(Recorders),
        ["GET /api/v1/meetings/conference-attendance"] = new(Readers, Ok: true),
        ["GET /api/v1/daily-management-meeting"] = new(Readers),
        ["GET /api/v1/supervisor-workbench"] = new(Workbench),
        ["GET /api/v1/schools"] = new(All, Ok: true),
        ["GET /api/v1/schools/{code}"] = new(All),
        ["POST /api/v1/schools"] = new(Admin),
        ["PUT /api/v1/schools/{code}"] = new(Admin),
        ["GET /api/v1/school-terms"] = new(All, Ok: true),
        ["POST /api/v1/school-terms"] = new(Admin),
        ["DELETE /api/v1/school-terms/{id:guid}"] = new(Admin),
        ["GET /api/v1/referrals"] = new(Readers, Ok: true),
        ["GET /api/v1/referrals/{id}"] = new(Readers),
        ["POST /api/v1/referrals/{id}/received"] = new(Recorders),
        ["POST /api/v1/referrals/{id}/screening"] = new(Recorders),
        ["POST /api/v1/referrals/{id}/response"] = new(Recorders),
        ["POST /api/v1/referrals/{id}/assessment"] = new(Recorders),
        ["POST /api/v1/referrals/{id}/close"] = new(Recorders),
        ["GET /api/v1/investigations"] = new(Readers, Ok: true),
        ["GET /api/v1/investigations/reviews"] = new(Readers, Ok: true),
        ["GET /api/v1/investigations/{id}"] = new(Readers),
        ["GET /api/v1/investigations/{id}/allocation"] = new(Readers),
        ["GET /api/v1/teams"] = new(Readers, Ok: true),
        ["GET /api/v1/teams/{code}"] = new(Readers),
        ["PUT /api/v1/teams/{code}"] = new(Admin),
        ["GET /api/v1/case-audits"] = new(CaseAuditReaders, Ok: true),
        ["POST /api/v1/case-audits"] = new(CaseAuditors),
        ["GET /api/v1/case-audits/{id:guid}"] = new(CaseAuditReaders),
        ["POST /api/v1/case-audits/{id:guid}/sample"] = new(CaseAuditors),
        ["GET /api/v1/case-audits/{id:guid}/sample"] = new(CaseAuditReaders),
        ["GET /api/v1/case-audits/{id:guid}/sample/{caseId:guid}"] = new(CaseAuditReaders),
        ["POST /api/v1/case-audits/{id:guid}/sample/{caseId:guid}/grades"] = new(CaseAuditors),
        ["GET /api/v1/case-audits/{id:guid}/tables"] = new(CaseAuditReaders),
        ["GET /api/v1/case-audits/{id:guid}/recommendations"] = new(CaseAuditReaders),
        ["POST /api/v1/case-audits/{id:guid}/recommendations"] = new(CaseAuditors),
        ["POST /api/v1/case-audits/{id:guid}/recommendations/{recommendationId:guid}/done"] = new(CaseAuditReaders),
    };

    /// <summary>Routes outside the API and the pages, open to anyone: they carry no personal data.</summary>
    private static readonly HashSet<string> Open = ["GET /health", "GET /openapi/{documentName}.json", "GET /{**path:file}", "HEAD /{**path:file}"];

    private const string ChildName = "Matrixchild";
    private const string RestrictedName = "Matrixrestricted";

    private sealed record Seeded(string Child, string Restricted, string EventId, string ReferralId, string SettingKey);

    /// <summary>Who asks: a name for messages, the role they hold, and whether they are named on the restricted record.</summary>
    private sealed record Caller(string Name, string? Role, bool PartnerWithShare = false, bool Named = false);

    private static IEnumerable<Caller> Callers() =>
        Roles.All.Where(r => r != Roles.PartnerPractitioner).Select(r => new Caller(r, r, Named: r == Roles.Administrator))
            .Append(new Caller("partner with a share", Roles.PartnerPractitioner, PartnerWithShare: true))
            .Append(new Caller("partner without a share", Roles.PartnerPractitioner))
            .Append(new Caller("supervisor named on the restriction", Roles.Supervisor, Named: true))
            .Append(new Caller("nobody signed in", null));

    private async Task<Seeded> SeedAsync()
    {
        var api = _factory.Api();
        await SharingTests.OrganisationsAsync(api);
        var child = await api.CreatePersonAsync(A.Child("Tomasz", ChildName).Build());
        var restricted = await api.CreatePersonAsync(A.Adult("Rosa", RestrictedName).Build());
        await api.RecordAsync(A.Ppn(child).WithId("ppn-matrix").Build());
        await api.RecordAsync(new
        {
            id = "rel-matrix", type = "relationship", occurredAt = "2026-01-10T10:00:00Z",
            people = new[] { new { personId = child, role = "child" }, new { personId = restricted, role = "parent" } }, data = new { kind = "parent" },
        });
        var (restrictedStatus, _) = await api.PutJsonAsync($"/api/v1/people/{restricted}/restriction",
            new { allowed = new[] { "client:bootstrap" }, reason = "Matrix: a colleague who is a suspect" });
        Assert.Equal(HttpStatusCode.OK, restrictedStatus);
        await api.RecordAsync(new
        {
            id = "ref-matrix", type = "referral", occurredAt = "2026-03-01T10:00:00Z", people = new[] { new { personId = child, role = "child" } },
            data = new { to = SharingTests.Org, kind = "social-care", reason = "Neglect concerns" },
        });
        var (shared, _) = await api.PostJsonAsync($"/api/v1/people/{child}/shares",
            new { scope = "record", organisation = SharingTests.Org, lawfulBasis = "children-act-1989-s47", until = "2026-06-30" });
        Assert.Equal(HttpStatusCode.Created, shared);
        return new Seeded(child, restricted, "ppn-matrix", "ref-matrix", "WT1.referralDecisionWorkingDays");
    }

    [Fact]
    public async Task Every_route_answers_every_kind_of_caller_as_its_access_rules_say_and_never_reveals_what_they_may_not_see()
    {
        var seeded = await SeedAsync();
        _restricted = seeded.Restricted;
        var endpoints = _factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        var apiRoutes = new List<(string Key, string Method, string Template)>();
        var pages = new List<(string PagePath, string Template)>();
        var unknown = new List<string>();
        foreach (var e in endpoints)
        {
            var template = "/" + (e.RoutePattern.RawText ?? "").Trim('/');
            if (e.Metadata.GetMetadata<PageActionDescriptor>() is { } page) { pages.Add((page.ViewEnginePath, template)); continue; }
            var methods = e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            foreach (var method in methods)
            {
                var key = $"{method} {template}";
                if (template.StartsWith("/api/", StringComparison.Ordinal)) apiRoutes.Add((key, method, template));
                else if (!Open.Contains(key) && !IsStaticFile(template)) unknown.Add(key);
            }
        }
        var missing = apiRoutes.Select(r => r.Key).Where(k => !Api.ContainsKey(k)).ToList();
        var stale = Api.Keys.Where(k => apiRoutes.All(r => r.Key != k)).ToList();
        Assert.True(missing.Count == 0 && stale.Count == 0 && unknown.Count == 0,
            $"The access table is out of step with the app.\nRoutes not in the table: {string.Join(", ", missing)}\n" +
            $"Table entries for no route: {string.Join(", ", stale)}\nOther routes nobody decided about: {string.Join(", ", unknown)}");
        Assert.True(pages.Count >= 40, $"Only {pages.Count} pages found");

        var failures = new List<string>();
        foreach (var caller in Callers())
        {
            var (client, session) = await SignInAsync(caller);
            foreach (var (key, method, template) in apiRoutes)
                await CheckApiAsync(caller, client, key, method, template, seeded, failures);
            foreach (var (pagePath, template) in pages.DistinctBy(p => p.Template))
                await CheckPageAsync(caller, session, pagePath, template, seeded, failures);
        }
        Assert.True(failures.Count == 0, $"{failures.Count} answers were wrong:\n  " + string.Join("\n  ", failures.Take(60)));
    }

    private string _restricted = "";

    private async Task<(HttpClient Api, HttpClient Pages)> SignInAsync(Caller caller)
    {
        if (caller.Role is null)
            return (_factory.CreateClient(new() { AllowAutoRedirect = false }), PageSignIn.Anonymous(_factory).Client);
        var organisation = caller.Role != Roles.PartnerPractitioner ? null : caller.PartnerWithShare ? SharingTests.Org : SharingTests.OtherOrg;
        var slug = new string(caller.Name.Select(c => char.IsLetterOrDigit(c) ? c : '-').ToArray());
        var token = await _factory.IssueTokenAsync(caller.Role, organisation: organisation, name: "matrix-" + slug);
        var session = await PageSignIn.AsUserAsync(_factory, "matrix-" + slug, caller.Role, organisation: organisation);
        if (caller.Named && caller.Role != Roles.Administrator)
        {
            var (status, body) = await _factory.Api().PutJsonAsync($"/api/v1/people/{_restricted}/restriction",
                new { allowed = new[] { "user:matrix-" + slug, "client:matrix-" + slug, "client:bootstrap" }, reason = "Matrix: the one named user" });
            Assert.True(status == HttpStatusCode.OK, $"Restricting answered {status}: {body}");
        }
        return (_factory.Api(token.Token), session.Client);
    }

    private static bool IsStaticFile(string template) =>
        !template.Contains('{') && template.Split('/')[^1].Contains('.');

    /// <summary>The address to ask, with real ids where the route takes one (the shared child, its event, its referral)
    /// or a fresh one for anything that changes state, so that the matrix changes nothing.</summary>
    private static string Fill(string template, string method, Seeded s, string? personId = null)
    {
        var read = method == "GET";
        var path = new StringBuilder();
        for (var i = 0; i < template.Length; i++)
        {
            if (template[i] != '{') { path.Append(template[i]); continue; }
            var close = template.IndexOf('}', i);
            while (close + 1 < template.Length && template[close + 1] == '}') close++;
            var parameter = template[(i + 1)..close].TrimStart('*');
            var name = parameter.Split(':')[0];
            var constraint = parameter.Length > name.Length ? parameter[(name.Length + 1)..] : "";
            var person = read && name is ("id" or "personId") && (template.Contains("people/") || template.Contains("partner/children/") || template.Contains("offenders/"));
            path.Append(constraint.StartsWith("guid", StringComparison.Ordinal) ? (person ? personId ?? s.Child : Guid.NewGuid().ToString())
                : constraint.StartsWith("regex(", StringComparison.Ordinal) ? FirstChoice().Match(constraint).Groups[1].Value
                : constraint.StartsWith("int", StringComparison.Ordinal) ? "1"
                : name switch
                {
                    "id" when !read => "no-such-" + Guid.NewGuid().ToString("N")[..8],
                    "id" => template.Contains("events/") ? s.EventId : s.ReferralId,
                    "type" => "referral",
                    "key" => s.SettingKey,
                    "custodyId" => "CUS-NONE",
                    "documentName" => "v1",
                    "step" => "1",
                    _ => "x",
                });
            i = close;
        }
        return path.ToString();
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\(\^?\(?([a-z-]+)")]
    private static partial System.Text.RegularExpressions.Regex FirstChoice();

    private async Task CheckApiAsync(Caller caller, HttpClient client, string key, string method, string template, Seeded s, List<string> failures)
    {
        var access = Api[key];
        var path = Fill(template, method, s);
        var (status, body) = await SendAsync(client, method, path);
        void Fail(string what) => failures.Add($"{caller.Name}: {key} ({path}) answered {(int)status}: {what}. {Preview(body)}");

        if (caller.Role is null)
        {
            if (status != HttpStatusCode.Unauthorized) Fail("expected 401");
            if (RevealsAnyone(body, s)) Fail("names someone to an anonymous caller");
            return;
        }
        var allowed = access.Roles.Contains(caller.Role);
        var partnerRoute = template.StartsWith("/api/v1/partner", StringComparison.Ordinal);
        if (allowed)
        {
            var mustBeOk = access.Ok && method == "GET" && !(partnerRoute && !caller.PartnerWithShare && template.Contains('{'));
            if ((int)status >= 500 || status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden) Fail("the role may use this route");
            else if (mustBeOk && status != HttpStatusCode.OK) Fail("expected 200");
            if (partnerRoute && !caller.PartnerWithShare && template.Contains('{') && method == "GET")
                await SameAsMissingAsync(caller, client, template, path, status, body, s, failures, key);
        }
        else
        {
            if (status is not (HttpStatusCode.Forbidden or HttpStatusCode.NotFound or HttpStatusCode.OK)) Fail("expected 403, or 404 as for nothing");
            if (status == HttpStatusCode.OK && RevealsAnyone(body, s)) Fail("answered a caller who may not use the route with someone's details");
            if (status is HttpStatusCode.Forbidden or HttpStatusCode.NotFound && RevealsAnyone(body, s)) Fail("a refusal names someone");
        }

        // Everyone kept out of the restricted record gets exactly what they get for a person who does not exist.
        if (method == "GET" && template.Contains("/people/{id:guid}"))
        {
            var hidden = await SendAsync(client, "GET", Fill(template, method, s, s.Restricted));
            if (caller.Named && allowed && access.Ok && hidden.Status != HttpStatusCode.OK)
                failures.Add($"{caller.Name}: {key} about the restricted person answered {(int)hidden.Status}, not 200 for someone named on it");
            if (!caller.Named)
            {
                var random = Guid.NewGuid().ToString();
                var none = await SendAsync(client, "GET", Fill(template, method, s, random));
                if (hidden.Status != none.Status || SharingTests.Comparable(hidden.Body, s.Restricted) != SharingTests.Comparable(none.Body, random))
                    failures.Add($"{caller.Name}: {key} about the restricted person answered {(int)hidden.Status} {Preview(hidden.Body)}, " +
                        $"but about nobody {(int)none.Status} {Preview(none.Body)}");
            }
        }
    }

    private async Task SameAsMissingAsync(Caller caller, HttpClient client, string template, string path, HttpStatusCode status, string body, Seeded s,
        List<string> failures, string key)
    {
        var realId = template.Contains("{id:guid}") ? s.Child : s.ReferralId;
        var fake = template.Contains("{id:guid}") ? Guid.NewGuid().ToString() : "ref-" + Guid.NewGuid().ToString("N")[..8];
        var none = await SendAsync(client, "GET", path.Replace(realId, fake));
        if (status != HttpStatusCode.NotFound || none.Status != status || SharingTests.Comparable(body, realId) != SharingTests.Comparable(none.Body, fake))
            failures.Add($"{caller.Name}: {key} about something not shared answered {(int)status} {Preview(body)}, but about nothing {(int)none.Status} {Preview(none.Body)}");
    }

    private async Task CheckPageAsync(Caller caller, HttpClient session, string pagePath, string template, Seeded s, List<string> failures)
    {
        var path = Fill(template, "GET", s);
        var (status, body) = await SendAsync(session, "GET", path);
        void Fail(string what) => failures.Add($"{caller.Name}: page {pagePath} ({path}) answered {(int)status}: {what}");

        if (caller.Role is null)
        {
            if (PageAccess.Anonymous.Contains(pagePath)) { if ((int)status >= 500 && pagePath != "/Error") Fail("a server error"); }
            else if (status != HttpStatusCode.Redirect) Fail("expected a redirect to sign in");
            if (RevealsAnyone(body, s)) Fail("names someone to an anonymous caller");
            return;
        }
        var allowed = PageAccess.MayOpen(caller.Role, pagePath);
        if (!allowed)
        {
            if (status != HttpStatusCode.Forbidden || !body.Contains("You do not have access to this page")) Fail("expected the plain 403 page");
            if (RevealsAnyone(body, s)) Fail("a refusal names someone");
            return;
        }
        // The error page answers 500 on purpose: it is what a fault shows.
        if (((int)status >= 500 && pagePath != "/Error") || status is HttpStatusCode.Forbidden) Fail("the role may open this page");
        if (pagePath == "/Partner/Child")
        {
            if (caller.PartnerWithShare && status != HttpStatusCode.OK) Fail("the child is shared with the partner's organisation");
            if (!caller.PartnerWithShare)
            {
                var random = Guid.NewGuid().ToString();
                var none = await SendAsync(session, "GET", path.Replace(s.Child, random));
                if (status != HttpStatusCode.NotFound || SharingTests.Normalise(body, s.Child) != SharingTests.Normalise(none.Body, random))
                    Fail("an unshared child must answer exactly as one that does not exist");
            }
        }
        if (template.Contains("people/{id:guid}") && !caller.Named)
        {
            var random = Guid.NewGuid().ToString();
            var hidden = await SendAsync(session, "GET", path.Replace(s.Child, s.Restricted));
            var none = await SendAsync(session, "GET", path.Replace(s.Child, random));
            if (hidden.Status != none.Status || SharingTests.Normalise(hidden.Body, s.Restricted) != SharingTests.Normalise(none.Body, random))
                failures.Add($"{caller.Name}: page {pagePath} about the restricted person answered {(int)hidden.Status}, about nobody {(int)none.Status}, or the pages differ");
        }
    }

    private static bool RevealsAnyone(string body, Seeded s) =>
        body.Contains(ChildName, StringComparison.OrdinalIgnoreCase) || body.Contains(RestrictedName, StringComparison.OrdinalIgnoreCase)
        || body.Contains(s.Restricted, StringComparison.OrdinalIgnoreCase);

    private static async Task<(HttpStatusCode Status, string Body)> SendAsync(HttpClient client, string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method is not ("GET" or "DELETE")) request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        using var response = await client.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private static string Preview(string body) => body.Length > 200 ? body[..200] + "…" : body;
}
