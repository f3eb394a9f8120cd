using Microsoft.EntityFrameworkCore;
using Safeguard.Core.AccessLog;
using Safeguard.Core.Data;
using Safeguard.Core.Problems;

namespace Safeguard.Core.Organisation;

/// <summary>A user as administrators see them: never the password hash.</summary>
public sealed record UserView(Guid Id, string Username, string DisplayName, string Role, string? Team, string? Organisation, bool Disabled,
    bool LockedOut)
{
    /// <summary>The id the user acts under (audit log, restriction lists).</summary>
    public string ActorId => "user:" + Username;
    public static UserView Of(User u, DateTimeOffset now) =>
        new(u.Id, u.Username, u.DisplayName, u.Role, u.TeamCode, u.OrganisationCode, u.Disabled, u.LockedUntil > now);
}

/// <summary>One page of users, in username order.</summary>
public sealed record UserPage(IReadOnlyList<UserView> Users, int Page, int PageSize, int Total)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>What an administrator gives to add a user.</summary>
public sealed record NewUser(string? Username, string? DisplayName, string? Role, string? Team, string? Organisation, string? Password);

/// <summary>Administration of the people who sign in: add, disable and enable, change role, reset password.
/// Every change is audited. A disabled user or one whose role changed loses their session at their next
/// request (the sign-in cookie is checked against the user on every request).</summary>
public sealed class UserAdministration(SafeguardDb db, AuditLog audit, TimeProvider clock)
{
    public const int MinPasswordLength = 12;
    public const int DefaultPageSize = 25;

    public async Task<UserPage> ListAsync(Actor actor, int page = 1, int pageSize = DefaultPageSize, CancellationToken ct = default)
    {
        RequireAdministrator(actor);
        pageSize = Math.Clamp(pageSize, 1, 200);
        var total = await db.Users.CountAsync(ct);
        var pages = Math.Max(1, (total + pageSize - 1) / pageSize);
        page = Math.Clamp(page, 1, pages);
        var now = clock.GetUtcNow();
        var users = await db.Users.AsNoTracking().OrderBy(u => u.Username).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return new UserPage(users.Select(u => UserView.Of(u, now)).ToList(), page, pageSize, total);
    }

    public async Task<UserView> GetAsync(Actor actor, Guid id, CancellationToken ct = default)
    {
        RequireAdministrator(actor);
        return UserView.Of(await FindAsync(id, ct), clock.GetUtcNow());
    }

    public async Task<UserView> AddAsync(Actor actor, NewUser input, CancellationToken ct = default)
    {
        RequireAdministrator(actor);
        var username = input.Username?.Trim().ToLowerInvariant() ?? "";
        var displayName = input.DisplayName?.Trim() ?? "";
        var errors = new Dictionary<string, string[]>();
        if (username.Length is < 3 or > 50 || !username.All(c => c is >= 'a' and <= 'z' or >= '0' and <= '9' or '.' or '-' or '_'))
            errors["username"] = ["Enter a username of 3 to 50 letters, digits, dots, hyphens or underscores."];
        else if (await db.Users.AnyAsync(u => u.Username == username, ct))
            errors["username"] = [$"The username '{username}' is taken."];
        if (displayName.Length is 0 or > 100) errors["displayName"] = ["Enter the user's name as colleagues know it (up to 100 characters)."];
        var (team, organisation) = await CheckRoleAsync(input.Role, input.Team, input.Organisation, errors, ct);
        CheckPassword(input.Password, username, errors);
        if (errors.Count > 0) throw new ProblemException(Problems.Problems.Invalid(errors));

        var user = new User
        {
            Id = Guid.NewGuid(), Username = username, DisplayName = displayName, Role = input.Role!, TeamCode = team, OrganisationCode = organisation,
            PasswordHash = Accounts.HashPassword(input.Password!),
        };
        db.Users.Add(user);
        audit.Record(actor, AuditActions.Create, "user", user.Id.ToString(), detail: $"added {username} as {user.Role}{Where(team, organisation)}");
        await db.SaveChangesAsync(ct);
        return UserView.Of(user, clock.GetUtcNow());
    }

    /// <summary>Disables or enables a user. A disabled user cannot sign in and their open session ends at their next request.</summary>
    public async Task<UserView> SetDisabledAsync(Actor actor, Guid id, bool disabled, string? reason = null, CancellationToken ct = default)
    {
        RequireAdministrator(actor);
        var user = await FindAsync(id, ct);
        if (disabled && actor.Id == "user:" + user.Username)
            throw new ProblemException(new Problem(409, ProblemCodes.CannotDisableSelf, "You cannot disable yourself",
                "Ask another administrator, so that there is always one who can sign in."));
        if (user.Disabled != disabled)
        {
            user.Disabled = disabled;
            if (!disabled) { user.FailedSignIns = 0; user.LockedUntil = null; }
            audit.Record(actor, AuditActions.Change, "user", user.Id.ToString(), detail: $"{(disabled ? "disabled" : "enabled")} {user.Username}",
                reason: string.IsNullOrWhiteSpace(reason) ? null : reason.Trim());
            await db.SaveChangesAsync(ct);
        }
        return UserView.Of(user, clock.GetUtcNow());
    }

