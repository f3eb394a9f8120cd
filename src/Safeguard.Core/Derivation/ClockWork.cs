using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Data;
using Safeguard.Core.Records;
using Safeguard.Core.Rules;
using Safeguard.Core.Work;

namespace Safeguard.Core.Derivation;

/// <summary>What the clock worker does on each tick (E7): fires every timer now due, oldest first, and works through
/// queued re-derivation jobs a batch at a time. A timer fires once: it is claimed by a conditional update before
/// anything is written, and the alert it raises has a unique key, so two hosts or a restart never raise it twice. A
/// timer missed while the host was down is due at the first tick after the start, and fires then, once.</summary>
public sealed class ClockWork(SafeguardDb db, RulesRunner rules, TimeProvider clock)
{
    /// <summary>The code of the alert raised when an open task passes its due time (API.md).</summary>
    public const string TaskOverdueCode = "task-overdue";

    /// <summary>Timers fired per tick at most; the rest wait for the next tick.</summary>
    public const int TimersPerTick = 200;

    /// <summary>People a job derives per tick.</summary>
    public const int PeoplePerTick = 100;

    /// <summary>Fires the due timers, then a batch of the oldest unfinished job. Answers how many timers fired.</summary>
    public async Task<int> TickAsync(CancellationToken ct = default)
    {
        int fired = await FireDueTimersAsync(ct);
        await RunJobBatchAsync(ct);
        return fired;
    }

    /// <summary>Fires every timer due by now that has not fired and is not cancelled.</summary>
    public async Task<int> FireDueTimersAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var due = await db.Timers.AsNoTracking().Where(t => t.FiredAt == null && t.CancelledAt == null && t.DueAt <= now)
            .OrderBy(t => t.DueAt).ThenBy(t => t.Id).Take(TimersPerTick).ToListAsync(ct);
        int fired = 0;
        foreach (var timer in due)
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await PersonLocks.TakeAsync(db, [timer.PersonId], ct);
            int claimed = await db.Timers.Where(t => t.Id == timer.Id && t.FiredAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.FiredAt, now), ct);
            if (claimed == 0) continue;
            if (timer.What == TimerKinds.TaskOverdue) await RaiseOverdueAsync(timer, now, ct);
            else if (timer.What == TimerKinds.WakeUp)
                await rules.RederiveAsync([timer.PersonId], $"a wake-up due on {Calendar.SafeguardCalendar.LondonDate(timer.DueAt):d MMMM yyyy}", timer.DueAt, ct);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            db.ChangeTracker.Clear();
            fired++;
        }
        return fired;
    }

    private async Task RaiseOverdueAsync(ClockTimer timer, DateTimeOffset now, CancellationToken ct)
    {
        var task = await db.Tasks.AsNoTracking().FirstOrDefaultAsync(t => t.Key == timer.About, ct);
        // Done or cancelled before the deadline, or moved later by a correction: nothing is overdue.
        if (task is null || task.Status != Work.TaskStatus.Open || task.DueAt > now) return;
        var key = $"{TaskOverdueCode}:{task.Key}";
        if (await db.Alerts.AnyAsync(a => a.Key == key, ct)) return;
        db.Alerts.Add(new Alert
        {
            Id = Guid.NewGuid(), PersonId = task.PersonId, Code = TaskOverdueCode, Audience = Audiences.SupervisorOf(task.AssignedTo),
            CreatedAt = now, EffectiveAt = task.DueAt, Rule = TaskOverdueCode, Key = key, EventIds = task.EventIds.ToList(),
            // Written with mentions, like every rule's explanation, so each reader sees the name only if they may see the person.
            Explanation = $"The {Vocabulary.Describe(task.Code).ToLowerInvariant()} task for {Mention.Person(task.PersonId)} was due on {Mention.Time(task.DueAt)} and has not been done.",
        });
    }

    /// <summary>Derives the next batch of people of the oldest unfinished job and moves its checkpoint on.</summary>
    public async Task<bool> RunJobBatchAsync(CancellationToken ct = default)
    {
        var job = await db.DerivationJobs.Where(j => j.FinishedAt == null).OrderBy(j => j.CreatedAt).ThenBy(j => j.Id).FirstOrDefaultAsync(ct);
        if (job is null) return false;
        var batch = await PeopleAsync(job, ct);
        if (batch.Count > 0)
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await PersonLocks.TakeAsync(db, batch, ct);
            await rules.RederiveAsync(batch, job.Cause, ct: ct);
            job.AfterPersonId = batch[^1];
            job.PeopleDone += batch.Count;
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        if (batch.Count < PeoplePerTick)
        {
            job.FinishedAt = clock.GetUtcNow();
            await db.SaveChangesAsync(ct);
        }
        db.ChangeTracker.Clear();
        return true;
    }

    // People in id order after the checkpoint: those named, or everyone in an event of the job's types.
    private async Task<List<Guid>> PeopleAsync(DerivationJob job, CancellationToken ct)
    {
        IEnumerable<Guid> named = job.People.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Guid.Parse).Order();
        if (job.People.Length > 0)
            return named.Where(id => job.AfterPersonId is not { } after || id.CompareTo(after) > 0).Take(PeoplePerTick).ToList();
        var types = job.EventTypes.Split(',', StringSplitOptions.RemoveEmptyEntries);
        var q = db.EventParticipants.AsNoTracking().AsQueryable();
        if (types.Length > 0) q = q.Where(p => db.Events.Any(e => e.Id == p.EventId && types.Contains(e.Type)));
        var ids = await q.Select(p => p.PersonId).Distinct().ToListAsync(ct);
        // Ordered here, not in SQL: providers order uuids differently, and the checkpoint must agree with this order.
        return ids.Order().Where(id => job.AfterPersonId is not { } after || id.CompareTo(after) > 0).Take(PeoplePerTick).ToList();
    }
}
