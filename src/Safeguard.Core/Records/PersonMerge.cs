namespace Safeguard.Core.Records;

/// <summary>One person record merged into another (D2). The rows that moved are listed exactly, so the
/// merge can be undone without guessing which rows were the merged person's (A3: nothing lost).</summary>
public sealed class PersonMerge
{
    public Guid Id { get; set; }
    /// <summary>The record that stays and now shows everything.</summary>
    public Guid SurvivorId { get; set; }
    /// <summary>The record merged away; it stays readable with <see cref="Person.MergedIntoId"/> set.</summary>
    public Guid MergedId { get; set; }
    public string By { get; set; } = "";
    public DateTimeOffset At { get; set; }
    public string Reason { get; set; } = "";
    /// <summary>The ids of the rows re-pointed from the merged record to the survivor, as JSON (<see cref="MovedRows"/>).</summary>
    public string MovedRows { get; set; } = "{}";
    public DateTimeOffset? UndoneAt { get; set; }
    public string? UndoneBy { get; set; }
    public string? UndoReason { get; set; }
    /// <summary>1 when made, 2 once undone; an undo may name the version it was decided on (<c>expectedVersion</c>).</summary>
    public int Version { get; set; } = 1;
}

/// <summary>Which rows a merge re-pointed. A relationship may name the merged person on either side,
/// so the two sides are kept apart to move each back to the right column.</summary>
public sealed record MovedRows(
    IReadOnlyList<long> Participations,
    IReadOnlyList<long> RelationshipsAsPerson,
    IReadOnlyList<long> RelationshipsAsOther,
    IReadOnlyList<Guid> Flags,
    IReadOnlyList<Guid> Tasks,
    IReadOnlyList<Guid> Alerts,
    IReadOnlyList<FlagJoin>? FlagJoins = null)
{
    public int Count => Participations.Count + RelationshipsAsPerson.Count + RelationshipsAsOther.Count + Flags.Count + Tasks.Count + Alerts.Count;
}

/// <summary>Both records held a live flag of one code: <paramref name="Joined"/> (status <paramref name="JoinedStatus"/>
/// before the merge) became <c>merged</c> and its reasons and history were copied onto <paramref name="Kept"/> as the
/// rows listed, so an undo can restore the joined flag and remove exactly those copies.</summary>
public sealed record FlagJoin(Guid Kept, Guid Joined, string JoinedStatus, IReadOnlyList<long> CopiedReasons, IReadOnlyList<long> CopiedHistory);
