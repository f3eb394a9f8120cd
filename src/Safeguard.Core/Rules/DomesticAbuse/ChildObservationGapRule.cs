using System.Text.Json;

namespace Safeguard.Core.Rules.DomesticAbuse;

/// <summary>B2: a domestic abuse incident records, for each child, the child's demeanour (or why it could not be
/// observed) and whether the child was seen and spoken to. A child without them raises a <c>recording-gap</c> alert
/// to a supervisor naming what is missing. (Ingestion may refuse such an incident instead; this catches imports
/// and anything let through.)</summary>
public sealed class ChildObservationGapRule : IRule
{
    /// <inheritdoc />
    public string Name => "B2-child-observation-gap";

    /// <inheritdoc />
    public IReadOnlySet<string> ReactsTo { get; } = new HashSet<string> { "incident" };

    /// <inheritdoc />
    public IEnumerable<RuleOutput> Evaluate(RuleContext context)
    {
        var incident = context.Trigger;
        if (!DomesticAbuseIncident.Is(incident) || !DomesticAbuseIncident.IsChildIn(context, context.PersonId)) yield break;

        var entry = DomesticAbuseIncident.ChildEntry(incident, context.PersonId);
        var missing = new List<string>();
        if (!HasText(entry, "demeanour") && !HasText(entry, "demeanourNotObservedReason")) missing.Add("demeanour (or why it was not observed)");
        if (entry is not { } e || !e.TryGetProperty("seenAndSpokenTo", out var seen) || seen.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
            missing.Add("whether the child was seen and spoken to");
        if (missing.Count == 0) yield break;

        yield return new AlertOutput(Name, context.PersonId, "recording-gap",
            RuleOutput.KeyFor(Name, context.PersonId, incident.Id),
            $"The domestic abuse incident on {Mention.Time(incident.OccurredAt)} does not record, for this child: {Mention.List(missing)}.",
            [incident.Id], Audiences.Supervisor);
    }

    private static bool HasText(JsonElement? entry, string field) =>
        entry is { } e && e.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString());
}
