using System.Net;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.AccessLog;
using Safeguard.TestKit;
using Safeguard.Web.Tests.Cases;
using Safeguard.Web.Tests.Missing;

namespace Safeguard.Web.Tests.Retention;

/// <summary>Issue 11 point 5 (P5, RT1): each record's retention group and next review date, the review queue, a recorded
/// decision before anything is deleted, and a deletion that leaves a tombstone and the access log and answers like a
/// record that never existed.</summary>
public sealed class RetentionTests : IDisposable
{
    private readonly SafeguardFactory _factory = new();
    private readonly HttpClient _api;

    public RetentionTests() => _api = _factory.Api();
    public void Dispose() => _factory.Dispose();

    private void YearsPass(int years) => _factory.Clock.Advance(TimeSpan.FromDays(365.25 * years));

    private async Task<string> PpnAsync(string child, string id) =>
        (await _api.RecordAsync(A.Ppn(child).WithId(id).At("2026-02-01T10:00:00Z").Build()))["id"]?.GetValue<string>() ?? id;

    [Fact]
    public async Task Each_record_has_its_group_and_next_review_and_only_those_due_are_in_the_queue()
    {
        var missingOnly = await _api.CreatePersonAsync(A.Child("Nell", "Sixyears").AgedYears(12).Build());
        var abuse = await _api.CreatePersonAsync(A.Child("Omar", "Tenyears").AgedYears(12).Build());
        await _api.ReportAsync("m1", missingOnly, "2026-03-01T20:00:00Z");
        await PpnAsync(abuse, "ppn-ret-1");
        YearsPass(7);

        var (status, queue) = await _api.GetJsonAsync("/api/v1/retention/reviews");
        var (_, nell) = await _api.GetJsonAsync($"/api/v1/people/{missingOnly}/retention");
        var (_, omar) = await _api.GetJsonAsync($"/api/v1/people/{abuse}/retention");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("other", nell!["group"]!.GetValue<string>());
        Assert.Equal("2032-03-01", nell["nextReviewOn"]!.GetValue<string>());
        Assert.True(nell["due"]!.GetValue<bool>());
        Assert.Equal("other-sexual-violent", omar!["group"]!.GetValue<string>());
        Assert.Equal("2036-02-01", omar["nextReviewOn"]!.GetValue<string>());
        Assert.False(omar["due"]!.GetValue<bool>());
        var ids = queue!.AsArray().Select(i => i!["personId"]!.GetValue<string>()).ToList();
        Assert.Contains(missingOnly, ids);
        Assert.DoesNotContain(abuse, ids);
    }

    [Fact]
    public async Task Keeping_a_record_sets_its_next_review_and_takes_it_off_the_queue_with_the_decision_logged()
    {
        var child = await _api.CreatePersonAsync(A.Child("Pia", "Keepme").AgedYears(12).Build());
        await _api.ReportAsync("m1", child, "2026-03-01T20:00:00Z");
        YearsPass(7);

        var (status, decided) = await _api.PostJsonAsync($"/api/v1/people/{child}/retention",
            new { decision = "keep", nextReviewOn = "2035-06-30", reason = "Sibling still open to children's services" });
        var (_, queue) = await _api.GetJsonAsync("/api/v1/retention/reviews");
        var (_, state) = await _api.GetJsonAsync($"/api/v1/people/{child}/retention");

        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal("keep", decided!["decision"]!.GetValue<string>());
        Assert.DoesNotContain(queue!.AsArray(), i => i!["personId"]!.GetValue<string>() == child);
        Assert.Equal("2035-06-30", state!["nextReviewOn"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await _api.GetJsonAsync($"/api/v1/people/{child}")).Status);
        await using var db = _factory.Db();
        var logged = await db.Audit.SingleAsync(a => a.Action == AuditActions.Retention && a.PersonId == Guid.Parse(child));
        Assert.Equal("Sibling still open to children's services", logged.Reason);
    }

