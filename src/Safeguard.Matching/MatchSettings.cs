using Safeguard.Matching.Blocking;
using Safeguard.Matching.Comparisons;

namespace Safeguard.Matching;

/// <summary>Knobs for training and deduplication. The defaults suit person records of a few
/// hundred to a few million rows.</summary>
public sealed record MatchSettings
{
    /// <summary>The comparisons scored.</summary>
    public ComparisonSet Comparisons { get; init; } = ComparisonSet.Standard;

    /// <summary>The blocking rules (OR-ed) that choose which pairs are compared at all.</summary>
    public IReadOnlyList<BlockingRule> BlockingRules { get; init; } = Blocking.BlockingRules.Standard;

    /// <summary>The expectation–maximisation rounds that learn m.</summary>
    public IReadOnlyList<Training.TrainingSession> TrainingSessions { get; init; } = Training.TrainingSession.Standard;

    /// <summary>Most pairs used in one training round.</summary>
    public long MaxTrainingPairs { get; init; } = 500_000;

    /// <summary>Blocks with more records than this are skipped.</summary>
    public int MaxBlockSize { get; init; } = 200;

    /// <summary>Most random pairs drawn to estimate u (twenty per record are used, at least 200,000).</summary>
    public int USamples { get; init; } = 1_000_000;

    /// <summary>Seed for the random pairs, so runs are repeatable.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Match probability at or above which a pair joins two records into one person.
    /// Above an even chance because a wrong join compounds: it merges whole clusters.</summary>
    public double ClusterThreshold { get; init; } = 0.7;

    /// <summary>Largest cluster that joining may build (a guard against chaining).</summary>
    public int MaxClusterSize { get; init; } = 50;

    /// <summary>Share of the pairs across two multi-record clusters that must be matches before
    /// they are joined, a guard against chaining (0 turns it off).</summary>
    public double MinLinkShare { get; init; } = 0.3;

    /// <summary>Limit on expectation–maximisation iterations.</summary>
    public int MaxIterations { get; init; } = 100;
}
