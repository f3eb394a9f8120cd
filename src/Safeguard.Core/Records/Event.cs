namespace Safeguard.Core.Records;

/// <summary>Something that happened and was recorded: an incident, a notification, a missing episode,
/// a meeting... (A1). The id is the client's idempotency key and is what every other record cites.</summary>
public sealed class Event
{
    public string Id { get; set; } = "";
    public string Type { get; set; } = "";
    /// <summary>When it happened.</summary>
    public DateTimeOffset OccurredAt { get; set; }
    /// <summary>When the system learned of it; the gap to OccurredAt measures timeliness (A4).</summary>
    public DateTimeOffset RecordedAt { get; set; }
    public string RecordedBy { get; set; } = "";
    /// <summary>BCU or team code responsible (A4).</summary>
    public string Unit { get; set; } = "";
    public string? LocationName { get; set; }
    public string? LocationPostcode { get; set; }
    /// <summary>Type-specific data, as JSON (see API.md).</summary>
    public string Data { get; set; } = "{}";
    /// <summary>Hash of the submitted body: the same id with another body is a conflict (409).</summary>
    public string BodyHash { get; set; } = "";
    public int Version { get; set; } = 1;
    /// <summary>Where it came from when imported from an older system.</summary>
    public string? SourceSystem { get; set; }
    /// <summary>What the rules produced when the event was first stored, as JSON: a repeat of the
    /// same submission answers with exactly this.</summary>
    public string Outputs { get; set; } = "{}";

    public List<EventParticipant> People { get; set; } = [];
}

/// <summary>A person's part in an event, with their role (child, suspect, ...).</summary>
public sealed class EventParticipant
{
    public long Id { get; set; }
    public string EventId { get; set; } = "";
    public Guid PersonId { get; set; }
    public string Role { get; set; } = "";
}

/// <summary>A superseded version of an event (A3): its content as it was, and who replaced it, when and why.</summary>
public sealed class EventVersion
{
    public long Id { get; set; }
    public string EventId { get; set; } = "";
    public int Version { get; set; }
    public string Data { get; set; } = "{}";
    public DateTimeOffset OccurredAt { get; set; }
    /// <summary>The people and their roles in this version, as JSON <c>[{"personId","role"}]</c>.</summary>
    public string People { get; set; } = "[]";
    public DateTimeOffset ChangedAt { get; set; }
    public string ChangedBy { get; set; } = "";
    public string Reason { get; set; } = "";
}
