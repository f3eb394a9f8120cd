using System.Net;
using System.Text.Json.Nodes;
using Safeguard.TestKit;
using Safeguard.Web.Tests.Sharing;

namespace Safeguard.Web.Tests.Security;

/// <summary>Issue 11 point 2 (P1): an administrator restricts a record to named users on its page, changes who is named and
/// lifts it. Anyone not named is answered as if the person did not exist: the profile, search (pages, API and the number
/// found), a linked child's profile, the recording-quality measures, exports and the API reveal nothing, not even by a count.</summary>
public sealed class RestrictedRecordTests : IDisposable
{
    private readonly SafeguardFactory _factory = new();
    private readonly HttpClient _api;
    private string _subject = "";
    private string _child = "";

    public RestrictedRecordTests() => _api = _factory.Api();
    public void Dispose() => _factory.Dispose();

    private const string Surname = "Restrictedsubject";

    /// <summary>A colleague (the subject) at a domestic abuse incident with a child, the two linked as household members,
    /// restricted on the page to the supervisor "named-sup"; "other-sup" is a supervisor kept out.</summary>
    private async Task<(PageSignIn Admin, PageSignIn Named, PageSignIn Other, HttpClient NamedApi, HttpClient OtherApi)> SetUpAsync()
    {
        _subject = await _api.CreatePersonAsync(A.Adult("Ruaridh", Surname).Build());
        _child = await _api.CreatePersonAsync(A.Child("Kasia", "Linkedchild").Build());
        await _api.RecordAsync(new
        {
            id = "rel-subject", type = "relationship", occurredAt = "2026-01-10T10:00:00Z",
            people = new[] { new { personId = _child, role = "child" }, new { personId = _subject, role = "carer" } }, data = new { kind = "household-member" },
        });
        await _api.RecordAsync(new
        {
            id = "inc-subject", type = "incident", occurredAt = "2026-02-20T22:00:00Z",
            people = new[] { new { personId = _child, role = "child" }, new { personId = _subject, role = "suspect" } },
            data = new
            {
                classifications = new[] { "domestic-abuse" }, summary = "Shouting heard by neighbours",
                children = new[] { new { personId = _child, demeanour = "Quiet, hiding upstairs", seenAndSpokenTo = true } },
            },
        });
        var admin = await PageSignIn.AsAsync(_factory, "administrator");
        var named = await PageSignIn.AsUserAsync(_factory, "named-sup", "supervisor");
        var other = await PageSignIn.AsUserAsync(_factory, "other-sup", "supervisor");
        var namedApi = _factory.Api((await _factory.IssueTokenAsync("supervisor", name: "named-system")).Token);
        var otherApi = _factory.Api((await _factory.IssueTokenAsync("supervisor", name: "other-system")).Token);

        var restricted = await admin.SubmitAsync($"/people/{_subject}/restriction", "Save who may see this person",
            [new("Allowed", "named-sup\nclient:named-system"), new("Reason", "Subject is a serving officer")]);
        Assert.Equal(HttpStatusCode.Redirect, restricted.StatusCode);
        return (admin, named, other, namedApi, otherApi);
    }

    [Fact]
    public async Task The_profile_answers_those_kept_out_exactly_as_a_person_who_does_not_exist()
    {
        var (admin, named, other, namedApi, otherApi) = await SetUpAsync();

        var (otherStatus, otherHtml) = await other.GetAsync($"/people/{_subject}");
        var random = Guid.NewGuid().ToString();
        var (_, missingHtml) = await other.GetAsync($"/people/{random}");
        var apiHidden = await SharingTests.RawAsync(otherApi, "/api/v1/people/{id}/profile", _subject);
        var apiMissing = await SharingTests.RawAsync(otherApi, "/api/v1/people/{id}/profile", Guid.NewGuid().ToString());

        Assert.Equal(HttpStatusCode.NotFound, otherStatus);
        Assert.Equal(SharingTests.Normalise(missingHtml, random), SharingTests.Normalise(otherHtml, _subject));
        Assert.Equal(apiMissing, apiHidden);
        Assert.Equal(HttpStatusCode.OK, (await named.GetAsync($"/people/{_subject}")).Status);
        Assert.Equal(HttpStatusCode.OK, (await namedApi.GetJsonAsync($"/api/v1/people/{_subject}/profile")).Status);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/people/{_subject}")).Status);
        foreach (var path in new[] { $"/api/v1/people/{_subject}", $"/api/v1/people/{_subject}/shares", $"/api/v1/people/{_subject}/merges",
                     $"/api/v1/people/{_subject}/versions", "/api/v1/events/inc-subject" })
            Assert.Equal((path, HttpStatusCode.NotFound), (path, (await otherApi.GetJsonAsync(path)).Status));
    }

