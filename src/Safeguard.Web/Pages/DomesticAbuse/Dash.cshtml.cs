using Microsoft.AspNetCore.Mvc;
using Safeguard.Core.AccessLog;
using Safeguard.Core.DomesticAbuse;
using Safeguard.Core.Problems;
using Safeguard.Core.Records;
using Safeguard.Core.Rules.DomesticAbuse;
using Safeguard.Core.Search;
using Safeguard.Core.Settings;
using Safeguard.Web.Hosting;
using Safeguard.Web.Pages.Exploitation;
using Safeguard.Web.Pages.Shared;

namespace Safeguard.Web.Pages.DomesticAbuse;

/// <summary>H1, DA1, DA2: the DASH risk checklist with a victim, question by question (yes, no or not known), the
/// officer's professional judgement (raises the band, never lowers it) and the victim's own view of their risk; then
/// check your answers, then a confirmation saying what follows (a MARAC referral when the victim is high risk).</summary>
public sealed class DashModel(PersonAccess access, AuditLog audit, PeopleFinder finder, EventService events, MaracCases marac, TimeProvider clock)
    : ChildPage(access, audit, finder)
{
    [BindProperty(SupportsGet = true)] public Guid? SuspectId { get; set; }
    [BindProperty(SupportsGet = true)] public string? SuspectName { get; set; }
    /// <summary>True when the victim names nobody, or the officer goes on without naming them.</summary>
    [BindProperty(SupportsGet = true)] public bool NoSuspect { get; set; }
    /// <summary>The answers by question key (q1 … q27): yes, no or not-known.</summary>
    [BindProperty] public Dictionary<string, string> Answers { get; set; } = [];
    [BindProperty] public string? ProfessionalJudgement { get; set; }
    [BindProperty] public string? VictimRiskView { get; set; }
    [BindProperty] public string? VictimAssessment { get; set; }
    [BindProperty] public DateTimeParts CompletedAt { get; set; } = new();

    public Person? Suspect { get; private set; }
    public IReadOnlyList<PersonHit> SuspectCandidates { get; private set; } = [];
    public bool Checking { get; private set; }
    public DateTimeOffset Completed { get; private set; }
    public DashAssessment? Assessment { get; private set; }
    public RuleSettings Settings { get; private set; } = RuleSettings.Defaults;

    public static readonly IReadOnlyList<Choice> AnswerChoices = [new("yes", "Yes"), new("no", "No"), new("not-known", "Not known")];

    public static readonly IReadOnlyList<Choice> Judgements =
    [
        new("none", "The count of “yes” answers stands", "Judgement can raise the level the answers give, never lower it"),
        new("medium", "Medium risk"), new("high", "High risk", "A referral to the MARAC follows"),
    ];

    public static readonly IReadOnlyList<Choice> VictimViews =
    [
        new("high", "High: they fear serious harm"), new("medium", "Medium"), new("standard", "Standard: they do not fear serious harm"),
        new("not-given", "They did not say"),
    ];

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAllAsync()) return NotFound();
        EventId = EventForms.NewId("dash");
        OpenedAt = EventForms.Opened(clock.GetUtcNow());
        CompletedAt = DateTimeParts.From(clock.GetUtcNow());
        return Page();
    }

    public async Task<IActionResult> OnPostCheckAsync()
    {
        if (!await LoadAllAsync() || !Ready) return NotFound();
        if (!CheckAnswers()) return Page();
        Checking = true;
        return Page();
    }

    public async Task<IActionResult> OnPostChangeAsync()
    {
        if (!await LoadAllAsync() || !Ready) return NotFound();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAllAsync() || !Ready) return NotFound();
        if (!CheckAnswers()) return Page();
        var people = new List<object> { new { personId = PersonId, role = "victim" } };
        if (Suspect is not null) people.Add(new { personId = SuspectId, role = "suspect" });
        var result = await this.TryRecordAsync(events, new
        {
            id = EventId ?? EventForms.NewId("dash"), type = "dash", occurredAt = Completed, people,
            data = new Dictionary<string, object?>
            {
                ["answers"] = DashQuestions.All.ToDictionary(q => q.Key, q => (object?)(Answers.GetValueOrDefault(q.Key) switch { "yes" => true, "no" => false, _ => null })),
                ["yesCount"] = Assessment!.YesCount,
                ["professionalJudgement"] = ProfessionalJudgement is "medium" or "high" ? ProfessionalJudgement : null,
                ["victimRiskView"] = VictimRiskView, ["victimAssessment"] = EventForms.Blank(VictimAssessment),
            }.Where(kv => kv.Value is not null).ToDictionary(),
        }, f => f switch
        {
            "occurredAt" => nameof(CompletedAt), "data.professionalJudgement" => nameof(ProfessionalJudgement), "data.victimRiskView" => nameof(VictimRiskView),
            "data.victimAssessment" => nameof(VictimAssessment), _ => "Answers[q1]",
        });
        if (result is null) return Page();
        var band = Assessment.Band(Settings);
        var links = new List<Record.RecordedLink> { new("See the MARAC case and DASH history", $"/domestic-abuse/marac/{PersonId}") };
        if (band == DashAssessment.High)
            links.Insert(0, new("Refer to the MARAC now", $"/domestic-abuse/marac-referral?personId={PersonId}"));
        return Redirect(new Record.Recorded("DASH risk checklist recorded", Child!.Id, Child.FullName,
        [
            $"Completed {UkTime.Show(Completed)}",
            $"{Assessment.YesCount} “yes”, {Assessment.Answers.Values.Count(a => a == "no")} “no”, {Assessment.NotKnownCount} not known",
            $"Risk level: {BandText(band)}{(Assessment.RaisedByJudgement(Settings) ? " (raised by professional judgement)" : "")}",
        ], result.EventId, Record.NextSteps.Of(result.Outputs), links).Keep(TempData));
    }

    /// <summary>A band in words.</summary>
    public static string BandText(string? band) => band switch
    {
        DashAssessment.High => "high risk", DashAssessment.Medium => "medium risk", DashAssessment.Standard => "standard risk", _ => "not assessed",
    };

    public static string AnswerText(string? answer) => AnswerChoices.FirstOrDefault(c => c.Value == answer)?.Text ?? "Not answered";

    public static string ChoiceText(IReadOnlyList<Choice> choices, string? value) => choices.FirstOrDefault(c => c.Value == value)?.Text ?? "Not answered";

    /// <summary>True once the victim is chosen and the suspect chosen or left out: the checklist itself can be filled in.</summary>
    public bool Ready => Child is not null && (Suspect is not null || NoSuspect);

    private bool CheckAnswers()
    {
        var answers = DashQuestions.All.Select(q => (q, a: Answers.GetValueOrDefault(q.Key))).ToList();
        if (answers.All(x => x.a is null))
            ModelState.AddModelError("Answers[q1]", "Answer the checklist: each question yes, no or not known (none are answered yet)");
        else
            foreach (var (q, a) in answers.Where(x => x.a is not ("yes" or "no" or "not-known")))
                ModelState.AddModelError($"Answers[{q.Key}]", $"Answer question {q.Number}: yes, no or not known");
        if (Judgements.All(j => j.Value != ProfessionalJudgement))
            ModelState.AddModelError(nameof(ProfessionalJudgement), "Say whether your professional judgement raises the risk level");
        if (VictimViews.All(v => v.Value != VictimRiskView))
            ModelState.AddModelError(nameof(VictimRiskView), "Say how the victim sees their own risk, or that they did not say");
        if (!CompletedAt.TryReadPast("when the checklist was completed", clock.GetUtcNow().AddMinutes(5), out var completed, out var problem))
            ModelState.AddModelError(nameof(CompletedAt), problem!);
        else Completed = completed;
        Assessment = DashAssessment.Read(System.Text.Json.JsonSerializer.SerializeToElement(new
        {
            answers = Answers.Where(kv => DashQuestions.Keys.Contains(kv.Key) && kv.Value is "yes" or "no" or "not-known").ToDictionary(kv => kv.Key, kv => kv.Value),
            professionalJudgement = ProfessionalJudgement is "medium" or "high" ? ProfessionalJudgement : null,
        }));
        return ModelState.IsValid;
    }

    private async Task<bool> LoadAllAsync()
    {
        if (!await LoadAsync()) return false;
        Settings = await marac.SettingsAsync(HttpContext.RequestAborted);
        if (Child is null || NoSuspect) return true;
        if (SuspectId is null)
        {
            SuspectCandidates = await PersonPicking.FindAsync(Finder, User.ToActor(), SuspectName, HttpContext.RequestAborted);
            return true;
        }
        try
        {
            Suspect = await Access.GetVisibleAsync(User.ToActor(), SuspectId.Value, HttpContext.RequestAborted);
            return SuspectId != PersonId;
        }
        catch (ProblemException e) when (e.Problem.Status == 404) { return false; }
    }
}
