using System.Net;
using Microsoft.EntityFrameworkCore;
using Safeguard.TestKit;

namespace Safeguard.Web.Tests.Sharing;

/// <summary>Issue 11 point 1: the partner portal lists referrals sent to the partner's organisation (a <c>referral</c> event whose
/// <c>to</c> is its code) and the practitioner accepts or declines each with a reason, which records a <c>referral-response</c>
/// event the police side reads like any other. A referral to another organisation answers 404 as one that does not exist.</summary>
public sealed class PartnerReferralTests : IDisposable
{
    private readonly SafeguardFactory _factory = new();
    private readonly HttpClient _api;

    public PartnerReferralTests() => _api = _factory.Api();
    public void Dispose() => _factory.Dispose();

    private async Task<string> ReferralAsync(string id, string child, string to) =>
        (await _api.RecordAsync(new
        {
            id, type = "referral", occurredAt = "2026-03-01T10:00:00Z", people = new[] { new { personId = child, role = "child" } },
            data = new { to, kind = "social-care", reason = "Bruises seen at school; mother not engaging" },
        }))["id"]?.GetValue<string>() ?? id;

    [Fact]
    public async Task A_practitioner_declines_a_referral_with_a_reason_and_the_police_case_shows_it()
    {
        await SharingTests.OrganisationsAsync(_api);
        var child = await _api.CreatePersonAsync(A.Child("Nadia", "Referredchild").Build());
        await ReferralAsync("ref-to-us", child, SharingTests.Org);
        var page = await PageSignIn.AsUserAsync(_factory, "sw-ref", "partner-practitioner", organisation: SharingTests.Org);

        var (_, home) = await page.GetAsync("/partner");
        Assert.Contains("Nadia Referredchild", home);
        Assert.Contains("Awaiting your answer", home);

        var noReason = await page.SubmitAsync("/partner/referrals/ref-to-us", "Send answer", [new("Outcome", "declined")]);
        Assert.Equal(HttpStatusCode.OK, noReason.StatusCode);
        Assert.Contains("Say why the referral is declined", await noReason.Content.ReadAsStringAsync());
        Assert.False(await _factory.Db().Events.AnyAsync(e => e.Type == "referral-response"));

        var declined = await page.SubmitAsync("/partner/referrals/ref-to-us", "Send answer",
            [new("Outcome", "declined"), new("Reason", "Threshold not met; signposted to early help")]);
        Assert.Equal(HttpStatusCode.Redirect, declined.StatusCode);

        var (_, referralCase) = await _api.GetJsonAsync("/api/v1/cases/referral/ref-to-us");
        Assert.Equal("declined", referralCase!["status"]!.GetValue<string>());
        using var db = _factory.Db();
        var response = await db.Events.Include(e => e.People).SingleAsync(e => e.Type == "referral-response");
        Assert.Equal("user:sw-ref", response.RecordedBy);
        Assert.Equal(SharingTests.Org, response.Unit);
        Assert.Equal([Guid.Parse(child)], response.People.Select(p => p.PersonId));
        Assert.Contains("Declined", (await page.GetAsync("/partner/referrals/ref-to-us")).Html);
    }

    [Fact]
    public async Task A_referral_is_answered_once_and_a_retry_of_the_same_answer_stores_nothing_twice()
    {
        await SharingTests.OrganisationsAsync(_api);
        var child = await _api.CreatePersonAsync(A.Child("Ines", "Acceptedchild").Build());
        await ReferralAsync("ref-accept", child, SharingTests.Org);
        var partner = await _factory.ApiAsAsync("partner-practitioner", organisation: SharingTests.Org);

        var (first, _) = await partner.PostJsonAsync("/api/v1/partner/referrals/ref-accept/response", new { outcome = "accepted", socialWorker = "Ana Żółw", id = "answer-1" });
        var (retry, _) = await partner.PostJsonAsync("/api/v1/partner/referrals/ref-accept/response", new { outcome = "accepted", socialWorker = "Ana Żółw", id = "answer-1" });
        var (second, problem) = await partner.PostJsonAsync("/api/v1/partner/referrals/ref-accept/response", new { outcome = "declined", reason = "Changed our mind" });

        Assert.Equal(HttpStatusCode.Created, first);
        Assert.Equal(HttpStatusCode.OK, retry);
        Assert.Equal(HttpStatusCode.Conflict, second);
        Assert.Equal("illegal-transition", problem!["code"]!.GetValue<string>());
        Assert.Equal(1, await _factory.Db().Events.CountAsync(e => e.Type == "referral-response"));
    }

