using Safeguard.Core.Profiles;

namespace Safeguard.Core.Flags;

/// <summary>Flags as they stood at an instant: the status is the last step of the history at or before it.</summary>
public static class FlagViews
{
    public static FlagView? AsOf(Flag flag, DateTimeOffset asOf)
    {
        var steps = flag.History.Where(h => h.At <= asOf).OrderBy(h => h.At).ThenBy(h => h.Id).ToList();
        if (steps.Count == 0) return null;
        // Steps copied from a flag joined at a merge tell that flag's story; this flag's own steps decide its status.
        var status = steps.LastOrDefault(h => h.FromFlagId is null)?.Status ?? steps[^1].Status;
        var ended = status == FlagStatus.Ended ? steps.Last(h => h.FromFlagId is null) : null;
        return new FlagView(flag.Id, flag.Code, FlagCodes.Names.GetValueOrDefault(flag.Code, flag.Code), status, flag.Since, flag.ReviewDate,
            ended?.At, ended?.Reason,
            flag.Reasons.Where(r => r.At <= asOf).OrderBy(r => r.At).Select(r => new ReasonView(r.Rule, r.Explanation, r.EventIds) { EffectiveAt = r.Key == "" ? null : r.At, RaisedAt = r.RaisedAt }).ToList(),
            steps.Select(h => new FlagHistoryView(h.At, h.By, h.Status, h.Reason)).ToList(), flag.Version);
    }

    /// <summary>The flags worth showing beside a name (C3): current ones, confirmed first.</summary>
    public static IReadOnlyList<FlagTag> Tags(IEnumerable<Flag> flags) =>
        flags.Where(f => f.IsLive)
            .OrderBy(f => f.Status == FlagStatus.Confirmed ? 0 : 1).ThenBy(f => f.Code)
            .Select(f => new FlagTag(f.Code, FlagCodes.Names.GetValueOrDefault(f.Code, f.Code), f.Status)).ToList();
}
