using System.Net;
using Safeguard.TestKit;

namespace Safeguard.Web.Tests.Queues;

/// <summary>I3, I4, I7 through the pages: request a digital forensic examination and record it completed, send a
/// charging file and record the decision, each with check your answers; the queues ordered by priority and age with
/// overdue shown; police protection started (the same officer twice refused), the local authority told and ended.</summary>
public sealed class QueuePagesTests : IDisposable
{
    private readonly SafeguardFactory _factory = new();
    private readonly HttpClient _api;

    public QueuePagesTests() => _api = _factory.Api();
    public void Dispose() => _factory.Dispose();

    /// <summary>The page's text with character references decoded (names outside a–z are written as references).</summary>
    private static string D(string html) => WebUtility.HtmlDecode(html);

    private static KeyValuePair<string, string>[] When(string name, string day, string month, string hour, string minute = "00") =>
        [new($"{name}.Day", day), new($"{name}.Month", month), new($"{name}.Year", "2026"), new($"{name}.Hour", hour), new($"{name}.Minute", minute)];

    [Fact]
    public async Task A_forensic_request_is_checked_back_recorded_and_shown_first_in_the_queue_then_completed()
    {
        var girl = await _api.CreatePersonAsync(A.Child("Zoë", "Ćwik").AgedYears(14).Build());
        await _api.PostJsonAsync($"/api/v1/people/{girl}/flags", new { code = "cce-risk", reason = "County lines" });
        var older = await _api.CreatePersonAsync(A.Child("Mawgan", "Bray").AgedYears(13).Build());
        await _api.RecordAsync(new { id = "mb-dfu", type = "forensic-request", occurredAt = "2026-01-20T09:00:00Z",
            people = new[] { new { personId = older, role = "child" } }, data = new { requestId = "DFU-MB", device = "laptop" } });
        var page = await PageSignIn.AsAsync(_factory, "investigator");

        var refused = await page.SubmitAsync($"/queues/forensic/request?personId={girl}", "Continue",
            [new("RequestId", "DFU-ZC"), new("Device", ""), new("Priority", "standard"), .. When("RequestedAt", "2", "3", "08")]);
        Assert.Contains("Say which device is to be examined", D(await refused.Content.ReadAsStringAsync()));

        var check = await page.SubmitAsync($"/queues/forensic/request?personId={girl}", "Continue",
            [new("RequestId", "DFU-ZC"), new("Device", "Phone, iPhone 12"), new("Examination", "Messages with the older boys"), new("Priority", "standard"),
                new("InvestigationId", "INV-ZC"), .. When("RequestedAt", "2", "3", "09")]);
        var checkHtml = await check.Content.ReadAsStringAsync();
        Assert.Contains("Check your answers before sending the request", D(checkHtml));
        Assert.Contains("2 March 2026 at 09:00", D(checkHtml));
        var sent = await (await page.FormOnAsync(check, "Send request")).SubmitAsync();
        Assert.Equal("/record/confirmation", sent.Headers.Location!.OriginalString);
        var (_, confirmation) = await page.GetAsync("/record/confirmation");
        Assert.Contains("Digital forensic request recorded", D(confirmation));
        Assert.Contains("Digital forensic unit", D(confirmation));
        Assert.Contains("9 March 2026 at 09:00", D(confirmation)); // 7 days: the child is flagged for criminal exploitation

        var (status, queue) = await page.GetAsync("/queues/forensic");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(D(queue).IndexOf("Zoë Ćwik", StringComparison.Ordinal) > D(queue).IndexOf("Mawgan Bray", StringComparison.Ordinal),
            "the overdue request is first (Mawgan's 30 days passed on 19 February), then high priority");
        Assert.True(D(queue).IndexOf("Mawgan Bray", StringComparison.Ordinal) > 0);
        Assert.Contains("Overdue", D(queue));
        Assert.Contains("High", D(queue));
        Assert.Contains("At risk of child criminal exploitation", D(queue));

        var done = await page.SubmitAsync("/queues/forensic/DFU-ZC/complete", "Continue", [new("Findings", "Messages recovered"), .. When("CompletedAt", "2", "3", "09", "02")]);
        Assert.Contains("Check your answers before recording the examination completed", D(await done.Content.ReadAsStringAsync()));
        Assert.Equal("/record/confirmation", (await (await page.FormOnAsync(done, "Record completed")).SubmitAsync()).Headers.Location!.OriginalString);
        var (_, after) = await page.GetAsync("/queues/forensic");
        Assert.DoesNotContain("Zoë Ćwik", D(after));
        var (_, finished) = await page.GetAsync("/queues/forensic?status=done");
        Assert.Contains("Zoë Ćwik", D(finished));
        Assert.Contains("Within target", D(finished));
    }

