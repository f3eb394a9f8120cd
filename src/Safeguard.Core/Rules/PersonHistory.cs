using Safeguard.Core.Flags;
using Safeguard.Core.Records;
using Safeguard.Core.Work;

namespace Safeguard.Core.Rules;

/// <summary>A person's facts and chronology: everything the rules may read about one person.</summary>
/// <param name="Facts">Date of birth, flags, open tasks.</param>
/// <param name="Chronology">Every event involving the person, in any order (the context sorts it).</param>
public sealed record PersonHistory(PersonFacts Facts, IReadOnlyList<ChronologyEvent> Chronology)
{
    /// <summary>A person known only by id, with no recorded events.</summary>
    public static PersonHistory Unknown(Guid personId) => new(PersonFacts.Unknown(personId), []);

    /// <summary>The history from stored rows: the person, their flags, their tasks and every event they are in
    /// (load events with their <see cref="Event.People"/>). Rows about other people are ignored.</summary>
    public static PersonHistory From(Person person, IEnumerable<Flag> flags, IEnumerable<WorkTask> tasks, IEnumerable<Event> events) => new(
        PersonFacts.From(person, flags, tasks),
        events.Where(e => e.People.Any(p => p.PersonId == person.Id)).Select(ChronologyEvent.From).ToList());
}
