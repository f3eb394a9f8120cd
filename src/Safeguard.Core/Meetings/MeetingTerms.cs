namespace Safeguard.Core.Meetings;

/// <summary>The words of strategy discussions and meetings (API.md <c>strategy-discussion</c>, <c>meeting</c>): the kinds of
/// meeting, the child protection plan categories (WT6) and police ranks, each with the words people read.</summary>
public static class MeetingTerms
{
    /// <summary>A strategy discussion's case kind (its event type).</summary>
    public const string StrategyDiscussion = "strategy-discussion";

    /// <summary>The kinds of <c>meeting</c>, in the order pages offer them.</summary>
    public static readonly IReadOnlyList<(string Code, string Words)> Kinds =
    [
        ("icpc", "Initial child protection conference"),
        ("review-cp", "Child protection review conference"),
        ("marac", "MARAC (multi-agency risk assessment conference)"),
        ("mappa", "MAPPA meeting"),
        ("cse-risk", "CSE risk meeting"),
    ];

    /// <summary>Conferences: the meetings whose police attendance is the I6 performance measure, and that may make a plan.</summary>
    public static readonly IReadOnlySet<string> Conferences = new HashSet<string> { "icpc", "review-cp" };

    /// <summary>WT6: the only child protection plan categories (Working Together 2023).</summary>
    public static readonly IReadOnlyList<(string Code, string Words)> PlanCategories =
    [
        ("neglect", "Neglect"),
        ("physical-abuse", "Physical abuse"),
        ("emotional-abuse", "Emotional abuse"),
        ("sexual-abuse", "Sexual abuse"),
    ];

    /// <summary>Police ranks an attending officer may hold, most junior first (free text is accepted from the API).</summary>
    public static readonly IReadOnlyList<(string Code, string Words)> Ranks =
    [
        ("PC", "Police constable"), ("DC", "Detective constable"), ("PS", "Police sergeant"), ("DS", "Detective sergeant"),
        ("Insp", "Inspector"), ("DI", "Detective inspector"), ("CI", "Chief inspector"), ("DCI", "Detective chief inspector"),
        ("Supt", "Superintendent"), ("staff", "Police staff"),
    ];

    /// <summary>The agency code police use in <c>agencies[]</c> and <c>invitedAgencies[]</c>.</summary>
    public const string Police = "police";

    /// <summary>True for a WT6 plan category.</summary>
    public static bool IsPlanCategory(string? code) => PlanCategories.Any(c => c.Code == code);

    /// <summary>A kind in words: "Initial child protection conference", "Strategy discussion".</summary>
    public static string Kind(string? code) => code == StrategyDiscussion ? "Strategy discussion"
        : Kinds.FirstOrDefault(k => k.Code == code).Words ?? (string.IsNullOrEmpty(code) ? "Meeting" : code);

    /// <summary>A plan category in words, or the code when unknown.</summary>
    public static string PlanCategory(string? code) => PlanCategories.FirstOrDefault(c => c.Code == code).Words ?? code ?? "";

    /// <summary>A rank in words ("Detective sergeant (DS)"), or what was typed.</summary>
    public static string Rank(string? code) =>
        Ranks.FirstOrDefault(r => string.Equals(r.Code, code, StringComparison.OrdinalIgnoreCase)) is { Words: not null } r ? $"{r.Words} ({r.Code})" : code ?? "";
}
