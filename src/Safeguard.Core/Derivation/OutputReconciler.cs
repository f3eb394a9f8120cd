using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Data;
using Safeguard.Core.Flags;
using Safeguard.Core.Rules;
using Safeguard.Core.Work;

namespace Safeguard.Core.Derivation;

/// <summary>What one reconciliation changed: rows added or brought back (for the answer to a request), and how many
/// were withdrawn.</summary>
public sealed record Reconciled(IReadOnlyList<Flag> Flags, IReadOnlyList<WorkTask> Tasks, IReadOnlyList<Alert> Alerts, int Withdrawn);

/// <summary>Makes the stored outputs a derivation owns match what it supports, by key (E6): a new output is added,
/// one still supported is kept (its explanation, events and due time brought up to date), one no longer supported is
/// withdrawn with the reason and the time — a suggested flag <c>withdrawn</c>, an open task <c>cancelled</c>, an
/// alert <c>withdrawn</c> — never deleted. People's decisions stand: a confirmed, rejected or ended flag and a task
/// done are never changed, and evidence on a rejected or ended flag is not suggested again. An output withdrawn
/// earlier and supported again (an un-merge, a correction undone) comes back.</summary>
public sealed class OutputReconciler(SafeguardDb db)
{
    public async Task<Reconciled> ReconcileAsync(DerivedOutputs derived, string cause, DateTimeOffset now, CancellationToken ct = default)
    {
        var why = $"Withdrawn on {Calendar.SafeguardCalendar.LondonDate(now):d MMMM yyyy} after {cause}: the recorded events no longer support it.";
        var (tasks, cancelled) = await TasksAsync(derived, why, now, ct);
        var (alerts, withdrawnAlerts) = await AlertsAsync(derived, why, now, ct);
        var (flags, withdrawnFlags) = await FlagsAsync(derived, why, now, ct);
        await WakeUpsAsync(derived, now, ct);
        return new Reconciled(flags, tasks, alerts, cancelled + withdrawnAlerts + withdrawnFlags);
    }

    private async Task<(List<WorkTask>, int)> TasksAsync(DerivedOutputs derived, string why, DateTimeOffset now, CancellationToken ct)
    {
        var subject = derived.SubjectId;
        var wanted = derived.Outputs.OfType<TaskOutput>().ToList();
        var closures = derived.Outputs.OfType<TaskClosure>().ToDictionary(c => c.Key);
        var keys = wanted.Select(t => t.Key).ToList();
        var stored = await db.Tasks.Where(t => t.DerivedFor == subject || keys.Contains(t.Key)).ToListAsync(ct);
        var byKey = stored.ToDictionary(t => t.Key);
        var timers = await TimersAsync(keys.Concat(stored.Select(t => t.Key)), ct);
        var added = new List<WorkTask>();
        foreach (var t in wanted)
        {
            if (!byKey.TryGetValue(t.Key, out var row))
            {
                row = t.ToWorkTask(Guid.NewGuid(), now);
                row.EffectiveAt = t.EffectiveAt;
                row.DerivedFor = subject;
                db.Tasks.Add(row);
                added.Add(row);
            }
            else if (row.Status != Work.TaskStatus.Done)
            {
                if (row.Status == Work.TaskStatus.Cancelled) { row.Status = Work.TaskStatus.Open; row.CancelledAt = null; row.CancelReason = null; added.Add(row); }
                // A correction may move the facts: the due time follows them.
                row.DueAt = t.DueAt;
                row.Explanation = t.Explanation;
                if (!row.EventIds.SequenceEqual(t.EventIds)) row.EventIds = t.EventIds.ToList();
                row.EffectiveAt = t.EffectiveAt;
                row.ClosesWhen = t.ClosesWhen.ToJson();
            }
            if (closures.TryGetValue(t.Key, out var closure)) closure.Apply(row);
            Timer(timers, row, now);
        }
        int cancelled = 0;
        foreach (var row in stored.Where(r => r.DerivedFor == subject && r.Status == Work.TaskStatus.Open && !keys.Contains(r.Key)))
        {
            row.Status = Work.TaskStatus.Cancelled;
            row.CancelledAt = now;
            row.CancelReason = why;
            cancelled++;
            Timer(timers, row, now);
        }
        return (added, cancelled);
    }

