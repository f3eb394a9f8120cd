using Safeguard.Matching.Comparisons;
using Safeguard.Matching.Features;
using Safeguard.Matching.Model;

namespace Safeguard.Matching.Scoring;

/// <summary>Scores pairs of records in one table with a model: prior plus the weight of every
/// field's level, with exact agreement adjusted for how common the agreed value is.</summary>
public sealed class PairScorer(FeatureTable table, MatchModel model)
{
    /// <summary>Largest adjustment, in bits, that term frequency may make either way; stops a
    /// value seen once in a small table from outweighing everything else.</summary>
    public const double MaxTermFrequencyAdjustment = 8;

    /// <summary>Imaginary records, distributed as u says, added to the counts so that a handful
    /// of records (one person checked against a few) cannot swing the adjustment wildly.</summary>
    public const double TermFrequencyPseudoRecords = 100;

    /// <summary>How many bits commoner than average a value must be before a placeholders-only
    /// field marks it down (8 bits: 256 times as common).</summary>
    public const double PlaceholderBits = 8;

    /// <summary>The model used.</summary>
    public MatchModel Model => model;

    /// <summary>Total match weight of a pair whose pattern is already known.</summary>
    public double Score(int i, int j, uint pattern)
    {
        Span<double> weights = stackalloc double[model.Comparisons.Fields.Count];
        FieldWeights(i, pattern, weights, out _);
        double total = model.PriorWeight;
        foreach (var w in weights) total += w;
        return total;
    }

    /// <summary>Total match weight of records <paramref name="i"/> and <paramref name="j"/>.</summary>
    public double Score(int i, int j) => Score(i, j, model.Comparisons.Pattern(table, i, j));

    /// <summary>The full reasoning for one pair.</summary>
    public MatchExplanation Explain(int i, int j)
    {
        var fields = model.Comparisons.Fields;
        uint pattern = model.Comparisons.Pattern(table, i, j);
        var weights = new double[fields.Count];
        FieldWeights(i, pattern, weights, out int countedOnceFrom);
        var evidence = new FieldEvidence[fields.Count];
        double total = model.PriorWeight;
        for (int f = 0; f < fields.Count; f++)
        {
            int level = ComparisonSet.LevelOf(pattern, f);
            double tf = level == FieldComparison.Exact ? TermFrequencyAdjustment(f, i) : 0;
            var name = fields[f].Levels[level];
            if (countedOnceFrom >= 0 && f != countedOnceFrom && fields[f].MovesWithAddress && level == fields[f].Different)
                name += " (a move: counted once, with " + fields[countedOnceFrom].Field + ")";
            evidence[f] = new FieldEvidence(fields[f].Field, name, weights[f], tf);
            total += weights[f];
        }
        return new MatchExplanation(model.PriorWeight, evidence, total, MatchModel.Probability(total));
    }

    // Per-field weights. Address line, postcode and town change together when a person moves, so
    // when several of them disagree only the mildest disagreement counts: one move is one piece of
    // evidence, not three. countedOnceFrom is that field, or -1 when fewer than two disagree.
    private void FieldWeights(int i, uint pattern, Span<double> weights, out int countedOnceFrom)
    {
        var fields = model.Comparisons.Fields;
        countedOnceFrom = -1;
        int movedFields = 0;
        for (int f = 0; f < fields.Count; f++)
        {
            int level = ComparisonSet.LevelOf(pattern, f);
            if (level == FieldComparison.Missing) { weights[f] = 0; continue; }
            weights[f] = model.Weight(f, level);
            if (level == FieldComparison.Exact) weights[f] += TermFrequencyAdjustment(f, i);
            if (fields[f].MovesWithAddress && level == fields[f].Different)
            {
                movedFields++;
                if (countedOnceFrom < 0 || weights[f] > weights[countedOnceFrom]) countedOnceFrom = f;
            }
        }
        if (movedFields < 2) { countedOnceFrom = -1; return; }
        for (int f = 0; f < fields.Count; f++)
            if (f != countedOnceFrom && fields[f].MovesWithAddress && ComparisonSet.LevelOf(pattern, f) == fields[f].Different) weights[f] = 0;
    }

    // Swaps the average chance of agreeing exactly (u) for the chance of agreeing on this value.
    private double TermFrequencyAdjustment(int field, int i)
    {
        var comparison = model.Comparisons.Fields[field];
        var (count, total) = comparison.TermCount(table, i);
        if (count <= 0) return 0;
        double u = model.U[field][FieldComparison.Exact];
        double frequency = (count + TermFrequencyPseudoRecords * u) / (total + TermFrequencyPseudoRecords);
        double adjustment = Math.Log2(u / frequency);
        if (comparison.TermFrequencyUse == TermFrequencyUse.PlaceholdersOnly)
            adjustment = adjustment < -PlaceholderBits ? adjustment + PlaceholderBits : 0;
        return Math.Clamp(adjustment, -MaxTermFrequencyAdjustment, MaxTermFrequencyAdjustment);
    }
}
