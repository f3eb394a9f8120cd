using System.Diagnostics;
using Safeguard.Matching.Deduplication;
using Safeguard.Matching.Evaluation;
using Safeguard.Matching.Synthetic;

namespace Safeguard.Bench;

/// <summary>Deduplication speed and accuracy on synthetic populations of growing size.</summary>
internal static class Speed
{
    public sealed record Row(int Records, long CandidatePairs, double Seconds, double CpuSeconds, double RecordsPerSecond, double PeakMemoryMb,
        double Precision, double Recall, double F1, IReadOnlyDictionary<string, double> StageSeconds);

    public static Row Run(int records, int seed = 42)
    {
        var population = new PopulationGenerator(seed).Generate(records);
        GC.Collect();
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var result = Deduplicator.Run(population.Records, Settings.FromEnvironment());
        double seconds = clock.Elapsed.TotalSeconds;
        double cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
        var metrics = PairwiseMetrics.Compute(result.Clusters, population.PersonOf);
        Process.GetCurrentProcess().Refresh();
        double peakMb = Process.GetCurrentProcess().PeakWorkingSet64 / 1024.0 / 1024.0;
        return new Row(records, result.CandidatePairs, seconds, cpuSeconds, records / seconds, peakMb, metrics.Precision, metrics.Recall, metrics.F1,
            result.StageTimes.ToDictionary(kv => kv.Key, kv => Math.Round(kv.Value.TotalSeconds, 2)));
    }
}