    /// <summary>An open task's deadline is a durable timer; done or cancelled, the timer is cancelled if it has not fired.
    /// A task raised already past its due time (a history recorded late, an import) gets no timer: it is overdue on the
    /// worklist from the start, and escalating it would bury today's deadlines under old ones.</summary>
    private void Timer(Dictionary<string, ClockTimer> timers, WorkTask task, DateTimeOffset now)
    {
        var key = TaskTimerKey(task.Key);
        bool open = task.Status == Work.TaskStatus.Open;
        if (!timers.TryGetValue(key, out var timer))
        {
            if (!open || task.DueAt <= now) return;
            timer = new ClockTimer
            {
                Id = Guid.NewGuid(), Key = key, PersonId = task.PersonId, DueAt = task.DueAt, What = TimerKinds.TaskOverdue, About = task.Key, CreatedAt = now,
            };
            db.Timers.Add(timer);
            timers.Add(key, timer);
            return;
        }
        if (timer.FiredAt is not null) return;
        timer.PersonId = task.PersonId;
        timer.DueAt = task.DueAt;
        timer.CancelledAt = open ? null : timer.CancelledAt ?? now;
    }

    private static string TaskTimerKey(string taskKey) => $"{TimerKinds.TaskOverdue}:{taskKey}";

    // The deadline timers of these tasks, by key, in one query: those already tracked in this unit of work (added and
    // not yet saved, or loaded before) and those in the database.
    private async Task<Dictionary<string, ClockTimer>> TimersAsync(IEnumerable<string> taskKeys, CancellationToken ct)
    {
        var keys = taskKeys.Select(TaskTimerKey).ToHashSet(StringComparer.Ordinal);
        var timers = new Dictionary<string, ClockTimer>(StringComparer.Ordinal);
        if (keys.Count == 0) return timers;
        foreach (var t in db.Timers.Local.Where(t => keys.Contains(t.Key))) timers.TryAdd(t.Key, t);
        var wanted = keys.Where(k => !timers.ContainsKey(k)).ToList();
        if (wanted.Count > 0)
            foreach (var t in await db.Timers.Where(t => wanted.Contains(t.Key)).ToListAsync(ct)) timers.TryAdd(t.Key, t);
        return timers;
    }

    private async Task<(List<Alert>, int)> AlertsAsync(DerivedOutputs derived, string why, DateTimeOffset now, CancellationToken ct)
    {
        var subject = derived.SubjectId;
        var wanted = derived.Outputs.OfType<AlertOutput>().ToList();
        var keys = wanted.Select(a => a.Key).ToList();
        var stored = await db.Alerts.Where(a => a.DerivedFor == subject || keys.Contains(a.Key)).ToListAsync(ct);
        var byKey = stored.ToDictionary(a => a.Key);
        var added = new List<Alert>();
        foreach (var a in wanted)
        {
            if (!byKey.TryGetValue(a.Key, out var row))
            {
                row = a.ToAlert(Guid.NewGuid(), now);
                row.EffectiveAt = a.EffectiveAt;
                row.DerivedFor = subject;
                db.Alerts.Add(row);
                added.Add(row);
                continue;
            }
            if (row.WithdrawnAt is not null) { row.WithdrawnAt = null; row.WithdrawReason = null; added.Add(row); }
            row.Explanation = a.Explanation;
            if (!row.EventIds.SequenceEqual(a.EventIds)) row.EventIds = a.EventIds.ToList();
            row.EffectiveAt = a.EffectiveAt;
        }
        int withdrawn = 0;
        foreach (var row in stored.Where(r => r.DerivedFor == subject && r.WithdrawnAt is null && !keys.Contains(r.Key)))
        {
            row.WithdrawnAt = now;
            row.WithdrawReason = why;
            withdrawn++;
        }
        return (added, withdrawn);
    }

    private async Task WakeUpsAsync(DerivedOutputs derived, DateTimeOffset now, CancellationToken ct)
    {
        var subject = derived.SubjectId;
        var wanted = derived.Outputs.OfType<WakeUp>().ToDictionary(w => $"{TimerKinds.WakeUp}:{w.Key}");
        var stored = await db.Timers.Where(t => t.What == TimerKinds.WakeUp && (t.DerivedFor == subject || wanted.Keys.Contains(t.Key))).ToListAsync(ct);
        foreach (var (key, w) in wanted)
        {
            var row = stored.FirstOrDefault(t => t.Key == key);
            if (row is null)
                db.Timers.Add(new ClockTimer
                {
                    Id = Guid.NewGuid(), Key = key, PersonId = w.PersonId, DerivedFor = subject, DueAt = w.At, What = TimerKinds.WakeUp, About = w.Key, CreatedAt = now,
                });
            else if (row.FiredAt is null) { row.DueAt = w.At; row.CancelledAt = null; }
        }
        foreach (var row in stored.Where(t => t.DerivedFor == subject && t.FiredAt is null && t.CancelledAt is null && !wanted.ContainsKey(t.Key)))
            row.CancelledAt = now;
    }

