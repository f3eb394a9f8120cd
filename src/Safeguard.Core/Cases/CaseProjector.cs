using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Data;
using Safeguard.Core.Measures.Framework;
using Safeguard.Core.Records;
using Safeguard.Core.Rules;

namespace Safeguard.Core.Cases;

/// <summary>Keeps the cases and the event references in step with the event log, inside the caller's
/// transaction: <see cref="EventService"/> calls it after an event is stored or corrected, the merge service
/// after records are merged or unmerged. <see cref="RebuildAsync"/> throws the tables away and projects the
/// whole log again, which must give identical tables. The measure facts (<see cref="MeasureFact"/>) are projected with
/// the cases, stream by stream, including the measure-only streams of <see cref="MeasureCatalogue"/>.</summary>
public sealed class CaseProjector(SafeguardDb db)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The streams an event is in now: call before changing it, to re-project what it leaves.</summary>
    public static IReadOnlyList<string> StreamsOf(Event e) => AllStreams(ChronologyEvent.From(e));

    /// <summary>The case streams and the measure-only streams an event is in.</summary>
    private static IReadOnlyList<string> AllStreams(ChronologyEvent e) => [.. CaseStreams.Of(e), .. MeasureCatalogue.StreamsOf(e)];

    /// <summary>After an event is stored or corrected (saved, not yet committed): its references, and the cases
    /// of every stream it is in now or was in before (<paramref name="previousStreams"/>).</summary>
    public async Task ProjectAsync(Event e, IEnumerable<string> previousStreams, CancellationToken ct = default)
    {
        var chronologyEvent = ChronologyEvent.From(e);
        await db.EventReferences.Where(r => r.EventId == e.Id).ExecuteDeleteAsync(ct);
        db.EventReferences.AddRange(CaseStreams.References(chronologyEvent).Select(r => new EventReference { EventId = e.Id, Field = r.Field, Value = r.Value }));
        await db.SaveChangesAsync(ct);
        Detach<EventReference>();
        await ProjectStreamsAsync(AllStreams(chronologyEvent).Union(previousStreams).ToList(), ct);
    }

    /// <summary>After people's events changed hands (merge, unmerge): every stream their events are in.</summary>
    public async Task ProjectPeopleAsync(IReadOnlyCollection<Guid> personIds, CancellationToken ct = default)
    {
        var eventIds = await db.EventParticipants.Where(p => personIds.Contains(p.PersonId)).Select(p => p.EventId).Distinct().ToListAsync(ct);
        var events = await db.Events.AsNoTracking().Include(e => e.People).Where(e => eventIds.Contains(e.Id)).ToListAsync(ct);
        var streams = events.SelectMany(StreamsOf).Concat(personIds.SelectMany(CaseStreams.OfPerson)).Concat(personIds.SelectMany(MeasureCatalogue.OfPerson));
        var held = await db.CasePeople.Where(p => personIds.Contains(p.PersonId))
            .Join(db.Cases, p => new { Type = p.CaseType, Id = p.CaseId }, c => new { c.Type, c.Id }, (p, c) => c.Stream).ToListAsync(ct);
        var counted = await db.MeasureFacts.Where(f => f.PersonId != null && personIds.Contains(f.PersonId.Value)).Select(f => f.Stream).Distinct().ToListAsync(ct);
        await ProjectStreamsAsync(streams.Concat(held).Concat(counted).Distinct().ToList(), ct);
    }

    /// <summary>Replaces the cases of the given streams with those their events give now.</summary>
    public async Task ProjectStreamsAsync(IReadOnlyList<string> streams, CancellationToken ct = default)
    {
        if (streams.Count == 0) return;
        var sources = new List<CaseSource>();
        foreach (var stream in streams) sources.AddRange(await SourcesAsync(stream, ct));
        var distinct = sources.DistinctBy(s => s.Event.Id).ToList();
        await db.Cases.Where(c => streams.Contains(c.Stream)).ExecuteDeleteAsync(ct);
        await db.MeasureFacts.Where(f => streams.Contains(f.Stream)).ExecuteDeleteAsync(ct);
        var places = await TeamPlacesAsync(ct);
        // Only measure-only, offender and custody streams draw facts with settings or the calendar: spare the queries for others.
        var (settings, calendar) = streams.Any(NeedsSettings) ? await MeasureContextAsync(ct) : (null, null);
        foreach (var stream in streams)
        {
            var cases = CaseBuilder.Build(stream, distinct);
            Store(cases);
            StoreFacts(stream, MeasureCatalogue.Facts(stream, cases, distinct, settings, calendar), places);
        }
        await db.SaveChangesAsync(ct);
        Detach<Case>();
        Detach<CasePerson>();
        Detach<CaseAction>();
        Detach<MeasureFact>();
    }

    /// <summary>Throws away every case and event reference and projects the whole event log again.</summary>
    public async Task<(int Events, int Cases)> RebuildAsync(CancellationToken ct = default)
    {
        await db.Cases.ExecuteDeleteAsync(ct);
        await db.MeasureFacts.ExecuteDeleteAsync(ct);
        await db.EventReferences.ExecuteDeleteAsync(ct);
        var events = await db.Events.AsNoTracking().Include(e => e.People).AsSplitQuery().ToListAsync(ct);
        var cases = await ProjectWholeAsync(events, ct);
        await Measures.Families.FlagMeasureFacts.RebuildAsync(db, ct);
        db.ChangeTracker.Clear();
        return (events.Count, cases);
    }

    /// <summary>Projects events that nothing has been projected from yet and that make whole streams: no stream they are in
    /// holds any other event (a bulk load writes a district's people and all their events, then projects them with this).
    /// Adds their event references, cases and measure facts, and answers how many cases.</summary>
    public async Task<int> ProjectWholeAsync(IReadOnlyList<Event> events, CancellationToken ct = default)
    {
        var sources = events.Select(e => new CaseSource(ChronologyEvent.From(e), e.Unit)).ToList();
        foreach (var s in sources)
            db.EventReferences.AddRange(CaseStreams.References(s.Event).Select(r => new EventReference { EventId = s.Event.Id, Field = r.Field, Value = r.Value }));
        var byStream = sources.SelectMany(s => AllStreams(s.Event).Select(stream => (stream, s))).ToLookup(x => x.stream, x => x.s);
        var places = await TeamPlacesAsync(ct);
        var (settings, calendar) = await MeasureContextAsync(ct);
        var cases = new List<CaseState>();
        foreach (var g in byStream)
        {
            var built = CaseBuilder.Build(g.Key, g);
            cases.AddRange(built);
            StoreFacts(g.Key, MeasureCatalogue.Facts(g.Key, built, g, settings, calendar), places);
        }
        Store(cases);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        return cases.Count;
    }

    /// <summary>The events of a stream: through the person for person streams, otherwise by id and reference.</summary>
    private async Task<List<CaseSource>> SourcesAsync(string stream, CancellationToken ct)
    {
        // Through the indexes first (participants by person, references by value), then the events by id:
        // a filter on the events themselves would scan every event.
        List<string> ids;
        IReadOnlySet<string>? types = null;
        if (MeasureCatalogue.IsPersonStream(stream, out var personId, out var personTypes)
            || CaseStreams.IsPersonStream(stream, out personId, out personTypes))
        {
            types = personTypes;
            ids = await db.EventParticipants.Where(p => p.PersonId == personId).Select(p => p.EventId).Distinct().ToListAsync(ct);
        }
        else
        {
            var key = CaseStreams.Parse(stream).Key;
            ids = await db.EventReferences.Where(r => r.Value == key).Select(r => r.EventId).Distinct().ToListAsync(ct);
            ids.Add(key);
        }
        var query = db.Events.Where(e => ids.Contains(e.Id));
        if (types is not null) query = query.Where(e => types.Contains(e.Type));
        var events = await query.AsNoTracking().Include(e => e.People).AsSplitQuery().ToListAsync(ct);
        return events.Select(e => new CaseSource(ChronologyEvent.From(e), e.Unit)).ToList();
    }

    private void Store(IEnumerable<CaseState> cases)
    {
        foreach (var c in cases)
        {
            db.Cases.Add(new Case
            {
                Type = c.Type, Id = c.Id, Stream = c.Stream, Status = c.Status, OpenedAt = c.OpenedAt, ClosedAt = c.ClosedAt, Team = c.Team,
                EventIds = JsonSerializer.Serialize(c.EventIds, Json), Fields = JsonSerializer.Serialize(c.Fields, Json),
                People = c.People.Select(p => new CasePerson { CaseType = c.Type, CaseId = c.Id, PersonId = p.PersonId, Role = p.Role }).ToList(),
                Actions = c.Actions.Select(a => new CaseAction
                {
                    CaseType = c.Type, CaseId = c.Id, Number = a.Number, Text = a.Text, Owner = a.Owner, DueDate = a.DueDate, Status = a.Status,
                }).ToList(),
            });
        }
    }

    /// <summary>Each team's BCU and local authority, to place measure facts.</summary>
    private async Task<IReadOnlyDictionary<string, (string Bcu, string? LocalAuthority)>> TeamPlacesAsync(CancellationToken ct) =>
        await db.Teams.AsNoTracking().ToDictionaryAsync(t => t.Code, t => (t.BcuCode, t.LocalAuthority), StringComparer.Ordinal, ct);

    /// <summary>Whether a stream's facts are drawn with settings or the calendar: the measure-only streams, and the offender
    /// (visit intervals) and custody (night check) cases.</summary>
    private static bool NeedsSettings(string stream) =>
        stream.StartsWith("measure-", StringComparison.Ordinal) || CaseStreams.Parse(stream).Type is CaseTypes.Offender or CaseTypes.Custody;

    /// <summary>The settings and working-day calendar the few setting-dependent facts are drawn with (MeasureStreamInput).</summary>
    private async Task<(Settings.RuleSettings?, Calendar.SafeguardCalendar?)> MeasureContextAsync(CancellationToken ct)
    {
        var settings = Settings.RuleSettings.From(await db.Settings.AsNoTracking().ToListAsync(ct));
        var holidays = await db.BankHolidays.AsNoTracking().Select(h => h.Date).ToListAsync(ct);
        return (settings, holidays.Count == 0 ? Calendar.SafeguardCalendar.Default : new Calendar.SafeguardCalendar(holidays));
    }

    private void StoreFacts(string stream, IEnumerable<FactDraft> facts, IReadOnlyDictionary<string, (string Bcu, string? LocalAuthority)> places)
    {
        foreach (var f in facts)
        {
            var place = f.Team is null ? default : places.GetValueOrDefault(f.Team);
            db.MeasureFacts.Add(new MeasureFact
            {
                Measure = f.Measure, Stream = stream, CaseType = f.CaseType, CaseId = f.CaseId, PersonId = f.PersonId, Team = f.Team,
                Bcu = place.Bcu, LocalAuthority = f.LocalAuthority ?? place.LocalAuthority, At = f.At, Month = MonthKey.Of(f.At).Value,
                Met = f.Met, Value = f.Value,
            });
        }
    }

    private void Detach<T>() where T : class
    {
        foreach (var entry in db.ChangeTracker.Entries<T>().ToList()) entry.State = EntityState.Detached;
    }
}
