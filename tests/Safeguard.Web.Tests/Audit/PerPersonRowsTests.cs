using Microsoft.EntityFrameworkCore;
using Safeguard.TestKit;
using Safeguard.Web.Tests.Cases;
using Safeguard.Web.Tests.Missing;

namespace Safeguard.Web.Tests.Audit;

/// <summary>Issue 11 point 4 (P2, DP1): every list, search result and view that shows a person writes an access-log
/// row for that person, so "who viewed this child" finds all of them, not only the profile.</summary>
public sealed class PerPersonRowsTests : IDisposable
{
    private readonly SafeguardFactory _factory = new();
    private readonly HttpClient _api;

    public PerPersonRowsTests() => _api = _factory.Api();
    public void Dispose() => _factory.Dispose();

    /// <summary>The entities of the rows written about <paramref name="person"/> after row <paramref name="after"/>.</summary>
    private async Task<List<(string Action, string Entity)>> RowsAboutAsync(string person, long after)
    {
        await using var db = _factory.Db();
        return (await db.Audit.Where(a => a.PersonId == Guid.Parse(person) && a.Id > after).Select(a => new { a.Action, a.Entity }).ToListAsync())
            .Select(a => (a.Action, a.Entity)).ToList();
    }

    private async Task<long> LastRowAsync()
    {
        await using var db = _factory.Db();
        return await db.Audit.MaxAsync(a => a.Id);
    }

    [Fact]
    public async Task Each_person_found_by_a_search_gets_a_row_and_someone_not_found_gets_none()
    {
        var ana = await _api.CreatePersonAsync(A.Child("Ana", "Lookingglass").AgedYears(11).Build());
        var ben = await _api.CreatePersonAsync(A.Child("Ben", "Lookingglass").AgedYears(13).Build());
        var other = await _api.CreatePersonAsync(A.Child("Cai", "Elsewhere").AgedYears(13).Build());
        var officer = await PageSignIn.AsAsync(_factory, "officer");
        var mark = await LastRowAsync();

        await _api.GetJsonAsync("/api/v1/people?name=Lookingglass");
        await officer.GetAsync("/people?Name=Lookingglass");

        Assert.Equal(2, (await RowsAboutAsync(ana, mark)).Count(r => r == ("search", "people")));
        Assert.Equal(2, (await RowsAboutAsync(ben, mark)).Count(r => r == ("search", "people")));
        Assert.Empty(await RowsAboutAsync(other, mark));
    }

    [Fact]
    public async Task The_worklist_children_missing_now_and_the_profiles_linked_people_write_a_row_per_person_shown()
    {
        var child = await _api.CreatePersonAsync(A.Child("Dara", "Listed").AgedYears(14).Build());
        var adult = await _api.CreatePersonAsync(A.Adult("Eamon", "Listed").Build());
        var missing = await _api.CreatePersonAsync(A.Child("Fen", "Stillmissing").AgedYears(15).Build());
        await _api.ReportAsync("m1", child, "2026-03-01T20:00:00Z");
        await _api.LocateAsync("f1", "m1", child, "2026-03-01T23:00:00Z", "Bus station", adult);
        await _api.ReportAsync("m2", missing, "2026-03-02T07:00:00Z");
        var officer = await PageSignIn.AsAsync(_factory, "officer");
        var mark = await LastRowAsync();

        await _api.GetJsonAsync($"/api/v1/tasks?personId={child}");
        await officer.GetAsync("/missing/now");
        await _api.GetJsonAsync($"/api/v1/people/{child}/profile");

        Assert.Contains(("list", "tasks"), await RowsAboutAsync(child, mark));
        Assert.Contains(("list", "missing-now"), await RowsAboutAsync(missing, mark));
        Assert.DoesNotContain(("list", "missing-now"), await RowsAboutAsync(child, mark)); // found: not on the list
        Assert.Contains(("view", "profile"), await RowsAboutAsync(child, mark));
        Assert.Contains(("view", "linked-people"), await RowsAboutAsync(adult, mark));
    }

    [Fact]
    public async Task Merge_history_writes_a_row_for_each_record_in_it()
    {
        var survivor = await _api.CreatePersonAsync(A.Child("Gwen", "Mergelog").AgedYears(12).Build());
        var duplicate = await _api.CreatePersonAsync(A.Child("Gwen", "Merg-log").AgedYears(12).Build());
        var supervisor = await _factory.ApiAsAsync("supervisor");
        var (status, body) = await supervisor.PostJsonAsync($"/api/v1/people/{survivor}/merge", new { otherPersonId = duplicate, reason = "Same child, name misspelt" });
        Assert.True(status is System.Net.HttpStatusCode.OK or System.Net.HttpStatusCode.Created, $"{status}: {body}");
        var mark = await LastRowAsync();

        await _api.GetJsonAsync($"/api/v1/people/{survivor}/merges");

        Assert.Contains(("view", "merge-history"), await RowsAboutAsync(survivor, mark));
        Assert.Contains(("view", "merge-history"), await RowsAboutAsync(duplicate, mark));
    }

