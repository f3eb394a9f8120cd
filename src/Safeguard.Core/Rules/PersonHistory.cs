namespace Safeguard.Core.Rules;

/// <summary>A person's facts and chronology: everything the rules may read about one person.</summary>
/// <param name="Facts">Date of birth, flags, open tasks.</param>
/// <param name="Chronology">Every event involving the person, in any order (the context sorts it).</param>
public sealed record PersonHistory(PersonFacts Facts, IReadOnlyList<ChronologyEvent> Chronology)
{
    /// <summary>A person known only by id, with no recorded events.</summary>
    public static PersonHistory Unknown(Guid personId) => new(PersonFacts.Unknown(personId), []);
}
