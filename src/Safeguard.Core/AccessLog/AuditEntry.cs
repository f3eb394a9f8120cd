namespace Safeguard.Core.AccessLog;

/// <summary>One append-only line of the access log (P2, DPA 2018 s62): who, when, what, which person, why.
/// Rows are never updated or deleted; the database refuses it with triggers as well.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    public string ActorId { get; set; } = "";
    public string ActorName { get; set; } = "";
    public string ActorRole { get; set; } = "";
    /// <summary>view, search, create, change, export, print, share, sign-in, sign-in-failed, setting.</summary>
    public string Action { get; set; } = "";
    /// <summary>What was touched: person, event, flag, profile, search, user, setting...</summary>
    public string Entity { get; set; } = "";
    public string? EntityId { get; set; }
    public Guid? PersonId { get; set; }
    /// <summary>A short description without personal data (e.g. the search terms are not stored, only their count).</summary>
    public string? Detail { get; set; }
    public string? Reason { get; set; }
}
