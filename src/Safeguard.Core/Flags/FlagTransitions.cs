namespace Safeguard.Core.Flags;

/// <summary>Who makes a step in a flag's life.</summary>
public enum FlagStepBy
{
    /// <summary>A supervisor, investigator or administrator deciding (confirm, reject, end).</summary>
    Decision,
    /// <summary>The rules, when the basis of a suggestion goes away.</summary>
    Rules,
    /// <summary>Merging two records of one person (and undoing it).</summary>
    Merge,
}

/// <summary>The legal steps of a flag, in one place (C2–C4). Anything not listed is refused with
/// <c>409 illegal-transition</c>: a rejected, ended or withdrawn flag never changes again (new evidence makes
/// a new flag), a suggestion is rejected rather than ended, and only a merge joins or restores a flag.</summary>
public static class FlagTransitions
{
    public sealed record Step(string From, string To, FlagStepBy By);

    public static readonly IReadOnlyList<Step> Legal =
    [
        new(FlagStatus.Suggested, FlagStatus.Confirmed, FlagStepBy.Decision),
        new(FlagStatus.Suggested, FlagStatus.Rejected, FlagStepBy.Decision),
        new(FlagStatus.Confirmed, FlagStatus.Ended, FlagStepBy.Decision),
        new(FlagStatus.Suggested, FlagStatus.Withdrawn, FlagStepBy.Rules),
        new(FlagStatus.Suggested, FlagStatus.Merged, FlagStepBy.Merge),
        new(FlagStatus.Confirmed, FlagStatus.Merged, FlagStepBy.Merge),
        new(FlagStatus.Merged, FlagStatus.Suggested, FlagStepBy.Merge),
        new(FlagStatus.Merged, FlagStatus.Confirmed, FlagStepBy.Merge),
    ];

    public static bool IsLegal(string from, string to, FlagStepBy by) => Legal.Contains(new Step(from, to, by));

    /// <summary>Why a step is refused, in words a supervisor can act on.</summary>
    public static string Explain(string from, string to, FlagStepBy by)
    {
        var next = Legal.Where(s => s.From == from && s.By == by).Select(s => s.To).ToList();
        return next.Count == 0
            ? $"The flag is {from}; a {from} flag does not change. If there is new evidence, raise a new flag."
            : $"The flag is {from}; it can become {string.Join(" or ", next)}, not {to}.";
    }
}