    [Fact]
    public async Task Deleting_removes_the_personal_data_keeps_a_tombstone_and_the_log_and_the_person_is_gone_for_everyone()
    {
        var child = await _api.CreatePersonAsync(A.Child("Quinlan", "Forgetme").AgedYears(12).Build());
        var other = await _api.CreatePersonAsync(A.Child("Rosa", "Staysput").AgedYears(12).Build());
        await _api.ReportAsync("m1", child, "2026-03-01T20:00:00Z", lastSeen: "Quinlan's grandmother's flat");
        await _api.LocateAsync("f1", "m1", child, "2026-03-01T23:00:00Z", "Bus station", other);
        await _api.GetJsonAsync($"/api/v1/people/{child}");
        // An earlier record of the same child, merged into this one, with a source reference of its own.
        var earlier = await _api.CreatePersonAsync(A.Child("Quin", "Forgetme").AgedYears(12).Build());
        Assert.Equal(HttpStatusCode.Created, (await _api.PostJsonAsync($"/api/v1/people/{child}/merge",
            new { otherPersonId = earlier, reason = "Same child, recorded twice" })).Status);
        // A meeting about this child alone, with a decision (a strategy discussion would put the record in public protection).
        await _api.EventAsync("mtg-forget", "meeting", "2026-02-19T10:00:00Z", new
        {
            kind = "marac", invitedAgencies = new[] { "police", "housing" }, policeAttended = true, policeAttendee = "DS 77 Ros Tonkin", policeAttendeeRank = "DS",
            decisions = new object[] { new { text = "Joint visit to the child", owner = "housing", dueDate = "2026-02-26" } },
        }, (child, "child"));
        await using (var seed = _factory.Db())
        {
            seed.PersonSourceRefs.Add(new Core.Records.PersonSourceRef { PersonId = Guid.Parse(earlier), System = "niche", SourceId = "NICHE-4471" });
            seed.Objects.Add(new Core.Records.RecordedObject { Id = Guid.NewGuid(), Kind = "phone", Description = "Quinlan's phone", Identifier = "07700900123", PersonId = Guid.Parse(child) });
            seed.Drafts.Add(new Core.Recording.Draft { Id = Guid.NewGuid(), OwnerId = "officer-1", Kind = "missing", Json = $"{{\"personId\":\"{child}\",\"notes\":\"half typed\"}}",
                CreatedAt = _factory.Clock.GetUtcNow(), UpdatedAt = _factory.Clock.GetUtcNow() });
            seed.Drafts.Add(new Core.Recording.Draft { Id = Guid.NewGuid(), OwnerId = "officer-1", Kind = "missing", Json = $"{{\"personId\":\"{other}\"}}",
                CreatedAt = _factory.Clock.GetUtcNow(), UpdatedAt = _factory.Clock.GetUtcNow() });
            await seed.SaveChangesAsync();
        }
        YearsPass(7);
        var supervisor = await _factory.ApiAsAsync("supervisor");

        var (status, decided) = await supervisor.PostJsonAsync($"/api/v1/people/{child}/retention",
            new { decision = "delete", reason = "Reviewed: no continuing safeguarding need" });

        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal(HttpStatusCode.NotFound, (await _api.GetJsonAsync($"/api/v1/people/{child}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await supervisor.GetJsonAsync($"/api/v1/people/{child}/profile")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await _api.GetJsonAsync($"/api/v1/people/{child}/retention")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await _api.PostJsonAsync($"/api/v1/people/{child}/retention",
            new { decision = "delete", reason = "again" })).Status);
        var (_, hits) = await _api.GetJsonAsync("/api/v1/people?name=Quinlan%20Forgetme");
        Assert.Empty(hits!.AsArray());
        Assert.Equal(HttpStatusCode.OK, (await _api.GetJsonAsync($"/api/v1/people/{other}")).Status);

        await using var db = _factory.Db();
        var tombstone = await db.People.AsNoTracking().SingleAsync(p => p.Id == Guid.Parse(child));
        Assert.Equal(("", "", (DateOnly?)null, (string?)null), (tombstone.Forename, tombstone.Surname, tombstone.DateOfBirth, tombstone.Postcode));
        Assert.NotNull(tombstone.DeletedAt);
        var decision = await db.RetentionDecisions.SingleAsync(d => d.PersonId == Guid.Parse(child));
        Assert.Equal(("delete", decided!["id"]!.GetValue<string>()), (decision.Decision, decision.Id.ToString()));
        Assert.StartsWith("client:", decision.DecidedBy);
        Assert.Equal("{}", (await db.Events.SingleAsync(e => e.Id == "m1")).Data); // only the child was in it
        Assert.DoesNotContain(await db.EventParticipants.Where(p => p.EventId == "f1").Select(p => p.PersonId).ToListAsync(), p => p == Guid.Parse(child));
        Assert.Empty(await db.Tasks.Where(t => t.PersonId == Guid.Parse(child)).ToListAsync());
        Assert.Contains(await db.Audit.Where(a => a.PersonId == Guid.Parse(child)).Select(a => a.Action).ToListAsync(), a => a == "view");
        Assert.True((await AuditChain.VerifyAsync(db)).Intact);
        Assert.DoesNotContain("grandmother", string.Join(" ", await db.Events.Select(e => e.Data).ToListAsync()));

        // The merged-in record is blanked too, and nothing personal is left in versions, source references, objects,
        // drafts, or the fields and actions of the cases only this child was in.
        var ids = new[] { Guid.Parse(child), Guid.Parse(earlier) };
        var blanked = await db.People.AsNoTracking().SingleAsync(p => p.Id == Guid.Parse(earlier));
        Assert.Equal(("", "", (DateOnly?)null), (blanked.Forename, blanked.Surname, blanked.DateOfBirth));
        Assert.NotNull(blanked.DeletedAt);
        Assert.Empty(await db.PersonVersions.Where(v => ids.Contains(v.PersonId)).ToListAsync());
        Assert.Empty(await db.PersonSourceRefs.Where(r => ids.Contains(r.PersonId)).ToListAsync());
        Assert.Empty(await db.Objects.Where(o => o.PersonId == Guid.Parse(child)).ToListAsync());
        var drafts = await db.Drafts.Select(d => d.Json).ToListAsync();
        Assert.DoesNotContain(drafts, d => d.Contains(child));
        Assert.Single(drafts, d => d.Contains(other)); // another child's draft stays
        // The meeting had only this child: its case stays (type, id, status, times) without its fields or decisions' text.
        var discussion = await db.Cases.AsNoTracking().Include(c => c.Actions).SingleAsync(c => c.Id == "mtg-forget");
        Assert.Equal("{}", discussion.Fields);
        Assert.NotEmpty(discussion.Actions);
        Assert.All(discussion.Actions, a => Assert.Equal("", a.Text));
        Assert.DoesNotContain("Joint visit to the child", string.Join(" ", await db.CaseActions.Select(a => a.Text).ToListAsync()));
        Assert.True(await db.Audit.AnyAsync(a => a.PersonId == Guid.Parse(earlier))); // its access log stays
    }

