using System.Net;
using System.Text.Json.Nodes;
using Safeguard.Core.Organisation;
using Safeguard.TestKit;

namespace Safeguard.Web.Tests.Referrals;

/// <summary>J2, J3, WT1, WT5 through the API, as a MASH and a partner system would use it: a referral's life from sending to
/// closing, the tasks each step raises and closes, response times, and what is overdue as the clock moves.</summary>
public sealed class ReferralApiTests : IDisposable
{
    private readonly SafeguardFactory _factory = new();
    private readonly HttpClient _api;

    public ReferralApiTests()
    {
        _api = _factory.Api();
        using var db = _factory.Db();
        db.Organisations.Add(new PartnerOrganisation { Code = "LA-NMR", Name = "Northmoor children's social care", Kind = "social-care", LocalAuthority = "Northmoor Borough Council" });
        db.SaveChanges();
    }

    public void Dispose() => _factory.Dispose();

    private async Task<string> ChildAsync(string forename = "Amara") =>
        await _api.CreatePersonAsync(new { forename, surname = "Referralchild", dateOfBirth = "2016-05-01" });

    private Task<JsonNode> ReferAsync(string child, string id, string at, string kind = "mash") =>
        _api.RecordAsync(new
        {
            id, type = "referral", occurredAt = at, people = new[] { new { personId = child, role = "child" } },
            data = new { to = "LA-NMR", kind, reason = "Bruising seen at school; the child says her stepfather grabbed her" },
        });

    [Fact]
    public async Task A_referral_to_the_mash_goes_from_sent_to_closed_and_each_step_raises_and_closes_the_right_tasks()
    {
        var child = await ChildAsync();
        var made = await ReferAsync(child, "ref-a", "2026-02-26T15:00:00Z"); // a Thursday afternoon
        var screening = made["outputs"]!["tasks"]!.AsArray().Single(t => t!["code"]!.GetValue<string>() == "mash-screening")!;
        Assert.Equal("2026-02-27T23:59:59+00:00", screening["dueAt"]!.GetValue<DateTimeOffset>().ToString("yyyy-MM-ddTHH:mm:sszzz"));

        Assert.Equal(HttpStatusCode.Created, (await _api.PostJsonAsync("/api/v1/referrals/ref-a/received", new { at = "2026-02-26T16:00:00Z" })).Status);
        var (status, decided) = await _api.PostJsonAsync("/api/v1/referrals/ref-a/screening", new
        {
            decision = "assessment", rationale = "Injury with a disclosure", at = "2026-02-27T11:00:00Z",
            contributions = new[] { new { agency = "Police", information = "Stepfather arrested for assault in 2024" }, new { agency = "Health", information = "Two A&E visits this year" } },
        });
        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Contains(decided!["outputs"]!["tasks"]!.AsArray(), t => t!["code"]!.GetValue<string>() == "social-care-assessment");

        Assert.Equal(HttpStatusCode.Created, (await _api.PostJsonAsync("/api/v1/referrals/ref-a/response", new { outcome = "accepted", at = "2026-02-27T12:00:00Z" })).Status);
        var (_, referral) = await _api.GetJsonAsync("/api/v1/referrals/ref-a");
        Assert.Equal("accepted", referral!["status"]!.GetValue<string>());
        Assert.Equal(2, referral["contributions"]!.AsArray().Count);
        Assert.Equal(TimeSpan.FromHours(21).ToString(), referral["responseTime"]!.GetValue<string>());
        Assert.Null(referral["screeningDueAt"]);
        Assert.NotNull(referral["assessmentDueAt"]);

        var (_, screeningTasks) = await _api.GetJsonAsync($"/api/v1/tasks?personId={child}&code=mash-screening&status=done");
        Assert.Single(screeningTasks!.AsArray());

        await _api.PostJsonAsync("/api/v1/referrals/ref-a/assessment", new { outcome = "Child in need plan", at = "2026-03-01T13:00:00Z" });
        await _api.PostJsonAsync("/api/v1/referrals/ref-a/close", new { reason = "Plan in place", at = "2026-03-01T14:00:00Z" });
        var (_, closed) = await _api.GetJsonAsync("/api/v1/referrals/ref-a");
        Assert.Equal("closed", closed!["status"]!.GetValue<string>());
        Assert.Null(closed["assessmentDueAt"]);
        var (_, open) = await _api.GetJsonAsync($"/api/v1/tasks?personId={child}&status=open");
        Assert.DoesNotContain(open!.AsArray(), t => t!["code"]!.GetValue<string>() is "mash-screening" or "social-care-assessment");
    }

