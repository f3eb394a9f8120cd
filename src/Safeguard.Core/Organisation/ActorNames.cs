using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Data;

namespace Safeguard.Core.Organisation;

/// <summary>Who did something, in words a practitioner reads: "user:control-room" becomes the user's display name
/// and role ("Sam Patel (Control room)"), "client:…" the system it is, "rule:…" the rule's title. The stored id stays
/// in the API and the access log; pages show this. Users are read once per request (they are few).</summary>
public sealed class ActorNames(SafeguardDb db)
{
    private Dictionary<string, User>? _users;

    public async Task<string> DescribeAsync(string? actorId, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(actorId)) return "someone unknown";
        var (kind, name) = actorId.IndexOf(':') is var colon and > 0 ? (actorId[..colon], actorId[(colon + 1)..]) : ("", actorId);
        switch (kind)
        {
            case "user":
                _users ??= await db.Users.AsNoTracking().ToDictionaryAsync(u => u.Username, StringComparer.Ordinal, ct);
                return _users.TryGetValue(name, out var user)
                    ? $"{(string.IsNullOrWhiteSpace(user.DisplayName) ? user.Username : user.DisplayName)} ({Roles.Describe(user.Role)})"
                    : $"a user no longer on the system ({name})";
            case "client":
                return $"the connected system {name}";
            case "rule":
                return Rules.RuleTitles.Of(name);
            case "system":
                return name == "demo" ? "the demo data" : "Safeguard itself";
            case "import":
                return $"the import from {name}";
            default:
                return actorId;
        }
    }
}
