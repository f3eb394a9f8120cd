using System.Text.Json;
using Safeguard.Core.Recording;

namespace Safeguard.Web.Pages.Record.DomesticAbuse;

/// <summary>A domestic abuse incident being recorded, with each child present or living in the household
/// and what was observed of them (B2, H3: children are victims in their own right).</summary>
public sealed class DomesticAbuseDraft
{
    public const string Kind = "domestic-abuse";

    public sealed class PersonInIncident
    {
        public Guid PersonId { get; set; }
        public string Name { get; set; } = "";
        public string Role { get; set; } = "";
        public string? Demeanour { get; set; }
        public string? DemeanourNotObservedReason { get; set; }
        /// <summary>"yes", "no" or not yet answered.</summary>
        public string? SeenAndSpokenTo { get; set; }
    }

    public List<PersonInIncident> People { get; set; } = [];
    /// <summary>When it happened: "2026-03-01T21:15" in UK wall-clock time, or what was typed into the date boxes when
    /// it is not a real time yet (<see cref="Shared.DateTimeParts.ToText"/>; older drafts' one time box reads the same way).</summary>
    public string? OccurredAt { get; set; }
    public string? Summary { get; set; }
    public string? RiskGrade { get; set; }

    public IEnumerable<PersonInIncident> Children => People.Where(p => p.Role == "child");

    public JsonElement ToData() => JsonSerializer.SerializeToElement(new Dictionary<string, object?>
    {
        ["classifications"] = new[] { "domestic-abuse" },
        ["summary"] = Blank(Summary),
        ["riskGrade"] = Blank(RiskGrade),
        ["children"] = Children.Select(c => new Dictionary<string, object?>
        {
            ["personId"] = c.PersonId.ToString(),
            ["demeanour"] = Blank(c.Demeanour),
            ["demeanourNotObservedReason"] = Blank(c.DemeanourNotObservedReason),
            ["seenAndSpokenTo"] = c.SeenAndSpokenTo switch { "yes" => true, "no" => false, _ => null },
        }.Where(kv => kv.Value is not null).ToDictionary()).ToList(),
    }.Where(kv => kv.Value is not null).ToDictionary());

    /// <summary>What the recording standard still asks for about one child (their page's inputs).</summary>
    public IReadOnlyList<Shortfall> ShortfallsForChild(int index)
    {
        var people = Children.Select(c => new StandardsPerson(c.PersonId, "child", null)).ToList();
        return RecordingStandards.Check("incident", ToData(), people).Where(s => s.Field.StartsWith($"children[{index}].", StringComparison.Ordinal)).ToList();
    }

    /// <summary>Maps a standards field ("children[1].demeanour") to the input on that child's page.</summary>
    public static string InputFor(string field)
    {
        var name = field.Replace("data.", "");
        var dot = name.LastIndexOf('.');
        return (dot >= 0 ? name[(dot + 1)..] : name) switch
        {
            "demeanour" => "Demeanour",
            "seenAndSpokenTo" => "SeenAndSpokenTo",
            "summary" => "Summary",
            "riskGrade" => "RiskGrade",
            var other => other,
        };
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
