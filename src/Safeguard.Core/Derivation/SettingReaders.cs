using Safeguard.Core.Rules;

namespace Safeguard.Core.Derivation;

/// <summary>Which people a changed setting can affect: those with events of the types the rules reading it react
/// to. A setting is read by the rules sharing its DOMAIN-RULES id (<c>MI5.repeatMissingEpisodes</c> by
/// <c>MI5-repeat-missing</c>) and by the few named here that borrow another id's threshold. A setting no rule reads
/// (a refusal's limit, a module still to come) affects nobody's stored outputs.</summary>
public static class SettingReaders
{
    // Rules that read a setting of another id, through a shared helper.
    private static readonly Dictionary<string, string[]> Borrowers = new(StringComparer.Ordinal)
    {
        ["MI5"] = ["F3-", "F4-"], // MissingEpisodes.RepeatWindow
    };

    /// <summary>The event types whose people a change of <paramref name="settingKey"/> must re-derive; empty when none.</summary>
    public static IReadOnlyList<string> EventTypesFor(string settingKey, IEnumerable<IRule>? rules = null)
    {
        var id = settingKey.Split('.')[0];
        var prefixes = Borrowers.GetValueOrDefault(id, []).Append(id + "-").ToList();
        return (rules ?? RuleCatalogue.All).Where(r => prefixes.Any(p => r.Name.StartsWith(p, StringComparison.Ordinal)))
            .SelectMany(r => r.ReactsTo).Distinct().Order(StringComparer.Ordinal).ToList();
    }
}
