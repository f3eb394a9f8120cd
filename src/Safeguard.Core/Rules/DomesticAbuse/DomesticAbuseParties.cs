namespace Safeguard.Core.Rules.DomesticAbuse;

/// <summary>Who abused whom in domestic abuse events: the victim and the people said to be abusing them
/// (role <c>suspect</c>), read from incidents classified domestic abuse, DASH checklists and MARAC referrals.</summary>
public static class DomesticAbuseParties
{
    /// <summary>True for an incident, DASH or MARAC referral in which <paramref name="victim"/> is the victim.</summary>
    public static bool IsVictimIn(ChronologyEvent e, Guid victim) => e.HasRole(victim, "victim");

    /// <summary>True when the event is a domestic abuse incident between the two people, in either direction
    /// (counter-allegations count: the same two people, whoever is named the victim this time).</summary>
    public static bool IsIncidentBetween(ChronologyEvent e, Guid a, Guid b) =>
        DomesticAbuseIncident.Is(e) && IsParty(e, a) && IsParty(e, b);

    /// <summary>A <c>referral</c> of kind <c>marac</c>.</summary>
    public static bool IsMaracReferral(ChronologyEvent e) => e.Type == "referral" && e.Text("kind") == "marac";

    /// <summary>The people said to be abusing the victim in a MARAC referral: the suspects named on it, else those of
    /// the victim's latest domestic abuse incident or DASH with a suspect at or before the referral.</summary>
    public static IReadOnlyList<Guid> PerpetratorsOf(ChronologyEvent referral, IReadOnlyList<ChronologyEvent> chronology, Guid victim)
    {
        var named = referral.PeopleInRole("suspect");
        if (named.Count > 0) return named;
        return chronology
            .Where(e => e.OccurredAt <= referral.OccurredAt && (DomesticAbuseIncident.Is(e) || e.Type == "dash") && IsVictimIn(e, victim))
            .Select(e => e.PeopleInRole("suspect")).LastOrDefault(s => s.Count > 0) ?? [];
    }

    private static bool IsParty(ChronologyEvent e, Guid person) => e.HasRole(person, "victim") || e.HasRole(person, "suspect");
}
