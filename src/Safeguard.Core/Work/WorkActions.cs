using Microsoft.EntityFrameworkCore;
using Safeguard.Core.AccessLog;
using Safeguard.Core.Data;
using Safeguard.Core.Organisation;
using Safeguard.Core.Problems;
using Safeguard.Core.Records;
using Safeguard.Core.Rules;

namespace Safeguard.Core.Work;

/// <summary>Acting on the worklist (issue 8 point 3): a task completed by hand with what was done, assigned to a team or
/// a person in it and reassigned; an alert acknowledged with a note. Each decision takes the person's lock (as
/// re-derivation does), may name the version it was made on (409 stale-version if someone else acted first), and is
/// written to the access log with the change. A task completed by hand stays done when the person's history is
/// re-derived (the reconciler never reopens a done task).</summary>
public sealed class WorkActions(SafeguardDb db, PersonAccess access, AuditLog audit, TimeProvider clock)
{
    public const int NoteLimit = 2000;

    /// <summary>The teams a task may be assigned to.</summary>
    public static readonly IReadOnlyList<string> AssignableTeams =
        [Teams.MissingPersons, Teams.Response, Teams.ChildExploitation, Teams.Mash, Teams.Investigation, Teams.SocialCare, Teams.DesignatedOfficer];

    public async Task<WorkTask> CompleteAsync(Actor actor, Guid taskId, string? note, int? expectedVersion, CancellationToken ct = default)
    {
        var text = Note(note, "note", "Say what was done to complete the task.");
        return await OnTaskAsync(actor, taskId, expectedVersion, task =>
        {
            if (task.Status == TaskStatus.Done)
                throw new ProblemException(Problems.Problems.IllegalTransition($"This task was already completed on {Day(task.ClosedAt ?? task.CreatedAt)}."));
            if (task.Status == TaskStatus.Cancelled)
                throw new ProblemException(Problems.Problems.IllegalTransition("This task was withdrawn because the history no longer supports it; there is nothing to complete."));
            task.Status = TaskStatus.Done;
            task.ClosedAt = clock.GetUtcNow();
            task.CompletedBy = actor.Name;
            task.CompletionNote = text;
            var timer = $"{Derivation.TimerKinds.TaskOverdue}:{task.Key}";
            foreach (var t in db.Timers.Where(t => t.Key == timer && t.FiredAt == null && t.CancelledAt == null).ToList()) t.CancelledAt = task.ClosedAt;
            audit.Record(actor, AuditActions.Change, "task", task.Id.ToString(), task.PersonId, $"{task.Code} completed", text);
        }, ct);
    }

