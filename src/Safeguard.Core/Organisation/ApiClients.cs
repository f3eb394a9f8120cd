using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.AccessLog;
using Safeguard.Core.Data;
using Safeguard.Core.Problems;

namespace Safeguard.Core.Organisation;

/// <summary>A client as administrators see it: never its token, which only its holder has.</summary>
public sealed record ApiClientView(Guid Id, string Name, string Role, string? Team, string? Organisation, DateTimeOffset CreatedAt,
    DateTimeOffset? RevokedAt)
{
    /// <summary>The id the client acts under (audit log, restriction lists).</summary>
    public string ActorId => "client:" + Name;
    public bool Revoked => RevokedAt is not null;
    public static ApiClientView Of(ApiClient c) => new(c.Id, c.Name, c.Role, c.TeamCode, c.OrganisationCode, c.CreatedAt, c.RevokedAt);
}

/// <summary>A newly issued client and its token. The token exists only here: the database keeps its hash.</summary>
public sealed record IssuedClient(ApiClientView Client, string Token);

/// <summary>The systems that call the API: issue a token, list clients, revoke one. The one model of an API
/// client, used by the <c>safeguard token</c> command and by the clients API. Issuing and revoking are audited.</summary>
public sealed class ApiClients(SafeguardDb db, AuditLog audit, TimeProvider clock)
{
    public const int MaxNameLength = 100;

    /// <summary>Issues a token for a new client. The name is what the audit log shows ("client:NAME"), so it
    /// must not be in use by another live client.</summary>
    public async Task<IssuedClient> IssueAsync(Actor actor, string? name, string? role, string? team = null, string? organisation = null,
        CancellationToken ct = default)
    {
        RequireAdministrator(actor);
        name = name?.Trim() ?? "";
        team = string.IsNullOrWhiteSpace(team) ? null : team.Trim();
        organisation = string.IsNullOrWhiteSpace(organisation) ? null : organisation.Trim();
        var errors = new Dictionary<string, string[]>();
        if (name.Length == 0) errors["name"] = ["Enter a name for the client, such as the system that will use the token."];
        else if (name.Length > MaxNameLength) errors["name"] = [$"The name must be {MaxNameLength} characters or fewer."];
        else if (!name.All(c => char.IsLetterOrDigit(c) || c is '-' or '_' or '.' or ' '))
            errors["name"] = ["The name may hold letters, digits, spaces, dots, hyphens and underscores only."];
        else if (string.Equals(name, Accounts.BootstrapClientName, StringComparison.OrdinalIgnoreCase))
            errors["name"] = [$"'{Accounts.BootstrapClientName}' is kept for the client the bootstrap token setting creates; choose another name."];
        else if (await db.ApiClients.AnyAsync(c => c.Name == name && c.RevokedAt == null, ct))
            errors["name"] = [$"A client named '{name}' already holds a live token; revoke it first or choose another name."];
        if (string.IsNullOrWhiteSpace(role) || !Roles.All.Contains(role))
            errors["role"] = [$"The role must be one of: {string.Join(", ", Roles.All)}."];
        if (team is not null && !await db.Teams.AnyAsync(t => t.Code == team, ct))
            errors["team"] = [$"There is no team '{team}'."];
        if (organisation is not null && !await db.Organisations.AnyAsync(o => o.Code == organisation, ct))
            errors["organisation"] = [$"There is no organisation '{organisation}'."];
        if (errors.Count > 0) throw new ProblemException(Problems.Problems.Invalid(errors));

        var token = NewToken();
        var client = new ApiClient
        {
            Id = Guid.NewGuid(), Name = name, TokenHash = Accounts.HashToken(token), Role = role!, TeamCode = team,
            OrganisationCode = organisation, CreatedAt = clock.GetUtcNow(),
        };
        db.ApiClients.Add(client);
        audit.Record(actor, AuditActions.Create, "api-client", client.Id.ToString(),
            detail: $"issued a token to '{name}' as {role}{(team is null ? "" : $", team {team}")}{(organisation is null ? "" : $", organisation {organisation}")}");
        await db.SaveChangesAsync(ct);
        return new IssuedClient(ApiClientView.Of(client), token);
    }

    /// <summary>Every client, live ones first, newest first.</summary>
    public async Task<IReadOnlyList<ApiClientView>> ListAsync(Actor actor, CancellationToken ct = default)
    {
        RequireAdministrator(actor);
        var clients = await db.ApiClients.AsNoTracking().ToListAsync(ct);
        return clients.OrderBy(c => c.RevokedAt is not null).ThenByDescending(c => c.CreatedAt).ThenBy(c => c.Name).Select(ApiClientView.Of).ToList();
    }

    /// <summary>Revokes a client's token at once: its next request is refused. Revoking twice is harmless.</summary>
    public async Task<ApiClientView> RevokeAsync(Actor actor, Guid id, CancellationToken ct = default)
    {
        RequireAdministrator(actor);
        var client = await db.ApiClients.FirstOrDefaultAsync(c => c.Id == id, ct)
            ?? throw new ProblemException(Problems.Problems.NotFound("API client"));
        if (client.RevokedAt is not null) return ApiClientView.Of(client);
        client.RevokedAt = clock.GetUtcNow();
        audit.Record(actor, AuditActions.Change, "api-client", client.Id.ToString(), detail: $"revoked the token of '{client.Name}'");
        await db.SaveChangesAsync(ct);
        return ApiClientView.Of(client);
    }

    private static void RequireAdministrator(Actor actor)
    {
        if (!actor.IsAdministrator) throw new ProblemException(Problems.Problems.Forbidden("Only administrators manage API clients."));
    }

    // 32 random bytes, URL-safe base64: 43 characters, no padding.
    private static string NewToken() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
