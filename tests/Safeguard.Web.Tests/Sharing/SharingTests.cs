using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Safeguard.TestKit;

namespace Safeguard.Web.Tests.Sharing;

/// <summary>Issue 11 point 1 (J1-J3): police share a child's record, one event or a plan with a partner organisation, with a
/// lawful basis and an end date; the partner's practitioners see exactly that while the share is live, and anything else
/// answers 404 exactly as a record that does not exist.</summary>
public sealed partial class SharingTests : IDisposable
{
    private readonly SafeguardFactory _factory = new();
    private readonly HttpClient _api;

    public SharingTests() => _api = _factory.Api();
    public void Dispose() => _factory.Dispose();

    internal const string Org = "LA-TST";
    internal const string OtherOrg = "NHS-TST";

    internal static async Task OrganisationsAsync(HttpClient admin)
    {
        var (a, body) = await admin.PostJsonAsync("/api/v1/organisations", new { code = Org, name = "Testborough children's social care", kind = "social-care", localAuthority = "Testborough Council" });
        if (a != HttpStatusCode.Created) throw new InvalidOperationException($"Adding {Org} answered {a}: {body}");
        await admin.PostJsonAsync("/api/v1/organisations", new { code = OtherOrg, name = "Testshire health visiting", kind = "health" });
    }

    private static object ShareBody(string scope = "record", string? eventId = null, string organisation = Org, string until = "2026-04-30",
        string lawfulBasis = "children-act-1989-s47") =>
        new { scope, eventId, organisation, lawfulBasis, purpose = "Strategy discussion on 3 March", until };

    private async Task<(string Child, string Other, HttpClient Partner)> SetUpAsync()
    {
        await OrganisationsAsync(_api);
        var child = await _api.CreatePersonAsync(A.Child("Zofia", "Sharedchild").Build());
        var other = await _api.CreatePersonAsync(A.Child("Oskar", "Unsharedchild").Build());
        var partner = await _factory.ApiAsAsync("partner-practitioner", organisation: Org);
        return (child, other, partner);
    }

    [Fact]
    public async Task A_partner_sees_a_child_only_while_a_share_with_their_organisation_is_live()
    {
        var (child, other, partner) = await SetUpAsync();
        var otherPartner = await _factory.ApiAsAsync("partner-practitioner", organisation: OtherOrg);
        Assert.Equal(HttpStatusCode.NotFound, (await partner.GetJsonAsync($"/api/v1/partner/children/{child}")).Status);

        var (shared, share) = await _api.PostJsonAsync($"/api/v1/people/{child}/shares", ShareBody());

        Assert.Equal(HttpStatusCode.Created, shared);
        var (status, view) = await partner.GetJsonAsync($"/api/v1/partner/children/{child}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Zofia", view!["person"]!["forename"]!.GetValue<string>());
        Assert.True(view["wholeRecord"]!.GetValue<bool>());
        var (_, home) = await partner.GetJsonAsync("/api/v1/partner");
        Assert.Equal([child], home!["children"]!.AsArray().Select(c => c!["personId"]!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.NotFound, (await partner.GetJsonAsync($"/api/v1/partner/children/{other}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await otherPartner.GetJsonAsync($"/api/v1/partner/children/{child}")).Status);
        // The police record itself stays closed to partners: the share opens the portal's view, nothing else.
        Assert.Equal(HttpStatusCode.NotFound, (await partner.GetJsonAsync($"/api/v1/people/{child}/profile")).Status);

        var (ended, _) = await _api.PostJsonAsync($"/api/v1/shares/{share!["id"]!.GetValue<string>()}/end", new { reason = "Strategy discussion held" });

        Assert.Equal(HttpStatusCode.OK, ended);
        Assert.Equal(HttpStatusCode.NotFound, (await partner.GetJsonAsync($"/api/v1/partner/children/{child}")).Status);
        Assert.Empty((await partner.GetJsonAsync("/api/v1/partner")).Body!["children"]!.AsArray());
    }

    [Fact]
    public async Task A_share_lapses_at_the_end_of_its_last_day_without_anyone_ending_it()
    {
        var (child, _, partner) = await SetUpAsync();
        await _api.PostJsonAsync($"/api/v1/people/{child}/shares", ShareBody(until: "2026-03-10"));

        _factory.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 10, 23, 59, 0, TimeSpan.Zero));
        var lastMinute = (await partner.GetJsonAsync($"/api/v1/partner/children/{child}")).Status;
        _factory.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 11, 0, 1, 0, TimeSpan.Zero));
        var after = (await partner.GetJsonAsync($"/api/v1/partner/children/{child}")).Status;

        Assert.Equal(HttpStatusCode.OK, lastMinute);
        Assert.Equal(HttpStatusCode.NotFound, after);
    }

