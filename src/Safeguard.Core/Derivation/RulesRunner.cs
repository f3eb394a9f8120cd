using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Calendar;
using Safeguard.Core.Data;
using Safeguard.Core.Flags;
using Safeguard.Core.Profiles;
using Safeguard.Core.Records;
using Safeguard.Core.Rules;
using Safeguard.Core.Settings;

namespace Safeguard.Core.Derivation;

/// <summary>Re-derives people inside the caller's transaction (E1, E6): loads each affected person's whole history,
/// runs <see cref="RuleEngine.Derive"/>, and reconciles the stored outputs that person's derivation owns with what
/// it supports (<see cref="OutputReconciler"/>). Called after an event is recorded or corrected, after a merge or its
/// undoing, by the clock worker (wake-ups, setting changes) and by <c>safeguard rederive</c>. Running it twice
/// changes nothing the second time (E4).</summary>
public sealed class RulesRunner(SafeguardDb db, TimeProvider clock)
{
    private readonly HistoryLoader _loader = new(db);
    private readonly OutputReconciler _reconciler = new(db);
    private readonly AffectedPeople _affected = new(db);

    /// <summary>The engine used; tests may swap in one with other rules.</summary>
    public RuleEngine Engine { get; init; } = RuleEngine.Default;

    /// <summary>Re-derives everyone an event affects (its people, and the children linked to a suspect, associate or
    /// offender in it) and answers what was added, for the response to the request that recorded it.</summary>
    public async Task<EventOutputs> ApplyAsync(Event stored, CancellationToken ct = default)
    {
        var cause = $"{Vocabulary.Describe(stored.Type).ToLowerInvariant()} was recorded or corrected";
        return await RederiveWithNeighboursAsync(stored.People.Select(p => p.PersonId).Distinct().ToList(), cause, ct);
    }

    /// <summary>Re-derives the people and those their records affect; anyone beyond <see cref="AffectedPeople.Limit"/>
    /// is queued for the background worker.</summary>
    public async Task<EventOutputs> RederiveWithNeighboursAsync(IReadOnlyCollection<Guid> people, string cause, CancellationToken ct = default)
    {
        var (now, later) = await _affected.OfAsync(people, ct);
        if (later.Count > 0)
            db.DerivationJobs.Add(new DerivationJob
            {
                Id = Guid.NewGuid(), Cause = cause, CreatedAt = clock.GetUtcNow(), CreatedBy = "rules",
                People = string.Join(',', later),
            });
        return await RederiveAsync(now, cause, null, ct);
    }

    /// <summary>Re-derives exactly these people. <paramref name="asOf"/> is the run's time (a wake-up's due time);
    /// by default the clock's.</summary>
    public async Task<EventOutputs> RederiveAsync(IReadOnlyCollection<Guid> people, string cause, DateTimeOffset? asOf = null, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var histories = await _loader.HistoriesAsync(people, ct);
        var settings = await _loader.SettingsAsync(ct);
        var calendar = await _loader.CalendarAsync(ct);
        var flags = new List<Flag>();
        var tasks = new List<Work.WorkTask>();
        var alerts = new List<Work.Alert>();
        foreach (var id in people.Distinct().Order())
        {
            var history = histories.GetValueOrDefault(id) ?? PersonHistory.Unknown(id);
            var derived = Engine.Derive(history, histories, settings, calendar, asOf ?? now);
            var done = await _reconciler.ReconcileAsync(derived, cause, now, ct);
            flags.AddRange(done.Flags);
            tasks.AddRange(done.Tasks);
            alerts.AddRange(done.Alerts);
            // Saved per person, so the next person's reconciliation sees these rows in the database.
            await db.SaveChangesAsync(ct);
        }
        return new EventOutputs(
            flags.Distinct().Select(f => FlagViews.AsOf(f, DateTimeOffset.MaxValue)).OfType<FlagView>().ToList(),
            tasks.Distinct().Select(t => ProfileBuilder.TaskViewAt(t, now)).ToList(),
            alerts.Distinct().Select(AlertView.Of).ToList());
    }

    /// <summary>The settings snapshot of this unit of work.</summary>
    public Task<RuleSettings> SettingsAsync(CancellationToken ct = default) => _loader.SettingsAsync(ct);

    /// <summary>The calendar of this unit of work.</summary>
    public Task<SafeguardCalendar> CalendarAsync(CancellationToken ct = default) => _loader.CalendarAsync(ct);
}
