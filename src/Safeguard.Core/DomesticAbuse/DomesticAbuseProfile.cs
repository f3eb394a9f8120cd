using System.Text.Json;
using Safeguard.Core.Flags;
using Safeguard.Core.Profiles;
using Safeguard.Core.Records;
using Safeguard.Core.Rules;
using Safeguard.Core.Rules.DomesticAbuse;
using Safeguard.Core.Settings;

namespace Safeguard.Core.DomesticAbuse;

/// <summary>Works out the domestic abuse part of a profile from the person's events (pure: the caller loads them).</summary>
public static class DomesticAbuseProfile
{
    /// <summary>The person's DASH checklists as the victim and the domestic abuse households they were a child in.</summary>
    /// <param name="personId">The profile's person.</param>
    /// <param name="events">Their events up to the profile's instant.</param>
    /// <param name="settings">The settings for the bands (DA1, DA2).</param>
    /// <param name="visible">Other people the reader may see, by id.</param>
    /// <param name="flags">Flags of the other people, by person.</param>
    /// <param name="at">The profile's instant.</param>
    public static DomesticAbuseSummary Of(Guid personId, IEnumerable<Event> events, RuleSettings settings,
        IReadOnlyDictionary<Guid, Person> visible, IReadOnlyDictionary<Guid, List<Flag>> flags, DateTimeOffset at)
    {
        var chronology = events.Select(ChronologyEvent.From).OrderBy(e => e, ChronologyEvent.Order).ToList();
        var dashes = chronology.Where(e => e.Type == "dash" && e.HasRole(personId, "victim")).Select(e => Dash(e, settings)).Reverse().ToList();
        var households = chronology.Where(e => DomesticAbuseIncident.Is(e) && IsChild(e, personId)).Reverse()
            .Select(e => Household(e, personId, visible, flags, at)).ToList();
        return new(dashes.FirstOrDefault()?.Band, dashes, households);
    }

    /// <summary>A DASH event as read by people.</summary>
    public static DashView Dash(ChronologyEvent e, RuleSettings settings)
    {
        var d = DashAssessment.Read(e);
        return new(e.Id, e.OccurredAt, d.YesCount, d.Answers.Values.Count(a => a == DashAssessment.No), d.NotKnownCount, d.Answers.Count,
            d.ProfessionalJudgement, d.VictimRiskView, d.VictimAssessment, d.Band(settings), d.RaisedByJudgement(settings), d.Answers);
    }

    private static bool IsChild(ChronologyEvent e, Guid personId) =>
        e.HasRole(personId, "child") || DomesticAbuseIncident.ChildEntry(e, personId) is not null;

    private static HouseholdIncidentView Household(ChronologyEvent e, Guid childId, IReadOnlyDictionary<Guid, Person> visible,
        IReadOnlyDictionary<Guid, List<Flag>> flags, DateTimeOffset at)
    {
        var entry = DomesticAbuseIncident.ChildEntry(e, childId);
        string? Str(string field) => entry is { } x && x.TryGetProperty(field, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        bool? seen = entry is { } y && y.TryGetProperty("seenAndSpokenTo", out var s) ? s.ValueKind switch { JsonValueKind.True => true, JsonValueKind.False => false, _ => null } : null;
        var adults = e.People.Where(p => p.PersonId != childId && p.Role is "victim" or "suspect" or "parent" or "carer" && visible.ContainsKey(p.PersonId))
            .DistinctBy(p => p.PersonId)
            .Select(p => new HouseholdMemberView(p.PersonId, visible[p.PersonId].FullName, p.Role,
                flags.GetValueOrDefault(p.PersonId, []).Select(f => FlagViews.AsOf(f, at)).OfType<FlagView>().OrderByDescending(f => f.Since).ToList()))
            .ToList();
        return new(e.Id, e.OccurredAt, e.Text("summary"), e.Text("riskGrade"), Str("demeanour"), Str("demeanourNotObservedReason"), seen, adults);
    }
}