    /// <summary>Assigns an open task to a team, or to a user (who must be active; the task moves to their team).</summary>
    public async Task<WorkTask> AssignAsync(Actor actor, Guid taskId, string? team, string? username, string? reason, int? expectedVersion,
        CancellationToken ct = default)
    {
        team = string.IsNullOrWhiteSpace(team) ? null : team.Trim();
        username = string.IsNullOrWhiteSpace(username) ? null : username.Trim();
        if (team is null && username is null)
            throw new ProblemException(Problems.Problems.Invalid("assignTo", "Choose a team or a person to assign the task to."));
        if (team is not null && !AssignableTeams.Contains(team))
            throw new ProblemException(Problems.Problems.Invalid("team", $"Choose one of the teams: {string.Join(", ", AssignableTeams.Select(Teams.Describe))}."));
        if (reason is { Length: > NoteLimit }) throw new ProblemException(Problems.Problems.Invalid("reason", $"The reason must be {NoteLimit} characters or fewer."));
        User? user = null;
        if (username is not null)
        {
            user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Username == username && !u.Disabled, ct)
                ?? throw new ProblemException(Problems.Problems.Invalid("user", $"There is no active user '{username}'."));
            if (!Roles.Record.Contains(user.Role))
                throw new ProblemException(Problems.Problems.Invalid("user", $"{user.DisplayName} cannot act on tasks in their role ({Roles.Describe(user.Role)})."));
        }
        return await OnTaskAsync(actor, taskId, expectedVersion, task =>
        {
            if (task.Status is TaskStatus.Done or TaskStatus.Cancelled)
                throw new ProblemException(Problems.Problems.IllegalTransition("Only an open task can be assigned."));
            var toTeam = team ?? user!.TeamCode ?? task.AssignedTo;
            task.AssignedTo = toTeam;
            task.AssignedUser = user?.Username;
            var to = user is null ? Teams.Describe(toTeam) : $"{user.DisplayName} ({Teams.Describe(toTeam)})";
            audit.Record(actor, AuditActions.Change, "task", task.Id.ToString(), task.PersonId, $"{task.Code} assigned to {to}", reason?.Trim());
        }, ct);
    }

    public async Task<Alert> AcknowledgeAsync(Actor actor, Guid alertId, string? note, int? expectedVersion, CancellationToken ct = default)
    {
        if (!actor.CanRecord) throw new ProblemException(Problems.Problems.Forbidden("Your role may not acknowledge alerts."));
        var text = Note(note, "note", "Say what you did about the alert.");
        var personId = await db.Alerts.AsNoTracking().Where(a => a.Id == alertId).Select(a => (Guid?)a.PersonId).FirstOrDefaultAsync(ct)
            ?? throw new ProblemException(Problems.Problems.NotFound("alert"));
        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        await PersonLocks.TakeAsync(db, [personId], ct);
        await access.GetVisibleAsync(actor, personId, ct);
        var alert = await db.Alerts.FirstOrDefaultAsync(a => a.Id == alertId, ct) ?? throw new ProblemException(Problems.Problems.NotFound("alert"));
        if (expectedVersion is { } expected && expected != alert.Version)
            throw new ProblemException(Problems.Problems.StaleVersion("alert", alert.Version));
        if (alert.AcknowledgedAt is { } at)
            throw new ProblemException(Problems.Problems.IllegalTransition($"{alert.AcknowledgedBy} already acknowledged this alert on {Day(at)}."));
        alert.AcknowledgedAt = clock.GetUtcNow();
        alert.AcknowledgedBy = actor.Name;
        alert.AcknowledgeNote = text;
        alert.Version++;
        audit.Record(actor, AuditActions.Change, "alert", alert.Id.ToString(), alert.PersonId, $"{alert.Code} acknowledged", text);
        await SaveAsync("alert", alert.Version - 1, ct);
        if (tx is not null) await tx.CommitAsync(ct);
        return alert;
    }

    private async Task<WorkTask> OnTaskAsync(Actor actor, Guid taskId, int? expectedVersion, Action<WorkTask> change, CancellationToken ct)
    {
        if (!actor.CanRecord) throw new ProblemException(Problems.Problems.Forbidden("Your role may not act on tasks."));
        var personId = await db.Tasks.AsNoTracking().Where(t => t.Id == taskId).Select(t => (Guid?)t.PersonId).FirstOrDefaultAsync(ct)
            ?? throw new ProblemException(Problems.Problems.NotFound("task"));
        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        await PersonLocks.TakeAsync(db, [personId], ct);
        await access.GetVisibleAsync(actor, personId, ct); // 404 for a person the actor may not see, as for any record
        var task = await db.Tasks.FirstOrDefaultAsync(t => t.Id == taskId, ct) ?? throw new ProblemException(Problems.Problems.NotFound("task"));
        if (expectedVersion is { } expected && expected != task.Version)
            throw new ProblemException(Problems.Problems.StaleVersion("task", task.Version));
        change(task);
        task.Version++;
        await SaveAsync("task", task.Version - 1, ct);
        if (tx is not null) await tx.CommitAsync(ct);
        return task;
    }

    private async Task SaveAsync(string what, int version, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ProblemException(Problems.Problems.StaleVersion(what, version));
        }
    }

    private static string Day(DateTimeOffset at) => $"{Calendar.SafeguardCalendar.LondonDate(at):d MMMM yyyy}";

    private static string Note(string? note, string field, string missing)
    {
        if (string.IsNullOrWhiteSpace(note)) throw new ProblemException(Problems.Problems.Invalid(field, missing));
        if (note.Length > NoteLimit) throw new ProblemException(Problems.Problems.Invalid(field, $"The note must be {NoteLimit} characters or fewer."));
        return note.Trim();
    }
}
