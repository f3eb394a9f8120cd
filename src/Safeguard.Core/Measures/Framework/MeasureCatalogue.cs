using Safeguard.Core.Cases;
using Safeguard.Core.Rules;

namespace Safeguard.Core.Measures.Framework;

/// <summary>Every measure (M1, B5, B2) and the families that draw their facts: the one list the projector, the
/// measure service, the pages, the API and <c>docs/measures.md</c> follow.</summary>
public static class MeasureCatalogue
{
    /// <summary>The families, in the order the dashboard shows them. Add a family here.</summary>
    public static readonly IReadOnlyList<MeasureFamily> Families =
    [
        Measures.Families.MissingMeasures.Family,
        Measures.Families.ExploitationMeasures.Family,
        Measures.Families.RecordingMeasures.Family,
        Measures.Families.MeetingMeasures.Family,
        Measures.Families.SupervisionMeasures.Family,
        Measures.Families.JusticeMeasures.Family,
    ];

    public static readonly IReadOnlyList<MeasureDefinition> All = Families.SelectMany(f => f.Definitions).ToList();

    private static readonly Dictionary<string, MeasureDefinition> ById = All.ToDictionary(d => d.Id, StringComparer.Ordinal);

    public static MeasureDefinition? Find(string? id) => id is null ? null : ById.GetValueOrDefault(id);

    /// <summary>The measure-only streams an event belongs to (the case streams are <see cref="CaseStreams.Of"/>).</summary>
    public static IReadOnlyList<string> StreamsOf(ChronologyEvent e) =>
        Families.Where(f => f.Streams is not null).SelectMany(f => f.Streams!(e)).Distinct().ToList();

    /// <summary>The measure-only streams keyed by this person.</summary>
    public static IReadOnlyList<string> OfPerson(Guid personId) =>
        Families.Where(f => f.PersonStreams is not null).SelectMany(f => f.PersonStreams!.Keys)
            .Select(type => CaseStreams.Key(type, personId.ToString())).Distinct().ToList();

    /// <summary>True when the stream is a measure-only stream keyed by a person, with the event types it holds.</summary>
    public static bool IsPersonStream(string stream, out Guid personId, out IReadOnlySet<string> types)
    {
        var (type, key) = CaseStreams.Parse(stream);
        foreach (var family in Families)
            if (family.PersonStreams?.GetValueOrDefault(type) is { } held && Guid.TryParse(key, out personId))
            {
                types = held;
                return true;
            }
        personId = Guid.Empty;
        types = new HashSet<string>();
        return false;
    }

    /// <summary>The facts of one stream, from every family: the stream's own events only (those that belong to it).</summary>
    public static IReadOnlyList<FactDraft> Facts(string stream, IReadOnlyList<CaseState> cases, IEnumerable<CaseSource> sources,
        Settings.RuleSettings? settings = null, Calendar.SafeguardCalendar? calendar = null)
    {
        var measureStream = stream.StartsWith("measure-", StringComparison.Ordinal);
        var events = sources.Where(s => (measureStream ? StreamsOf(s.Event) : CaseStreams.Of(s.Event)).Contains(stream))
            .OrderBy(s => s.Event, ChronologyEvent.Order).ToList();
        if (events.Count == 0 && cases.Count == 0) return [];
        var input = new MeasureStreamInput(stream, cases, events, settings, calendar);
        return Families.SelectMany(f => f.Facts(input)).ToList();
    }
}
