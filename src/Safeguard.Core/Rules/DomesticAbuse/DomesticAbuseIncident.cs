using System.Text.Json;

namespace Safeguard.Core.Rules.DomesticAbuse;

/// <summary>Reading a domestic abuse incident: whether it is one, and the per-child observations in <c>children[]</c>.</summary>
public static class DomesticAbuseIncident
{
    /// <summary>True for an <c>incident</c> classified <c>domestic-abuse</c>.</summary>
    public static bool Is(ChronologyEvent e) => e.Type == "incident" && e.TextList("classifications").Contains("domestic-abuse");

    /// <summary>True when the person is a child of the incident: role <c>child</c> (or a victim under 18), or listed in <c>children[]</c>.</summary>
    public static bool IsChildIn(RuleContext context, Guid personId) =>
        context.IsChildIn(context.Trigger, personId) || ChildEntry(context.Trigger, personId) is not null;

    /// <summary>The <c>children[]</c> entry for a person, or null.</summary>
    public static JsonElement? ChildEntry(ChronologyEvent e, Guid personId)
    {
        if (e.Data.ValueKind != JsonValueKind.Object || !e.Data.TryGetProperty("children", out var children) || children.ValueKind != JsonValueKind.Array)
            return null;
        foreach (var child in children.EnumerateArray())
        {
            if (child.ValueKind == JsonValueKind.Object && child.TryGetProperty("personId", out var id)
                && id.ValueKind == JsonValueKind.String && Guid.TryParse(id.GetString(), out var parsed) && parsed == personId)
                return child;
        }
        return null;
    }
}
