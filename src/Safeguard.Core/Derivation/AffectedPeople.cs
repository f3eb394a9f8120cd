using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Data;

namespace Safeguard.Core.Derivation;

/// <summary>Who must be derived again when something changes about some people: the people themselves, and every
/// child or victim in an event with anyone among them who is a suspect, associate or offender — because a child's
/// derivation reads that person's whole history (D4: a suspect linked to a further child warns every child already
/// linked). Bounded by <see cref="Limit"/> so one prolific offender cannot make a request derive a whole force;
/// the rest are queued as a <see cref="DerivationJob"/>.</summary>
public sealed class AffectedPeople(SafeguardDb db)
{
    /// <summary>Most people derived within one request; more go to the background worker.</summary>
    public const int Limit = 200;

    private static readonly string[] ConcerningRoles = ["suspect", "associate", "offender"];
    private static readonly string[] ChildRoles = ["child", "victim"];

    /// <summary>The people to derive now, and those left over for a job (empty when within the limit).</summary>
    public async Task<(IReadOnlyList<Guid> Now, IReadOnlyList<Guid> Later)> OfAsync(IReadOnlyCollection<Guid> people, CancellationToken ct = default)
    {
        var concerning = await db.EventParticipants.AsNoTracking()
            .Where(p => people.Contains(p.PersonId) && ConcerningRoles.Contains(p.Role)).Select(p => p.EventId).Distinct().ToListAsync(ct);
        var children = concerning.Count == 0 ? [] : await db.EventParticipants.AsNoTracking()
            .Where(p => concerning.Contains(p.EventId) && ChildRoles.Contains(p.Role)).Select(p => p.PersonId).Distinct().ToListAsync(ct);
        var all = people.Concat(children.Order()).Distinct().ToList();
        return (all.Take(Limit).ToList(), all.Skip(Limit).ToList());
    }
}
