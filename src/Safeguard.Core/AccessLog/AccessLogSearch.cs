using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Data;
using Safeguard.Core.Organisation;
using Safeguard.Core.Problems;

namespace Safeguard.Core.AccessLog;

/// <summary>One line of the access log as a person reads it: the entry, the name of the person it is about (if any), and
/// a plain sentence of what was done ("Completed a task: return interview").
/// <see cref="RestrictedRecord"/>: the entry is about a restricted person the reader may not see (P1), so no name is given
/// and <see cref="PersonName"/> reads "A restricted record".</summary>
public sealed record AccessLogRow(AuditEntry Entry, string? PersonName, string Summary, bool RestrictedRecord = false);

/// <summary>One page of the access log and the true number of matching entries.</summary>
public sealed record AccessLogPage(IReadOnlyList<AccessLogRow> Rows, int Total, int Page, int PageSize)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>Searching the access log (P2, DP1), for administrators and auditors, from the API and the page alike:
/// by the person's name or id, the user, the action and a date range, a page at a time. The search is itself written
/// to the log. A restricted person (P1) is named, and found by name, only for readers <see cref="Records.PersonAccess"/>
/// lets see them (administrators, and those named on the restriction); for others the row reads "A restricted record".</summary>
public sealed class AccessLogSearch(SafeguardDb db, AuditLog audit, Records.PersonAccess access)
{
    /// <summary>What a row about a restricted person the reader may not see shows instead of the name.</summary>
    public const string RestrictedRecordName = "A restricted record";

    /// <summary><paramref name="PersonName"/> matches any part of the name of the person an entry is about (any
    /// letter case); <paramref name="Actor"/> any part of the user's name or id.</summary>
    public sealed record Filter(Guid? PersonId, string? Actor, string? Action, DateTimeOffset? From, DateTimeOffset? To, string? PersonName = null);

    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 1000;

    /// <summary>Matching entries, newest first, at most <paramref name="limit"/> (1 to 1000).</summary>
    public async Task<IReadOnlyList<AuditEntry>> SearchAsync(Actor actor, Filter f, int limit, CancellationToken ct = default) =>
        (await SearchPageAsync(actor, f, 1, Math.Clamp(limit, 1, MaxPageSize), ct)).Rows.Select(r => r.Entry).ToList();

    /// <summary>One page of matching entries, newest first, each with the person's name and what was done in words.</summary>
    public async Task<AccessLogPage> SearchPageAsync(Actor actor, Filter f, int page, int pageSize, CancellationToken ct = default)
    {
        EnsureMayRead(actor);
        if (page < 1) throw new ProblemException(Problems.Problems.Invalid("page", "must be 1 or more"));
        if (pageSize is < 1 or > MaxPageSize) throw new ProblemException(Problems.Problems.Invalid("pageSize", $"must be from 1 to {MaxPageSize}"));
        if (f.From is { } a && f.To is { } b && b < a)
            throw new ProblemException(Problems.Problems.Invalid("to", "The end of the date range must be the same as or after the start."));
        var q = db.Audit.AsNoTracking();
        if (f.PersonId is { } p) q = q.Where(x => x.PersonId == p);
        if (!string.IsNullOrWhiteSpace(f.PersonName))
        {
            var name = f.PersonName.Trim().ToLower();
            // A restricted person the reader may not see is never matched by name: the rows would reveal who they are.
            var visible = access.Visible(actor);
            var ids = db.People.Where(x => (x.Forename + " " + x.Surname).ToLower().Contains(name)
                && (!x.Restricted || visible.Any(v => v.Id == x.Id))).Select(x => (Guid?)x.Id);
            q = q.Where(x => ids.Contains(x.PersonId));
        }
        if (!string.IsNullOrWhiteSpace(f.Actor))
        {
            var who = f.Actor.Trim().ToLower();
            q = q.Where(x => x.ActorId.ToLower().Contains(who) || x.ActorName.ToLower().Contains(who));
        }
        if (!string.IsNullOrWhiteSpace(f.Action)) q = q.Where(x => x.Action == f.Action);
        if (f.From is { } from) q = q.Where(x => x.At >= from);
        if (f.To is { } to) q = q.Where(x => x.At <= to);
        var total = await q.CountAsync(ct);
        var rows = await q.OrderByDescending(x => x.Id).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        var personIds = rows.Select(r => r.PersonId).OfType<Guid>().Distinct().ToList();
        var names = await db.People.AsNoTracking().Where(x => personIds.Contains(x.Id)).ToDictionaryAsync(x => x.Id, x => x.FullName, ct);
        var seen = access.Visible(actor);
        var hidden = (await db.People.AsNoTracking().Where(x => personIds.Contains(x.Id) && x.Restricted && !seen.Any(v => v.Id == x.Id))
            .Select(x => x.Id).ToListAsync(ct)).ToHashSet();
        await audit.RecordNowAsync(actor, AuditActions.Search, "audit", personId: f.PersonId, detail: $"{rows.Count} of {total} rows", ct: ct);
        return new AccessLogPage(rows.Select(r => r.PersonId is { } id && hidden.Contains(id)
                ? new AccessLogRow(r, RestrictedRecordName, Describe(r), RestrictedRecord: true)
                : new AccessLogRow(r, r.PersonId is { } pid ? names.GetValueOrDefault(pid) : null, Describe(r))).ToList(),
            total, page, pageSize);
    }

