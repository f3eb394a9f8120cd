using Safeguard.Core.Flags;

namespace Safeguard.Core.Tests.Flags;

/// <summary>The life of a flag (C2–C4), written out by hand here and compared with the one list in the code:
/// every pair of statuses, for each of the three kinds of step, is either in this table or refused.</summary>
public sealed class FlagTransitionsTests
{
    private static readonly HashSet<(string From, string To, FlagStepBy By)> Expected =
    [
        ("suggested", "confirmed", FlagStepBy.Decision),
        ("suggested", "rejected", FlagStepBy.Decision),
        ("confirmed", "ended", FlagStepBy.Decision),
        ("suggested", "withdrawn", FlagStepBy.Rules),
        ("suggested", "merged", FlagStepBy.Merge),
        ("confirmed", "merged", FlagStepBy.Merge),
        ("merged", "suggested", FlagStepBy.Merge),
        ("merged", "confirmed", FlagStepBy.Merge),
    ];

    public static TheoryData<string, string, FlagStepBy> EveryPair()
    {
        var data = new TheoryData<string, string, FlagStepBy>();
        foreach (var from in FlagStatus.All)
        foreach (var to in FlagStatus.All)
        foreach (var by in Enum.GetValues<FlagStepBy>())
            data.Add(from, to, by);
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryPair))]
    public void A_step_is_allowed_exactly_when_the_flag_life_lists_it(string from, string to, FlagStepBy by) =>
        Assert.Equal(Expected.Contains((from, to, by)), FlagTransitions.IsLegal(from, to, by));

    [Theory]
    [InlineData("rejected")]
    [InlineData("ended")]
    [InlineData("withdrawn")]
    public void A_closed_flag_never_changes_and_the_refusal_says_to_raise_a_new_one(string closed)
    {
        Assert.DoesNotContain(FlagTransitions.Legal, s => s.From == closed);
        Assert.Contains("raise a new flag", FlagTransitions.Explain(closed, FlagStatus.Confirmed, FlagStepBy.Decision));
    }

    [Fact]
    public void Ending_a_suggestion_is_refused_with_the_steps_it_can_take()
    {
        Assert.Equal("The flag is suggested; it can become confirmed or rejected, not ended.",
            FlagTransitions.Explain(FlagStatus.Suggested, FlagStatus.Ended, FlagStepBy.Decision));
    }

    [Fact]
    public void Only_suggested_and_confirmed_flags_are_live()
    {
        Assert.Equal(["suggested", "confirmed"], FlagStatus.All.Where(FlagStatus.IsLive));
    }
}