    private async Task<(List<Flag>, int)> FlagsAsync(DerivedOutputs derived, string why, DateTimeOffset now, CancellationToken ct)
    {
        var subject = derived.SubjectId;
        var wanted = derived.Outputs.OfType<FlagSuggestion>().ToList();
        var people = wanted.Select(s => s.PersonId).Append(subject).Distinct().ToList();
        // The flags of these people and those holding a reason derived for the subject: two indexed reads, then the flags
        // by id. One query with the two joined by OR read every flag (the OR's subquery cannot use an index), which made
        // each derivation slower as the force's flags grew.
        var ids = await db.Flags.Where(f => people.Contains(f.PersonId)).Select(f => f.Id)
            .Union(db.FlagReasons.Where(r => r.DerivedFor == subject).Select(r => r.FlagId)).ToListAsync(ct);
        var flags = await db.Flags.Include(f => f.Reasons).Include(f => f.History).AsSplitQuery()
            .Where(f => ids.Contains(f.Id)).ToListAsync(ct);
        var changed = new List<Flag>();
        // Each reason by its key, the first flag holding it winning, as a scan in load order would find it.
        var byReason = new Dictionary<string, (Flag Flag, FlagReason Reason)>(StringComparer.Ordinal);
        foreach (var f in flags)
            foreach (var r in f.Reasons) byReason.TryAdd(r.Key, (f, r));
        foreach (var s in wanted)
        {
            Flag? holder = null;
            FlagReason? reason = null;
            if (byReason.TryGetValue(s.Key, out var held)) (holder, reason) = held;
            if (holder is { Status: FlagStatus.Suggested } && reason is not null)
            {
                if (reason.WithdrawnAt is not null) { reason.WithdrawnAt = null; reason.WithdrawReason = null; changed.Add(holder); }
                reason.Explanation = s.Explanation;
                if (!reason.EventIds.SequenceEqual(s.EventIds)) reason.EventIds = s.EventIds.ToList();
                reason.At = s.EffectiveAt;
                continue;
            }
            // Judged by a person (confirmed, rejected, ended): their decision stands and the evidence is not offered again.
            if (holder is not null && holder.Status != FlagStatus.Withdrawn) continue;

            var live = flags.FirstOrDefault(f => f.PersonId == s.PersonId && f.Code == s.Code && f.Status is FlagStatus.Suggested or FlagStatus.Confirmed);
            if (live is null && holder is not null)
            {
                holder.Status = FlagStatus.Suggested;
                holder.History.Add(new FlagHistoryEntry { FlagId = holder.Id, At = now, By = $"rule:{s.Rule}", Status = FlagStatus.Suggested, Reason = s.Explanation });
                reason!.WithdrawnAt = null;
                reason.WithdrawReason = null;
                changed.Add(holder);
                continue;
            }
            if (live is null)
            {
                live = s.ToSuggestedFlag(Guid.NewGuid(), s.EffectiveAt);
                db.Flags.Add(live);
                flags.Add(live);
                Own(live.Reasons[0], subject, now);
                foreach (var r in live.Reasons) byReason.TryAdd(r.Key, (live, r));
                changed.Add(live);
                continue;
            }
            var added = s.ToFlagReason(live.Id, s.EffectiveAt);
            Own(added, subject, now);
            live.Reasons.Add(added);
            byReason.TryAdd(added.Key, (live, added));
            changed.Add(live);
        }

        var keys = wanted.Select(s => s.Key).ToHashSet();
        int withdrawn = 0;
        foreach (var flag in flags.Where(f => f.Status == FlagStatus.Suggested))
        {
            var gone = flag.Reasons.Where(r => r.DerivedFor == subject && r.WithdrawnAt is null && r.Key != "" && !keys.Contains(r.Key)).ToList();
            if (gone.Count == 0) continue;
            foreach (var r in gone) { r.WithdrawnAt = now; r.WithdrawReason = why; }
            if (flag.Reasons.Any(r => r.WithdrawnAt is null)) continue;
            flag.Status = FlagStatus.Withdrawn;
            flag.History.Add(new FlagHistoryEntry { FlagId = flag.Id, At = now, By = "rules", Status = FlagStatus.Withdrawn, Reason = why });
            withdrawn++;
        }
        return (changed.Distinct().ToList(), withdrawn);
    }

    private static void Own(FlagReason reason, Guid subject, DateTimeOffset now)
    {
        reason.DerivedFor = subject;
        reason.RaisedAt = now;
    }
}
