using System.Text.Json;
using Safeguard.Core.Recording;

namespace Safeguard.Web.Pages.Record.Ppn;

/// <summary>A public protection notification being written, page by page (B1, B4).</summary>
public sealed class PpnDraft
{
    public const string Kind = "ppn";

    public Guid? ChildId { get; set; }
    public string? ChildName { get; set; }
    /// <summary>When it happened: "2026-03-01T21:15" in UK wall-clock time, or what was typed into the date boxes when
    /// it is not a real time yet (<see cref="Shared.DateTimeParts.ToText"/>; older drafts' one time box reads the same way).</summary>
    public string? OccurredAt { get; set; }
    public List<string> Concerns { get; set; } = [];
    public string? Demeanour { get; set; }
    public string? DemeanourNotObservedReason { get; set; }
    public string? ChildViews { get; set; }
    public string? ChildViewsNotObtainedReason { get; set; }
    public string? ImmediateActions { get; set; }
    /// <summary>"yes", "no" or not yet answered.</summary>
    public string? Referred { get; set; }
    public string? NotReferredReason { get; set; }
    public string? RiskGrade { get; set; }

    /// <summary>The journey's pages in order, each with the draft fields it asks for.</summary>
    public static readonly IReadOnlyList<(string Step, string Title, string[] Fields)> Steps =
    [
        ("child", "Which child is this about?", ["ChildId"]),
        ("concern", "What is the concern?", ["Concerns", "OccurredAt"]),
        ("observations", "The child's demeanour and views", ["Demeanour", "DemeanourNotObservedReason", "ChildViews", "ChildViewsNotObtainedReason"]),
        ("actions", "Action taken", ["ImmediateActions", "Referred", "NotReferredReason", "RiskGrade"]),
        ("check", "Check your answers", []),
    ];

    /// <summary>The concerns a PPN can name, in words.</summary>
    public static readonly IReadOnlyList<(string Code, string Name)> ConcernChoices =
    [
        ("neglect", "Neglect"), ("physical-abuse", "Physical abuse"), ("emotional-abuse", "Emotional abuse"), ("sexual-abuse", "Sexual abuse"),
        ("domestic-abuse", "Domestic abuse"), ("cse", "Child sexual exploitation"), ("cce", "Child criminal exploitation"),
        ("online-sexual-abuse", "Online sexual abuse"), ("missing", "Missing"),
    ];

    public static string ConcernName(string code) => ConcernChoices.FirstOrDefault(c => c.Code == code).Name ?? code;

    /// <summary>Maps a recording standard's field to the page input that answers it.</summary>
    public static string InputFor(string standardField) => standardField.Replace("data.", "") switch
    {
        "demeanour" => nameof(Demeanour),
        "childViews" => nameof(ChildViews),
        "immediateActions" => nameof(ImmediateActions),
        "referredToSocialCare" => nameof(Referred),
        "notReferredReason" => nameof(NotReferredReason),
        "riskGrade" => nameof(RiskGrade),
        "concerns" => nameof(Concerns),
        "occurredAt" => nameof(OccurredAt),
        var other => other,
    };

    /// <summary>The PPN's data as the API would receive it.</summary>
    public JsonElement ToData() => JsonSerializer.SerializeToElement(new Dictionary<string, object?>
    {
        ["concerns"] = Concerns,
        ["demeanour"] = Blank(Demeanour),
        ["demeanourNotObservedReason"] = Blank(DemeanourNotObservedReason),
        ["childViews"] = Blank(ChildViews),
        ["childViewsNotObtainedReason"] = Blank(ChildViewsNotObtainedReason),
        ["immediateActions"] = Blank(ImmediateActions),
        ["referredToSocialCare"] = Referred switch { "yes" => true, "no" => false, _ => null },
        ["notReferredReason"] = Referred == "no" ? Blank(NotReferredReason) : null,
        ["riskGrade"] = Blank(RiskGrade),
    }.Where(kv => kv.Value is not null).ToDictionary());

    /// <summary>What the recording standard still asks for, limited to the given page inputs.</summary>
    public IReadOnlyList<Shortfall> ShortfallsFor(IEnumerable<string> inputs)
    {
        var wanted = inputs.ToHashSet();
        return RecordingStandards.Check("ppn", ToData(), []).Where(s => wanted.Contains(InputFor(s.Field))).ToList();
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