    [Fact]
    public async Task A_referral_to_another_organisation_answers_exactly_as_one_that_does_not_exist()
    {
        await SharingTests.OrganisationsAsync(_api);
        var child = await _api.CreatePersonAsync(A.Child("Pavel", "Elsewherechild").Build());
        await ReferralAsync("ref-elsewhere", child, SharingTests.OtherOrg);
        var partner = await _factory.ApiAsAsync("partner-practitioner", organisation: SharingTests.Org);
        var page = await PageSignIn.AsUserAsync(_factory, "sw-else", "partner-practitioner", organisation: SharingTests.Org);

        var elsewhere = await SharingTests.RawAsync(partner, "/api/v1/partner/referrals/{id}", "ref-elsewhere");
        var missing = await SharingTests.RawAsync(partner, "/api/v1/partner/referrals/{id}", "ref-nowhere");
        var (answer, _) = await partner.PostJsonAsync("/api/v1/partner/referrals/ref-elsewhere/response", new { outcome = "accepted" });
        var (pageStatus, pageHtml) = await page.GetAsync("/partner/referrals/ref-elsewhere");
        var (_, missingHtml) = await page.GetAsync("/partner/referrals/ref-nowhere");
        var (_, home) = await page.GetAsync("/partner");

        Assert.Equal(HttpStatusCode.NotFound, elsewhere.Status);
        Assert.Equal(missing, elsewhere);
        Assert.Equal(HttpStatusCode.NotFound, answer);
        Assert.Equal(HttpStatusCode.NotFound, pageStatus);
        Assert.Equal(SharingTests.Normalise(missingHtml, "ref-nowhere"), SharingTests.Normalise(pageHtml, "ref-elsewhere"));
        Assert.DoesNotContain("Pavel", home);
        Assert.False(await _factory.Db().Events.AnyAsync(e => e.Type == "referral-response"));
    }

    [Fact]
    public async Task The_portal_lists_the_meeting_decisions_the_organisation_owns_and_not_another_organisations()
    {
        await SharingTests.OrganisationsAsync(_api);
        var child = await _api.CreatePersonAsync(A.Child("Maja", "Meetingchild").Build());
        await _api.RecordAsync(new
        {
            id = "sd-actions", type = "strategy-discussion", occurredAt = "2026-02-27T10:00:00Z", people = new[] { new { personId = child, role = "child" } },
            data = new
            {
                agencies = new[] { "police", "social-care", "health" }, section47 = true,
                decisions = new object[]
                {
                    new { text = "Visit the child at home with a police officer", owner = SharingTests.Org, dueDate = "2026-03-01" },
                    new { text = "Share the health visitor's notes", owner = SharingTests.OtherOrg, dueDate = "2026-03-05" },
                },
            },
        });
        var page = await PageSignIn.AsUserAsync(_factory, "sw-actions", "partner-practitioner", organisation: SharingTests.Org);

        var (_, home) = await page.GetAsync("/partner");

        Assert.Contains("Visit the child at home with a police officer", home);
        Assert.Contains("Overdue", home);
        Assert.DoesNotContain("health visitor", home);
    }

    [Fact]
    public async Task A_task_for_the_partners_kind_of_agency_on_a_referred_or_shared_child_is_on_their_portal_and_not_another_organisations()
    {
        await SharingTests.OrganisationsAsync(_api);
        // A second children's social care department, with nothing shared or referred to it.
        await _api.PostJsonAsync("/api/v1/organisations", new { code = "LA-ELSE", name = "Elsewhere children's social care", kind = "social-care", localAuthority = "Elsewhere Council" });
        var referred = await _api.CreatePersonAsync(A.Child("Tasmin", "Referredtask").Build());
        var shared = await _api.CreatePersonAsync(A.Child("Ulla", "Sharedtask").Build());
        var neither = await _api.CreatePersonAsync(A.Child("Vanya", "Neithertask").Build());
        await ReferralAsync("ref-task", referred, SharingTests.Org);
        await ReferralAsync("ref-task-shared", shared, "LA-ELSE");
        await ReferralAsync("ref-task-neither", neither, "LA-ELSE");
        // Each referral accepted: WT5 gives children's social care (the agency kind) an assessment task on the child.
        foreach (var (referral, child) in new[] { ("ref-task", referred), ("ref-task-shared", shared), ("ref-task-neither", neither) })
            await _api.RecordAsync(new
            {
                id = referral + "-answer", type = "referral-response", occurredAt = "2026-03-02T08:00:00Z",
                people = new[] { new { personId = child, role = "child" } }, data = new { referralEventId = referral, outcome = "accepted" },
            });
        var (sharedStatus, _) = await _api.PostJsonAsync($"/api/v1/people/{shared}/shares",
            new { scope = "record", organisation = SharingTests.Org, lawfulBasis = "children-act-1989-s47", until = "2026-04-30" });
        Assert.Equal(HttpStatusCode.Created, sharedStatus);
        await using (var db = _factory.Db())
            Assert.Equal(3, await db.Tasks.CountAsync(t => t.AssignedTo == "social-care" && t.Status == Core.Work.TaskStatus.Open));
        var ours = await _factory.ApiAsAsync("partner-practitioner", organisation: SharingTests.Org);
        var health = await _factory.ApiAsAsync("partner-practitioner", organisation: SharingTests.OtherOrg);
        var page = await PageSignIn.AsUserAsync(_factory, "sw-tasks", "partner-practitioner", organisation: SharingTests.Org);

        var (_, home) = await ours.GetJsonAsync("/api/v1/partner");
        var (_, healthHome) = await health.GetJsonAsync("/api/v1/partner");
        var (_, html) = await page.GetAsync("/partner");

        var tasks = home!["actions"]!.AsArray().Where(a => a!["source"]!.GetValue<string>() == "Task").ToList();
        Assert.Equal(["Tasmin Referredtask", "Ulla Sharedtask"], tasks.Select(t => t!["about"]!.GetValue<string>()).Order().ToList());
        Assert.Empty(healthHome!["actions"]!.AsArray()); // a health organisation: not its kind of task, nothing shared or referred
        Assert.Contains("Tasmin Referredtask", html);
        Assert.Contains("Ulla Sharedtask", html);
        Assert.DoesNotContain("Vanya", html); // social care's task on a child neither referred nor shared to this organisation
    }
}
