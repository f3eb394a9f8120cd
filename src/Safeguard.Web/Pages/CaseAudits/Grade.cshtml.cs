using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.CaseAudits;
using Safeguard.Core.Problems;
using Safeguard.Web.Hosting;

namespace Safeguard.Web.Pages.CaseAudits;

/// <summary>One sampled case: the force's self-assessment and the independent grading side by side, per area of practice,
/// and (for auditors) the form to grade it. Opening it is logged as a view of the case's person.</summary>
public sealed class GradeModel(CaseAuditService audits) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty(SupportsGet = true)] public Guid CaseId { get; set; }
    [BindProperty] public string? Kind { get; set; }
    [BindProperty] public string? Overall { get; set; }
    [BindProperty] public string? Findings { get; set; }

    public SampleCaseView Case { get; private set; } = null!;
    public bool MayAudit { get; private set; }
    /// <summary>What was posted per area, to show back when refused: grade and findings.</summary>
    public Dictionary<string, (string? Grade, string? Findings)> AreaAnswers { get; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync()) return NotFound();
        // Start the form from the independent grading when there is one, else the self-assessment.
        var start = Case.Independent ?? Case.Self;
        Kind ??= Case.Independent is not null ? GradingKinds.Independent : Case.Self is not null ? GradingKinds.Self : null;
        if (start is not null && Kind == start.Kind)
        {
            Overall = start.Overall;
            Findings = start.Findings;
            foreach (var a in start.Areas) AreaAnswers[a.Area] = (a.Grade, a.Findings);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!CaseAuditService.MayAudit(User.ToActor())) return Forbid();
        var areas = new Dictionary<string, AreaInput>();
        foreach (var (code, _) in AuditAreas.All)
        {
            var grade = Request.Form[$"Area.{code}.Grade"].ToString();
            var findings = Request.Form[$"Area.{code}.Findings"].ToString();
            AreaAnswers[code] = (grade, findings);
            areas[code] = new AreaInput(grade, findings);
        }
        try
        {
            var graded = await audits.GradeAsync(User.ToActor(), Id, CaseId, new GradingInput(Kind, Overall, Findings, areas), HttpContext.RequestAborted);
            return Redirect($"/case-audits/{Id}?graded={graded.Item.Number}");
        }
        catch (ProblemException e) when (e.Problem.Status == 404) { return NotFound(); }
        catch (ProblemException e) when (e.Problem.Status == 400)
        {
            e.Problem.AddTo(ModelState, f => f switch
            {
                "kind" => nameof(Kind), "overall" => nameof(Overall), "findings" => nameof(Findings),
                _ when f.StartsWith("areas.", StringComparison.Ordinal) => "Area." + f["areas.".Length..].Replace(".grade", ".Grade").Replace(".findings", ".Findings"),
                _ => "",
            });
            if (!await LoadAsync()) return NotFound();
            return Page();
        }
    }

    private async Task<bool> LoadAsync()
    {
        MayAudit = CaseAuditService.MayAudit(User.ToActor());
        try { Case = await audits.GetCaseAsync(User.ToActor(), Id, CaseId, HttpContext.RequestAborted); }
        catch (ProblemException e) when (e.Problem.Status == 404) { return false; }
        return true;
    }
}