    [Fact]
    public async Task Unshared_ended_restricted_and_missing_children_all_answer_the_same_404_in_the_api_and_on_the_page()
    {
        var (child, other, partner) = await SetUpAsync();
        var restricted = await _api.CreatePersonAsync(A.Child("Rhea", "Restrictedshare").Build());
        var ended = await _api.CreatePersonAsync(A.Child("Emil", "Endedshare").Build());
        await _api.PostJsonAsync($"/api/v1/people/{restricted}/shares", ShareBody());
        await _api.PutJsonAsync($"/api/v1/people/{restricted}/restriction", new { allowed = new[] { "client:bootstrap" }, reason = "Protected witness" });
        var (_, endedShare) = await _api.PostJsonAsync($"/api/v1/people/{ended}/shares", ShareBody());
        await _api.PostJsonAsync($"/api/v1/shares/{endedShare!["id"]!.GetValue<string>()}/end", new { reason = "No longer needed" });
        var page = await PageSignIn.AsUserAsync(_factory, "sw-page", "partner-practitioner", organisation: Org);

        var missing = await RawAsync(partner, "/api/v1/partner/children/{id}", Guid.NewGuid().ToString());
        var random = Guid.NewGuid().ToString();
        var missingPage = Normalise((await page.GetAsync($"/partner/children/{random}")).Html, random);
        foreach (var id in new[] { other, restricted, ended })
        {
            var answer = await RawAsync(partner, "/api/v1/partner/children/{id}", id);
            var (pageStatus, html) = await page.GetAsync($"/partner/children/{id}");
            Assert.Equal(missing, answer);
            Assert.Equal(HttpStatusCode.NotFound, pageStatus);
            Assert.Equal(missingPage, Normalise(html, id));
        }
        Assert.Equal(HttpStatusCode.NotFound, missing.Status);
    }

    [Fact]
    public async Task A_share_of_one_event_shows_that_event_alone_and_names_no_one_else_who_is_not_shared()
    {
        var (child, _, partner) = await SetUpAsync();
        var mother = await _api.CreatePersonAsync(A.Adult("Marta", "Motherunshared").Build());
        await _api.RecordAsync(A.Ppn(child).WithId("ppn-shared").Build());
        await _api.RecordAsync(new
        {
            id = "rel-hidden", type = "relationship", occurredAt = "2026-02-01T10:00:00Z",
            people = new[] { new { personId = child, role = "child" }, new { personId = mother, role = "parent" } }, data = new { kind = "parent" },
        });
        await _api.RecordAsync(new
        {
            id = "inc-with-mother", type = "incident", occurredAt = "2026-02-20T10:00:00Z",
            people = new[] { new { personId = child, role = "child" }, new { personId = mother, role = "suspect" } },
            data = new { classifications = new[] { "neglect" }, summary = "Child left alone overnight" },
        });

        await _api.PostJsonAsync($"/api/v1/people/{child}/shares", ShareBody("event", "inc-with-mother"));
        var (_, view) = await partner.GetJsonAsync($"/api/v1/partner/children/{child}");
        var json = view!.ToJsonString();

        Assert.False(view["wholeRecord"]!.GetValue<bool>());
        Assert.Equal(["inc-with-mother"], view["events"]!.AsArray().Select(e => e!["eventId"]!.GetValue<string>()));
        Assert.DoesNotContain("Motherunshared", json);
        Assert.DoesNotContain("ppn-shared", json);
        Assert.Contains("Another person (suspect)", json);
        Assert.Null(view["person"]!["address"]!["postcode"]?.GetValue<string>());
    }

