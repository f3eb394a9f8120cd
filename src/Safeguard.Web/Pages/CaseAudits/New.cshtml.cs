using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.CaseAudits;
using Safeguard.Core.Data;
using Safeguard.Core.Problems;
using Safeguard.Web.Hosting;
using Safeguard.Web.Pages.Shared;

namespace Safeguard.Web.Pages.CaseAudits;

/// <summary>Create a case audit exercise: name, period, BCUs, annex case types, cases per stratum, optional seed and the
/// report date; the answers are checked and shown back before the exercise is created.</summary>
public sealed class NewModel(CaseAuditService audits, SafeguardDb db) : PageModel
{
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public DateTimeParts PeriodFrom { get; set; } = new();
    [BindProperty] public DateTimeParts PeriodTo { get; set; } = new();
    [BindProperty] public List<string> Bcus { get; set; } = [];
    [BindProperty] public List<string> CaseTypes { get; set; } = [];
    [BindProperty] public string? PerStratum { get; set; }
    [BindProperty] public string? Seed { get; set; }
    [BindProperty] public DateTimeParts ReportDate { get; set; } = new();

    public IReadOnlyList<Choice> BcuChoices { get; private set; } = [];
    public bool Checking { get; private set; }
    public ExerciseInput? Input { get; private set; }

    public async Task OnGetAsync()
    {
        await LoadAsync();
        PerStratum ??= "3";
    }

    public async Task<IActionResult> OnPostCheckAsync()
    {
        await LoadAsync();
        Checking = await ValidateAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostChangeAsync()
    {
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadAsync();
        if (!await ValidateAsync()) return Page();
        try
        {
            var created = await audits.CreateAsync(User.ToActor(), Input!, HttpContext.RequestAborted);
            return Redirect($"/case-audits/{created.Id}?created=true");
        }
        catch (ProblemException e) when (e.Problem.Status == 400)
        {
            e.Problem.AddTo(ModelState, Field);
            return Page();
        }
    }

    private async Task<bool> ValidateAsync()
    {
        DateOnly? Read(DateTimeParts parts, string name, string what)
        {
            if (parts.IsEmpty) return null;
            if (parts.TryReadDate(what, out var d, out var error)) return d;
            ModelState.AddModelError(name, error!);
            return null;
        }
        var from = Read(PeriodFrom, nameof(PeriodFrom), "the first day of the period");
        var to = Read(PeriodTo, nameof(PeriodTo), "the last day of the period");
        var report = Read(ReportDate, nameof(ReportDate), "the report date");
        int? perStratum = null;
        if (!string.IsNullOrWhiteSpace(PerStratum))
        {
            if (int.TryParse(PerStratum.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n)) perStratum = n;
            else ModelState.AddModelError(nameof(PerStratum), "The number of cases must be a whole number, for example 3");
        }
        long? seed = null;
        if (!string.IsNullOrWhiteSpace(Seed))
        {
            if (long.TryParse(Seed.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var s)) seed = s;
            else ModelState.AddModelError(nameof(Seed), "The seed must be a whole number, 0 or more, for example 20150601");
        }
        Input = new ExerciseInput(Name, from, to, Bcus, CaseTypes, perStratum, seed, report);
        foreach (var (field, messages) in await audits.CheckAsync(Input, HttpContext.RequestAborted))
            if (ModelState[Field(field)] is not { Errors.Count: > 0 })
                foreach (var m in messages) ModelState.AddModelError(Field(field), m);
        return ModelState.ErrorCount == 0;
    }

    private static string Field(string api) => api switch
    {
        "name" => nameof(Name), "periodFrom" => nameof(PeriodFrom), "periodTo" => nameof(PeriodTo), "bcus" => nameof(Bcus),
        "caseTypes" => nameof(CaseTypes), "perStratum" => nameof(PerStratum), "seed" => nameof(Seed), "reportDate" => nameof(ReportDate), _ => "",
    };

    private async Task LoadAsync() =>
        BcuChoices = (await db.Bcus.AsNoTracking().OrderBy(b => b.Name).ToListAsync(HttpContext.RequestAborted))
            .Select(b => new Choice(b.Code, b.Name)).ToList();

    public static IReadOnlyList<Choice> TypeChoices { get; } = AuditCaseTypes.All.Select(t => new Choice(t.Code, t.Name, t.Source)).ToList();
}
