using System.Globalization;
using System.Text.Json;

namespace Safeguard.Core.Profiles;

/// <summary>One field of an event, as a practitioner reads it: a label in words and its value in words.</summary>
public sealed record EventField(string Name, string Label, string Value)
{
    /// <summary>The field names another event: pages link to it.</summary>
    public bool IsEventReference => Name.EndsWith("EventId", StringComparison.Ordinal);
}

/// <summary>An event's data as a summary list in plain words (issue 8): labels instead of field names, UK times
/// instead of ISO instants, "Yes"/"No", words instead of slugs, and people's names instead of their ids. Pure:
/// the caller passes the names it may show; an id it may not show reads "someone you may not see".</summary>
public static class EventDetails
{
    private static readonly Dictionary<string, string> Labels = new()
    {
        ["riskGrade"] = "Risk grade", ["reportedBy"] = "Reported by", ["lookedAfter"] = "Looked after child",
        ["lastSeenAt"] = "Last seen", ["lastSeenLocation"] = "Last seen at", ["locatedAt"] = "Found", ["foundLocation"] = "Found at",
        ["foundWith"] = "Found with", ["missingEventId"] = "Missing report", ["referredToSocialCare"] = "Referred to social care",
        ["notReferredReason"] = "Why not referred", ["childViews"] = "Child's views", ["childViewsNotObtainedReason"] = "Why the child's views were not obtained",
        ["demeanourNotObservedReason"] = "Why demeanour was not observed", ["incidentEventId"] = "Incident", ["referralEventId"] = "Referral",
        ["offeredAt"] = "Offered", ["heldAt"] = "Held", ["byAgency"] = "By", ["section47"] = "Section 47 enquiries",
        ["policeAttended"] = "Police attended", ["policeAttendeeRank"] = "Rank of the officer who attended", ["planCategory"] = "Plan category",
        ["outcomeForChild"] = "Outcome for the child", ["childInformed"] = "Child told of the outcome", ["howInformed"] = "How the child was told",
        ["personId"] = "Person", ["seenAndSpokenTo"] = "Seen and spoken to", ["yesCount"] = "Questions answered yes",
        ["localAuthorityInformedAt"] = "Local authority told", ["notifiedAt"] = "Notified", ["mappaCategory"] = "MAPPA category",
        ["mappaLevel"] = "MAPPA level", ["offenderManager"] = "Offender manager", ["childStatus"] = "Child's status",
        ["photoReference"] = "Photograph reference", ["socialMedia"] = "Social media", ["reviewDate"] = "Review by",
        ["invitedAgencies"] = "Agencies invited", ["nextActions"] = "Next actions", ["offenceTypes"] = "Offence types",
        ["nonSpecialistReason"] = "Why not a specialist team", ["bailRefused"] = "Bail refused", ["placeOfSafety"] = "Place of safety",
        ["policeAttendee"] = "Officer who attended", ["attendedAgencies"] = "Agencies that attended", ["meetingEventId"] = "Meeting",
        ["number"] = "Action number", ["note"] = "Note",
        ["initiatingOfficer"] = "Initiating officer", ["designatedOfficer"] = "Designated officer", ["appropriateAdult"] = "Appropriate adult",
        ["requestId"] = "Request reference", ["fileId"] = "File reference", ["investigationId"] = "Investigation", ["examination"] = "What to look for",
        ["findings"] = "What was found", ["informedPerson"] = "Who took the call", ["accommodation"] = "Where the child is",
    };

    private static readonly Dictionary<string, string> Words = new()
    {
        ["cse"] = "child sexual exploitation", ["cce"] = "child criminal exploitation", ["icpc"] = "initial child protection conference",
        ["review-cp"] = "child protection review conference", ["marac"] = "MARAC", ["mappa"] = "MAPPA", ["mash"] = "MASH",
        ["cse-risk"] = "CSE risk meeting", ["childrens-home"] = "children's home", ["very-low"] = "very low",
    };

    public static IReadOnlyList<EventField> Of(JsonElement data, IReadOnlyDictionary<Guid, string> names)
    {
        if (data.ValueKind != JsonValueKind.Object) return [];
        return data.EnumerateObject()
            .Select(p => new EventField(p.Name, Label(p.Name), Value(p.Name, p.Value, names)))
            .Where(f => f.Value.Length > 0).ToList();
    }

    public static IReadOnlyList<EventField> Of(string data, IReadOnlyDictionary<Guid, string> names)
    {
        using var doc = JsonDocument.Parse(data);
        return Of(doc.RootElement, names);
    }

    /// <summary>"lastSeenLocation" → "Last seen at"; an unknown name is split at its capitals.</summary>
    public static string Label(string name)
    {
        if (Labels.TryGetValue(name, out var label)) return label;
        var words = string.Concat(name.Select((c, i) => i > 0 && char.IsUpper(c) ? " " + char.ToLowerInvariant(c) : c.ToString()));
        return words.Length == 0 ? name : char.ToUpperInvariant(words[0]) + words[1..];
    }

    /// <summary>A slug in words: "domestic-abuse" → "domestic abuse", "cse" → "child sexual exploitation".</summary>
    public static string Phrase(string slug) => Words.TryGetValue(slug, out var w) ? w : slug.Replace('-', ' ');

    private static string Value(string name, JsonElement v, IReadOnlyDictionary<Guid, string> names) => v.ValueKind switch
    {
        JsonValueKind.True => "Yes",
        JsonValueKind.False => "No",
        JsonValueKind.Number => v.GetRawText(),
        JsonValueKind.String => Text(name, v.GetString() ?? "", names),
        JsonValueKind.Array => string.Join(", ", v.EnumerateArray().Select(x => Value(name, x, names)).Where(x => x.Length > 0)),
        JsonValueKind.Object => string.Join("; ", Of(v, names).Select(f => $"{f.Label}: {f.Value}")),
        _ => "",
    };

    private static string Text(string name, string s, IReadOnlyDictionary<Guid, string> names)
    {
        if (Guid.TryParse(s, out var id)) return names.TryGetValue(id, out var who) ? who : "someone you may not see";
        // Free text stays as written; instants and dates read in UK time; short codes read as words.
        if (s.Length >= 16 && s[4] == '-' && DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) && s.Contains('T'))
            return ExplanationText.Time(at);
        if (s.Length == 10 && DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return date.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"));
        if (name.EndsWith("EventId", StringComparison.Ordinal)) return s;
        return !s.Contains(' ') && s.Contains('-') || Words.ContainsKey(s) ? Phrase(s) : s;
    }
}
