using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Custody;
using Safeguard.Core.Problems;
using Safeguard.Core.Records;
using Safeguard.Web.Hosting;
using Safeguard.Web.Pages.Shared;

namespace Safeguard.Web.Pages.Custody;

/// <summary>What happens to a detained child after booking, one form per step: a review (with an extension of the
/// limit), the appropriate adult's arrival, charge, the request for local authority accommodation and its answer
/// (or a certificate of impracticability), release. Each is recorded as its custody event; the rules move the clocks.</summary>
public sealed class RecordModel(CustodyBoard board, EventService events, TimeProvider clock) : PageModel
{
    /// <summary>Each step: the event type it records and its heading.</summary>
    public static readonly IReadOnlyDictionary<string, (string Type, string Heading)> Steps = new Dictionary<string, (string, string)>
    {
        ["review"] = ("custody-review", "Record a review of detention"),
        ["appropriate-adult"] = ("custody-appropriate-adult", "Record the appropriate adult's arrival"),
        ["charge"] = ("custody-charged", "Record a charge"),
        ["transfer-request"] = ("custody-transfer-requested", "Ask the local authority for accommodation"),
        ["transfer-outcome"] = ("custody-transfer-outcome", "Record the local authority's answer"),
        ["release"] = ("custody-released", "Record release from custody"),
    };

    public static readonly IReadOnlyList<Choice> Extensions =
    [
        new("none", "No extension"), new("superintendent", "Superintendent's extension", "Indictable offence; up to 36 hours from booking"),
        new("warrant", "Warrant of further detention", "From a magistrates' court; up to 96 hours from booking"),
    ];
    public static readonly IReadOnlyList<Choice> BailChoices = [new("yes", "Yes, bail refused"), new("no", "No, bailed")];
    public static readonly IReadOnlyList<Choice> Accommodations = [new("non-secure", "Non-secure"), new("secure", "Secure", "Only for a child aged 12 or over when other accommodation would not protect the public from serious harm")];
    public static readonly IReadOnlyList<Choice> Outcomes =
    [
        new("transferred", "Transferred to local authority accommodation"), new("refused", "Refused by the local authority"),
        new("impracticable-certified", "Certified impracticable by the custody officer", "The certificate goes to the court"),
    ];

    [BindProperty(SupportsGet = true)] public string CustodyId { get; set; } = "";
    [BindProperty(SupportsGet = true)] public string Step { get; set; } = "";
    [BindProperty] public string? EventId { get; set; }
    [BindProperty] public DateTimeParts When { get; set; } = new();
    [BindProperty] public string? ReviewedBy { get; set; }
    [BindProperty] public string? Extension { get; set; }
    [BindProperty] public string? ExtendedToHours { get; set; }
    [BindProperty] public string? AppropriateAdult { get; set; }
    [BindProperty] public string? BailRefused { get; set; }
    [BindProperty] public string? Accommodation { get; set; }
    [BindProperty] public string? LocalAuthority { get; set; }
    [BindProperty] public string? Outcome { get; set; }
    [BindProperty] public string? Reason { get; set; }

    public CustodyGlance Glance { get; private set; } = null!;
    public string Heading => Steps[Step].Heading;

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync()) return NotFound();
        EventId = EventForms.NewId(Steps[Step].Type);
        When = DateTimeParts.From(clock.GetUtcNow());
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync()) return NotFound();
        if (!When.TryReadPast("when it happened", clock.GetUtcNow().AddMinutes(5), out var at, out var problem)) ModelState.AddModelError(nameof(When), problem!);
        else if (at < Glance.Detention.Detained.OccurredAt) ModelState.AddModelError(nameof(When), When.Refuse($"When it happened must be after booking in, {UkTime.Show(Glance.Detention.Detained.OccurredAt)}"));
        var data = new Dictionary<string, object?> { ["custodyId"] = CustodyId };
        switch (Step)
        {
            case "review":
                data["reviewedBy"] = EventForms.Blank(ReviewedBy);
                if (Extension is "superintendent" or "warrant")
                {
                    data["extension"] = Extension;
                    if (!int.TryParse(ExtendedToHours, out var hours) || hours is < 25 or > 96)
                        ModelState.AddModelError(nameof(ExtendedToHours), "Enter the new limit in hours from booking in, from 25 to 96");
                    else data["extendedToHours"] = hours;
                }
                break;
            case "appropriate-adult":
                if (string.IsNullOrWhiteSpace(AppropriateAdult)) ModelState.AddModelError(nameof(AppropriateAdult), "Enter who the appropriate adult is");
                data["appropriateAdult"] = EventForms.Blank(AppropriateAdult);
                break;
            case "charge":
                if (BailChoices.All(c => c.Value != BailRefused)) ModelState.AddModelError(nameof(BailRefused), "Say whether bail was refused");
                data["bailRefused"] = BailRefused == "yes";
                break;
            case "transfer-request":
                if (Accommodations.All(c => c.Value != Accommodation)) ModelState.AddModelError(nameof(Accommodation), "Choose secure or non-secure accommodation");
                data["accommodation"] = Accommodation;
                data["localAuthority"] = EventForms.Blank(LocalAuthority);
                break;
            case "transfer-outcome":
                if (Outcomes.All(c => c.Value != Outcome)) ModelState.AddModelError(nameof(Outcome), "Choose the answer");
                else if (Outcome != "transferred" && string.IsNullOrWhiteSpace(Reason)) ModelState.AddModelError(nameof(Reason), "Give the reason, as it will go to the court");
                data["outcome"] = Outcome;
                data["reason"] = EventForms.Blank(Reason);
                break;
        }
        if (!ModelState.IsValid) return Page();
        var result = await this.TryRecordAsync(events, new
        {
            id = EventId ?? EventForms.NewId(Steps[Step].Type), type = Steps[Step].Type, occurredAt = at,
            people = new[] { new { personId = Glance.Profile.Person.Id, role = "child" } },
            data = data.Where(kv => kv.Value is not null).ToDictionary(),
        }, f => f switch { "occurredAt" => nameof(When), "data.outcome" => nameof(Outcome), "data.accommodation" => nameof(Accommodation), _ => f });
        if (result is null) return Page();
        TempData["Notice"] = $"{Heading.Replace("Record ", "Recorded: ").Replace("Ask the local authority", "Asked the local authority")}, {UkTime.Show(at)}";
        return Redirect($"/custody/{Uri.EscapeDataString(CustodyId)}");
    }

    private async Task<bool> LoadAsync()
    {
        if (!Steps.ContainsKey(Step) || !User.ToActor().CanRecord) return false;
        try
        {
            Glance = await board.GlanceAsync(User.ToActor(), CustodyId, HttpContext.RequestAborted);
            return true;
        }
        catch (ProblemException e) when (e.Problem.Status == 404) { return false; }
    }
}
