using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Data;

namespace Safeguard.Core.Organisation;

/// <summary>Who did something, or who something is for, in words a practitioner reads (issue 8 point 2): "user:sam.patel"
/// becomes the user's display name, "client:…" the system it is, "rule:…" the rule's plain title, a username its
/// person's name and a team code the team's name. The stored ids and codes stay in the API and the access log; pages,
/// exports and prints show these. Users and teams are read once per request (they are few).</summary>
public sealed class ActorNames(SafeguardDb db)
{
    private Dictionary<string, User>? _users;
    private Dictionary<string, string>? _teams;

    /// <summary>An actor id in words, with a user's role: "Sam Patel (Control room)".</summary>
    public async Task<string> DescribeAsync(string? actorId, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(actorId)) return "someone unknown";
        if (!actorId.StartsWith("user:", StringComparison.Ordinal)) return Describe(actorId);
        var user = await UserAsync(actorId[5..], ct);
        return user is null ? $"a user no longer on the system ({actorId[5..]})" : $"{DisplayName(user)} ({Roles.Describe(user.Role)})";
    }

    /// <summary>Each actor id in words: a user by their name, anything else as <see cref="Describe"/> has it.</summary>
    public async Task<IReadOnlyDictionary<string, string>> NamesAsync(IEnumerable<string> actorIds, CancellationToken ct = default)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var id in actorIds.Where(id => !string.IsNullOrEmpty(id)).Distinct())
            names[id] = id.StartsWith("user:", StringComparison.Ordinal) && await UserAsync(id[5..], ct) is { } user ? DisplayName(user) : Describe(id);
        return names;
    }

    /// <summary>The name of the person with a username ("Sam Patel"); the username itself when no such user exists.</summary>
    public async Task<string> PersonAsync(string username, CancellationToken ct = default) =>
        await UserAsync(username, ct) is { } user ? DisplayName(user) : username;

    /// <summary>A team's name: the force's own name for it when it is set up, else the standard one ("Missing persons unit").</summary>
    public async Task<string> TeamAsync(string? code, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(code)) return "";
        _teams ??= await db.Teams.AsNoTracking().ToDictionaryAsync(t => t.Code, t => t.Name, StringComparer.Ordinal, ct);
        return _teams.TryGetValue(code, out var name) && !string.IsNullOrWhiteSpace(name) ? name : Rules.Teams.Describe(code);
    }

    /// <summary>An actor id in words without looking anything up.</summary>
    public static string Describe(string actorId)
    {
        int colon = actorId.IndexOf(':');
        if (colon < 0) return actorId;
        var (kind, rest) = (actorId[..colon], actorId[(colon + 1)..]);
        return kind switch
        {
            "rule" => $"Safeguard's rule \"{Rules.RuleTitles.Of(rest)}\"",
            "system" => rest == "demo" ? "the demo data" : $"Safeguard ({rest.Replace('-', ' ')})",
            "client" => $"the {rest.Replace('-', ' ')} system",
            "import" => $"the import from {rest}",
            "user" => $"the user {rest}",
            _ => rest.Replace('-', ' '),
        };
    }

    private async Task<User?> UserAsync(string username, CancellationToken ct)
    {
        _users ??= await db.Users.AsNoTracking().ToDictionaryAsync(u => u.Username, StringComparer.Ordinal, ct);
        return _users.GetValueOrDefault(username);
    }

    private static string DisplayName(User user) => string.IsNullOrWhiteSpace(user.DisplayName) ? user.Username : user.DisplayName;
}
