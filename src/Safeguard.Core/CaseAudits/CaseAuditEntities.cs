namespace Safeguard.Core.CaseAudits;

/// <summary>A case audit exercise (N1–N3, the inspection's method): which cases (period, BCUs, annex case types), how
/// many per stratum, the seed the sample is drawn from, and the report date the recommendations' due dates run from.</summary>
public sealed class CaseAuditExercise
{
    public Guid Id { get; set; }
    public string Name { get; set; } = "";
    /// <summary>Cases opened from this day (UK date, inclusive)...</summary>
    public DateOnly PeriodFrom { get; set; }
    /// <summary>...to this day (UK date, inclusive).</summary>
    public DateOnly PeriodTo { get; set; }
    /// <summary>The BCUs sampled, by code.</summary>
    public List<string> Bcus { get; set; } = [];
    /// <summary>The annex case types sampled (<see cref="AuditCaseTypes"/>).</summary>
    public List<string> CaseTypes { get; set; } = [];
    /// <summary>Cases drawn per stratum (annex case type × BCU): equal allocation; a smaller stratum gives all it has.</summary>
    public int PerStratum { get; set; }
    /// <summary>The seed of the draw: the same seed on the same cases draws the same sample.</summary>
    public long Seed { get; set; }
    /// <summary>The date of the audit's report: recommendations fall due from it.</summary>
    public DateOnly ReportDate { get; set; }
    public string CreatedBy { get; set; } = "";
    public string CreatedByName { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>When the sample was drawn; null until then. A sample is drawn once.</summary>
    public DateTimeOffset? DrawnAt { get; set; }
}

/// <summary>A case drawn into an exercise's sample, with the stratum it was drawn from.</summary>
public sealed class CaseAuditCase
{
    public Guid Id { get; set; }
    public Guid ExerciseId { get; set; }
    /// <summary>Its place in the sample, from 1 (by case type, BCU, then draw order).</summary>
    public int Number { get; set; }
    public string AuditType { get; set; } = "";
    public string Bcu { get; set; } = "";
    public string CaseType { get; set; } = "";
    public string CaseId { get; set; } = "";
    /// <summary>The person the case is about (the child; for a sex offender enquiry, the offender).</summary>
    public Guid? PersonId { get; set; }
    public DateTimeOffset OpenedAt { get; set; }
}

/// <summary>One grading of a sampled case: the force's self-assessment or the independent audit, at most one of each
/// per case (grading again replaces it), kept side by side (N2).</summary>
public sealed class CaseAuditGrading
{
    public long Id { get; set; }
    public Guid AuditCaseId { get; set; }
    public Guid ExerciseId { get; set; }
    /// <summary><see cref="GradingKinds"/>.</summary>
    public string Kind { get; set; } = "";
    /// <summary>The overall grade (<see cref="AuditGrades"/>).</summary>
    public string Overall { get; set; } = "";
    public string? Findings { get; set; }
    /// <summary>Grade and findings per area of practice, as a JSON object: <c>{"assessment": {"grade": "good", "findings": "..."}}</c>.</summary>
    public string Areas { get; set; } = "{}";
    public string GradedBy { get; set; } = "";
    public string GradedByName { get; set; } = "";
    public DateTimeOffset GradedAt { get; set; }
}

/// <summary>A recommendation of the audit as a tracked action: owner, timescale, due date, done.</summary>
public sealed class CaseAuditRecommendation
{
    public Guid Id { get; set; }
    public Guid ExerciseId { get; set; }
    public int Number { get; set; }
    public string Text { get; set; } = "";
    public string Owner { get; set; } = "";
    /// <summary><see cref="Timescales"/>.</summary>
    public string Timescale { get; set; } = "";
    public DateOnly DueDate { get; set; }
    /// <summary><c>open</c> or <c>done</c>; overdue is judged against the clock when read.</summary>
    public string Status { get; set; } = "open";
    public DateTimeOffset? DoneAt { get; set; }
    public string? DoneByName { get; set; }
    public string? DoneNote { get; set; }
}

/// <summary>The four grades of the inspection, best first.</summary>
public static class AuditGrades
{
    public const string Good = "good";
    public const string Adequate = "adequate";
    public const string RequiresImprovement = "requires-improvement";
    public const string Inadequate = "inadequate";
    public static readonly IReadOnlyList<string> All = [Good, Adequate, RequiresImprovement, Inadequate];

    public static string Describe(string? grade) => grade switch
    {
        Good => "Good",
        Adequate => "Adequate",
        RequiresImprovement => "Requires improvement",
        Inadequate => "Inadequate",
        null => "Not graded",
        _ => grade,
    };
}

/// <summary>Who graded: the force assessing its own case, or the independent audit (the inspectorate's role).</summary>
public static class GradingKinds
{
    public const string Self = "self";
    public const string Independent = "independent";
    public static readonly IReadOnlyList<string> All = [Self, Independent];
    public static string Describe(string kind) => kind == Self ? "Force self-assessment" : "Independent";
}

/// <summary>The areas of practice each case is graded against (issue 12 point 6).</summary>
public static class AuditAreas
{
    public static readonly IReadOnlyList<(string Code, string Name)> All =
    [
        ("initial-contact", "Initial contact"), ("assessment", "Assessment"), ("investigation", "Investigation"),
        ("decision-making", "Decision making"), ("trusted-adult", "Trusted adult"), ("managing-risk", "Managing risk"),
        ("detention", "Detention"),
    ];
    public static string Describe(string code) => All.FirstOrDefault(a => a.Code == code).Name ?? code;
}

/// <summary>The recommendations' timescales, as the report words them.</summary>
public static class Timescales
{
    public const string Immediately = "immediately";
    public const string ThreeMonths = "3-months";
    public const string SixMonths = "6-months";
    public static readonly IReadOnlyList<string> All = [Immediately, ThreeMonths, SixMonths];

    public static string Describe(string timescale) => timescale switch
    {
        Immediately => "Immediately",
        ThreeMonths => "Within three months",
        SixMonths => "Within six months",
        _ => timescale,
    };

    /// <summary>The due date from the report date: within three or six calendar months of it; "immediately" is due six
    /// weeks after it, when the report says the inspectorate asks for an update on the action taken.</summary>
    public static DateOnly DueDate(DateOnly reportDate, string timescale) => timescale switch
    {
        Immediately => reportDate.AddDays(42),
        ThreeMonths => reportDate.AddMonths(3),
        SixMonths => reportDate.AddMonths(6),
        _ => throw new ArgumentOutOfRangeException(nameof(timescale), timescale, "not a timescale"),
    };
}