    [Fact]
    public async Task A_referral_not_screened_by_the_end_of_the_next_working_day_is_listed_as_overdue()
    {
        var child = await ChildAsync("Bethan");
        await ReferAsync(child, "ref-late", "2026-02-26T10:00:00Z"); // Thursday: due by the end of Friday 27 February

        var (_, list) = await _api.GetJsonAsync("/api/v1/referrals?state=overdue");
        Assert.Equal(["ref-late"], list!["items"]!.AsArray().Select(r => r!["id"]!.GetValue<string>()));
        Assert.Equal(1, list["measure"]!["overdue"]!.GetValue<int>());

        await _api.PostJsonAsync("/api/v1/referrals/ref-late/screening", new
        {
            decision = "no-further-action", rationale = "Known injury explained by the GP",
            contributions = new[] { new { agency = "Health", information = "GP saw the injury on 20 February" } },
        });
        var (_, after) = await _api.GetJsonAsync("/api/v1/referrals?state=overdue");
        Assert.Empty(after!["items"]!.AsArray());
        var (_, referral) = await _api.GetJsonAsync("/api/v1/referrals/ref-late");
        Assert.Null(referral!["assessmentDueAt"]);
    }

    [Fact]
    public async Task Declining_without_a_reason_is_refused_and_nothing_is_stored()
    {
        var child = await ChildAsync("Cerys");
        await ReferAsync(child, "ref-d", "2026-03-01T10:00:00Z", kind: "social-care");

        var (status, problem) = await _api.PostJsonAsync("/api/v1/referrals/ref-d/response", new { outcome = "declined" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Equal("missing-decline-reason", problem!["code"]!.GetValue<string>());
        var (_, referral) = await _api.GetJsonAsync("/api/v1/referrals/ref-d");
        Assert.Equal("awaiting-response", referral!["status"]!.GetValue<string>());

        await _api.PostJsonAsync("/api/v1/referrals/ref-d/response", new { outcome = "declined", reason = "Already open to the children with disabilities team" });
        var (_, declined) = await _api.GetJsonAsync("/api/v1/referrals/ref-d");
        Assert.Equal(("declined", "Already open to the children with disabilities team"),
            (declined!["status"]!.GetValue<string>(), declined["responseReason"]!.GetValue<string>()));
        Assert.False(declined["isOpen"]!.GetValue<bool>());
    }

    [Fact]
    public async Task A_referral_received_from_a_partner_is_listed_as_received_and_the_partner_list_finds_it()
    {
        var child = await ChildAsync("Dafydd");
        await _api.RecordAsync(new
        {
            id = "ref-in", type = "referral", occurredAt = "2026-03-01T10:00:00Z", people = new[] { new { personId = child, role = "child" } },
            data = new { to = "police", from = "LA-NMR", kind = "mash", reason = "Social care ask the police to check the address" },
        });
        await ReferAsync(child, "ref-out", "2026-03-01T11:00:00Z", kind: "health");

        var (_, received) = await _api.GetJsonAsync("/api/v1/referrals?direction=received");
        Assert.Equal(["ref-in"], received!["items"]!.AsArray().Select(r => r!["id"]!.GetValue<string>()));
        Assert.Equal("Northmoor children's social care", received["items"]![0]!["fromName"]!.GetValue<string>());
        var (_, partner) = await _api.GetJsonAsync("/api/v1/referrals?organisation=LA-NMR");
        Assert.Equal(["ref-out", "ref-in"], partner!["items"]!.AsArray().Select(r => r!["id"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Bad_filters_and_unknown_referrals_answer_problems()
    {
        var (status, problem) = await _api.GetJsonAsync("/api/v1/referrals?state=lost");
        Assert.Equal((HttpStatusCode.BadRequest, "validation-failed"), (status, problem!["code"]!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.NotFound, (await _api.GetJsonAsync("/api/v1/referrals/nope")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await _api.PostJsonAsync("/api/v1/referrals/nope/close", new { })).Status);
    }
}