    [Fact]
    public async Task Search_finds_nothing_and_counts_nothing_for_those_kept_out()
    {
        var (_, named, other, namedApi, otherApi) = await SetUpAsync();

        var hidden = await otherApi.GetAsync($"/api/v1/people?name={Surname}");
        var shown = await namedApi.GetAsync($"/api/v1/people?name={Surname}");
        var (_, otherPage) = await other.GetAsync($"/people?Name={Surname}");
        var (_, namedPage) = await named.GetAsync($"/people?Name={Surname}");
        var (_, otherExport) = await other.GetAsync($"/people?handler=Export&format=csv&Name={Surname}");

        Assert.Equal("0", hidden.Headers.GetValues("X-Total-Count").Single());
        Assert.Equal("[]", await hidden.Content.ReadAsStringAsync());
        Assert.Equal("1", shown.Headers.GetValues("X-Total-Count").Single());
        // The page repeats the words searched for (in the box, in "add a new person"), never the person found.
        Assert.DoesNotContain("Ruaridh", otherPage);
        Assert.DoesNotContain(_subject, otherPage);
        Assert.Contains($"Ruaridh {Surname}", namedPage);
        Assert.DoesNotContain("Ruaridh", otherExport);
    }

    [Fact]
    public async Task A_linked_childs_profile_and_its_export_never_name_the_restricted_person()
    {
        var (_, named, other, _, otherApi) = await SetUpAsync();

        var (_, otherProfile) = await other.GetAsync($"/people/{_child}");
        var (_, namedProfile) = await named.GetAsync($"/people/{_child}");
        var (_, export) = await other.GetAsync($"/people/{_child}?handler=ChronologyExport&format=csv");
        var (_, api) = await otherApi.GetJsonAsync($"/api/v1/people/{_child}/profile");

        Assert.DoesNotContain("Ruaridh", otherProfile);
        Assert.DoesNotContain(_subject, otherProfile);
        Assert.Contains("Ruaridh", namedProfile);
        Assert.DoesNotContain("Ruaridh", export);
        Assert.DoesNotContain(_subject, export);
        Assert.DoesNotContain(_subject, api!.ToJsonString());
        Assert.Empty(api["linkedPeople"]!.AsArray());
    }

    [Fact]
    public async Task The_measures_count_nothing_about_the_restricted_person_for_those_kept_out()
    {
        var (_, _, other, namedApi, otherApi) = await SetUpAsync();

        var (_, hidden) = await otherApi.GetJsonAsync("/api/v1/measures");
        var (_, shown) = await namedApi.GetJsonAsync("/api/v1/measures");
        var (_, otherCsv) = await other.GetAsync("/measures/recording?handler=MeasuresExport&format=csv");

        int DomesticAbuseChildren(JsonNode? m) => m!["recordingQuality"]!.AsArray().Sum(r => r!["childrenAtDomesticAbuse"]!.GetValue<int>());
        Assert.Equal(1, DomesticAbuseChildren(shown));
        Assert.Equal(0, DomesticAbuseChildren(hidden));
        Assert.Equal(0, hidden!["childrenToNoticeTotal"]!.GetValue<int>());
        Assert.Equal(1, shown!["childrenToNoticeTotal"]!.GetValue<int>());
        Assert.Single(otherCsv.Trim().Split('\n'));
    }

    [Fact]
    public async Task An_administrator_changes_who_is_named_and_lifts_the_restriction_on_the_page()
    {
        var (admin, named, other, _, _) = await SetUpAsync();
        var (_, restrictionPage) = await admin.GetAsync($"/people/{_subject}/restriction");
        Assert.Contains("named-sup", restrictionPage);

        var changed = await admin.SubmitAsync($"/people/{_subject}/restriction", "Save who may see this person",
            [new("Allowed", "other-sup"), new("Reason", "Investigation moved to another supervisor")]);
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await named.GetAsync($"/people/{_subject}")).Status);
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync($"/people/{_subject}")).Status);

        var noReason = await admin.SubmitAsync($"/people/{_subject}/restriction", "Lift the restriction");
        Assert.Contains("Say why the restriction is lifted", await noReason.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await named.GetAsync($"/people/{_subject}")).Status);

        var lifted = await admin.SubmitAsync($"/people/{_subject}/restriction", "Lift the restriction", [new("LiftReason", "Investigation closed")]);
        Assert.Equal(HttpStatusCode.Redirect, lifted.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await named.GetAsync($"/people/{_subject}")).Status);
        using var db = _factory.Db();
        Assert.Equal(["Subject is a serving officer", "Investigation moved to another supervisor", "Investigation closed"],
            db.Audit.Where(a => a.Entity == "restriction" && a.Action != Core.AccessLog.AuditActions.View).OrderBy(a => a.Id).Select(a => a.Reason!).ToList());
        // Each time the page showed who may see the person, that was a view of them.
        Assert.True(db.Audit.Count(a => a.Entity == "restriction" && a.Action == Core.AccessLog.AuditActions.View && a.PersonId == Guid.Parse(_subject)) >= 3);
    }

    [Fact]
    public async Task Naming_someone_unknown_is_refused_on_the_page_and_nothing_is_restricted()
    {
        _subject = await _api.CreatePersonAsync(A.Adult("Nearly", Surname).Build());
        var admin = await PageSignIn.AsAsync(_factory, "administrator");
        var officer = await PageSignIn.AsAsync(_factory, "officer");

        var response = await admin.SubmitAsync($"/people/{_subject}/restriction", "Save who may see this person",
            [new("Allowed", "nobody-called-this"), new("Reason", "Protected witness")]);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("No user or live API client is known as", html);
        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync($"/people/{_subject}")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.GetAsync($"/people/{_subject}/restriction")).Status);
    }
}