    /// <summary>Gives a user another role (and team or organisation). Their open session ends at their next request.</summary>
    public async Task<UserView> ChangeRoleAsync(Actor actor, Guid id, string? role, string? team, string? organisation, CancellationToken ct = default)
    {
        RequireAdministrator(actor);
        var user = await FindAsync(id, ct);
        var errors = new Dictionary<string, string[]>();
        var (checkedTeam, checkedOrganisation) = await CheckRoleAsync(role, team, organisation, errors, ct);
        if (errors.Count > 0) throw new ProblemException(Problems.Problems.Invalid(errors));
        if (actor.Id == "user:" + user.Username && role != Roles.Administrator)
            throw new ProblemException(new Problem(409, ProblemCodes.CannotDemoteSelf, "You cannot take away your own administrator role",
                "Ask another administrator, so that there is always one who can sign in."));
        if (user.Role == role && user.TeamCode == checkedTeam && user.OrganisationCode == checkedOrganisation) return UserView.Of(user, clock.GetUtcNow());
        var before = $"{user.Role}{Where(user.TeamCode, user.OrganisationCode)}";
        user.Role = role!;
        user.TeamCode = checkedTeam;
        user.OrganisationCode = checkedOrganisation;
        audit.Record(actor, AuditActions.Change, "user", user.Id.ToString(),
            detail: $"changed {user.Username} from {before} to {user.Role}{Where(checkedTeam, checkedOrganisation)}");
        await db.SaveChangesAsync(ct);
        return UserView.Of(user, clock.GetUtcNow());
    }

    /// <summary>Sets a new password (to be given to the user) and lifts any lockout.</summary>
    public async Task<UserView> ResetPasswordAsync(Actor actor, Guid id, string? password, CancellationToken ct = default)
    {
        RequireAdministrator(actor);
        var user = await FindAsync(id, ct);
        var errors = new Dictionary<string, string[]>();
        CheckPassword(password, user.Username, errors);
        if (errors.Count > 0) throw new ProblemException(Problems.Problems.Invalid(errors));
        user.PasswordHash = Accounts.HashPassword(password!);
        user.FailedSignIns = 0;
        user.LockedUntil = null;
        audit.Record(actor, AuditActions.Change, "user", user.Id.ToString(), detail: $"reset the password of {user.Username}");
        await db.SaveChangesAsync(ct);
        return UserView.Of(user, clock.GetUtcNow());
    }

    /// <summary>The teams and organisations a user can be given, for forms.</summary>
    public async Task<(IReadOnlyList<Team> Teams, IReadOnlyList<PartnerOrganisation> Organisations)> ChoicesAsync(CancellationToken ct = default) =>
        (await db.Teams.AsNoTracking().OrderBy(t => t.Name).ToListAsync(ct), await db.Organisations.AsNoTracking().OrderBy(o => o.Name).ToListAsync(ct));

    private async Task<User> FindAsync(Guid id, CancellationToken ct) =>
        await db.Users.FirstOrDefaultAsync(u => u.Id == id, ct) ?? throw new ProblemException(Problems.Problems.NotFound("user"));

    private async Task<(string? Team, string? Organisation)> CheckRoleAsync(string? role, string? team, string? organisation,
        Dictionary<string, string[]> errors, CancellationToken ct)
    {
        team = string.IsNullOrWhiteSpace(team) ? null : team.Trim();
        organisation = string.IsNullOrWhiteSpace(organisation) ? null : organisation.Trim();
        if (string.IsNullOrWhiteSpace(role) || !Roles.All.Contains(role))
            errors["role"] = [$"Choose a role: {string.Join(", ", Roles.All)}."];
        if (team is not null && !await db.Teams.AnyAsync(t => t.Code == team, ct))
            errors["team"] = [$"There is no team '{team}'."];
        if (organisation is not null && !await db.Organisations.AnyAsync(o => o.Code == organisation, ct))
            errors["organisation"] = [$"There is no organisation '{organisation}'."];
        return (team, organisation);
    }

    private static void CheckPassword(string? password, string username, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrEmpty(password) || password.Length < MinPasswordLength)
            errors["password"] = [$"The password must be at least {MinPasswordLength} characters."];
        else if (password.Length > 200) errors["password"] = ["The password must be 200 characters or fewer."];
        else if (username.Length > 0 && password.Contains(username, StringComparison.OrdinalIgnoreCase))
            errors["password"] = ["The password must not contain the username."];
    }

    private static string Where(string? team, string? organisation) =>
        (team is null ? "" : $", team {team}") + (organisation is null ? "" : $", organisation {organisation}");

    private static void RequireAdministrator(Actor actor)
    {
        if (!actor.IsAdministrator) throw new ProblemException(Problems.Problems.Forbidden("Only administrators manage users."));
    }
}
