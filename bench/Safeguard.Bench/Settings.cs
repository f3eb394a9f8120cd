using System.Globalization;
using Safeguard.Matching;

namespace Safeguard.Bench;

/// <summary>Default settings, with the cluster threshold overridable through BENCH_THRESHOLD for sweeps.</summary>
internal static class Settings
{
    public static MatchSettings FromEnvironment()
    {
        var settings = new MatchSettings();
        if (Environment.GetEnvironmentVariable("BENCH_THRESHOLD") is { } t)
            settings = settings with { ClusterThreshold = double.Parse(t, CultureInfo.InvariantCulture) };
        if (Environment.GetEnvironmentVariable("BENCH_LINK_SHARE") is { } s)
            settings = settings with { MinLinkShare = double.Parse(s, CultureInfo.InvariantCulture) };
        return settings;
    }
}
