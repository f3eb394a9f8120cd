using System.Diagnostics;

namespace Safeguard.Matching.Deduplication;

/// <summary>Records how long each stage of a run took, for benchmark reports.</summary>
internal sealed class StageTimer
{
    public Dictionary<string, TimeSpan> Times { get; } = [];

    public T Time<T>(string stage, Func<T> work)
    {
        var clock = Stopwatch.StartNew();
        var result = work();
        Times[stage] = clock.Elapsed;
        return result;
    }
}