    [Fact]
    public async Task Custody_now_referrals_the_partner_home_shares_and_the_restriction_write_a_row_per_person_shown()
    {
        await Sharing.SharingTests.OrganisationsAsync(_api);
        var held = await _api.CreatePersonAsync(A.Child("Hana", "Heldnow").AgedYears(15).Build());
        var referred = await _api.CreatePersonAsync(A.Child("Ivo", "Referredon").AgedYears(11).Build());
        var shared = await _api.CreatePersonAsync(A.Child("Juno", "Sharedwith").AgedYears(9).Build());
        var bystander = await _api.CreatePersonAsync(A.Child("Kit", "Notlisted").AgedYears(9).Build());
        await _api.EventAsync("cus-now", "custody-detained", "2026-03-02T07:00:00Z", new { custodyId = "CUS-NOW", appropriateAdult = "Mother" }, (held, "child"));
        await _api.EventAsync("ref-now", "referral", "2026-03-01T10:00:00Z",
            new { to = Sharing.SharingTests.Org, kind = "social-care", reason = "Neglect concerns" }, (referred, "child"));
        var (shareStatus, _) = await _api.PostJsonAsync($"/api/v1/people/{shared}/shares",
            new { scope = "record", organisation = Sharing.SharingTests.Org, lawfulBasis = "children-act-1989-s47", until = "2026-04-30" });
        Assert.Equal(System.Net.HttpStatusCode.Created, shareStatus);
        var partner = await _factory.ApiAsAsync("partner-practitioner", organisation: Sharing.SharingTests.Org);
        var mark = await LastRowAsync();

        await _api.GetJsonAsync("/api/v1/custody/now");
        await _api.GetJsonAsync("/api/v1/referrals");
        await partner.GetJsonAsync("/api/v1/partner");
        await _api.GetJsonAsync($"/api/v1/people/{shared}/shares");
        await _api.GetJsonAsync($"/api/v1/people/{bystander}/restriction");
        var officer = await PageSignIn.AsAsync(_factory, "officer");
        var pageMark = await LastRowAsync();
        await officer.GetAsync($"/people/{held}/share");

        Assert.Contains(("list", "custody-now"), await RowsAboutAsync(held, mark));
        Assert.DoesNotContain(("list", "custody-now"), await RowsAboutAsync(referred, mark));
        Assert.Contains(("list", "referrals"), await RowsAboutAsync(referred, mark));
        Assert.Contains(("list", "partner-home"), await RowsAboutAsync(shared, mark));
        Assert.Contains(("list", "partner-home"), await RowsAboutAsync(referred, mark)); // the referral on the portal's home
        Assert.DoesNotContain(("list", "partner-home"), await RowsAboutAsync(held, mark));
        Assert.Contains(("view", "shares"), await RowsAboutAsync(shared, mark));
        Assert.Contains(("view", "restriction"), await RowsAboutAsync(bystander, mark));
        Assert.Equal([("view", "shares")], await RowsAboutAsync(held, pageMark)); // the share page, loaded
        Assert.Empty(await RowsAboutAsync(bystander, pageMark));
    }

    [Fact]
    public async Task The_retention_queue_writes_a_row_for_each_record_on_it()
    {
        var due = await _api.CreatePersonAsync(A.Child("Lior", "Reviewdue").AgedYears(12).Build());
        var notDue = await _api.CreatePersonAsync(A.Child("Mika", "Reviewlater").AgedYears(12).Build());
        await _api.ReportAsync("m1", due, "2026-03-01T20:00:00Z");
        _factory.Clock.Advance(TimeSpan.FromDays(365.25 * 7));
        await _api.RecordAsync(A.Ppn(notDue).WithId("ppn-later").At(_factory.Clock.GetUtcNow().AddDays(-1).ToString("O")).Build());
        var mark = await LastRowAsync();

        await _api.GetJsonAsync("/api/v1/retention/reviews");

        Assert.Contains(("list", "retention-reviews"), await RowsAboutAsync(due, mark));
        Assert.DoesNotContain(("list", "retention-reviews"), await RowsAboutAsync(notDue, mark));
    }

    [Fact]
    public async Task Sixteen_readers_at_once_while_others_record_each_have_their_views_logged_before_they_see_them_and_the_chain_holds()
    {
        // Views are logged with group commit: readers waiting together share one commit, and each answer comes only after it.
        var children = new List<string>();
        for (var i = 0; i < 4; i++) children.Add(await _api.CreatePersonAsync(A.Child("Ida", $"Togetherview{(char)('a' + i)}").AgedYears(12).Build()));
        var mark = await LastRowAsync();
        var clients = Enumerable.Range(0, 16).Select(_ => _factory.Api()).ToList();

        var readers = clients.Select((api, k) => Task.Run(async () =>
        {
            for (var n = 0; n < 5; n++)
            {
                var child = children[(k + n) % children.Count];
                await api.GetJsonAsync($"/api/v1/people/{child}/profile");
                await using var db = _factory.Db();
                Assert.True(await db.Audit.AnyAsync(a => a.Id > mark && a.PersonId == Guid.Parse(child) && a.Entity == "profile" && a.Action == "view"),
                    "A profile was answered before its view was logged.");
            }
        }));
        var writers = Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
        {
            for (var n = 0; n < 3; n++) await _api.ReportAsync($"together-{w}-{n}", children[w], $"2026-03-01T{10 + n}:00:00Z");
        }));
        await Task.WhenAll(readers.Concat(writers));

        await using var check = _factory.Db();
        Assert.Equal(80, await check.Audit.CountAsync(a => a.Id > mark && a.Entity == "profile" && a.Action == "view"));
        Assert.True((await Safeguard.Core.AccessLog.AuditChain.VerifyAsync(check)).Intact);
        foreach (var api in clients) api.Dispose();
    }
}
