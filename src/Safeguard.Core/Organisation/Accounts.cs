using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.AccessLog;
using Safeguard.Core.Data;

namespace Safeguard.Core.Organisation;

/// <summary>Signs people in with a password and API clients in with a token. Repeated failures lock
/// a user out for a while; the answer never says whether the username exists.</summary>
public sealed class Accounts(SafeguardDb db, AuditLog audit, TimeProvider clock)
{
    public const int MaxFailedSignIns = 5;
    public static readonly TimeSpan Lockout = TimeSpan.FromMinutes(15);
    private static readonly PasswordHasher<User> Hasher = new();

    public enum SignInResult { Success, Failed, LockedOut }

    public async Task<(SignInResult Result, User? User)> SignInAsync(string? username, string? password, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var user = await db.Users.FirstOrDefaultAsync(u => u.Username == (username ?? "").Trim().ToLower(), ct);
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
            await audit.RecordNowAsync(actor, AuditActions.SignInFailed, "user", user.Id.ToString(), detail: "locked out", ct: ct);
            return (SignInResult.LockedOut, null);
        }
        if (Hasher.VerifyHashedPassword(user, user.PasswordHash, password ?? "") == PasswordVerificationResult.Failed)
        {
            user.FailedSignIns++;
            if (user.FailedSignIns >= MaxFailedSignIns) { user.LockedUntil = now + Lockout; user.FailedSignIns = 0; }
            await audit.RecordNowAsync(actor, AuditActions.SignInFailed, "user", user.Id.ToString(), ct: ct);
            return (user.LockedUntil > now ? SignInResult.LockedOut : SignInResult.Failed, null);
        }
        user.FailedSignIns = 0;
        user.LockedUntil = null;
        await audit.RecordNowAsync(actor, AuditActions.SignIn, "user", user.Id.ToString(), ct: ct);
        return (SignInResult.Success, user);
    }

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

    /// <summary>Creates (or re-uses) an administrator client for the bootstrap token setting.</summary>
    public async Task EnsureBootstrapClientAsync(string token, CancellationToken ct = default)
    {
        var hash = HashToken(token);
        if (await db.ApiClients.AnyAsync(c => c.TokenHash == hash, ct)) return;
        db.ApiClients.Add(new ApiClient
        {
            Id = Guid.NewGuid(), Name = "bootstrap", TokenHash = hash, Role = Roles.Administrator, CreatedAt = clock.GetUtcNow(),
        });
        await db.SaveChangesAsync(ct);
    }

    public static string HashToken(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
