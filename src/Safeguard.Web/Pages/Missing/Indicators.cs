using Safeguard.Core.Rules.Exploitation;
using Safeguard.Web.Pages.Shared;

namespace Safeguard.Web.Pages.Missing;

/// <summary>The CS1 indicators as checkbox choices, ★ marking the high-risk ones, so disclosures and screenings
/// are recorded as the codes the rules read (free text is not read by the rules).</summary>
public static class Indicators
{
    public static IReadOnlyList<Choice> Choices { get; } = CseIndicators.All
        .OrderBy(kv => CseIndicators.HighRisk.Contains(kv.Key) ? 0 : 1).ThenBy(kv => kv.Key, StringComparer.Ordinal)
        .Select(kv => new Choice(kv.Key, (CseIndicators.HighRisk.Contains(kv.Key) ? "★ " : "") + char.ToUpperInvariant(kv.Value[0]) + kv.Value[1..],
            CseIndicators.HighRisk.Contains(kv.Key) ? "High-risk indicator" : null)).ToList();
}
