using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.AccessLog;
using Safeguard.Core.Calendar;
using Safeguard.Core.Data;
using Safeguard.Core.Flags;
using Safeguard.Core.Organisation;
using Safeguard.Core.Problems;
using Safeguard.Core.Records;

namespace Safeguard.Core.CaseAudits;

/// <summary>What a new exercise asks for; every part checked by <see cref="CaseAuditService.CreateAsync"/>.</summary>
public sealed record ExerciseInput(string? Name, DateOnly? PeriodFrom, DateOnly? PeriodTo, IReadOnlyList<string>? Bcus,
    IReadOnlyList<string>? CaseTypes, int? PerStratum, long? Seed, DateOnly? ReportDate);

public sealed record ExerciseView(Guid Id, string Name, DateOnly PeriodFrom, DateOnly PeriodTo, IReadOnlyList<string> Bcus,
    IReadOnlyList<string> CaseTypes, int PerStratum, long Seed, DateOnly ReportDate, string CreatedByName, DateTimeOffset CreatedAt,
    DateTimeOffset? DrawnAt, int Sampled, int SelfGraded, int IndependentGraded);

/// <summary>A sampled case as listed: who it is about, its stratum, and its two overall grades so far.</summary>
public sealed record SampleItem(Guid Id, int Number, string AuditType, string Bcu, string CaseType, string CaseId, Guid? PersonId,
    string PersonName, DateTimeOffset OpenedAt, string? Self, string? Independent);

public sealed record AreaGrade(string Area, string? Grade, string? Findings);

public sealed record GradingView(string Kind, string Overall, string? Findings, IReadOnlyList<AreaGrade> Areas, string GradedByName, DateTimeOffset GradedAt);

public sealed record SampleCaseView(SampleItem Item, GradingView? Self, GradingView? Independent);

/// <summary>A grading as given: kind (self / independent), overall grade, findings, and per area an optional grade and findings.</summary>
public sealed record GradingInput(string? Kind, string? Overall, string? Findings, IReadOnlyDictionary<string, AreaInput>? Areas);

public sealed record AreaInput(string? Grade, string? Findings);

public sealed record RecommendationView(Guid Id, int Number, string Text, string Owner, string Timescale, DateOnly DueDate, string Status,
    DateTimeOffset? DoneAt, string? DoneByName, string? DoneNote);

/// <summary>Case audits (N1–N3): exercises, their stratified sample, gradings, tables and recommendations. Auditors and
/// administrators run them; leaders read them and mark recommendations done. A sampled case any of whose people the reader
/// may not see is left out of everything they are shown, the tables' counts included; every person shown is logged (P2).</summary>
public sealed class CaseAuditService(SafeguardDb db, PersonAccess access, AuditLog audit, TimeProvider clock)
{
    public const int MaxPerStratum = 100;
    public const int MaxFindings = 4000;

    public static bool MayRead(Actor actor) => actor.Role is Roles.Auditor or Roles.Leader or Roles.Administrator;
    public static bool MayAudit(Actor actor) => actor.Role is Roles.Auditor or Roles.Administrator;

    private static void EnsureRead(Actor actor)
    {
        if (!MayRead(actor)) throw new ProblemException(Problems.Problems.Forbidden("Only auditors, leaders and administrators read case audits."));
    }

    private static void EnsureAudit(Actor actor)
    {
        if (!MayAudit(actor)) throw new ProblemException(Problems.Problems.Forbidden("Only auditors and administrators run case audits."));
    }

    public async Task<IReadOnlyList<ExerciseView>> ListAsync(Actor actor, CancellationToken ct = default)
    {
        EnsureRead(actor);
        var exercises = await db.CaseAuditExercises.AsNoTracking().OrderByDescending(e => e.CreatedAt).ToListAsync(ct);
        var views = new List<ExerciseView>();
        foreach (var e in exercises) views.Add(await ViewAsync(actor, e, ct));
        return views;
    }

    public async Task<ExerciseView> GetAsync(Actor actor, Guid id, CancellationToken ct = default)
    {
        EnsureRead(actor);
        return await ViewAsync(actor, await FindAsync(id, ct), ct);
    }

