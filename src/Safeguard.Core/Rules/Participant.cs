using Safeguard.Core.Records;

namespace Safeguard.Core.Rules;

/// <summary>A person's part in an event, as the rules see it.</summary>
/// <param name="PersonId">The person.</param>
/// <param name="Role">Their role in the event (child, suspect, ...; see <see cref="Vocabulary.Roles"/>).</param>
public sealed record Participant(Guid PersonId, string Role);
