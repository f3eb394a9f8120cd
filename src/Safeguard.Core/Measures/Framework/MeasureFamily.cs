using Safeguard.Core.Calendar;
using Safeguard.Core.Cases;
using Safeguard.Core.Rules;
using Safeguard.Core.Settings;

namespace Safeguard.Core.Measures.Framework;

/// <summary>What a family of measures sees when a stream is projected: the stream, the cases just built from it (none
/// for a measure-only stream) and the stream's events; with the settings and calendar in force when it was projected, for
/// the few facts that cannot be drawn without them (MI5's window, CS2's threshold, B2's PPN window, working days, an
/// offender's visit interval by risk level, the custody night check).
/// A change to those settings or to the bank holidays reaches existing facts at the next <c>safeguard rebuild-cases</c>.</summary>
public sealed record MeasureStreamInput(string Stream, IReadOnlyList<CaseState> Cases, IReadOnlyList<CaseSource> Events,
    RuleSettings? StoredSettings = null, SafeguardCalendar? StoredCalendar = null)
{
    public RuleSettings Settings => StoredSettings ?? RuleSettings.Defaults;
    public SafeguardCalendar Calendar => StoredCalendar ?? SafeguardCalendar.Default;
}

/// <summary>A fact before the projector places it: the projector adds the stream, the month, and the BCU and local
/// authority of <paramref name="Team"/> (unless <paramref name="LocalAuthority"/> names one).</summary>
public sealed record FactDraft(string Measure, string CaseType, string CaseId, Guid? PersonId, string? Team, DateTimeOffset At,
    bool Met = false, double? Value = null, string? LocalAuthority = null);

/// <summary>A group of measures and how their facts are drawn from the projected streams (pure).</summary>
/// <param name="Name">The family's name, for documentation.</param>
/// <param name="Definitions">Its measures.</param>
/// <param name="Facts">The facts of one stream: called for every case stream and for the family's own streams.</param>
/// <param name="Streams">Measure-only streams an event belongs to, besides the case streams (e.g. one per event:
/// <c>measure-event:{id}</c>, or one per child: <c>measure-missing-child:{personId}</c>). Their names must start
/// with <c>measure-</c>; the projector re-projects them whenever one of their events changes.</param>
/// <param name="PersonStreams">Measure-only stream types keyed by a person's id, with the event types they hold: their
/// events are found through the person (like the offender cases).</param>
public sealed record MeasureFamily(string Name, IReadOnlyList<MeasureDefinition> Definitions, Func<MeasureStreamInput, IEnumerable<FactDraft>> Facts,
    Func<ChronologyEvent, IEnumerable<string>>? Streams = null, IReadOnlyDictionary<string, IReadOnlySet<string>>? PersonStreams = null);