    /// <summary>Checks a new exercise without saving it: the problem it would be refused with, or none.</summary>
    public async Task<Dictionary<string, string[]>> CheckAsync(ExerciseInput input, CancellationToken ct = default)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(input.Name)) errors["name"] = ["Enter a name for the exercise"];
        else if (input.Name.Trim().Length > 200) errors["name"] = ["The name must be 200 characters or fewer"];
        if (input.PeriodFrom is null) errors["periodFrom"] = ["Enter the first day of the period"];
        if (input.PeriodTo is null) errors["periodTo"] = ["Enter the last day of the period"];
        if (input.PeriodFrom is { } f && input.PeriodTo is { } t)
        {
            if (f > t) errors["periodTo"] = ["The last day of the period must be on or after the first"];
            else if (t.DayNumber - f.DayNumber > 366 * 5) errors["periodTo"] = ["The period must be five years or shorter"];
        }
        var known = await db.Bcus.Select(b => b.Code).ToListAsync(ct);
        if (input.Bcus is not { Count: > 0 }) errors["bcus"] = ["Choose at least one BCU"];
        else if (input.Bcus.FirstOrDefault(b => !known.Contains(b)) is { } unknown) errors["bcus"] = [$"There is no BCU {unknown}; choose from {string.Join(", ", known)}"];
        if (input.CaseTypes is not { Count: > 0 }) errors["caseTypes"] = ["Choose at least one case type"];
        else if (input.CaseTypes.FirstOrDefault(c => !AuditCaseTypes.Codes.Contains(c)) is { } type)
            errors["caseTypes"] = [$"There is no case type {type}; choose from {string.Join(", ", AuditCaseTypes.Codes)}"];
        if (input.PerStratum is null) errors["perStratum"] = ["Enter how many cases to draw of each case type in each BCU"];
        else if (input.PerStratum is < 1 or > MaxPerStratum) errors["perStratum"] = [$"The number of cases must be from 1 to {MaxPerStratum}"];
        if (input.Seed is < 0) errors["seed"] = ["The seed must be a whole number, 0 or more"];
        if (input.ReportDate is null) errors["reportDate"] = ["Enter the date of the audit's report"];
        else if (input.PeriodTo is { } to && input.ReportDate < to) errors["reportDate"] = ["The report date must be on or after the end of the period"];
        return errors;
    }

    public async Task<ExerciseView> CreateAsync(Actor actor, ExerciseInput input, CancellationToken ct = default)
    {
        EnsureAudit(actor);
        var errors = await CheckAsync(input, ct);
        if (errors.Count > 0) throw new ProblemException(Problems.Problems.Invalid(errors));
        var exercise = new CaseAuditExercise
        {
            Id = Guid.NewGuid(), Name = input.Name!.Trim(), PeriodFrom = input.PeriodFrom!.Value, PeriodTo = input.PeriodTo!.Value,
            Bcus = input.Bcus!.Distinct().Order(StringComparer.Ordinal).ToList(),
            CaseTypes = AuditCaseTypes.Codes.Where(input.CaseTypes!.Contains).ToList(), PerStratum = input.PerStratum!.Value,
            Seed = input.Seed ?? RandomNumberGenerator.GetInt32(int.MaxValue), ReportDate = input.ReportDate!.Value,
            CreatedBy = actor.Id, CreatedByName = actor.Name, CreatedAt = clock.GetUtcNow(),
        };
        db.CaseAuditExercises.Add(exercise);
        audit.Record(actor, AuditActions.Create, "case-audit", exercise.Id.ToString(), detail: exercise.Name);
        await db.SaveChangesAsync(ct);
        return await ViewAsync(actor, exercise, ct);
    }

    /// <summary>Draws the sample (once): the cases opened in the period in the chosen BCUs, classified into the chosen annex
    /// types, those with anyone the auditor may not see left out, and <see cref="CaseSampler"/> per stratum.</summary>
    public async Task<IReadOnlyList<SampleItem>> DrawAsync(Actor actor, Guid id, CancellationToken ct = default)
    {
        EnsureAudit(actor);
        var exercise = await db.CaseAuditExercises.FirstOrDefaultAsync(e => e.Id == id, ct) ?? throw new ProblemException(Problems.Problems.NotFound("case audit"));
        if (exercise.DrawnAt is not null) throw new ProblemException(Problems.Problems.Conflict("The sample of this exercise has already been drawn."));

        var teams = await db.Teams.Where(t => exercise.Bcus.Contains(t.BcuCode)).ToDictionaryAsync(t => t.Code, t => t.BcuCode, ct);
        var teamCodes = teams.Keys.ToList();
        var start = SafeguardCalendar.ToInstant(exercise.PeriodFrom, TimeOnly.MinValue);
        var end = SafeguardCalendar.ToInstant(exercise.PeriodTo.AddDays(1), TimeOnly.MinValue);
        var visible = access.Visible(actor);
        var sources = AuditCaseTypes.SourceCaseTypes.ToList();
        var cases = await db.Cases.AsNoTracking()
            .Where(c => sources.Contains(c.Type) && c.OpenedAt >= start && c.OpenedAt < end && c.Team != null && teamCodes.Contains(c.Team))
            .Where(c => c.People.All(p => visible.Any(v => v.Id == p.PersonId)))
            .Select(c => new { c.Type, c.Id, c.Team, c.Fields, c.OpenedAt, People = c.People.Select(p => new { p.PersonId, p.Role }).ToList() })
            .ToListAsync(ct);
        var subjects = cases.ToDictionary(c => (c.Type, c.Id), c => Subject(c.People.Select(p => (p.PersonId, p.Role))));
        var subjectIds = subjects.Values.OfType<Guid>().Distinct().ToList();
        var cse = (await db.Flags.Where(f => f.Code == "cse-risk" && (f.Status == FlagStatus.Suggested || f.Status == FlagStatus.Confirmed)
            && subjectIds.Contains(f.PersonId)).Select(f => f.PersonId).ToListAsync(ct)).ToHashSet();
        var candidates = cases
            .Select(c => (c, type: AuditCaseTypes.Classify(c.Type, c.Fields, subjects[(c.Type, c.Id)] is { } s && cse.Contains(s))))
            .Where(x => x.type is not null && exercise.CaseTypes.Contains(x.type))
            .Select(x => new SampleCandidate(x.type!, teams[x.c.Team!], x.c.Type, x.c.Id, subjects[(x.c.Type, x.c.Id)], x.c.OpenedAt));
        var drawn = CaseSampler.Draw(candidates, exercise.Seed, exercise.PerStratum);
        var number = 0;
        foreach (var d in drawn)
            db.CaseAuditCases.Add(new CaseAuditCase
            {
                Id = Guid.NewGuid(), ExerciseId = exercise.Id, Number = ++number, AuditType = d.AuditType, Bcu = d.Bcu, CaseType = d.CaseType,
                CaseId = d.CaseId, PersonId = d.PersonId, OpenedAt = d.OpenedAt,
            });
        exercise.DrawnAt = clock.GetUtcNow();
        audit.Record(actor, AuditActions.Change, "case-audit", exercise.Id.ToString(), detail: $"sample of {drawn.Count} cases drawn with seed {exercise.Seed}");
        await db.SaveChangesAsync(ct);
        return await SampleAsync(actor, id, ct);
    }

    /// <summary>The sample the reader may see, in order, with each case's person and grades; one access-log row per person.</summary>
    public async Task<IReadOnlyList<SampleItem>> SampleAsync(Actor actor, Guid id, CancellationToken ct = default)
    {
        EnsureRead(actor);
        var exercise = await FindAsync(id, ct);
        var items = await VisibleSampleAsync(actor, exercise.Id, ct);
        await audit.RecordListNowAsync(actor, AuditActions.List, "case-audit-sample", items.Select(i => i.PersonId),
            $"{items.Count} cases in the sample of {exercise.Name}", ct: ct);
        return items;
    }

    /// <summary>One sampled case with both gradings; logged as a view of its person.</summary>
    public async Task<SampleCaseView> GetCaseAsync(Actor actor, Guid id, Guid caseId, CancellationToken ct = default)
    {
        EnsureRead(actor);
        var view = await CaseViewAsync(actor, id, caseId, ct);
        audit.Record(actor, AuditActions.View, "case-audit-case", $"{view.Item.CaseType}/{view.Item.CaseId}", view.Item.PersonId);
        await db.SaveChangesAsync(ct);
        return view;
    }

    /// <summary>Records (or replaces) the self-assessment or the independent grading of a sampled case.</summary>
    public async Task<SampleCaseView> GradeAsync(Actor actor, Guid id, Guid caseId, GradingInput input, CancellationToken ct = default)
    {
        EnsureAudit(actor);
        var current = await CaseViewAsync(actor, id, caseId, ct);
        var errors = CheckGrading(input);
        if (errors.Count > 0) throw new ProblemException(Problems.Problems.Invalid(errors));
        var areas = AuditAreas.All.Where(a => input.Areas?.ContainsKey(a.Code) == true)
            .ToDictionary(a => a.Code, a => new { grade = Blank(input.Areas![a.Code].Grade), findings = Blank(input.Areas[a.Code].Findings) });
        var grading = await db.CaseAuditGradings.FirstOrDefaultAsync(g => g.AuditCaseId == caseId && g.Kind == input.Kind, ct);
        if (grading is null) db.CaseAuditGradings.Add(grading = new CaseAuditGrading { AuditCaseId = caseId, ExerciseId = id, Kind = input.Kind! });
        grading.Overall = input.Overall!;
        grading.Findings = Blank(input.Findings);
        grading.Areas = JsonSerializer.Serialize(areas);
        grading.GradedBy = actor.Id;
        grading.GradedByName = actor.Name;
        grading.GradedAt = clock.GetUtcNow();
        audit.Record(actor, AuditActions.Change, "case-audit-case", $"{current.Item.CaseType}/{current.Item.CaseId}", current.Item.PersonId,
            $"{GradingKinds.Describe(input.Kind!)} grading: {AuditGrades.Describe(input.Overall)}");
        await db.SaveChangesAsync(ct);
        return await CaseViewAsync(actor, id, caseId, ct);
    }

    public static Dictionary<string, string[]> CheckGrading(GradingInput input)
    {
        var errors = new Dictionary<string, string[]>();
        if (input.Kind is null || !GradingKinds.All.Contains(input.Kind)) errors["kind"] = ["Choose whether this is the force's self-assessment or the independent grading"];
        if (input.Overall is null || !AuditGrades.All.Contains(input.Overall)) errors["overall"] = ["Choose the overall grade: good, adequate, requires improvement or inadequate"];
        if (input.Findings is { Length: > MaxFindings }) errors["findings"] = [$"The findings must be {MaxFindings} characters or fewer"];
        foreach (var (area, value) in input.Areas ?? new Dictionary<string, AreaInput>())
        {
            if (!AuditAreas.All.Any(a => a.Code == area)) { errors[$"areas.{area}"] = [$"There is no area of practice {area}"]; continue; }
            if (Blank(value.Grade) is { } g && !AuditGrades.All.Contains(g))
                errors[$"areas.{area}.grade"] = [$"Choose a grade for {AuditAreas.Describe(area).ToLowerInvariant()}: good, adequate, requires improvement or inadequate, or leave it blank"];
            if (value.Findings is { Length: > MaxFindings }) errors[$"areas.{area}.findings"] = [$"The findings must be {MaxFindings} characters or fewer"];
        }
        return errors;
    }

    /// <summary>The tables from the grades of the cases the reader may see; printing them is logged.</summary>
    public async Task<AuditTableSet> TablesAsync(Actor actor, Guid id, CancellationToken ct = default)
    {
        EnsureRead(actor);
        var exercise = await FindAsync(id, ct);
        var items = await VisibleSampleAsync(actor, exercise.Id, ct);
        await audit.RecordNowAsync(actor, AuditActions.View, "case-audit-tables", exercise.Id.ToString(), detail: $"{items.Count} cases", ct: ct);
        return AuditTables.Compute(items.Select(i => new GradedCase(i.AuditType, i.Self, i.Independent)).ToList());
    }

    public async Task<IReadOnlyList<RecommendationView>> RecommendationsAsync(Actor actor, Guid id, CancellationToken ct = default)
    {
        EnsureRead(actor);
        var exercise = await FindAsync(id, ct);
        var today = SafeguardCalendar.LondonDate(clock.GetUtcNow());
        return (await db.CaseAuditRecommendations.AsNoTracking().Where(r => r.ExerciseId == exercise.Id).OrderBy(r => r.Number).ToListAsync(ct))
            .Select(r => View(r, today)).ToList();
    }

    public async Task<RecommendationView> RecommendAsync(Actor actor, Guid id, string? text, string? owner, string? timescale, CancellationToken ct = default)
    {
        EnsureAudit(actor);
        var exercise = await FindAsync(id, ct);
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(text)) errors["text"] = ["Enter the recommendation"];
        else if (text.Length > MaxFindings) errors["text"] = [$"The recommendation must be {MaxFindings} characters or fewer"];
        if (string.IsNullOrWhiteSpace(owner)) errors["owner"] = ["Enter who owns the action"];
        else if (owner.Trim().Length > 200) errors["owner"] = ["The owner must be 200 characters or fewer"];
        if (timescale is null || !Timescales.All.Contains(timescale)) errors["timescale"] = ["Choose the timescale: immediately, within three months or within six months"];
        if (errors.Count > 0) throw new ProblemException(Problems.Problems.Invalid(errors));
        var number = await db.CaseAuditRecommendations.CountAsync(r => r.ExerciseId == exercise.Id, ct) + 1;
        var r = new CaseAuditRecommendation
        {
            Id = Guid.NewGuid(), ExerciseId = exercise.Id, Number = number, Text = text!.Trim(), Owner = owner!.Trim(), Timescale = timescale!,
            DueDate = Timescales.DueDate(exercise.ReportDate, timescale!),
        };
        db.CaseAuditRecommendations.Add(r);
        audit.Record(actor, AuditActions.Create, "case-audit-recommendation", r.Id.ToString(), detail: $"{exercise.Name}: recommendation {number}");
        await db.SaveChangesAsync(ct);
        return View(r, SafeguardCalendar.LondonDate(clock.GetUtcNow()));
    }

    /// <summary>Marks a recommendation's action done (auditors, leaders, administrators); done twice is refused.</summary>
    public async Task<RecommendationView> MarkDoneAsync(Actor actor, Guid id, Guid recommendationId, string? note, CancellationToken ct = default)
    {
        EnsureRead(actor);
        var r = await db.CaseAuditRecommendations.FirstOrDefaultAsync(x => x.Id == recommendationId && x.ExerciseId == id, ct)
            ?? throw new ProblemException(Problems.Problems.NotFound("recommendation"));
        if (note is { Length: > MaxFindings }) throw new ProblemException(Problems.Problems.Invalid("note", $"The note must be {MaxFindings} characters or fewer"));
        if (r.Status == "done") throw new ProblemException(Problems.Problems.Conflict("The recommendation is already done."));
        r.Status = "done";
        r.DoneAt = clock.GetUtcNow();
        r.DoneByName = actor.Name;
        r.DoneNote = Blank(note);
        audit.Record(actor, AuditActions.Change, "case-audit-recommendation", r.Id.ToString(), detail: $"recommendation {r.Number} done");
        await db.SaveChangesAsync(ct);
        return View(r, SafeguardCalendar.LondonDate(clock.GetUtcNow()));
    }

    /// <summary><c>overdue</c> when still open after its due date.</summary>
    private static RecommendationView View(CaseAuditRecommendation r, DateOnly today) =>
        new(r.Id, r.Number, r.Text, r.Owner, r.Timescale, r.DueDate, r.Status == "open" && r.DueDate < today ? "overdue" : r.Status,
            r.DoneAt, r.DoneByName, r.DoneNote);

    private async Task<CaseAuditExercise> FindAsync(Guid id, CancellationToken ct) =>
        await db.CaseAuditExercises.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, ct) ?? throw new ProblemException(Problems.Problems.NotFound("case audit"));

    private async Task<ExerciseView> ViewAsync(Actor actor, CaseAuditExercise e, CancellationToken ct)
    {
        var items = await VisibleSampleAsync(actor, e.Id, ct);
        return new ExerciseView(e.Id, e.Name, e.PeriodFrom, e.PeriodTo, e.Bcus, e.CaseTypes, e.PerStratum, e.Seed, e.ReportDate, e.CreatedByName,
            e.CreatedAt, e.DrawnAt, items.Count, items.Count(i => i.Self is not null), items.Count(i => i.Independent is not null));
    }

    private async Task<SampleCaseView> CaseViewAsync(Actor actor, Guid id, Guid caseId, CancellationToken ct)
    {
        var items = await VisibleSampleAsync(actor, id, ct);
        var item = items.FirstOrDefault(i => i.Id == caseId) ?? throw new ProblemException(Problems.Problems.NotFound("case"));
        var gradings = await db.CaseAuditGradings.AsNoTracking().Where(g => g.AuditCaseId == caseId).ToListAsync(ct);
        GradingView? Of(string kind) => gradings.FirstOrDefault(g => g.Kind == kind) is { } g
            ? new GradingView(g.Kind, g.Overall, g.Findings, Areas(g.Areas), g.GradedByName, g.GradedAt) : null;
        return new SampleCaseView(item, Of(GradingKinds.Self), Of(GradingKinds.Independent));
    }

    private static IReadOnlyList<AreaGrade> Areas(string json)
    {
        var map = JsonSerializer.Deserialize<Dictionary<string, AreaJson>>(json) ?? [];
        return AuditAreas.All.Select(a => map.TryGetValue(a.Code, out var v) ? new AreaGrade(a.Code, v.grade, v.findings) : new AreaGrade(a.Code, null, null)).ToList();
    }

