using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Missing;
using Safeguard.Core.Problems;
using Safeguard.Core.Records;
using Safeguard.Web.Hosting;

namespace Safeguard.Web.Pages.People.TriggerPlan;

/// <summary>F4, MI6: the child's trigger plan (Philomena profile). Shows the current version and records a new one;
/// places and associates from earlier episodes are proposed as ticked suggestions, so what found the child before
/// is not lost between episodes. Each version is a <c>trigger-plan</c> event, which closes the trigger-plan task.</summary>
public sealed class IndexModel(MissingHistoryReader reader, EventService events, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public string? EventId { get; set; }
    [BindProperty] public string? OpenedAt { get; set; }
    [BindProperty] public string? Description { get; set; }
    [BindProperty] public string? PhotoReference { get; set; }
    [BindProperty] public string? Phones { get; set; }
    [BindProperty] public string? SocialMedia { get; set; }
    [BindProperty] public string? Medical { get; set; }
    [BindProperty] public List<string> ProposedPlaces { get; set; } = [];
    [BindProperty] public string? OtherPlaces { get; set; }
    [BindProperty] public List<string> ProposedAssociates { get; set; } = [];
    [BindProperty] public string? OtherAssociates { get; set; }
    [BindProperty] public string? ReviewDate { get; set; }

    public ChildMissingHistory History { get; private set; } = null!;
    public bool CanRecord { get; private set; }
    /// <summary>Places and associates to offer: those of the current plan and of earlier episodes.</summary>
    public IReadOnlyList<string> PlaceChoices { get; private set; } = [];
    public IReadOnlyList<string> AssociateChoices { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync()) return NotFound();
        EventId = EventForms.NewId("trigger-plan");
        OpenedAt = EventForms.Opened(clock.GetUtcNow());
        var plan = History.Plan;
        (Description, PhotoReference, Medical, ReviewDate) = (plan?.Description, plan?.PhotoReference, plan?.Medical, plan?.ReviewDate);
        Phones = string.Join("\n", plan?.Phones ?? []);
        SocialMedia = string.Join("\n", plan?.SocialMedia ?? []);
        ProposedPlaces = PlaceChoices.ToList();
        ProposedAssociates = AssociateChoices.ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync() || !CanRecord) return NotFound();
        var places = ProposedPlaces.Where(PlaceChoices.Contains).Concat(EventForms.Lines(OtherPlaces)).Distinct().ToList();
        var associates = ProposedAssociates.Where(AssociateChoices.Contains).Concat(EventForms.Lines(OtherAssociates)).Distinct().ToList();
        var result = await this.TryRecordAsync(events, new
        {
            id = EventId ?? EventForms.NewId("trigger-plan"), type = "trigger-plan", occurredAt = EventForms.OpenedAt(OpenedAt, clock.GetUtcNow()),
            people = new[] { new { personId = Id, role = "child" } },
            data = new Dictionary<string, object?>
            {
                ["description"] = EventForms.Blank(Description), ["photoReference"] = EventForms.Blank(PhotoReference),
                ["phones"] = EventForms.Lines(Phones), ["socialMedia"] = EventForms.Lines(SocialMedia), ["medical"] = EventForms.Blank(Medical),
                ["associates"] = associates, ["places"] = places, ["reviewDate"] = EventForms.Blank(ReviewDate),
            }.Where(kv => kv.Value is not null).ToDictionary(),
        }, f => f switch
        {
            "data.description" => nameof(Description), "data.photoReference" => nameof(PhotoReference), "data.phones" => nameof(Phones),
            "data.socialMedia" => nameof(SocialMedia), "data.medical" => nameof(Medical), "data.places" => nameof(OtherPlaces),
            "data.associates" => nameof(OtherAssociates), "data.reviewDate" => nameof(ReviewDate), _ => f,
        });
        if (result is null) return Page();
        TempData["Notice"] = "Trigger plan recorded";
        return Redirect($"/people/{Id}/trigger-plan");
    }

    private async Task<bool> LoadAsync()
    {
        try
        {
            History = await reader.ForChildAsync(User.ToActor(), Id, HttpContext.RequestAborted);
        }
        catch (ProblemException e) when (e.Problem.Status == 404) { return false; }
        CanRecord = User.ToActor().CanRecord;
        PlaceChoices = (History.Plan?.Places ?? []).Concat(History.ProposedPlaces).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        AssociateChoices = (History.Plan?.Associates ?? []).Concat(History.ProposedAssociates).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        return true;
    }
}