    [Fact]
    public async Task A_charging_file_is_sent_and_its_decision_recorded_through_the_pages()
    {
        var boy = await _api.CreatePersonAsync(A.Child("Łukasz", "Wiśniewski").AgedYears(15).Build());
        var page = await PageSignIn.AsAsync(_factory, "officer");

        var check = await page.SubmitAsync($"/queues/charging/submit?personId={boy}", "Continue",
            [new("FileId", "CPS-LW"), new("Offence", "Assault by penetration"), new("InvestigationId", ""), new("Notes", ""), .. When("SubmittedAt", "1", "3", "10")]);
        Assert.Contains("Check your answers before recording the file as sent", D(await check.Content.ReadAsStringAsync()));
        await (await page.FormOnAsync(check, "Record file sent")).SubmitAsync();
        var (_, confirmation) = await page.GetAsync("/record/confirmation");
        Assert.Contains("29 March 2026", D(confirmation)); // 28 days

        var (_, queue) = await page.GetAsync("/queues/charging");
        Assert.Contains("Łukasz Wiśniewski", D(queue));
        Assert.Contains("Assault by penetration", D(queue));

        var noChoice = await page.SubmitAsync("/queues/charging/CPS-LW/decision", "Continue", When("DecidedAt", "2", "3", "08"));
        Assert.Contains("Choose the decision", D(await noChoice.Content.ReadAsStringAsync()));
        var decided = await page.SubmitAsync("/queues/charging/CPS-LW/decision", "Continue", [new("Decision", "charge"), .. When("DecidedAt", "2", "3", "08")]);
        await (await page.FormOnAsync(decided, "Record decision")).SubmitAsync();
        var (_, done) = await page.GetAsync("/queues/charging?status=done");
        Assert.Contains("Charge 2 March 2026 at 08:00", D(done));

        var (again, _) = await page.GetAsync("/queues/charging/CPS-NONE/decision");
        Assert.Equal(HttpStatusCode.NotFound, again);
    }

    [Fact]
    public async Task Police_protection_refuses_the_same_officer_twice_then_is_started_told_and_ended()
    {
        var child = await _api.CreatePersonAsync(A.Child("Siân", "Prydderch").AgedYears(7).Build());
        var page = await PageSignIn.AsAsync(_factory, "officer");
        KeyValuePair<string, string>[] start(string designated) =>
        [
            .. When("StartedAt", "2", "3", "07"), new("InitiatingOfficer", "PC 2231 Rhys Évans"), new("DesignatedOfficer", designated),
            new("Circumstances", "Found alone at home, aged 7"), new("Accommodation", "Emergency foster carer"), new("Informed", "no"), new("LocalAuthority", ""),
        ];

        var same = await page.SubmitAsync($"/police-protection/start?personId={child}", "Continue", start("pc 2231 rhys évans"));
        Assert.Contains("must be a different officer", D(await same.Content.ReadAsStringAsync()));

        var check = await page.SubmitAsync($"/police-protection/start?personId={child}", "Continue", start("Insp 88 Mair Lloyd"));
        Assert.Contains("Check your answers before recording police protection", D(await check.Content.ReadAsStringAsync()));
        await (await page.FormOnAsync(check, "Record police protection")).SubmitAsync();
        var (_, confirmation) = await page.GetAsync("/record/confirmation");
        Assert.Contains("Siân Prydderch recorded as taken into police protection", D(confirmation));
        Assert.Contains("5 March 2026 at 07:00", D(confirmation)); // the 72-hour limit task

        var (_, now) = await page.GetAsync("/police-protection/now");
        Assert.Contains("Siân Prydderch", D(now));
        Assert.Contains("Not told yet", D(now));
        var caseId = System.Text.RegularExpressions.Regex.Match(D(now), "href=\"/police-protection/([^\"/]+)\">Siân Prydderch<").Groups[1].Value;

        var told = await page.SubmitAsync($"/police-protection/{caseId}/informed", "Continue",
            [.. When("InformedAt", "2", "3", "07", "40"), new("LocalAuthority", "Northmoor Council"), new("InformedPerson", "EDT")]);
        await (await page.FormOnAsync(told, "Record local authority told")).SubmitAsync();
        var (_, spell) = await page.GetAsync($"/police-protection/{caseId}");
        Assert.Contains("2 March 2026 at 07:40: Northmoor Council (EDT)", D(spell));

        var end = await page.SubmitAsync($"/police-protection/{caseId}/end", "Continue", [.. When("EndedAt", "2", "3", "08", "30"), new("Outcome", "accommodated"), new("Reason", "")]);
        await (await page.FormOnAsync(end, "Record the end")).SubmitAsync();
        (_, now) = await page.GetAsync("/police-protection/now");
        Assert.Contains("No child is in police protection now", D(now));
        (_, spell) = await page.GetAsync($"/police-protection/{caseId}");
        Assert.Contains("Accommodated by the local authority", D(spell));
    }
}
