using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Organisation;
using Safeguard.Core.Problems;
using Safeguard.Core.Profiles;
using Safeguard.Core.Records;
using Safeguard.Core.Sharing;
using Safeguard.Web.Api;
using Safeguard.Web.Hosting;
using Safeguard.Web.Pages.Shared;

namespace Safeguard.Web.Pages.People;

/// <summary>Shares part of a person's record with a partner organisation, and ends shares (J1): what, with whom, on which
/// lawful basis and until when; every share on the record is listed, live ones first. A person the user may not see
/// answers 404 like one that does not exist.</summary>
public sealed class ShareModel(Shares shares, PersonAccess access, PartnerOrganisations organisations) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public string? Scope { get; set; }
    [BindProperty] public string? EventId { get; set; }
    [BindProperty] public string? PlanEventId { get; set; }
    [BindProperty] public string? Organisation { get; set; }
    [BindProperty] public string? LawfulBasis { get; set; }
    [BindProperty] public string? Purpose { get; set; }
    [BindProperty] public DateTimeParts Until { get; set; } = new();
    [BindProperty] public Guid? ShareId { get; set; }

    public Person Person { get; private set; } = null!;
    public bool Checking { get; private set; }
    public IReadOnlyList<ShareView> Existing { get; private set; } = [];
    public IReadOnlyList<Choice> EventChoices { get; private set; } = [];
    public IReadOnlyList<Choice> PlanChoices { get; private set; } = [];
    public IReadOnlyList<Choice> OrganisationChoices { get; private set; } = [];
    public static IReadOnlyList<Choice> ScopeChoices { get; } =
    [
        new(ShareScopes.Record, "The whole record", "Details, flags, plans and every event; other people are named only if they are shared too"),
        new(ShareScopes.Event, "One event", "The event and the person's name and date of birth"),
        new(ShareScopes.Plan, "A plan in force", "The plan, the event that recorded it, and the person's name and date of birth"),
    ];
    public static IReadOnlyList<Choice> BasisChoices { get; } = LawfulBases.All.Select(b => new Choice(b.Code, b.Name, b.Explanation)).ToList();

    public async Task<IActionResult> OnGetAsync(string? scope, string? eventId)
    {
        Scope ??= scope;
        if (Scope == ShareScopes.Plan) PlanEventId ??= eventId; else EventId ??= eventId;
        return await LoadAsync() ? Page() : NotFound();
    }

    /// <summary>Step 1 → 2: the answers are checked exactly as sharing would check them, then shown back.</summary>
    public async Task<IActionResult> OnPostCheckAsync()
    {
        if (!await LoadAsync()) return NotFound();
        if (Read() is not { } share) return Page();
        try
        {
            await shares.CheckAsync(User.ToActor(), Id, share, HttpContext.RequestAborted);
        }
        catch (ProblemException e) when (e.Problem.Status == 400)
        {
            AddProblem(e);
            return Page();
        }
        Checking = true;
        return Page();
    }

    /// <summary>"Change answers": back to the form with everything kept.</summary>
    public async Task<IActionResult> OnPostChangeAsync() => await LoadAsync() ? Page() : NotFound();

    /// <summary>Step 3: share, then the shared confirmation page.</summary>
    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync()) return NotFound();
        if (Read() is not { } input) return Page();
        try
        {
            var share = await shares.ShareAsync(User.ToActor(), Id, input, HttpContext.RequestAborted);
            var details = new List<string>();
            if (share.EventId is not null && EventName(share.EventId) is { } what) details.Add($"What: {what}");
            details.Add($"Lawful basis: {share.LawfulBasisName}");
            details.Add($"Until the end of {LastDay(share.Until)}");
            details.Add("The organisation's practitioners can see it now; the access log keeps the share and its lawful basis");
            return Redirect(new Record.Recorded($"{share.ScopeName} shared with {share.OrganisationName}", Id, Person.FullName, details,
                share.Id.ToString(), null,
                [new("See or end what is shared", $"/people/{Id}/share")]).Keep(TempData));
        }
        catch (ProblemException e) when (e.Problem.Status == 400)
        {
            AddProblem(e);
            return Page();
        }
    }

    private string? EventName(string eventId) => EventChoices.Concat(PlanChoices).FirstOrDefault(c => c.Value == eventId)?.Text;

    private NewShare? Read()
    {
        DateTimeOffset? until = null;
        if (Until.IsEmpty) ModelState.AddModelError(nameof(Until), "Enter the date the share ends");
        else if (!Until.TryReadDate("the date the share ends", out var date, out var error)) ModelState.AddModelError(nameof(Until), error!);
        else until = SharingEndpoints.EndOfDay(date);
        if (!ModelState.IsValid) return null;
        UntilAt = until;
        return new NewShare(Scope, Scope == ShareScopes.Plan ? PlanEventId : EventId, Organisation, LawfulBasis, Purpose, until);
    }

    private void AddProblem(ProblemException e) =>
        e.Problem.AddTo(ModelState, field => field switch
        {
            "scope" => nameof(Scope), "eventId" => Scope == ShareScopes.Plan ? nameof(PlanEventId) : nameof(EventId), "organisation" => nameof(Organisation),
            "lawfulBasis" => nameof(LawfulBasis), "purpose" => nameof(Purpose), "until" => nameof(Until), _ => "",
        });

    /// <summary>What is being shared, in words, for the check-your-answers page.</summary>
    public string? WhatName => Scope == ShareScopes.Plan ? EventName(PlanEventId ?? "") : Scope == ShareScopes.Event ? EventName(EventId ?? "") : null;
    public DateTimeOffset? UntilAt { get; private set; }
    public string UntilName => UntilAt is { } at ? LastDay(at) : "";
    public string ScopeName => ScopeChoices.FirstOrDefault(c => c.Value == Scope)?.Text ?? "";
    public string OrganisationName => OrganisationChoices.FirstOrDefault(c => c.Value == Organisation)?.Text ?? Organisation ?? "";
    public string BasisName => BasisChoices.FirstOrDefault(c => c.Value == LawfulBasis)?.Text ?? LawfulBasis ?? "";

    public async Task<IActionResult> OnPostEndAsync()
    {
        if (!await LoadAsync() || ShareId is not { } shareId || Existing.All(s => s.Id != shareId)) return NotFound();
        try
        {
            // Each live share has its own form and its own reason box, named after the share.
            var reason = Request.Form[$"Reason-{shareId:N}"].ToString();
            var ended = await shares.EndAsync(User.ToActor(), shareId, reason, HttpContext.RequestAborted);
            TempData["Notice"] = $"The share with {ended.OrganisationName} has ended";
            return Redirect($"/people/{Id}/share");
        }
        catch (ProblemException e) when (e.Problem.Status == 400)
        {
            ModelState.AddModelError($"Reason-{shareId:N}", e.Problem.Errors?.Values.FirstOrDefault()?.FirstOrDefault() ?? e.Problem.Title);
            return Page();
        }
    }

    public string When(DateTimeOffset at) => UkTime.Show(at);

    /// <summary>The last day a share covers, in words: a share "until 30 June" ends at midnight at the end of that day.</summary>
    public static string LastDay(DateTimeOffset until) => Core.Calendar.SafeguardCalendar.LondonDate(until.AddTicks(-1)).ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB"));

    private async Task<bool> LoadAsync()
    {
        var actor = User.ToActor();
        try
        {
            Person = await access.GetVisibleAsync(actor, Id, HttpContext.RequestAborted);
        }
        catch (ProblemException e) when (e.Problem.Status == 404)
        {
            return false;
        }
        Existing = await shares.ForPersonAsync(actor, Id, HttpContext.RequestAborted);
        var (events, plans) = await shares.ShareableAsync(actor, Id, HttpContext.RequestAborted);
        EventChoices = events.Select(e => new Choice(e.EventId, $"{e.Description}, {UkTime.Show(e.OccurredAt)}{(e.Summary.Length > 0 ? " · " + e.Summary : "")}")).ToList();
        PlanChoices = plans.Select(p => new Choice(p.EventId, $"{p.Name}, since {UkTime.Show(p.Since)}")).ToList();
        OrganisationChoices = (await organisations.AllAsync(HttpContext.RequestAborted)).Select(o => new Choice(o.Code, o.Name)).ToList();
        return true;
    }
}
