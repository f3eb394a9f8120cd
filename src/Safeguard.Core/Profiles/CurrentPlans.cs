using System.Text.Json;
using Safeguard.Core.Records;

namespace Safeguard.Core.Profiles;

/// <summary>The plans in force for a person, read from their history (newest event first): the latest trigger
/// plan (F4), a child protection plan set or reviewed at a conference, a MARAC safety plan, offender management,
/// and police protection not yet ended. Each names what it is in words and the event that recorded it.</summary>
public static class CurrentPlans
{
    public static IReadOnlyList<PlanView> Of(Guid personId, IReadOnlyList<Event> newestFirst)
    {
        var plans = new List<PlanView>();
        var mine = newestFirst.Where(e => e.People.Any(p => p.PersonId == personId)).ToList();

        if (mine.FirstOrDefault(e => e.Type == "trigger-plan") is { } trigger)
        {
            var d = Read(trigger.Data);
            var review = Text(d, "reviewDate") is { } r && DateOnly.TryParse(r, out var date) ? date : (DateOnly?)null;
            var parts = new List<string>();
            if (List(d, "places") is { Count: > 0 } places) parts.Add($"places to look: {string.Join(", ", places)}");
            if (List(d, "associates") is { Count: > 0 } associates) parts.Add($"associates: {string.Join(", ", associates)}");
            plans.Add(new PlanView("Trigger plan", parts.Count > 0 ? Capitalise(string.Join("; ", parts)) : "Recorded", trigger.OccurredAt, trigger.Id, review));
        }

        // A child protection conference (initial or review) sets the plan; the latest one is the plan in force.
        if (mine.FirstOrDefault(e => e.Type == "meeting" && Text(Read(e.Data), "kind") is "icpc" or "review-cp") is { } conference)
        {
            var d = Read(conference.Data);
            var category = Text(d, "planCategory");
            var kind = Text(d, "kind") == "icpc" ? "initial child protection conference" : "child protection review conference";
            if (!string.IsNullOrWhiteSpace(category))
                plans.Add(new PlanView("Child protection plan", $"Category: {Words(category)}, set at the {kind}", conference.OccurredAt, conference.Id));
        }

        if (mine.FirstOrDefault(e => e.Type == "meeting" && Text(Read(e.Data), "kind") == "marac") is { } marac)
            plans.Add(new PlanView("MARAC safety plan", "Heard at a multi-agency risk assessment conference", marac.OccurredAt, marac.Id));

        if (mine.FirstOrDefault(e => e.Type == "offender-registered") is { } offender)
        {
            var d = Read(offender.Data);
            var manager = Text(d, "offenderManager");
            plans.Add(new PlanView("Risk management plan (offender management)",
                $"Risk level {Words(Text(d, "riskLevel") ?? "not given")}{(manager is null ? "" : $", offender manager {manager}")}", offender.OccurredAt, offender.Id));
        }

        if (mine.FirstOrDefault(e => e.Type is "police-protection" or "police-protection-ended") is { Type: "police-protection" } protection)
        {
            var d = Read(protection.Data);
            plans.Add(new PlanView("Police protection", $"Designated officer {Text(d, "designatedOfficer") ?? "not named"}", protection.OccurredAt, protection.Id));
        }

        return plans.OrderByDescending(p => p.Since).ToList();
    }

    private static JsonElement Read(string data)
    {
        using var doc = JsonDocument.Parse(data);
        return doc.RootElement.Clone();
    }

    private static string? Text(JsonElement d, string name) =>
        d.ValueKind == JsonValueKind.Object && d.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static List<string> List(JsonElement d, string name) =>
        d.ValueKind == JsonValueKind.Object && d.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Array
            ? v.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()!).ToList() : [];

    private static string Words(string slug) => slug.Replace('-', ' ');
    private static string Capitalise(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
}
