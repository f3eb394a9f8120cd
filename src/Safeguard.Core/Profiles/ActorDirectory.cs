using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Data;

namespace Safeguard.Core.Profiles;

/// <summary>Who did something, in words, for pages (issue 8): a signed-in user by their name, a rule by its
/// plain title, the system and other systems by what they are. The stored actor id stays in the API and the
/// audit log.</summary>
public sealed class ActorDirectory(SafeguardDb db)
{
    public async Task<IReadOnlyDictionary<string, string>> NamesAsync(IEnumerable<string> actorIds, CancellationToken ct = default)
    {
        var ids = actorIds.Where(id => !string.IsNullOrEmpty(id)).Distinct().ToList();
        var usernames = ids.Where(id => id.StartsWith("user:", StringComparison.Ordinal)).Select(id => id[5..]).ToList();
        var users = usernames.Count == 0 ? new Dictionary<string, string>()
            : await db.Users.AsNoTracking().Where(u => usernames.Contains(u.Username)).ToDictionaryAsync(u => u.Username, u => u.DisplayName, ct);
        return ids.ToDictionary(id => id, id => id.StartsWith("user:", StringComparison.Ordinal) && users.TryGetValue(id[5..], out var name) && name.Length > 0
            ? name : Describe(id));
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
            "system" => $"Safeguard ({rest.Replace('-', ' ')})",
            "client" => $"the {rest.Replace('-', ' ')} system",
            "user" => $"the user {rest}",
            _ => rest.Replace('-', ' '),
        };
    }
}
