using System.Net;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.AccessLog;
using Safeguard.TestKit;
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
