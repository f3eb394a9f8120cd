using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Problems;
using Safeguard.Core.Records;
using Safeguard.Core.Schools;
using Safeguard.Web.Hosting;
using Safeguard.Web.Pages.Shared;

namespace Safeguard.Web.Pages.Encompass;

/// <summary>DA4, H2: record that a child's school was told, naming the school and the key adult. The notification closes the
/// child's Operation Encompass task. Form, check your answers, confirmation.</summary>
public sealed class NotifyModel(EncompassBoard board, SchoolService schools, EventService events, TimeProvider clock) : PageModel
{
    public static readonly IReadOnlyList<Choice> Methods =
    [
        new("telephone", "Telephone"), new("secure-email", "Secure email"), new("in-person", "In person"), new("encompass-portal", "Operation Encompass portal"),
    ];

    [BindProperty(SupportsGet = true)] public Guid PersonId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Incident { get; set; }
    [BindProperty] public string? EventId { get; set; }
    [BindProperty] public string? School { get; set; }
    [BindProperty] public string? KeyAdult { get; set; }
    [BindProperty] public string? Method { get; set; }
    [BindProperty] public DateTimeParts NotifiedAt { get; set; } = new();

    public EncompassStart Start { get; private set; } = null!;
    public IReadOnlyList<School> Schools { get; private set; } = [];
    public School? Chosen { get; private set; }
    public DateTimeOffset Notified { get; private set; }
    public bool Checking { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync()) return NotFound();
        EventId = EventForms.NewId("operation-encompass");
        School = Start.School?.Code;
        NotifiedAt = DateTimeParts.From(clock.GetUtcNow());
        return Page();
    }

    public async Task<IActionResult> OnPostCheckAsync()
    {
        if (!await LoadAsync()) return NotFound();
        Checking = CheckAnswers();
        return Page();
    }

    public async Task<IActionResult> OnPostChangeAsync() => await LoadAsync() ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync()) return NotFound();
        if (!CheckAnswers()) return Page();
        var keyAdult = EventForms.Blank(KeyAdult) ?? Chosen!.KeyAdultName;
        var result = await this.TryRecordAsync(events, new
        {
            id = EventId ?? EventForms.NewId("operation-encompass"), type = "operation-encompass", occurredAt = Notified,
            people = new[] { new { personId = PersonId, role = "child" } },
            data = new Dictionary<string, object?>
            {
                ["school"] = Chosen!.Code, ["notifiedAt"] = Notified, ["keyAdult"] = keyAdult, ["method"] = Method, ["incidentEventId"] = Start.IncidentEventId,
            }.Where(kv => kv.Value is not null).ToDictionary(),
        }, f => f switch { "occurredAt" or "data.notifiedAt" => nameof(NotifiedAt), "data.school" => nameof(School), _ => f });
        if (result is null) return Page();
        return Redirect(new Record.Recorded("Operation Encompass notification recorded", PersonId, Start.Name,
            [$"{Chosen.Name} told through {keyAdult} ({Methods.First(m => m.Value == Method).Text.ToLowerInvariant()})", $"Told {UkTime.Show(Notified)}"],
            EventId, Links: [new("Operation Encompass", "/operation-encompass")]).Keep(TempData));
    }

    private bool CheckAnswers()
    {
        Chosen = Schools.FirstOrDefault(s => s.Code == School);
        if (Chosen is null) ModelState.AddModelError(nameof(School), Schools.Count == 0
            ? "No schools are held yet: an administrator adds the child's school first"
            : "Select the child's school");
        if (Methods.All(m => m.Value != Method)) ModelState.AddModelError(nameof(Method), "Select how the key adult was told");
        if (KeyAdult is { Length: > 200 }) ModelState.AddModelError(nameof(KeyAdult), "The key adult's name must be 200 characters or fewer");
        if (!NotifiedAt.TryRead("when the school was told", out var at, out var error)) ModelState.AddModelError(nameof(NotifiedAt), error!);
        else if (at > clock.GetUtcNow().AddMinutes(5)) ModelState.AddModelError(nameof(NotifiedAt), "When the school was told must be now or in the past");
        else if (Start.IncidentAt is { } incident && at < incident)
            ModelState.AddModelError(nameof(NotifiedAt), $"When the school was told must be after the incident, {UkTime.Show(incident)}");
        Notified = at;
        return ModelState.IsValid;
    }

    private async Task<bool> LoadAsync()
    {
        try
        {
            Start = await board.StartAsync(User.ToActor(), PersonId, string.IsNullOrWhiteSpace(Incident) ? null : Incident, HttpContext.RequestAborted);
        }
        catch (ProblemException e) when (e.Problem.Status == 404)
        {
            return false;
        }
        Schools = await schools.ListAsync(HttpContext.RequestAborted);
        Chosen = Schools.FirstOrDefault(s => s.Code == School);
        return true;
    }
}
