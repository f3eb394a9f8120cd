using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Data;
using Safeguard.Core.Organisation;
using Safeguard.Core.Problems;

namespace Safeguard.Core.Records;

/// <summary>Decides which people an actor may see (P1). Anything not visible answers exactly like
/// something that does not exist, so a denied read reveals nothing.</summary>
public sealed class PersonAccess(SafeguardDb db)
{
    /// <summary>The people the actor may see: police roles see unrestricted people and restricted ones
    /// they are named on (administrators see every restricted person, to manage restrictions); partner practitioners see only what is shared with them (none until sharing, J1, is recorded).</summary>
    public IQueryable<Person> Visible(Actor actor)
    {
        if (!actor.CanReadPeople) return db.People.Where(p => false);
        // A record deleted by a retention review (P5) is gone for everyone, administrators included.
        var live = db.People.Where(p => p.DeletedAt == null);
        if (actor.IsAdministrator) return live;
        return live.Where(p => !p.Restricted || db.RestrictedAccess.Any(r => r.PersonId == p.Id && r.ActorId == actor.Id));
    }

    public async Task<Person> GetVisibleAsync(Actor actor, Guid id, CancellationToken ct = default) =>
        await Visible(actor).Include(p => p.SourceRefs).FirstOrDefaultAsync(p => p.Id == id, ct)
        ?? throw new ProblemException(Problems.Problems.NotFound("person"));
}
