using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Calendar;
using Safeguard.Core.Data;
using Safeguard.Core.Flags;
using Safeguard.Core.Records;
using Safeguard.Core.Rules;
using Safeguard.Core.Settings;

namespace Safeguard.Core.Derivation;

/// <summary>Loads what a whole-history derivation reads: each subject's facts and every event they are in, and the
/// histories of everyone who shares an event with them (a rule may consult a suspect's other children). Settings and
/// the calendar are read once per unit of work, so a changed setting applies from the next request on (E3).</summary>
public sealed class HistoryLoader(SafeguardDb db)
{
    private RuleSettings? _settings;
    private SafeguardCalendar? _calendar;

    public async Task<RuleSettings> SettingsAsync(CancellationToken ct = default) =>
        _settings ??= RuleSettings.From(await db.Settings.AsNoTracking().ToListAsync(ct));

    public async Task<SafeguardCalendar> CalendarAsync(CancellationToken ct = default)
    {
        if (_calendar is not null) return _calendar;
        var holidays = await db.BankHolidays.AsNoTracking().Select(h => h.Date).ToListAsync(ct);
        // DA4: schools and their local authorities' term dates, so Operation Encompass deadlines follow school days.
        var schools = await db.Schools.AsNoTracking().Select(s => new SchoolOnCalendar(s.Code, s.Name, s.LocalAuthority)).ToListAsync(ct);
        var terms = await db.SchoolTerms.AsNoTracking().Select(t => new TermDates(t.LocalAuthority, t.StartDate, t.EndDate)).ToListAsync(ct);
        return _calendar = new SafeguardCalendar(holidays.Count == 0 ? EnglandAndWalesBankHolidays.Defaults.Select(h => h.Date) : holidays,
            schools: new SchoolCalendars(schools, terms));
    }

    /// <summary>Histories of the subjects and of the people in their events, by person id. A record merged into
    /// another has no history of its own any more: its events are the survivor's.</summary>
    public async Task<Dictionary<Guid, PersonHistory>> HistoriesAsync(IReadOnlyCollection<Guid> subjects, CancellationToken ct = default)
    {
        // Through the participants' index first: a filter on events themselves would scan every event. Rows are read
        // as projections, untracked, one query per table; the people in the subjects' events are read once and serve
        // both to find the others and as those events' participants.
        var subjectEventIds = await db.EventParticipants.AsNoTracking().Where(p => subjects.Contains(p.PersonId))
            .Select(p => p.EventId).Distinct().ToListAsync(ct);
        var participants = await ParticipantsAsync(subjectEventIds, ct);
        var ids = subjects.Union(participants.Select(p => p.PersonId)).ToList();
        var others = ids.Except(subjects).ToList();
        if (others.Count > 0)
        {
            // The other people's own events, beyond those shared with the subjects.
            var known = subjectEventIds.ToHashSet(StringComparer.Ordinal);
            var theirs = (await db.EventParticipants.AsNoTracking().Where(p => others.Contains(p.PersonId)).Select(p => p.EventId).Distinct().ToListAsync(ct))
                .Where(id => !known.Contains(id)).ToList();
            if (theirs.Count > 0)
            {
                subjectEventIds = subjectEventIds.Concat(theirs).ToList();
                participants.AddRange(await ParticipantsAsync(theirs, ct));
            }
        }
        var eventIds = subjectEventIds;
        var rows = await db.Events.AsNoTracking().Where(e => eventIds.Contains(e.Id))
            .Select(e => new { e.Id, e.Type, e.OccurredAt, e.RecordedAt, e.Data }).ToListAsync(ct);
        var byEvent = participants.OrderBy(p => p.Id).ToLookup(p => p.EventId, StringComparer.Ordinal);
        var events = rows.Select(e => ChronologyEvent.From(new Event
        {
            Id = e.Id, Type = e.Type, OccurredAt = e.OccurredAt, RecordedAt = e.RecordedAt, Data = e.Data, People = byEvent[e.Id].ToList(),
        })).ToList();
        var byPerson = events.SelectMany(e => e.People.Select(p => p.PersonId).Distinct().Select(p => (Person: p, Event: e)))
            .ToLookup(x => x.Person, x => x.Event);
        var people = await db.People.AsNoTracking().Where(p => ids.Contains(p.Id)).ToListAsync(ct);
        var flags = (await db.Flags.AsNoTracking().Where(f => ids.Contains(f.PersonId)).ToListAsync(ct)).ToLookup(f => f.PersonId);
        return people.ToDictionary(p => p.Id, p => new PersonHistory(Facts(p, flags[p.Id]),
            p.MergedIntoId is null ? byPerson[p.Id].ToList() : []));
    }

    private async Task<List<EventParticipant>> ParticipantsAsync(IReadOnlyCollection<string> eventIds, CancellationToken ct) =>
        eventIds.Count == 0 ? [] : await db.EventParticipants.AsNoTracking().Where(p => eventIds.Contains(p.EventId)).ToListAsync(ct);

    // The rules' own suggestions are derived again, not read back: only the flags people hold are facts.
    private static PersonFacts Facts(Person person, IEnumerable<Flag> flags) => new(person.Id, person.DateOfBirth,
        flags.Where(f => f.PersonId == person.Id && !IsRuleSuggestion(f))
            .Select(f => new FlagFact(f.Code, f.Status, f.Since)).ToList(),
        []);

    private static bool IsRuleSuggestion(Flag f) =>
        f.RaisedBy.StartsWith("rule:", StringComparison.Ordinal) && f.Status is FlagStatus.Suggested or FlagStatus.Withdrawn;
}
