namespace Safeguard.Core.Cases;

/// <summary>A case as stored: the typed state of stateful work (a missing episode, an investigation, a custody
/// detention...), projected from its events in the same transaction that stores them and rebuildable from the
/// event log (<see cref="CaseProjector"/>). Nothing but the projector writes it.</summary>
public sealed class Case
{
    /// <summary>One of <see cref="CaseTypes.All"/>.</summary>
    public string Type { get; set; } = "";
    /// <summary>Unique within the type: an investigation or custody id, or the id of the event that opened the case.</summary>
    public string Id { get; set; } = "";
    /// <summary>The group of events the case is projected from (<see cref="CaseStreams"/>); re-projected as one.</summary>
    public string Stream { get; set; } = "";
    public string Status { get; set; } = "";
    public DateTimeOffset OpenedAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    public string? Team { get; set; }
    /// <summary>The case's events, in chronology order, as a JSON array of ids.</summary>
    public string EventIds { get; set; } = "[]";
    /// <summary>The type-specific fields, as a JSON object (<c>jsonb</c> on PostgreSQL).</summary>
    public string Fields { get; set; } = "{}";

    public List<CasePerson> People { get; set; } = [];
    public List<CaseAction> Actions { get; set; } = [];
}

/// <summary>A person in a case, with their role in its events; indexed by person for caseloads.</summary>
public sealed class CasePerson
{
    public long Id { get; set; }
    public string CaseType { get; set; } = "";
    public string CaseId { get; set; } = "";
    public Guid PersonId { get; set; }
    public string Role { get; set; } = "";
}

/// <summary>A decision of a meeting or strategy discussion as an owned action: who, by when, and whether done.</summary>
public sealed class CaseAction
{
    public long Id { get; set; }
    public string CaseType { get; set; } = "";
    public string CaseId { get; set; } = "";
    /// <summary>The decision's place in the meeting's list, from 1.</summary>
    public int Number { get; set; }
    public string Text { get; set; } = "";
    public string? Owner { get; set; }
    public DateOnly? DueDate { get; set; }
    /// <summary><c>open</c> or <c>done</c>; overdue is judged against the clock when read.</summary>
    public string Status { get; set; } = "open";
}

/// <summary>A reference held in an event's data (<c>missingEventId</c>, <c>referralEventId</c>, <c>incidentEventId</c>,
/// <c>investigationId</c>, <c>custodyId</c>...), kept in an indexed table so events can be found by it
/// without parsing every event's JSON.</summary>
public sealed class EventReference
{
    public long Id { get; set; }
    public string EventId { get; set; } = "";
    /// <summary>The data field, e.g. <c>missingEventId</c>.</summary>
    public string Field { get; set; } = "";
    public string Value { get; set; } = "";
}
