using System.Security.Claims;
using Safeguard.Core.Organisation;

namespace Safeguard.Web.Hosting;

/// <summary>Turns the signed-in principal (cookie or bearer) into the <see cref="Actor"/> the services expect, and back.</summary>
public static class ActorClaims
{
    public const string Team = "safeguard:team";
    public const string OrganisationClaim = "safeguard:organisation";

    public static Actor ToActor(this ClaimsPrincipal user)
    {
        var id = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("Not signed in.");
        return new Actor(id, user.Identity?.Name ?? id, user.FindFirstValue(ClaimTypes.Role) ?? "", user.FindFirstValue(Team),
            user.FindFirstValue(OrganisationClaim));
    }

    public static ClaimsPrincipal ToPrincipal(this Actor actor, string scheme)
    {
        var claims = new List<Claim> { new(ClaimTypes.NameIdentifier, actor.Id), new(ClaimTypes.Name, actor.Name), new(ClaimTypes.Role, actor.Role) };
        if (actor.Team is not null) claims.Add(new(Team, actor.Team));
        if (actor.Organisation is not null) claims.Add(new(OrganisationClaim, actor.Organisation));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme, ClaimTypes.Name, ClaimTypes.Role));
    }
}
