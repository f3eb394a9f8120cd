using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Organisation;
using Safeguard.Core.Problems;
using Safeguard.Core.Records;
using Safeguard.Core.Referrals;
using Safeguard.Web.Hosting;
using Safeguard.Web.Pages.Shared;

namespace Safeguard.Web.Pages.Referrals;

/// <summary>J2: make a referral about a child to a partner, or record one a partner made to the police. A referral to the
/// MASH or children's social care raises the WT1 screening task. Form, check your answers, confirmation.</summary>
public sealed class MakeModel(ReferralService referrals, PersonAccess access, EventService events, TimeProvider clock) : PageModel
{
    public static readonly IReadOnlyList<Choice> Directions =
    [
        new("sent", "The police are referring to a partner"), new("received", "A partner referred to the police", "For example a school referring to the MASH"),
    ];

    public static readonly IReadOnlyList<Choice> Kinds =
    [
        new("mash", "MASH (multi-agency safeguarding hub)"), new("social-care", "Children’s social care"), new("marac", "MARAC"),
        new("health", "Health"), new("education", "Education"),
    ];

    [BindProperty(SupportsGet = true)] public Guid PersonId { get; set; }
    [BindProperty] public string? EventId { get; set; }
    [BindProperty] public string? Direction { get; set; }
    [BindProperty] public string? Partner { get; set; }
    [BindProperty] public string? Kind { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public DateTimeParts MadeAt { get; set; } = new();

    public string Name { get; private set; } = "";
    public IReadOnlyList<PartnerOrganisation> Partners { get; private set; } = [];
    public DateTimeOffset Made { get; private set; }
    public bool Checking { get; private set; }
    public string PartnerName => Partners.FirstOrDefault(p => p.Code == Partner)?.Name ?? Partner ?? "";

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync()) return NotFound();
        EventId = EventForms.NewId("referral");
        MadeAt = DateTimeParts.From(clock.GetUtcNow());
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
        bool sent = Direction == "sent";
        var result = await this.TryRecordAsync(events, new
        {
            id = EventId ?? EventForms.NewId("referral"), type = "referral", occurredAt = Made,
            people = new[] { new { personId = PersonId, role = "child" } },
            data = new Dictionary<string, object?>
            {
                ["to"] = sent ? Partner : await referrals.PoliceCodeAsync(HttpContext.RequestAborted), ["from"] = sent ? null : Partner,
                ["kind"] = Kind, ["reason"] = Reason?.Trim(),
            }.Where(kv => kv.Value is not null).ToDictionary(),
        }, f => f switch { "occurredAt" => nameof(MadeAt), "data.reason" => nameof(Reason), "data.kind" => nameof(Kind), "data.to" or "data.from" => nameof(Partner), _ => f });
        if (result is null) return Page();
        var next = Record.NextSteps.Of(result.Outputs);
        return Redirect(new Record.Recorded(sent ? "Referral made" : "Referral recorded", PersonId, Name,
            [sent ? $"Referred to {PartnerName}" : $"Referred by {PartnerName}", $"Made {UkTime.Show(Made)}"], EventId, next,
            [new("See the referral", $"/referrals/{Uri.EscapeDataString(result.EventId)}"), new("Referrals", "/referrals")]).Keep(TempData));
    }

    private bool CheckAnswers()
    {
        if (Directions.All(d => d.Value != Direction)) ModelState.AddModelError(nameof(Direction), "Select who is referring");
        if (Partners.All(p => p.Code != Partner)) ModelState.AddModelError(nameof(Partner), "Select the partner organisation");
        if (Kinds.All(k => k.Value != Kind)) ModelState.AddModelError(nameof(Kind), "Select what kind of referral it is");
        if (string.IsNullOrWhiteSpace(Reason)) ModelState.AddModelError(nameof(Reason), "Say why the child is referred");
        if (!MadeAt.TryRead("when the referral was made", out var at, out var error)) ModelState.AddModelError(nameof(MadeAt), error!);
        else if (at > clock.GetUtcNow().AddMinutes(5)) ModelState.AddModelError(nameof(MadeAt), "When the referral was made must be now or in the past");
        Made = at;
        return ModelState.IsValid;
    }

    private async Task<bool> LoadAsync()
    {
        try
        {
            var person = await access.GetVisibleAsync(User.ToActor(), PersonId, HttpContext.RequestAborted);
            Name = $"{person.Forename} {person.Surname}".Trim();
        }
        catch (ProblemException e) when (e.Problem.Status == 404)
        {
            return false;
        }
        Partners = await referrals.PartnersAsync(HttpContext.RequestAborted);
        return true;
    }
}
