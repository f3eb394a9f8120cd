using Safeguard.Core.Rules;

namespace Safeguard.Core.Cases;

public static partial class CaseBuilder
{
    /// <summary>An investigation: open, allocated to a team, closed; with its reviews and the outcome for the child.</summary>
    private static CaseState Investigation(string stream, string id, List<CaseSource> events)
    {
        ChronologyEvent? Last(string type) => events.LastOrDefault(s => s.Event.Type == type)?.Event;
        var opened = events.FirstOrDefault(s => s.Event.Type == "investigation-opened")?.Event;
        var allocated = Last("investigation-allocated");
        var closed = Last("investigation-closed");
        var reviews = events.Where(s => s.Event.Type == "supervisory-review").Select(s => s.Event).ToList();
        var fields = new Dictionary<string, object?>
        {
            ["offenceTypes"] = opened?.TextList("offenceTypes") ?? [], ["allocatedAt"] = allocated?.OccurredAt,
            ["nonSpecialistReason"] = allocated?.Text("nonSpecialistReason"), ["reviews"] = reviews.Count,
            ["lastReviewAt"] = reviews.LastOrDefault()?.OccurredAt, ["nextActions"] = reviews.LastOrDefault()?.TextList("nextActions") ?? [],
            ["outcomeForChild"] = closed?.Text("outcomeForChild"), ["childInformed"] = closed?.Flag("childInformed"),
            ["howInformed"] = closed?.Text("howInformed"),
        };
        var status = closed is not null ? "closed" : allocated is not null ? "allocated" : "open";
        var team = allocated?.Text("team") ?? opened?.Text("team") ?? events[0].Unit;
        return new(CaseTypes.Investigation, id, stream, status, (opened ?? events[0].Event).OccurredAt, closed?.OccurredAt, team,
            People(events), Ids(events), fields, []);
    }

    /// <summary>A child's detention in custody: detained, charged, transferred to the local authority or released.</summary>
    private static CaseState Custody(string stream, string id, List<CaseSource> events)
    {
        ChronologyEvent? Last(string type) => events.LastOrDefault(s => s.Event.Type == type)?.Event;
        var detained = events.FirstOrDefault(s => s.Event.Type == "custody-detained")?.Event;
        var charged = Last("custody-charged");
        var transferRequest = Last("custody-transfer-requested");
        var transfer = Last("custody-transfer-outcome");
        var released = Last("custody-released");
        var transferred = transfer?.Text("outcome") == "transferred" ? transfer : null;
        var ended = released ?? transferred;
        var fields = new Dictionary<string, object?>
        {
            ["appropriateAdult"] = detained?.Text("appropriateAdult"),
            ["reviews"] = events.Where(s => s.Event.Type == "custody-review").Select(s => s.Event.OccurredAt).ToList(),
            ["chargedAt"] = charged?.OccurredAt, ["bailRefused"] = charged?.Flag("bailRefused"),
            ["transferRequested"] = transferRequest?.Text("accommodation"), ["transferOutcome"] = transfer?.Text("outcome"),
            ["transferReason"] = transfer?.Text("reason"), ["releasedAt"] = released?.OccurredAt,
        };
        var status = released is not null ? "released" : transferred is not null ? "transferred" : charged is not null ? "charged" : "detained";
        return new(CaseTypes.Custody, id, stream, status, (detained ?? events[0].Event).OccurredAt, ended?.OccurredAt, events[0].Unit,
            People(events), Ids(events), fields, []);
    }

    /// <summary>A child's spells in police protection: each <c>police-protection</c> opens one, a
    /// <c>police-protection-la-informed</c> records when the local authority was told, and the next
    /// <c>police-protection-ended</c> closes it. The case id is the opening event's id (with the child's id
    /// when one event took several children).</summary>
    private static IReadOnlyList<CaseState> PoliceProtection(string stream, Guid child, List<CaseSource> events)
    {
        var spells = new List<List<CaseSource>>();
        List<CaseSource>? open = null;
        foreach (var s in events)
        {
            if (s.Event.Type == "police-protection") { open = [s]; spells.Add(open); }
            else if (open is not null && s.Event.Type == "police-protection-la-informed") open.Add(s);
            else if (open is not null) { open.Add(s); open = null; }
        }
        return spells.Select(spell =>
        {
            var start = spell[0].Event;
            var end = spell.Skip(1).LastOrDefault(s => s.Event.Type == "police-protection-ended")?.Event;
            var informed = spell.Skip(1).FirstOrDefault(s => s.Event.Type == "police-protection-la-informed")?.Event;
            var fields = new Dictionary<string, object?>
            {
                ["childId"] = child, ["initiatingOfficer"] = start.Text("initiatingOfficer"), ["designatedOfficer"] = start.Text("designatedOfficer"),
                ["localAuthorityInformedAt"] = start.Instant("localAuthorityInformedAt") ?? informed?.Instant("localAuthorityInformedAt")
                    ?? end?.Instant("localAuthorityInformedAt"),
                ["localAuthority"] = start.Text("localAuthority") ?? informed?.Text("localAuthority"), ["informedPerson"] = informed?.Text("informedPerson"),
                ["circumstances"] = start.Text("circumstances"), ["accommodation"] = start.Text("accommodation"),
                ["endOutcome"] = end?.Text("outcome"), ["endReason"] = end?.Text("reason"),
                ["expiresAt"] = start.OccurredAt.AddHours(72),
            };
            var id = start.PeopleInRole("child").Count > 1 ? $"{start.Id}:{child}" : start.Id;
            return new CaseState(CaseTypes.PoliceProtection, id, stream, end is null ? "in-force" : "ended", start.OccurredAt, end?.OccurredAt,
                spell[0].Unit, People(spell), Ids(spell), fields, []);
        }).ToList();
    }

    /// <summary>A registered offender's management: the standing after all their events (<see cref="Rules.Offenders.OffenderStanding"/>:
    /// risk level, MAPPA, offender manager and visit frequency, the latest plan winning), visits and contact with children.
    /// The case id is the first registration's event id; none before a registration.</summary>
    private static IReadOnlyList<CaseState> Offender(string stream, List<CaseSource> events)
    {
        var registrations = events.Where(s => s.Event.Type == "offender-registered").ToList();
        if (registrations.Count == 0) return [];
        var offenderId = Guid.Parse(CaseStreams.Parse(stream).Key);
        var standing = Rules.Offenders.OffenderStanding.At(events.Select(s => s.Event).ToList(), offenderId)!;
        var visits = events.Where(s => s.Event.Type == "offender-visit").Select(s => s.Event).ToList();
        var fields = new Dictionary<string, object?>
        {
            ["offenderId"] = offenderId, ["riskLevel"] = standing.RiskLevel,
            ["mappaCategory"] = standing.MappaCategory, ["mappaLevel"] = standing.MappaLevel,
            ["offenderManager"] = standing.Manager, ["visitMonths"] = standing.PlanVisitMonths, ["noFixedAbode"] = standing.NoFixedAbode,
            ["visits"] = visits.Count, ["lastVisitAt"] = visits.LastOrDefault()?.OccurredAt,
            ["contactsWithChildren"] = events.Where(s => s.Event.Type == "offender-contact-with-child").Select(s => s.Event.Id).ToList(),
        };
        return [new(CaseTypes.Offender, registrations[0].Event.Id, stream, "registered", registrations[0].Event.OccurredAt, null,
            registrations[0].Unit, People(events), Ids(events), fields, [])];
    }
}
