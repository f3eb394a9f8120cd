namespace Safeguard.Core.Rules.Investigations;

/// <summary>The events of one investigation as a rule sees them in a person's chronology (pure).</summary>
public static class InvestigationEvents
{
    /// <summary>The investigation id an investigation event carries, or null.</summary>
    public static string? IdOf(ChronologyEvent e) => e.Text("investigationId")?.Trim() is { Length: > 0 } id ? id : null;

    /// <summary>The events of investigation <paramref name="id"/> in the chronology, oldest first.</summary>
    public static IReadOnlyList<ChronologyEvent> Of(IEnumerable<ChronologyEvent> chronology, string id) =>
        chronology.Where(e => Cases.CaseStreams.InvestigationTypes.Contains(e.Type) && IdOf(e) == id).ToList();

    /// <summary>The opening of the investigation, or null when none is in the chronology.</summary>
    public static ChronologyEvent? Opening(IEnumerable<ChronologyEvent> events) => events.FirstOrDefault(e => e.Type == "investigation-opened");
}