    [Fact]
    public async Task A_share_is_refused_field_by_field_and_nothing_is_stored()
    {
        var (child, other, _) = await SetUpAsync();
        await _api.RecordAsync(A.Ppn(other).WithId("ppn-other").Build());

        var (status, problem) = await _api.PostJsonAsync($"/api/v1/people/{child}/shares",
            new { scope = "event", eventId = "ppn-other", organisation = "NOPE", lawfulBasis = "because", until = "2026-03-01" });
        var (tooLong, longProblem) = await _api.PostJsonAsync($"/api/v1/people/{child}/shares", ShareBody(until: "2027-06-01"));
        var (plan, planProblem) = await _api.PostJsonAsync($"/api/v1/people/{other}/shares", ShareBody("plan", "ppn-other"));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("validation-failed", problem!["code"]!.GetValue<string>());
        Assert.Equal(["eventId", "lawfulBasis", "organisation", "until"], problem["errors"]!.AsObject().Select(e => e.Key).Order());
        Assert.Equal(HttpStatusCode.BadRequest, tooLong);
        Assert.Contains("at most a year", longProblem!["errors"]!["until"]![0]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.BadRequest, plan);
        Assert.NotNull(planProblem!["errors"]!["eventId"]);
        using var db = _factory.Db();
        Assert.Empty(await db.Shares.ToListAsync());
    }

    [Theory]
    [InlineData("leader")]
    [InlineData("auditor")]
    [InlineData("partner-practitioner")]
    public async Task Roles_that_do_not_record_may_not_share_or_end_shares(string role)
    {
        var (child, _, _) = await SetUpAsync();
        var (_, share) = await _api.PostJsonAsync($"/api/v1/people/{child}/shares", ShareBody());
        var caller = await _factory.ApiAsAsync(role, organisation: role == "partner-practitioner" ? Org : null);

        var (shareStatus, _) = await caller.PostJsonAsync($"/api/v1/people/{child}/shares", ShareBody());
        var (endStatus, _) = await caller.PostJsonAsync($"/api/v1/shares/{share!["id"]!.GetValue<string>()}/end", new { reason = "x" });

        Assert.Equal(HttpStatusCode.Forbidden, shareStatus);
        Assert.Equal(HttpStatusCode.Forbidden, endStatus);
        using var db = _factory.Db();
        Assert.Single(await db.Shares.ToListAsync());
        Assert.Null((await db.Shares.SingleAsync()).EndedAt);
    }

    [Fact]
    public async Task Sharing_ending_and_the_partner_reading_are_each_in_the_access_log_against_the_child()
    {
        var (child, _, partner) = await SetUpAsync();
        var (_, share) = await _api.PostJsonAsync($"/api/v1/people/{child}/shares", ShareBody());
        await partner.GetJsonAsync($"/api/v1/partner/children/{child}");
        await _api.PostJsonAsync($"/api/v1/shares/{share!["id"]!.GetValue<string>()}/end", new { reason = "Case closed by social care" });

        using var db = _factory.Db();
        var rows = await db.Audit.Where(a => a.PersonId == Guid.Parse(child) && (a.Entity == "share" || a.Entity == "partner-child"))
            .OrderBy(a => a.Id).ToListAsync();
        Assert.Equal(["share", "view", "change"], rows.Select(r => r.Action));
        Assert.Contains("children-act-1989-s47", rows[0].Detail);
        Assert.Equal("Strategy discussion on 3 March", rows[0].Reason);
        Assert.Equal("partner-practitioner", rows[1].ActorRole);
        Assert.Equal("Case closed by social care", rows[2].Reason);
    }

