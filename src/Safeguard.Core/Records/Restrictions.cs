using Microsoft.EntityFrameworkCore;
using Safeguard.Core.AccessLog;
using Safeguard.Core.Data;
using Safeguard.Core.Organisation;
using Safeguard.Core.Problems;

namespace Safeguard.Core.Records;

/// <summary>The restriction on a person as it stands: who, besides administrators, may see them.</summary>
public sealed record RestrictionView(Guid PersonId, bool Restricted, IReadOnlyList<string> Allowed);

/// <summary>Restricts a person to named users and API clients (P1): a colleague under investigation, a
/// protected witness, a person whose record is itself sensitive. Anyone not named (administrators apart)
/// is answered as if the person did not exist. Only administrators restrict and lift, with a reason; both
/// are audited, and the list of names is replaced whole each time.</summary>
public sealed class Restrictions(SafeguardDb db, AuditLog audit, PersonAccess access)
{
    public const int MaxAllowed = 100;

    /// <summary>Restricts the person to <paramref name="allowed"/>: each a user or client as the access log names
    /// them (<c>user:USERNAME</c>, <c>client:NAME</c>), or a user's or client's id.</summary>
    public async Task<RestrictionView> RestrictAsync(Actor actor, Guid personId, IReadOnlyList<string>? allowed, string? reason,
        CancellationToken ct = default)
    {
        RequireAdministrator(actor);
        var person = await access.GetVisibleAsync(actor, personId, ct);
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(reason)) errors["reason"] = ["Say why the person is restricted; the access log keeps it."];
        var actorIds = new List<string>();
        if (allowed is null || allowed.Count == 0) errors["allowed"] = ["Name at least one user or client who may see the person."];
        else if (allowed.Count > MaxAllowed) errors["allowed"] = [$"Name at most {MaxAllowed} users or clients."];
        else
        {
            var unknown = new List<string>();
            foreach (var entry in allowed)
            {
                var id = await ResolveAsync(entry, ct);
                if (id is null) unknown.Add(entry);
                else if (!actorIds.Contains(id)) actorIds.Add(id);
            }
            if (unknown.Count > 0)
                errors["allowed"] = [$"No user or live API client is known as {string.Join(", ", unknown.Select(u => $"'{u}'"))}."];
        }
        if (errors.Count > 0) throw new ProblemException(Problems.Problems.Invalid(errors));

        var existing = await db.RestrictedAccess.Where(r => r.PersonId == personId).ToListAsync(ct);
        db.RestrictedAccess.RemoveRange(existing.Where(r => !actorIds.Contains(r.ActorId)));
        foreach (var id in actorIds.Where(id => existing.All(r => r.ActorId != id)))
            db.RestrictedAccess.Add(new RestrictedAccess { PersonId = personId, ActorId = id });
        var was = person.Restricted;
        person.Restricted = true;
        audit.Record(actor, AuditActions.Change, "restriction", personId.ToString(), personId,
            detail: $"{(was ? "changed the restriction" : "restricted the person")} to {string.Join(", ", actorIds)}", reason: reason!.Trim());
        await db.SaveChangesAsync(ct);
        return new RestrictionView(personId, true, actorIds);
    }

    /// <summary>Lifts the restriction: the person is visible again to every role that may read people.</summary>
    public async Task LiftAsync(Actor actor, Guid personId, string? reason, CancellationToken ct = default)
    {
        RequireAdministrator(actor);
        var person = await access.GetVisibleAsync(actor, personId, ct);
        if (!person.Restricted) return;
        person.Restricted = false;
        db.RestrictedAccess.RemoveRange(await db.RestrictedAccess.Where(r => r.PersonId == personId).ToListAsync(ct));
        audit.Record(actor, AuditActions.Change, "restriction", personId.ToString(), personId, detail: "lifted the restriction",
            reason: string.IsNullOrWhiteSpace(reason) ? null : reason.Trim());
        await db.SaveChangesAsync(ct);
    }

    public async Task<RestrictionView> GetAsync(Actor actor, Guid personId, CancellationToken ct = default)
    {
        RequireAdministrator(actor);
        var person = await access.GetVisibleAsync(actor, personId, ct);
        var allowed = await db.RestrictedAccess.Where(r => r.PersonId == personId).Select(r => r.ActorId).OrderBy(a => a).ToListAsync(ct);
        await audit.RecordNowAsync(actor, AuditActions.View, "restriction", personId.ToString(), personId,
            detail: person.Restricted ? $"restricted to {allowed.Count}" : "not restricted", ct: ct);
        return new RestrictionView(personId, person.Restricted, person.Restricted ? allowed : []);
    }

    private async Task<string?> ResolveAsync(string entry, CancellationToken ct)
    {
        entry = entry.Trim();
        if (Guid.TryParse(entry, out var id))
        {
            var username = await db.Users.Where(u => u.Id == id).Select(u => u.Username).FirstOrDefaultAsync(ct);
            if (username is not null) return "user:" + username;
            var client = await db.ApiClients.Where(c => c.Id == id && c.RevokedAt == null).Select(c => c.Name).FirstOrDefaultAsync(ct);
            return client is null ? null : "client:" + client;
        }
        if (entry.StartsWith("user:", StringComparison.Ordinal))
        {
            var username = entry[5..].ToLowerInvariant();
            return await db.Users.AnyAsync(u => u.Username == username, ct) ? "user:" + username : null;
        }
        if (entry.StartsWith("client:", StringComparison.Ordinal))
        {
            var name = entry[7..];
            return await db.ApiClients.AnyAsync(c => c.Name == name && c.RevokedAt == null, ct) ? entry : null;
        }
        return null;
    }

    private static void RequireAdministrator(Actor actor)
    {
        if (!actor.IsAdministrator) throw new ProblemException(Problems.Problems.Forbidden("Only administrators restrict people or lift a restriction."));
    }
}
