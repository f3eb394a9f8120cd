using Microsoft.AspNetCore.Mvc;
using Safeguard.Core.AccessLog;
using Safeguard.Core.Records;
using Safeguard.Core.Search;
using Safeguard.Web.Pages.Exploitation;
using Safeguard.Web.Pages.Shared;

namespace Safeguard.Web.Pages.Queues;

/// <summary>I4: a charging file in a child's case sent to the Crown Prosecution Service. The child is chosen, the answers
/// checked back, then recorded as a <c>charging-file-submitted</c>: the file joins the charging queue and the rules make
/// the decision due within IN3.</summary>
public sealed class SubmitModel(PersonAccess access, AuditLog audit, PeopleFinder finder, EventService events, TimeProvider clock)
    : ChildPage(access, audit, finder)
{
    [BindProperty] public string? FileId { get; set; }
    [BindProperty] public string? Offence { get; set; }
    [BindProperty] public string? InvestigationId { get; set; }
    [BindProperty] public string? Notes { get; set; }
    [BindProperty] public DateTimeParts SubmittedAt { get; set; } = new();

    public bool Checking { get; private set; }
    public DateTimeOffset Submitted { get; private set; }
    public string ChangeAction => Url.Page("/Queues/Submit", "Change", new { personId = PersonId })!;

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync()) return NotFound();
        var now = clock.GetUtcNow();
        EventId = EventForms.NewId("charging-file");
        OpenedAt = EventForms.Opened(now);
        FileId = $"CPS-{now:yyMMdd}-{Random.Shared.Next(1000, 9999)}";
        SubmittedAt = DateTimeParts.From(now);
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
        var id = EventId ?? EventForms.NewId("charging-file");
        var result = await this.TryRecordAsync(events, new
        {
            id, type = "charging-file-submitted", occurredAt = Submitted,
            people = new[] { new { personId = PersonId, role = "child" } },
            data = new Dictionary<string, object?>
            {
                ["fileId"] = FileId!.Trim(), ["offence"] = EventForms.Blank(Offence), ["investigationId"] = EventForms.Blank(InvestigationId),
                ["notes"] = EventForms.Blank(Notes),
            }.Where(kv => kv.Value is not null).ToDictionary(),
        }, f => f switch
        {
            "occurredAt" => nameof(SubmittedAt), "data.fileId" => nameof(FileId), "data.offence" => nameof(Offence),
            "data.investigationId" => nameof(InvestigationId), "data.notes" => nameof(Notes), _ => f,
        });
        if (result is null) return Page();
        return Redirect(new Record.Recorded("Charging file recorded as sent to the CPS", Child!.Id, Child.FullName,
            [$"File {FileId!.Trim()} sent {UkTime.Show(Submitted)}"], id, Record.NextSteps.Of(result.Outputs),
            [new Record.RecordedLink("Go to the charging queue", "/queues/charging")]).Keep(TempData));
    }

    private bool CheckAnswers()
    {
        if (string.IsNullOrWhiteSpace(FileId)) ModelState.AddModelError(nameof(FileId), "Enter the file reference");
        else if (FileId.Trim().Length > 60) ModelState.AddModelError(nameof(FileId), "The file reference must be 60 characters or fewer");
        if (string.IsNullOrWhiteSpace(Offence)) ModelState.AddModelError(nameof(Offence), "Say what offence the file is for");
        if (!SubmittedAt.TryReadPast("when the file was sent", clock.GetUtcNow().AddMinutes(5), out var submitted, out var problem))
            ModelState.AddModelError(nameof(SubmittedAt), problem!);
        else Submitted = submitted;
        return ModelState.IsValid;
    }
}
