using Safeguard.Core.Rules;

namespace Safeguard.Core.Cases;

/// <summary>Which cases an event belongs to, and what it references. Pure: the projector uses it for each
/// event stored or corrected, and the rebuild for the whole log, so both reach the same tables.</summary>
/// <remarks>A stream is the group of events a case (or, for police protection and offenders, a person's
/// cases of that type) is projected from, written <c>type:key</c>. Re-projecting a stream replaces its cases.</remarks>
public static class CaseStreams
{
    /// <summary>Data fields whose values name another event or a case: kept in <see cref="EventReference"/>.</summary>
    public static readonly IReadOnlyList<string> ReferenceFields =
        ["missingEventId", "referralEventId", "incidentEventId", "investigationId", "custodyId", "requestId", "fileId", "meetingEventId"];

    public static readonly IReadOnlySet<string> MissingTypes = new HashSet<string> { "missing-reported", "missing-located", "safe-and-well-check", "return-interview" };
    public static readonly IReadOnlySet<string> InvestigationTypes = new HashSet<string>
        { "investigation-opened", "investigation-allocated", "supervisory-review", "investigation-closed" };
    public static readonly IReadOnlySet<string> CustodyTypes = new HashSet<string>
        { "custody-detained", "custody-review", "custody-appropriate-adult", "custody-charged", "custody-transfer-requested", "custody-transfer-outcome", "custody-released" };
    /// <summary>The events of a referral's life after it is sent, each naming it in <c>referralEventId</c>.</summary>
    public static readonly IReadOnlySet<string> ReferralTypes = new HashSet<string>
        { "referral-received", "referral-response", "referral-closed", "mash-screening", "assessment-completed" };
    public static readonly IReadOnlySet<string> PoliceProtectionTypes = new HashSet<string>
        { "police-protection", "police-protection-la-informed", "police-protection-ended" };
    /// <summary>The events that open a <c>meeting</c> case: a strategy discussion, a meeting, a daily management meeting's
    /// decision. Each may have owned actions that a <c>meeting-action-done</c> marks done.</summary>
    public static readonly IReadOnlySet<string> MeetingTypes = new HashSet<string> { "strategy-discussion", "meeting", "dmm-decision" };
    public static readonly IReadOnlySet<string> ForensicTypes = new HashSet<string> { "forensic-request", "forensic-completed" };
    public static readonly IReadOnlySet<string> ChargingTypes = new HashSet<string> { "charging-file-submitted", "charging-decision" };
    public static readonly IReadOnlySet<string> OffenderTypes = new HashSet<string> 
    {
        "offender-registered", "offender-visit", "offender-contact-with-child", "offender-plan", "offender-notification", "offender-briefing",
        "offender-briefing-acknowledged", "offender-sighting", "offender-address-link",
    };

    /// <summary>Events that make up a victim's MARAC cases: MARAC referrals, DASH checklists, MARAC meetings.</summary>
    public static readonly IReadOnlySet<string> MaracTypes = new HashSet<string> { "referral", "dash", "meeting" };

    /// <summary>The references in an event's data, each field once.</summary>
    public static IReadOnlyList<(string Field, string Value)> References(ChronologyEvent e) =>
        ReferenceFields.Select(f => (Field: f, Value: e.Text(f)?.Trim())).Where(r => r.Value is { Length: > 0 })
            .Select(r => (r.Field, r.Value!))
            .Concat(Rules.Offenders.AddressKey.OfferedBy(e) is { } home ? [(Rules.Offenders.AddressKey.ReferenceField, home.Reference)] : [])
            .ToList();

    /// <summary>The streams an event belongs to (none for events that are not part of a case).</summary>
    public static IReadOnlyList<string> Of(ChronologyEvent e)
    {
        string? Ref(string field) => e.Text(field)?.Trim() is { Length: > 0 } v ? v : null;
        IReadOnlyList<string> One(string type, string? key) => key is null ? [] : [Key(type, key)];

        if (e.Type == "missing-reported") return [Key(CaseTypes.MissingEpisode, e.Id)];
        if (MissingTypes.Contains(e.Type)) return One(CaseTypes.MissingEpisode, Ref("missingEventId"));
        if (InvestigationTypes.Contains(e.Type)) return One(CaseTypes.Investigation, Ref("investigationId"));
        if (CustodyTypes.Contains(e.Type)) return One(CaseTypes.Custody, Ref("custodyId"));
        if (e.Type == "referral") return [Key(CaseTypes.Referral, e.Id), .. MaracStreams(e)];
        if (e.Type == "dash") return MaracStreams(e);
        if (ForensicTypes.Contains(e.Type)) return One(CaseTypes.ForensicRequest, Ref("requestId"));
        if (ChargingTypes.Contains(e.Type)) return One(CaseTypes.ChargingFile, Ref("fileId"));
        if (ReferralTypes.Contains(e.Type)) return One(CaseTypes.Referral, Ref("referralEventId"));
        if (e.Type is "strategy-discussion" or "dmm-decision") return [Key(CaseTypes.Meeting, e.Id)];
        if (e.Type is "meeting") return [Key(CaseTypes.Meeting, e.Id), .. MaracStreams(e)];
        if (e.Type == "meeting-action-done") return One(CaseTypes.Meeting, Ref("meetingEventId"));
        if (PoliceProtectionTypes.Contains(e.Type))
        {
            var children = e.PeopleInRole("child");
            return (children.Count > 0 ? children : e.People.Select(p => p.PersonId).Distinct().Order().ToList())
                .Select(c => Key(CaseTypes.PoliceProtection, c.ToString())).ToList();
        }
        if (OffenderTypes.Contains(e.Type)) return e.PeopleInRole("offender").Select(o => Key(CaseTypes.Offender, o.ToString())).ToList();
        return [];
    }

    /// <summary>The streams that may hold a person's cases keyed by person (police protection, offender, MARAC).</summary>
    public static IReadOnlyList<string> OfPerson(Guid personId) =>
        [Key(CaseTypes.PoliceProtection, personId.ToString()), Key(CaseTypes.Offender, personId.ToString()), Key(CaseTypes.Marac, personId.ToString())];

    /// <summary>The MARAC streams (one per victim) a MARAC referral, DASH or MARAC meeting belongs to: the people in
    /// role <c>victim</c>; for a referral or meeting naming no victim, everyone not a suspect or child.</summary>
    public static IReadOnlyList<string> MaracStreams(ChronologyEvent e)
    {
        if (e.Type is "referral" or "meeting" && e.Text("kind") != "marac") return [];
        var victims = e.PeopleInRole("victim");
        if (victims.Count == 0 && e.Type != "dash")
            victims = e.People.Where(p => p.Role is not ("suspect" or "child")).Select(p => p.PersonId).Distinct().Order().ToList();
        return victims.Select(v => Key(CaseTypes.Marac, v.ToString())).ToList();
    }

    public static string Key(string type, string key) => $"{type}:{key}";

    public static (string Type, string Key) Parse(string stream)
    {
        int colon = stream.IndexOf(':');
        return (stream[..colon], stream[(colon + 1)..]);
    }

    /// <summary>True when the stream is keyed by a person, so its events are found through the person.</summary>
    public static bool IsPersonStream(string stream, out Guid personId, out IReadOnlySet<string> types)
    {
        var (type, key) = Parse(stream);
        types = type switch { CaseTypes.PoliceProtection => PoliceProtectionTypes, CaseTypes.Marac => MaracTypes, _ => OffenderTypes };
        return (type is CaseTypes.PoliceProtection or CaseTypes.Offender or CaseTypes.Marac) & Guid.TryParse(key, out personId);
    }
}
