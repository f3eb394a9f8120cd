namespace Safeguard.Core.AccessLog;

/// <summary>One append-only line of the access log (P2, DPA 2018 s62): who, when, what, which person, why.
/// Rows are never updated or deleted; the database refuses it with triggers as well (<see cref="AuditGuards"/>), and
/// each row's <see cref="Hash"/> covers the previous row's hash and its own contents (<see cref="AuditChain"/>), so a
/// row changed, removed or slipped in behind the database's back is found by <c>safeguard audit verify</c>.</summary>
public sealed class AuditEntry
{
    /// <summary>1, 2, 3... with no gaps: given by <see cref="AuditChain"/> when the row is saved, never by the database.</summary>
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    public string ActorId { get; set; } = "";
    public string ActorName { get; set; } = "";
    public string ActorRole { get; set; } = "";
    /// <summary>view, search, list, create, change, export, print, share, sign-in, sign-in-failed, retention...</summary>
    public string Action { get; set; } = "";
    /// <summary>What was touched: person, event, flag, profile, search, user, setting...</summary>
    public string Entity { get; set; } = "";
    public string? EntityId { get; set; }
    public Guid? PersonId { get; set; }
    /// <summary>A short description without personal data (e.g. the search terms are not stored, only their count).</summary>
    public string? Detail { get; set; }
    public string? Reason { get; set; }
    /// <summary>The <see cref="Hash"/> of the row before this one (null for the first row of the chain).</summary>
    public string? PrevHash { get; set; }
    /// <summary>SHA-256 (hex) of <see cref="PrevHash"/> and this row's contents.</summary>
    public string? Hash { get; set; }
}