    [Fact]
    public async Task Deleting_a_shared_record_ends_its_shares_and_the_partner_then_gets_404_and_no_longer_sees_it_listed()
    {
        var child = await _api.CreatePersonAsync(A.Child("Vida", "Sharedthendeleted").AgedYears(12).Build());
        await _api.ReportAsync("m1", child, "2026-03-01T20:00:00Z");
        YearsPass(7);
        await Sharing.SharingTests.OrganisationsAsync(_api);
        var until = Core.Calendar.SafeguardCalendar.LondonDate(_factory.Clock.GetUtcNow()).AddDays(60).ToString("yyyy-MM-dd");
        var (shared, share) = await _api.PostJsonAsync($"/api/v1/people/{child}/shares",
            new { scope = "record", organisation = Sharing.SharingTests.Org, lawfulBasis = "children-act-1989-s47", until });
        var partner = await _factory.ApiAsAsync("partner-practitioner", organisation: Sharing.SharingTests.Org);
        var before = (await partner.GetJsonAsync($"/api/v1/partner/children/{child}")).Status;
        var supervisor = await _factory.ApiAsAsync("supervisor");

        var (deleted, _) = await supervisor.PostJsonAsync($"/api/v1/people/{child}/retention",
            new { decision = "delete", reason = "Reviewed: no continuing safeguarding need" });

        Assert.Equal(HttpStatusCode.Created, shared);
        Assert.Equal(HttpStatusCode.OK, before);
        Assert.Equal(HttpStatusCode.Created, deleted);
        var (status, _) = await partner.GetJsonAsync($"/api/v1/partner/children/{child}");
        var (nobodyStatus, _) = await partner.GetJsonAsync($"/api/v1/partner/children/{Guid.NewGuid()}");
        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (status, nobodyStatus));
        var (_, home) = await partner.GetJsonAsync("/api/v1/partner");
        Assert.Empty(home!["children"]!.AsArray());
        var page = await PageSignIn.AsUserAsync(_factory, "sw-deleted", "partner-practitioner", organisation: Sharing.SharingTests.Org);
        Assert.Equal(HttpStatusCode.NotFound, (await page.GetAsync($"/partner/children/{child}")).Status);
        await using var db = _factory.Db();
        var ended = await db.Shares.AsNoTracking().SingleAsync(s => s.Id == Guid.Parse(share!["id"]!.GetValue<string>()));
        Assert.NotNull(ended.EndedAt);
        Assert.Equal(Core.Retention.RetentionReviews.ShareEndedByDeletion, ended.EndReason);
        Assert.Contains(await db.Audit.Where(a => a.PersonId == Guid.Parse(child) && a.Entity == "share" && a.Action == AuditActions.Change).Select(a => a.Reason).ToListAsync(),
            r => r == Core.Retention.RetentionReviews.ShareEndedByDeletion);
    }

    [Fact]
    public async Task A_decision_without_a_reason_or_date_or_deleting_a_public_protection_record_too_soon_is_refused_and_nothing_changes()
    {
        var child = await _api.CreatePersonAsync(A.Child("Sami", "Refused").AgedYears(12).Build());
        await _api.ReportAsync("m1", child, "2026-03-01T20:00:00Z");
        var adult = await _api.CreatePersonAsync(A.Adult("Tobias", "Registered").Build());
        await _api.RecordAsync(Exploitation.CseScenarioTests.Cawn("cawn-ret-1", child, adult, "none"));
        YearsPass(11);
        var officer = await _factory.ApiAsAsync("officer");

        var noReason = await _api.PostJsonAsync($"/api/v1/people/{child}/retention", new { decision = "keep", nextReviewOn = "2040-01-01" });
        var noDate = await _api.PostJsonAsync($"/api/v1/people/{child}/retention", new { decision = "keep", reason = "Still needed" });
        var past = await _api.PostJsonAsync($"/api/v1/people/{child}/retention", new { decision = "keep", nextReviewOn = "2030-01-01", reason = "Still needed" });
        var tooSoon = await _api.PostJsonAsync($"/api/v1/people/{adult}/retention", new { decision = "delete", reason = "Old" });
        var notAllowed = await officer.PostJsonAsync($"/api/v1/people/{child}/retention", new { decision = "delete", reason = "Old" });

        Assert.Equal(HttpStatusCode.BadRequest, noReason.Status);
        Assert.NotNull(noReason.Body!["errors"]!["reason"]);
        Assert.NotNull(noDate.Body!["errors"]!["nextReviewOn"]);
        Assert.NotNull(past.Body!["errors"]!["nextReviewOn"]);
        Assert.Equal(HttpStatusCode.BadRequest, tooSoon.Status);
        Assert.Contains("100th birthday", tooSoon.Body!["errors"]!["decision"]![0]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Forbidden, notAllowed.Status);
        await using var db = _factory.Db();
        Assert.Empty(await db.RetentionDecisions.ToListAsync());
        Assert.Equal(HttpStatusCode.OK, (await _api.GetJsonAsync($"/api/v1/people/{adult}")).Status);
    }

    [Fact]
    public async Task A_supervisor_reviews_the_queue_on_the_page_checks_the_answers_and_keeps_the_record()
    {
        var child = await _api.CreatePersonAsync(A.Child("Úna", "Pagekeep").AgedYears(12).Build());
        await _api.ReportAsync("m1", child, "2026-03-01T20:00:00Z");
        YearsPass(7);
        var supervisor = await PageSignIn.AsAsync(_factory, "supervisor");
        var officer = await PageSignIn.AsAsync(_factory, "officer");

        var (queueStatus, queue) = await supervisor.GetAsync("/retention");
        var checkResponse = await supervisor.SubmitAsync($"/retention/{child}", "Continue",
        [
            new("Decision", "keep"), new("NextReview.Day", "1"), new("NextReview.Month", "6"), new("NextReview.Year", "2034"), new("Reason", "Open family case"),
        ]);
        var check = await checkResponse.Content.ReadAsStringAsync();
        var confirmed = await (await supervisor.FormOnAsync(checkResponse, "Record decision")).SubmitAsync();
        var (doneStatus, done) = await supervisor.GetAsync(confirmed.Headers.Location!.ToString());
        var checkStatus = checkResponse.StatusCode;

        Assert.Equal(HttpStatusCode.OK, queueStatus);
        Assert.Contains("Úna Pagekeep", WebUtility.HtmlDecode(queue));
        Assert.Equal(HttpStatusCode.OK, checkStatus);
        Assert.Contains("Check your answers", check);
        Assert.Contains("1 June 2034", check);
        Assert.Equal(HttpStatusCode.OK, doneStatus);
        Assert.Contains("The record is kept until its next review on 1 June 2034", WebUtility.HtmlDecode(done));
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.GetAsync("/retention")).Status);
    }
}
