using System.Globalization;

namespace Safeguard.Core.Rules;

/// <summary>How explanations mention what depends on the reader (E2, API.md "Explanations"). A rule writes plain
/// words, and for people and times a placeholder: <c>{person:GUID}</c>, <c>{people:GUID,GUID}</c>, <c>{date:ISO}</c>,
/// <c>{time:ISO}</c>. The text is stored as written; <c>Profiles.ExplanationText</c> renders it for each reader:
/// a person they may see by name, anyone else as "another person", times as UK local time in one format.
/// So an explanation never names someone the reader may not see, and never shows an id.</summary>
public static class Mention
{
    /// <summary>A person, named for readers who may see them.</summary>
    public static string Person(Guid id) => $"{{person:{id:D}}}";

    /// <summary>Several people as one list ("Amy Cole, Ben Ash and another person"); hidden people are never counted.</summary>
    public static string People(IEnumerable<Guid> ids) => $"{{people:{string.Join(',', ids.Select(id => id.ToString("D")))}}}";

    /// <summary>The London calendar date of an instant: "4 March 2026".</summary>
    public static string Date(DateTimeOffset instant) => $"{{date:{Iso(instant)}}}";

    /// <summary>The London date and time of an instant: "4 March 2026 at 14:05".</summary>
    public static string Time(DateTimeOffset instant) => $"{{time:{Iso(instant)}}}";

    /// <summary>The dates of events, as one list: "1 January 2026, 3 February 2026 and 4 March 2026" once rendered.</summary>
    public static string Dates(IEnumerable<ChronologyEvent> events) => List(events.Select(e => Date(e.OccurredAt)));

    /// <summary>"a", "a and b", "a, b and c".</summary>
    public static string List(IEnumerable<string> items)
    {
        var all = items.ToList();
        return all.Count <= 1 ? string.Concat(all) : $"{string.Join(", ", all[..^1])} and {all[^1]}";
    }

    /// <summary>"1 time", "4 times".</summary>
    public static string Count(int n, string one, string many) => $"{n} {(n == 1 ? one : many)}";

    /// <summary>An event type in words, lower case mid-sentence: "return interview", "CSE screening".</summary>
    public static string EventType(string type) => type switch
    {
        "ppn" => "public protection notification",
        "cse-screening" => "CSE screening",
        "missing-reported" => "missing report",
        "missing-located" => "record of the child being found",
        "cawn-served" => "child abduction warning notice",
        "offender-contact-with-child" => "offender's contact with a child",
        "investigation-closed" => "closing of the investigation",
        "custody-released" => "release from custody",
        "offender-sighting" => "officer's sighting of an offender",
        "offender-address-link" => "address match",
        "mash-screening" => "MASH screening decision",
        "referral-received" => "receipt of the referral",
        "referral-closed" => "closing of the referral",
        "operation-encompass" => "Operation Encompass notification",
        _ => type.Replace('-', ' '),
    };

    /// <summary>CSE indicator codes in words (CS1): "older partner; unexplained gifts, money or phones".</summary>
    public static string Indicators(IEnumerable<string> codes) =>
        string.Join("; ", codes.Select(c => Exploitation.CseIndicators.All.GetValueOrDefault(c, c.Replace('-', ' '))));

    private static string Iso(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
