using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Calendar;
using Safeguard.Core.Data;
using Safeguard.Core.Flags;
using Safeguard.Core.Profiles;
using Safeguard.Core.Records;
using Safeguard.Core.Settings;
using Safeguard.Core.Work;

namespace Safeguard.Core.Rules;

/// <summary>Runs the rules for a newly stored event inside the caller's transaction (E1) and writes what
/// they produce: flag suggestions, tasks, alerts, and tasks closed by the event. Outputs are stored by
/// their key, so running the same event again adds nothing (E4). Times on outputs are event times, so
/// a profile "as of" an instant shows what the events up to then had produced.</summary>
public sealed class RulesRunner(SafeguardDb db, TimeProvider clock)
{
    public async Task<EventOutputs> ApplyAsync(Event stored, CancellationToken ct = default)
    {
        var ids = stored.People.Select(p => p.PersonId).Distinct().ToList();
        var histories = await HistoriesAsync(ids, ct);
        var settings = await SettingsAsync(ct);
        var calendar = await CalendarAsync(ct);
        var outputs = RuleEngine.Default.Evaluate(ChronologyEvent.From(stored), histories, settings, calendar, clock.GetUtcNow());
        return await StoreAsync(outputs, stored.OccurredAt, ct);
    }

    // Read once per unit of work (a request, an import batch, the demo): a changed setting applies
    // from the next request on, without a restart (E3).
    private RuleSettings? _settings;
    private SafeguardCalendar? _calendar;

    public async Task<RuleSettings> SettingsAsync(CancellationToken ct = default) =>
        _settings ??= RuleSettings.From(await db.Settings.AsNoTracking().ToListAsync(ct));

    public async Task<SafeguardCalendar> CalendarAsync(CancellationToken ct = default)
    {
        if (_calendar is not null) return _calendar;
        var holidays = await db.BankHolidays.AsNoTracking().Select(h => h.Date).ToListAsync(ct);
        return _calendar = holidays.Count == 0 ? SafeguardCalendar.Default : new SafeguardCalendar(holidays);
    }

    /// <summary>Every person's facts and whole chronology (never just the latest episode).</summary>
    public async Task<Dictionary<Guid, PersonHistory>> HistoriesAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct = default)
    {
        var people = await db.People.Where(p => ids.Contains(p.Id)).ToListAsync(ct);
        // History too: a suggestion that joins one of these tracked flags is answered with its view, which needs it.
        var flags = await db.Flags.Include(f => f.Reasons).Include(f => f.History).AsSplitQuery().Where(f => ids.Contains(f.PersonId)).ToListAsync(ct);
        var tasks = await db.Tasks.Where(t => ids.Contains(t.PersonId) && t.Status == Work.TaskStatus.Open).ToListAsync(ct);
        // Through the participants' index first: a filter on events themselves would scan every event.
        var eventIds = await db.EventParticipants.Where(p => ids.Contains(p.PersonId)).Select(p => p.EventId).Distinct().ToListAsync(ct);
        var events = await db.Events.Include(e => e.People).AsSplitQuery().Where(e => eventIds.Contains(e.Id)).ToListAsync(ct);
        return people.ToDictionary(p => p.Id, p => PersonHistory.From(p, flags.Where(f => f.PersonId == p.Id),
            tasks.Where(t => t.PersonId == p.Id), events));
    }

    private async Task<EventOutputs> StoreAsync(IReadOnlyList<RuleOutput> outputs, DateTimeOffset at, CancellationToken ct)
    {
        var flags = new List<Flag>();
        var tasks = new List<WorkTask>();
        var alerts = new List<Alert>();
        foreach (var output in outputs)
        {
            switch (output)
            {
                case FlagSuggestion s:
                    if (await SuggestAsync(s, at, ct) is { } flag) flags.Add(flag);
                    break;
                case TaskOutput t when !await db.Tasks.AnyAsync(x => x.Key == t.Key, ct) && tasks.All(x => x.Key != t.Key):
                    var task = t.ToWorkTask(Guid.NewGuid(), at);
                    db.Tasks.Add(task);
                    tasks.Add(task);
                    break;
                case AlertOutput a when !await db.Alerts.AnyAsync(x => x.Key == a.Key, ct) && alerts.All(x => x.Key != a.Key):
                    var alert = a.ToAlert(Guid.NewGuid(), at);
                    db.Alerts.Add(alert);
                    alerts.Add(alert);
                    break;
                case TaskClosure c:
                    var open = tasks.FirstOrDefault(x => x.Key == c.Key) ?? await db.Tasks.FirstOrDefaultAsync(x => x.Key == c.Key, ct);
                    if (open is not null) c.Apply(open);
                    break;
            }
        }
        await db.SaveChangesAsync(ct);
        var now = clock.GetUtcNow();
        return new EventOutputs(
            flags.Select(f => FlagViews.AsOf(f, DateTimeOffset.MaxValue)).OfType<FlagView>().ToList(),
            tasks.Select(t => Profiles.ProfileBuilder.TaskViewAt(t, now)).ToList(),
            alerts.Select(a => new AlertView(a.Id, a.PersonId, a.Code, a.CreatedAt, a.Audience, new ReasonView(a.Rule, a.Explanation, a.EventIds))).ToList());
    }

    /// <summary>A suggestion joins a live flag of the same code as a further reason, or becomes a new
    /// suggested flag (C4). A rejected flag stays rejected: new evidence makes a new suggestion.</summary>
    private async Task<Flag?> SuggestAsync(FlagSuggestion s, DateTimeOffset at, CancellationToken ct)
    {
        var live = db.Flags.Local.FirstOrDefault(f => f.PersonId == s.PersonId && f.Code == s.Code && f.Status is FlagStatus.Suggested or FlagStatus.Confirmed)
            ?? await db.Flags.Include(f => f.Reasons).Include(f => f.History)
                .FirstOrDefaultAsync(f => f.PersonId == s.PersonId && f.Code == s.Code && (f.Status == FlagStatus.Suggested || f.Status == FlagStatus.Confirmed), ct);
        if (live is null)
        {
            if (await db.FlagReasons.AnyAsync(r => r.Key == s.Key, ct)) return null; // this evidence was already judged (rejected or ended)
            var flag = s.ToSuggestedFlag(Guid.NewGuid(), at);
            db.Flags.Add(flag);
            return flag;
        }
        if (live.Reasons.Any(r => r.Key == s.Key)) return null;
        var reason = s.ToFlagReason(live.Id, at);
        live.Reasons.Add(reason);
        return live;
    }
}
