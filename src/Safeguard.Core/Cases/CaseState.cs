using Safeguard.Core.Rules;

namespace Safeguard.Core.Cases;

/// <summary>An event as the case projection reads it: the rules' view, and the unit that recorded it.</summary>
public sealed record CaseSource(ChronologyEvent Event, string Unit);

/// <summary>A case worked out from its events (pure); <see cref="CaseProjector"/> stores it as a <see cref="Case"/>.</summary>
public sealed record CaseState(string Type, string Id, string Stream, string Status, DateTimeOffset OpenedAt, DateTimeOffset? ClosedAt,
    string? Team, IReadOnlyList<CaseParticipant> People, IReadOnlyList<string> EventIds, IReadOnlyDictionary<string, object?> Fields,
    IReadOnlyList<CaseActionState> Actions);

/// <summary>A person in a case with their role.</summary>
public sealed record CaseParticipant(Guid PersonId, string Role);

/// <summary>A meeting's decision as an owned action.</summary>
public sealed record CaseActionState(int Number, string Text, string? Owner, DateOnly? DueDate, string Status);
