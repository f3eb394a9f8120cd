using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc;
using Safeguard.Core.AccessLog;
using Safeguard.Core.Meetings;
using Safeguard.Core.Records;
using Safeguard.Core.Search;
using Safeguard.Web.Hosting;
using Safeguard.Web.Pages.Exploitation;
using Safeguard.Web.Pages.Shared;

namespace Safeguard.Web.Pages.Meetings;

/// <summary>One decision typed on a meeting form: what was decided, who owns it and by when.</summary>
public sealed class DecisionInput
{
    public string? Text { get; set; }
    public string? Owner { get; set; }
    public DateTimeParts Due { get; set; } = new();

    public bool IsBlank => string.IsNullOrWhiteSpace(Text) && string.IsNullOrWhiteSpace(Owner) && Due.IsEmpty;
}

/// <summary>A decision as checked: its text, owner and due date.</summary>
public sealed record CheckedDecision(string Text, string Owner, DateOnly Due);

/// <summary>Recording a strategy discussion or meeting about one child and, at once, the other children it was about
/// (children linked to the first), in the GOV.UK check-answers pattern: Continue checks and shows the answers back,
/// Change returns to the form with everything kept, and the page's own post records one event for every child, so the
/// meeting is on each child's record. Each decision is an owned action with a due date (I5).</summary>
public abstract partial class MeetingFormPage(PersonAccess access, AuditLog audit, PeopleFinder finder, MeetingService meetings, EventService events,
    TimeProvider clock) : ChildPage(access, audit, finder)
{
    /// <summary>Rows of decisions a form offers; blank rows are left out.</summary>
    public const int DecisionRows = 5;

    protected MeetingService Meetings { get; } = meetings;
    protected EventService Events { get; } = events;
    protected TimeProvider Clock { get; } = clock;

    [BindProperty] public List<Guid> OtherChildren { get; set; } = [];
    [BindProperty] public DateTimeParts HeldAt { get; set; } = new();
    [BindProperty] public List<DecisionInput> Decisions { get; set; } = [];

    public bool Checking { get; private set; }
    public IReadOnlyList<(Guid Id, string Name)> Linked { get; private set; } = [];
    public IReadOnlyList<AgencyChoice> AgencyChoices { get; private set; } = [];
    /// <summary>Police and partner organisations: who is invited and who attends.</summary>
    public IReadOnlyList<Choice> AgencyOnlyChoices { get; private set; } = [];
    public DateTimeOffset Held { get; private set; }
    public IReadOnlyList<CheckedDecision> Checked { get; private set; } = [];

    /// <summary>The event type the page records.</summary>
    protected abstract string EventType { get; }

    /// <summary>Checks the page's own answers, adding problems to the model state.</summary>
    protected abstract void CheckOwnAnswers();

    /// <summary>The event's data without its decisions.</summary>
    protected abstract Dictionary<string, object?> Data();

    /// <summary>The role of the first person chosen: a child, or for an adult what the meeting makes them.</summary>
    protected virtual string FirstRole => "child";

    /// <summary>Data field names in refusals, as the form's field names.</summary>
    protected abstract string MapField(string field);

    /// <summary>The confirmation's title and detail lines.</summary>
    protected abstract (string Title, IReadOnlyList<string> Details) Confirmation();

    public IEnumerable<(Guid Id, string Name)> ChosenOthers => Linked.Where(l => OtherChildren.Contains(l.Id));

    public IReadOnlyList<Choice> OwnerChoices => AgencyChoices.Select(a => new Choice(a.Code, a.Name)).ToList();

    public string AgencyName(string code) => AgencyChoices.FirstOrDefault(a => a.Code == code)?.Name ?? code;

    protected async Task<bool> LoadFormAsync()
    {
        if (!await LoadAsync()) return false;
        AgencyChoices = await Meetings.AgenciesAsync(HttpContext.RequestAborted);
        AgencyOnlyChoices = (await Meetings.OrganisationsAsync(HttpContext.RequestAborted)).Select(a => new Choice(a.Code, a.Name)).ToList();
        if (Child is not null) Linked = await Meetings.LinkedChildrenAsync(User.ToActor(), Child.Id, HttpContext.RequestAborted);
        while (Decisions.Count < DecisionRows) Decisions.Add(new DecisionInput());
        return true;
    }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadFormAsync()) return NotFound();
        EventId = EventForms.NewId(EventType);
        OpenedAt = EventForms.Opened(Clock.GetUtcNow());
        HeldAt = DateTimeParts.From(Clock.GetUtcNow());
        return Page();
    }

    public async Task<IActionResult> OnPostCheckAsync()
    {
        if (PersonId is null || !await LoadFormAsync()) return NotFound();
        Checking = CheckAnswers();
        return Page();
    }

    public async Task<IActionResult> OnPostChangeAsync() => PersonId is null || !await LoadFormAsync() ? NotFound() : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (PersonId is null || !await LoadFormAsync() || Child is null) return NotFound();
        if (!CheckAnswers()) return Page();
        var data = Data();
        data["decisions"] = Checked.Select(d => new { text = d.Text, owner = d.Owner, dueDate = d.Due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) }).ToList();
        var people = new[] { new { personId = Child.Id, role = FirstRole } }
            .Concat(ChosenOthers.Select(c => new { personId = c.Id, role = "child" })).ToList();
        var result = await this.TryRecordAsync(Events, new
        {
            id = EventId ?? EventForms.NewId(EventType), type = EventType, occurredAt = Held, people,
            data = data.Where(kv => kv.Value is not null).ToDictionary(),
        }, MapAnyField);
        if (result is null) return Page();
        var (title, details) = Confirmation();
        var names = new[] { Child.FullName }.Concat(ChosenOthers.Select(c => c.Name)).ToList();
        return Redirect(new Record.Recorded(title, Child.Id, string.Join(", ", names), details, result.EventId,
            Record.NextSteps.Of(result.Outputs), [new("Go to the meeting page: who attended, decisions and actions", $"/meetings/{Uri.EscapeDataString(result.EventId)}")]).Keep(TempData));
    }

    private string MapAnyField(string field)
    {
        if (field == "occurredAt") return nameof(HeldAt);
        var m = DecisionField().Match(field);
        if (m.Success)
        {
            // Decisions are posted without blank rows: the n-th checked decision is the n-th filled row.
            int n = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
            int row = Decisions.Select((d, i) => (d, i)).Where(x => !x.d.IsBlank).Select(x => x.i).ElementAtOrDefault(n);
            var part = m.Groups[2].Value switch { ".owner" => ".Owner", ".dueDate" => ".Due", _ => ".Text" };
            return $"Decisions[{row}]{part}";
        }
        if (field.StartsWith("people", StringComparison.Ordinal)) return nameof(OtherChildren);
        return MapField(field);
    }

    [GeneratedRegex(@"^data\.decisions\[(\d+)\](\.\w+)?$")]
    private static partial Regex DecisionField();

    private bool CheckAnswers()
    {
        var now = Clock.GetUtcNow();
        bool heldOk = HeldAt.TryRead("the date and time it was held", out var held, out var error);
        if (!heldOk) ModelState.AddModelError(nameof(HeldAt), error!);
        else if (held > now.AddMinutes(5)) ModelState.AddModelError(nameof(HeldAt), "The date and time it was held must be now or in the past");
        Held = held;
        var day = Core.Calendar.SafeguardCalendar.LondonDate(held);
        var list = new List<CheckedDecision>();
        for (int i = 0; i < Decisions.Count; i++)
        {
            var d = Decisions[i];
            if (d.IsBlank) continue;
            var prefix = $"Decisions[{i}]";
            if (string.IsNullOrWhiteSpace(d.Text)) ModelState.AddModelError(prefix + ".Text", $"Write decision {i + 1}: what was decided");
            if (string.IsNullOrWhiteSpace(d.Owner) || AgencyChoices.All(a => a.Code != d.Owner))
                ModelState.AddModelError(prefix + ".Owner", $"Choose who owns decision {i + 1}");
            DateOnly due = default;
            if (!d.Due.TryReadDate($"the due date of decision {i + 1}", out due, out var dueError)) ModelState.AddModelError(prefix + ".Due", dueError!);
            else if (heldOk && due < day)
                ModelState.AddModelError(prefix + ".Due", $"The due date of decision {i + 1} must be on or after the day it was decided, {day.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"))}");
            if (!string.IsNullOrWhiteSpace(d.Text) && !string.IsNullOrWhiteSpace(d.Owner)) list.Add(new(d.Text.Trim(), d.Owner, due));
        }
        Checked = list;
        CheckOwnAnswers();
        return ModelState.IsValid;
    }
}