    [Fact]
    public async Task An_officer_shares_a_plan_on_the_page_the_partner_sees_it_and_the_officer_ends_it_there()
    {
        var (child, _, _) = await SetUpAsync();
        await _api.RecordAsync(new
        {
            id = "trigger-1", type = "trigger-plan", occurredAt = "2026-02-25T10:00:00Z", people = new[] { new { personId = child, role = "child" } },
            data = new { places = new[] { "Kelbeck bus station" }, associates = new[] { "Older boy called T" }, reviewDate = "2026-05-25" },
        });
        var officer = await PageSignIn.AsAsync(_factory, "officer");
        var partner = await PageSignIn.AsUserAsync(_factory, "sw-plan", "partner-practitioner", organisation: Org);

        var (_, profile) = await officer.GetAsync($"/people/{child}");
        Assert.Contains($"/people/{child}/share", profile);
        var check = await officer.ContinueAsync($"/people/{child}/share",
            [new("Scope", "plan"), new("PlanEventId", "trigger-1"), new("Organisation", Org), new("LawfulBasis", "children-act-2004-s11"),
             new("Until.Day", "31"), new("Until.Month", "3"), new("Until.Year", "2026")]);
        Assert.True(await check.IsCheckPageAsync(), "Continue should show the answers back before anything is shared");
        var checkHtml = System.Net.WebUtility.HtmlDecode(await check.Content.ReadAsStringAsync());
        Assert.Contains("Testborough children's social care", checkHtml);
        Assert.Contains("The end of 31 March 2026", checkHtml);
        Assert.Empty(await _factory.Db().Shares.ToListAsync());
        // Nothing reaches the partner until the officer presses Share on the check page.
        Assert.Equal(HttpStatusCode.NotFound, (await partner.GetAsync($"/partner/children/{child}")).Status);

        var response = await (await officer.FormOnAsync(check, "Share")).SubmitAsync();
        Assert.Equal("/record/confirmation", response.Headers.Location!.OriginalString);
        var confirmation = System.Net.WebUtility.HtmlDecode((await officer.GetAsync("/record/confirmation")).Html);
        Assert.Contains("A plan shared with Testborough children's social care", confirmation);
        Assert.Contains("Until the end of 31 March 2026", confirmation);
        Assert.Contains($"/people/{child}/share", confirmation);

        var (homeStatus, home) = await partner.GetAsync("/partner");
        var (childStatus, childPage) = await partner.GetAsync($"/partner/children/{child}");
        Assert.Equal(HttpStatusCode.OK, homeStatus);
        Assert.Contains("Zofia Sharedchild", home);
        Assert.Equal(HttpStatusCode.OK, childStatus);
        Assert.Contains("Kelbeck bus station", childPage);

        var shareId = _factory.Db().Shares.Single().Id;
        var end = await officer.SubmitAsync($"/people/{child}/share", "End this share", [new($"Reason-{shareId:N}", "Plan reviewed with social care")]);
        Assert.Equal(HttpStatusCode.Redirect, end.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await partner.GetAsync($"/partner/children/{child}")).Status);
        Assert.Contains("Plan reviewed with social care", (await officer.GetAsync($"/people/{child}/share")).Html);
    }

    [Fact]
    public async Task The_share_page_refuses_a_missing_end_date_and_lawful_basis_and_keeps_what_was_typed()
    {
        var (child, _, _) = await SetUpAsync();
        var officer = await PageSignIn.AsAsync(_factory, "officer");

        var response = await officer.ContinueAsync($"/people/{child}/share",
            [new("Scope", "record"), new("Organisation", Org), new("Purpose", "Łukasz's sister asked for help")]);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Enter the date the share ends", html);
        Assert.Contains("Łukasz", System.Net.WebUtility.HtmlDecode(html));
        Assert.Empty(await _factory.Db().Shares.ToListAsync());
    }

    [Fact]
    public async Task Change_answers_on_the_share_check_page_goes_back_to_the_form_with_every_answer_kept_and_shares_nothing()
    {
        var (child, _, _) = await SetUpAsync();
        var officer = await PageSignIn.AsAsync(_factory, "officer");

        var check = await officer.ContinueAsync($"/people/{child}/share",
            [new("Scope", "record"), new("Organisation", Org), new("LawfulBasis", "children-act-1989-s47"), new("Purpose", "Łukasz's strategy discussion"),
             new("Until.Day", "30"), new("Until.Month", "4"), new("Until.Year", "2026")]);
        Assert.True(await check.IsCheckPageAsync());
        var back = await (await officer.FormOnAsync(check, "Change answers")).SubmitAsync();
        var form = await officer.FormOnAsync(back, "Continue");

        Assert.Equal(["record"], form.Values("Scope"));
        Assert.Equal([Org], form.Values("Organisation"));
        Assert.Equal(["children-act-1989-s47"], form.Values("LawfulBasis"));
        Assert.Equal(["Łukasz's strategy discussion"], form.Values("Purpose"));
        Assert.Equal(["30"], form.Values("Until.Day"));
        Assert.Empty(await _factory.Db().Shares.ToListAsync());
    }

    [Fact]
    public async Task The_partner_is_sent_to_the_portal_from_the_start_page_and_every_police_page_refuses_them()
    {
        await OrganisationsAsync(_api);
        var partner = await PageSignIn.AsUserAsync(_factory, "sw-home", "partner-practitioner", organisation: Org);

        var start = await partner.Client.GetAsync("/");
        var (status, portal) = await partner.GetAsync("/partner");

        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        Assert.Equal("/partner", start.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Nothing is shared with you yet", portal);
        Assert.Equal(HttpStatusCode.Forbidden, (await partner.GetAsync("/people")).Status);
    }

    [Fact]
    public async Task An_administrator_adds_a_partner_organisation_on_the_page_and_others_may_not()
    {
        var admin = await PageSignIn.AsAsync(_factory, "administrator");
        var officer = _factory.Api((await _factory.IssueTokenAsync("officer")).Token);

        var response = await admin.SubmitAsync("/admin/organisations", "Add organisation",
            [new("Name", "Fenwold Żabka Academy Trust"), new("Code", "edu-fwd"), new("Kind", "education")]);
        var (refused, _) = await officer.PostJsonAsync("/api/v1/organisations", new { code = "X-1", name = "Nope", kind = "health" });
        var (again, problem) = await _factory.Api().PostJsonAsync("/api/v1/organisations", new { code = "EDU-FWD", name = "Twice", kind = "education" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("Fenwold Żabka Academy Trust", System.Net.WebUtility.HtmlDecode((await admin.GetAsync("/admin/organisations")).Html));
        Assert.Equal(HttpStatusCode.Forbidden, refused);
        Assert.Equal(HttpStatusCode.BadRequest, again);
        Assert.NotNull(problem!["errors"]!["code"]);
        using var db = _factory.Db();
        Assert.Equal("education", (await db.Organisations.SingleAsync(o => o.Code == "EDU-FWD")).Kind);
    }

    /// <summary>The answer to a GET of <c>path</c> with <paramref name="id"/> put in it, with the id in the answer (a problem's
    /// <c>instance</c> is the address asked for) written as {id}, so that answers about different ids can be compared.</summary>
    internal static async Task<(HttpStatusCode Status, string Body)> RawAsync(HttpClient client, string path, string id)
    {
        var response = await client.GetAsync(path.Replace("{id}", id));
        return (response.StatusCode, Comparable(await response.Content.ReadAsStringAsync(), id));
    }

    /// <summary>An API answer with what differs on every request taken out: the id asked about, and the problem's <c>traceId</c>.</summary>
    internal static string Comparable(string body, string id) => TraceId().Replace(body.Replace(id, "{id}"), "\"traceId\":\"~\"");

    [GeneratedRegex("\"traceId\"\\s*:\\s*\"[^\"]*\"")]
    private static partial Regex TraceId();

    /// <summary>A page with what differs on every answer (the CSP nonce, anti-forgery tokens) taken out.</summary>
    internal static string Normalise(string html, string? id = null) => Volatile().Replace(id is null ? html : html.Replace(id, "{id}"), "~");

    [GeneratedRegex("nonce=\"[^\"]*\"|name=\"__RequestVerificationToken\" type=\"hidden\" value=\"[^\"]*\"|value=\"CfDJ8[^\"]*\"")]
    private static partial Regex Volatile();
}
