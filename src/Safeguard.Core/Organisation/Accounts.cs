using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.AccessLog;
using Safeguard.Core.Data;

namespace Safeguard.Core.Organisation;

/// <summary>How many wrong passwords in a row lock an account, and for how long. The lock always ends by
/// itself, so a stranger who knows a username can hold that account shut only while they keep guessing, and
/// the sign-in rate limits (per address and per account) slow that down too.</summary>
public sealed record SignInPolicy(int MaxFailedSignIns, TimeSpan Lockout)
{
    public static readonly SignInPolicy Default = new(5, TimeSpan.FromMinutes(15));
}

/// <summary>Signs people in with a password and API clients in with a token. Repeated failures lock
/// a user out for a while; the answer never says whether the username exists.</summary>
public sealed class Accounts(SafeguardDb db, AuditLog audit, TimeProvider clock, SignInPolicy policy)
{
    /// <summary>The name of the client the <c>Safeguard:BootstrapToken</c> setting creates; no other client may take it.</summary>
    public const string BootstrapClientName = "bootstrap";
    private static readonly PasswordHasher<User> Hasher = new();

    public enum SignInResult { Success, Failed, LockedOut }

    public async Task<(SignInResult Result, User? User)> SignInAsync(string? username, string? password, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        // Not tracked: the counts below change in the database with single UPDATEs, never by writing back what was read.
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Username == (username ?? "").Trim().ToLower(), ct);
        if (user is null || user.Disabled)
        {
            // Spend the same time as a real check and write the same audit entry, so neither the time taken
            // nor the log of failures sets an unknown or disabled username apart from a wrong password.
            Hasher.VerifyHashedPassword(new User(), DummyHash, password ?? "");
            await audit.RecordNowAsync(user is null ? NotSignedIn : ActorFor(user), AuditActions.SignInFailed, "user", user?.Id.ToString(),
                detail: user is null ? "unknown username" : "disabled", ct: ct);
            return (SignInResult.Failed, null);
        }
        var actor = ActorFor(user);
        if (user.LockedUntil > now)
        {
            Hasher.VerifyHashedPassword(user, user.PasswordHash, password ?? "");
            await audit.RecordNowAsync(actor, AuditActions.SignInFailed, "user", user.Id.ToString(), detail: "locked out", ct: ct);
            return (SignInResult.LockedOut, null);
        }
        if (Hasher.VerifyHashedPassword(user, user.PasswordHash, password ?? "") == PasswordVerificationResult.Failed)
        {
            var locked = await CountFailureAsync(user.Id, now, ct);
            await audit.RecordNowAsync(actor, AuditActions.SignInFailed, "user", user.Id.ToString(), detail: locked ? "locked for " + Describe(policy.Lockout) : null, ct: ct);
            return (locked ? SignInResult.LockedOut : SignInResult.Failed, null);
        }
        await db.Users.Where(u => u.Id == user.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.FailedSignIns, 0).SetProperty(u => u.LockedUntil, (DateTimeOffset?)null), ct);
        await audit.RecordNowAsync(actor, AuditActions.SignIn, "user", user.Id.ToString(), ct: ct);
        return (SignInResult.Success, user);
    }

    /// <summary>Adds one failure with a single <c>UPDATE … SET failures = failures + 1</c>, so parallel guesses are each
    /// counted; the guess that reaches the limit locks the account and starts the count again (again one UPDATE, which
    /// only one of several racing guesses can win). True when this guess locked the account.</summary>
    private async Task<bool> CountFailureAsync(Guid id, DateTimeOffset now, CancellationToken ct)
    {
        await db.Users.Where(u => u.Id == id).ExecuteUpdateAsync(s => s.SetProperty(u => u.FailedSignIns, u => u.FailedSignIns + 1), ct);
        DateTimeOffset? until = now + policy.Lockout;
        var locked = await db.Users.Where(u => u.Id == id && u.FailedSignIns >= policy.MaxFailedSignIns)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.LockedUntil, until).SetProperty(u => u.FailedSignIns, 0), ct);
        return locked > 0;
    }

    private static string Describe(TimeSpan span) => span.TotalMinutes < 120 ? $"{span.TotalMinutes:0} minutes" : $"{span.TotalHours:0.#} hours";

    /// <summary>Who tried to sign in with a username that does not exist (the typed name is not kept: it may be a password).</summary>
    private static readonly Actor NotSignedIn = new("anonymous", "Not signed in", "anonymous", null);

    public static string HashPassword(string password) => Hasher.HashPassword(new User(), password);

    private static readonly string DummyHash = HashPassword(Guid.NewGuid().ToString());

    public static Actor ActorFor(User u) => new("user:" + u.Username, u.DisplayName, u.Role, u.TeamCode, u.OrganisationCode);

    public static Actor ActorFor(ApiClient c) => new("client:" + c.Name, c.Name, c.Role, c.TeamCode, c.OrganisationCode);

    /// <summary>The API client holding this bearer token, if any and not revoked.</summary>
    public async Task<ApiClient?> FindClientAsync(string token, CancellationToken ct = default)
    {
        var hash = HashToken(token);
        return await db.ApiClients.FirstOrDefaultAsync(c => c.TokenHash == hash && c.RevokedAt == null, ct);
    }

    /// <summary>Makes the bootstrap administrator client match the setting: a live client with exactly this token,
    /// and every earlier bootstrap client revoked. With no token set, no bootstrap client stays live.</summary>
    public async Task SyncBootstrapClientAsync(string? token, CancellationToken ct = default)
    {
        var hash = string.IsNullOrWhiteSpace(token) ? null : HashToken(token);
        var now = clock.GetUtcNow();
        var system = new Actor("system:start-up", "Safeguard start-up", Roles.Administrator, null);
        foreach (var stale in await db.ApiClients.Where(c => c.Name == BootstrapClientName && c.RevokedAt == null && c.TokenHash != hash).ToListAsync(ct))
        {
            stale.RevokedAt = now;
            audit.Record(system, AuditActions.Change, "api-client", stale.Id.ToString(),
                detail: "revoked the bootstrap token: the setting no longer holds it");
        }
        if (hash is not null && !await db.ApiClients.AnyAsync(c => c.TokenHash == hash && c.RevokedAt == null, ct))
        {
            var client = new ApiClient
            {
                Id = Guid.NewGuid(), Name = BootstrapClientName, TokenHash = hash, Role = Roles.Administrator, CreatedAt = now,
            };
            db.ApiClients.Add(client);
            audit.Record(system, AuditActions.Create, "api-client", client.Id.ToString(), detail: "created the bootstrap administrator client from the setting");
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Whether a client found by its token may still act: the bootstrap client only while the setting
    /// (read afresh on each request) holds its token, so changing or removing the setting shuts the old token out at once.</summary>
    public static bool IsCurrent(ApiClient client, string? bootstrapToken) =>
        client.Name != BootstrapClientName
        || (!string.IsNullOrWhiteSpace(bootstrapToken) && CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(HashToken(bootstrapToken)), Encoding.ASCII.GetBytes(client.TokenHash)));

    /// <summary>A fingerprint of what a session was granted on: the password, role, team and organisation. A session
    /// cookie carries it, and a session whose fingerprint no longer matches the user ends at its next request, so
    /// changing a password or a role signs the user out everywhere (no extra column: it is computed, never stored).</summary>
    public static string SessionStamp(User u) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(
            string.Join("\n", u.Id.ToString(), u.PasswordHash, u.Role, u.TeamCode ?? "", u.OrganisationCode ?? "", u.Disabled ? "disabled" : ""))))[..32];

    public static string HashToken(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