    /// <summary>Administrators and auditors read the access log; nobody else.</summary>
    public static bool MayRead(Actor actor) => actor.IsAdministrator || actor.Role == Roles.Auditor;

    private static void EnsureMayRead(Actor actor)
    {
        if (!MayRead(actor)) throw new ProblemException(Problems.Problems.Forbidden("Only administrators and auditors may search the access log."));
    }

    /// <summary>"Who viewed this child": the latest entries about one person (every action: views, lists, searches,
    /// exports, changes), newest first, with the true total, for the profile of an administrator or auditor. Not logged
    /// again: it is shown on the profile, whose view is logged.</summary>
    public async Task<AccessLogPage> AboutPersonAsync(Actor actor, Guid personId, int limit, CancellationToken ct = default)
    {
        EnsureMayRead(actor);
        var q = db.Audit.AsNoTracking().Where(a => a.PersonId == personId);
        var total = await q.CountAsync(ct);
        var rows = await q.OrderByDescending(a => a.Id).Take(Math.Clamp(limit, 1, MaxPageSize)).ToListAsync(ct);
        return new AccessLogPage(rows.Select(r => new AccessLogRow(r, null, Describe(r))).ToList(), total, 1, limit);
    }

    /// <summary>What an entry records, as a sentence: the action and the thing acted on in words, then the detail.</summary>
    public static string Describe(AuditEntry e)
    {
        var verb = e.Action switch
        {
            AuditActions.View => "Viewed",
            AuditActions.Search => "Searched",
            AuditActions.List => "Listed",
            AuditActions.Create => "Created",
            AuditActions.Change => "Changed",
            AuditActions.Export => "Exported",
            AuditActions.Print => "Printed",
            AuditActions.Retention => "Decided the retention",
            "verify" => "Checked",
            AuditActions.Restore => "Restored",
            "share" => "Shared",
            "sign-in" => "Signed in",
            "sign-in-failed" => "Failed to sign in",
            "setting" => "Changed a setting",
            _ => Words(e.Action),
        };
        var what = e.Entity switch
        {
            "person" => "the person's record",
            "profile" => "the profile",
            "event" => "a record of an event",
            "flag" => "a flag",
            "task" => "a task",
            "tasks" => "the task worklist",
            "alert" => "an alert",
            "alerts" => "the alert worklist",
            "audit" => "the access log",
            "linked-people" => "a profile naming them",
            "merge-history" => "the merge history",
            "missing-now" => "children missing now",
            "custody-now" => "children in custody now",
            "children-to-notice" => "children to notice",
            "match-reviews" => "match reviews",
            "offender-caseload" => "an offender caseload",
            "offender-linked" => "an offender's record naming them",
            "retention" => "of the record",
            "shares" => "the shares with partners",
            "restriction" => "who may see the record",
            "search" or "people" => "for people",
            "user" => "a user account",
            "database" => "the database from a backup",
            "" => "",
            _ => Words(e.Entity).ToLowerInvariant(),
        };
        var sentence = e.Action is "sign-in" or "sign-in-failed" || verb.EndsWith("setting", StringComparison.Ordinal) || what.Length == 0
            ? verb : $"{verb} {what}";
        return string.IsNullOrWhiteSpace(e.Detail) ? sentence : $"{sentence}: {Plain(e.Detail)}";
    }

    /// <summary>The detail with any task, alert or event code in it put in words ("return-interview completed" reads
    /// "return interview completed"); other words, dates and numbers as written.</summary>
    private static string Plain(string detail) => string.Join(' ', detail.Split(' ').Select(w =>
        Rules.OutputCodes.Tasks.All.Contains(w) || Rules.OutputCodes.Alerts.All.Contains(w) || Records.Vocabulary.EventTypes.Contains(w)
            ? Records.Vocabulary.Describe(w).ToLowerInvariant() : w));

    private static string Words(string text) => text.Replace('-', ' ');
}