#pragma warning disable IDE1006 // the stored JSON's names
    private sealed record AreaJson(string? grade, string? findings);
#pragma warning restore IDE1006

    /// <summary>The exercise's sampled cases every person of which the actor may see, with names and overall grades.</summary>
    private async Task<IReadOnlyList<SampleItem>> VisibleSampleAsync(Actor actor, Guid exerciseId, CancellationToken ct)
    {
        var rows = await db.CaseAuditCases.AsNoTracking().Where(c => c.ExerciseId == exerciseId).OrderBy(c => c.Number).ToListAsync(ct);
        if (rows.Count == 0) return [];
        var caseIds = rows.Select(r => r.CaseId).Distinct().ToList();
        var people = (await db.CasePeople.AsNoTracking().Where(p => caseIds.Contains(p.CaseId)).Select(p => new { p.CaseType, p.CaseId, p.PersonId }).ToListAsync(ct))
            .ToLookup(p => (p.CaseType, p.CaseId), p => p.PersonId);
        var everyone = rows.SelectMany(r => people[(r.CaseType, r.CaseId)].Append(r.PersonId ?? Guid.Empty)).Where(g => g != Guid.Empty).Distinct().ToList();
        var names = await access.Visible(actor).Where(p => everyone.Contains(p.Id))
            .Select(p => new { p.Id, Name = p.Forename + " " + p.Surname }).ToDictionaryAsync(p => p.Id, p => p.Name.Trim(), ct);
        var shown = rows.Where(r => people[(r.CaseType, r.CaseId)].All(names.ContainsKey) && (r.PersonId is not { } p || names.ContainsKey(p))).ToList();
        var shownIds = shown.Select(r => r.Id).ToList();
        var grades = (await db.CaseAuditGradings.AsNoTracking().Where(g => g.ExerciseId == exerciseId).Select(g => new { g.AuditCaseId, g.Kind, g.Overall })
            .ToListAsync(ct)).Where(g => shownIds.Contains(g.AuditCaseId)).ToLookup(g => g.AuditCaseId);
        return shown.Select(r => new SampleItem(r.Id, r.Number, r.AuditType, r.Bcu, r.CaseType, r.CaseId, r.PersonId,
            r.PersonId is { } p ? names[p] : "", r.OpenedAt,
            grades[r.Id].FirstOrDefault(g => g.Kind == GradingKinds.Self)?.Overall,
            grades[r.Id].FirstOrDefault(g => g.Kind == GradingKinds.Independent)?.Overall)).ToList();
    }

    /// <summary>The person a case is about: the first in <see cref="AuditCaseTypes.SubjectRoles"/> order, else the first person.</summary>
    public static Guid? Subject(IEnumerable<(Guid PersonId, string Role)> people)
    {
        var list = people.ToList();
        foreach (var role in AuditCaseTypes.SubjectRoles)
            if (list.Where(p => p.Role == role).OrderBy(p => p.PersonId).Select(p => (Guid?)p.PersonId).FirstOrDefault() is { } id) return id;
        return list.OrderBy(p => p.PersonId).Select(p => (Guid?)p.PersonId).FirstOrDefault();
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
