using Microsoft.AspNetCore.Mvc;
using Safeguard.Core.AccessLog;
using Safeguard.Core.Records;
using Safeguard.Core.Search;
using Safeguard.Web.Pages.Exploitation;
using Safeguard.Web.Pages.Shared;

namespace Safeguard.Web.Pages.Queues;

/// <summary>I3: asking the digital forensic unit to examine a device in a child's case. The child is chosen, the answers
/// checked back (GOV.UK check answers), then recorded as a <c>forensic-request</c>: the request joins the queue and the
/// rules set its target (IN2) from the child's risk.</summary>
public sealed class RequestModel(PersonAccess access, AuditLog audit, PeopleFinder finder, EventService events, TimeProvider clock)
    : ChildPage(access, audit, finder)
{
    [BindProperty] public string? RequestId { get; set; }
    [BindProperty] public string? Device { get; set; }
    [BindProperty] public string? Examination { get; set; }
    [BindProperty] public string? Priority { get; set; }
    [BindProperty] public string? InvestigationId { get; set; }
    [BindProperty] public DateTimeParts RequestedAt { get; set; } = new();

    public bool Checking { get; private set; }
    public DateTimeOffset Requested { get; private set; }
    public string ChangeAction => Url.Page("/Queues/Request", "Change", new { personId = PersonId })!;

    public static readonly IReadOnlyList<Choice> Priorities =
    [
        new("standard", "From the child's risk", "High if the child has a flag for exploitation, high-risk domestic abuse or a child protection plan, or was last graded high risk"),
        new("high", "High priority", "The child is at high risk whatever the records say: explain why in what to look for"),
    ];

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync()) return NotFound();
        var now = clock.GetUtcNow();
        EventId = EventForms.NewId("forensic-request");
        OpenedAt = EventForms.Opened(now);
        RequestId = $"DFU-{now:yyMMdd}-{Random.Shared.Next(1000, 9999)}";
        Priority = "standard";
        RequestedAt = DateTimeParts.From(now);
        return Page();
    }

    public async Task<IActionResult> OnPostCheckAsync()
    {
        if (PersonId is null || !await LoadAsync()) return NotFound();
        Checking = CheckAnswers();
        return Page();
    }

    public async Task<IActionResult> OnPostChangeAsync() => PersonId is not null && await LoadAsync() ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync()
    {
        if (PersonId is null || !await LoadAsync()) return NotFound();
        if (!CheckAnswers()) return Page();
        var id = EventId ?? EventForms.NewId("forensic-request");
        var result = await this.TryRecordAsync(events, new
        {
            id, type = "forensic-request", occurredAt = Requested,
            people = new[] { new { personId = PersonId, role = "child" } },
            data = new Dictionary<string, object?>
            {
                ["requestId"] = RequestId!.Trim(), ["device"] = Device!.Trim(), ["priority"] = Priority,
                ["investigationId"] = EventForms.Blank(InvestigationId), ["examination"] = EventForms.Blank(Examination),
            }.Where(kv => kv.Value is not null).ToDictionary(),
        }, f => f switch
        {
            "occurredAt" => nameof(RequestedAt), "data.requestId" => nameof(RequestId), "data.device" => nameof(Device),
            "data.examination" => nameof(Examination), "data.investigationId" => nameof(InvestigationId), _ => f,
        });
        if (result is null) return Page();
        return Redirect(new Record.Recorded("Digital forensic request recorded", Child!.Id, Child.FullName,
            [$"{Device!.Trim()} sent for examination {UkTime.Show(Requested)}", $"Request {RequestId!.Trim()}"], id, Record.NextSteps.Of(result.Outputs),
            [new Record.RecordedLink("Go to the digital forensic queue", "/queues/forensic")]).Keep(TempData));
    }

    private bool CheckAnswers()
    {
        if (string.IsNullOrWhiteSpace(RequestId)) ModelState.AddModelError(nameof(RequestId), "Enter the request reference");
        else if (RequestId.Trim().Length > 60) ModelState.AddModelError(nameof(RequestId), "The request reference must be 60 characters or fewer");
        if (string.IsNullOrWhiteSpace(Device)) ModelState.AddModelError(nameof(Device), "Say which device is to be examined");
        if (Priorities.All(p => p.Value != Priority)) ModelState.AddModelError(nameof(Priority), "Choose the priority");
        if (!RequestedAt.TryReadPast("when the request was made", clock.GetUtcNow().AddMinutes(5), out var requested, out var problem))
            ModelState.AddModelError(nameof(RequestedAt), problem!);
        else Requested = requested;
        return ModelState.IsValid;
    }
}
