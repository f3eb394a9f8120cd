using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Problems;
using Safeguard.Core.Records;
using Safeguard.Core.Referrals;
using Safeguard.Web.Hosting;
using Safeguard.Web.Pages.Shared;

namespace Safeguard.Web.Pages.Referrals;

/// <summary>J3, WT1: the MASH records its screening decision on a referral, with what each agency contributed. It closes the
/// screening task; a decision to assess or hold a strategy discussion starts the WT5 assessment clock. Form, check your
/// answers, confirmation.</summary>
public sealed class ScreeningModel(ReferralService referrals, TimeProvider clock) : PageModel
{
    public const int Rows = 4;

    public static readonly IReadOnlyList<Choice> Decisions =
    [
        new("no-further-action", "No further action"), new("advice-and-information", "Advice and information"), new("early-help", "Early help"),
        new("assessment", "Assessment by children’s social care", "An assessment is then due within 45 working days of the referral"),
        new("strategy-discussion", "Strategy discussion", "Reasonable cause to suspect significant harm"),
    ];

    [FromRoute] public string Id { get; set; } = "";
    [BindProperty] public string? EventId { get; set; }
    [BindProperty] public string? Decision { get; set; }
    [BindProperty] public string? Rationale { get; set; }
    [BindProperty] public List<string?> Agency { get; set; } = [];
    [BindProperty] public List<string?> Information { get; set; } = [];
    [BindProperty] public DateTimeParts DecidedAt { get; set; } = new();

    public ReferralRow Referral { get; private set; } = null!;
    public string Name => string.Join(", ", Referral.People.Select(p => p.Name));
    public IReadOnlyList<AgencyContribution> Contributions { get; private set; } = [];
    public DateTimeOffset Decided { get; private set; }
    public bool Checking { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync()) return NotFound();
        EventId = EventForms.NewId("mash-screening");
        DecidedAt = DateTimeParts.From(clock.GetUtcNow());
        Agency = ["Police", "Children’s social care", "Health", "Education"];
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
        try
        {
            var result = await referrals.RecordScreeningAsync(User.ToActor(), Id, Decision, Rationale, Contributions, Decided, EventId, HttpContext.RequestAborted);
            return Redirect(new Record.Recorded("MASH screening decision recorded", Referral.People[0].PersonId, Name,
                [Decisions.First(d => d.Value == Decision).Text, $"Decided {UkTime.Show(Decided)}",
                    Referral.ScreeningTargetAt is { } due && Decided > due ? $"Later than the 1 working day target ({UkTime.Show(due)})" : "Within the 1 working day target"],
                EventId, Record.NextSteps.Of(result.Outputs), [new("See the referral", $"/referrals/{Uri.EscapeDataString(Id)}")]).Keep(TempData));
        }
        catch (ProblemException e) when (e.Problem.Status is 400 or 403 or 409 or 422)
        {
            e.Problem.AddTo(ModelState, f => f switch { "data.decision" => nameof(Decision), "data.rationale" => nameof(Rationale), "occurredAt" => nameof(DecidedAt), _ => f });
            return Page();
        }
    }

    private bool CheckAnswers()
    {
        if (Decisions.All(d => d.Value != Decision)) ModelState.AddModelError(nameof(Decision), "Select the screening decision");
        if (string.IsNullOrWhiteSpace(Rationale)) ModelState.AddModelError(nameof(Rationale), "Say why the MASH reached this decision");
        var contributions = new List<AgencyContribution>();
        for (int i = 0; i < Math.Max(Agency.Count, Information.Count); i++)
        {
            var agency = Agency.ElementAtOrDefault(i)?.Trim();
            var info = Information.ElementAtOrDefault(i)?.Trim();
            if (string.IsNullOrEmpty(info)) continue;
            if (string.IsNullOrEmpty(agency)) ModelState.AddModelError($"Agency[{i}]", $"Name the agency that contributed “{(info.Length > 40 ? info[..40] + "…" : info)}”");
            else contributions.Add(new(agency, info));
        }
        if (contributions.Count == 0) ModelState.AddModelError("Information[0]", "Record at least one agency’s contribution");
        Contributions = contributions;
        if (!DecidedAt.TryRead("when the decision was made", out var at, out var error)) ModelState.AddModelError(nameof(DecidedAt), error!);
        else if (at > clock.GetUtcNow().AddMinutes(5)) ModelState.AddModelError(nameof(DecidedAt), "When the decision was made must be now or in the past");
        else if (at < Referral.SentAt) ModelState.AddModelError(nameof(DecidedAt), $"The decision must be after the referral, {UkTime.Show(Referral.SentAt)}");
        Decided = at;
        return ModelState.IsValid;
    }

    private async Task<bool> LoadAsync()
    {
        try
        {
            Referral = await referrals.GetAsync(User.ToActor(), Id, HttpContext.RequestAborted);
            return Referral.Kind is "mash" or "social-care";
        }
        catch (ProblemException e) when (e.Problem.Status == 404)
        {
            return false;
        }
    }
}
