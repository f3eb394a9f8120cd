using Safeguard.Core.Rules;
using Safeguard.Core.Tests.Builders;

namespace Safeguard.Core.Tests.Rules.Missing;

public class RepeatMissingRuleTests
{
    private readonly PersonFacts _child = A.Child().AgedYears(14);

    private World WorldWithEpisodes(params string[] times) =>
        new World().With(_child).Given(times.Select((t, i) => (ChronologyEvent)An.MissingReport(_child, t).Id($"m{i + 1}")).ToArray());

    [Fact]
    public void Third_episode_in_90_days_suggests_repeat_missing_and_alerts_the_control_room()
    {
        var world = WorldWithEpisodes("2026-01-01 20:00", "2026-02-01 20:00");
        var outputs = world.Record(An.MissingReport(_child, "2026-03-01 20:00").Id("m3"));

        var flag = outputs.Single<FlagSuggestion>(_child, "repeat-missing");
        Assert.Equal(["m1", "m2", "m3"], flag.EventIds);
        Assert.Contains("Went missing 3 times", flag.Explanation);
        Assert.Contains("threshold 3", flag.Explanation);
        var alert = outputs.Single<AlertOutput>(_child, "repeat-missing");
        Assert.Equal(Audiences.ControlRoom, alert.Audience);
    }

    [Fact]
    public void Two_episodes_are_not_repeat_missing()
    {
        var outputs = WorldWithEpisodes("2026-02-01 20:00").Record(An.MissingReport(_child, "2026-03-01 20:00"));
        outputs.None<FlagSuggestion>(_child, "repeat-missing");
        outputs.None<AlertOutput>(_child, "repeat-missing");
    }

    [Fact]
    public void An_episode_exactly_90_days_earlier_counts()
    {
        // 2 Dec 2025 20:00 GMT to 2 Mar 2026 20:00 GMT is exactly 90 days.
        var outputs = WorldWithEpisodes("2025-12-02 20:00", "2026-01-15 20:00").Record(An.MissingReport(_child, "2026-03-02 20:00"));
        outputs.Single<FlagSuggestion>(_child, "repeat-missing");
    }

    [Fact]
    public void An_episode_91_days_earlier_does_not_count()
    {
        var outputs = WorldWithEpisodes("2025-12-01 20:00", "2026-01-15 20:00").Record(An.MissingReport(_child, "2026-03-02 20:00"));
        outputs.None<FlagSuggestion>(_child, "repeat-missing");
    }

    [Fact]
    public void Threshold_comes_from_settings()
    {
        var world = WorldWithEpisodes("2026-01-01 20:00", "2026-02-01 20:00").WithSetting("MI5.repeatMissingEpisodes", 4);
        world.Record(An.MissingReport(_child, "2026-03-01 20:00")).None<FlagSuggestion>(_child, "repeat-missing");
        world.Record(An.MissingReport(_child, "2026-03-05 20:00")).Single<FlagSuggestion>(_child, "repeat-missing");
    }

    [Fact]
    public void Window_comes_from_settings()
    {
        var world = WorldWithEpisodes("2025-10-01 20:00", "2026-01-01 20:00").WithSetting("MI5.repeatMissingWindowDays", 180);
        world.Record(An.MissingReport(_child, "2026-03-01 20:00")).Single<FlagSuggestion>(_child, "repeat-missing");
    }

    [Fact]
    public void A_late_recorded_episode_completes_a_window_that_ends_after_it()
    {
        var world = WorldWithEpisodes("2026-01-01 20:00", "2026-03-01 20:00");
        var outputs = world.Record(An.MissingReport(_child, "2026-02-01 20:00").RecordedAt("2026-03-10 09:00").Id("late"));

        var flag = outputs.Single<FlagSuggestion>(_child, "repeat-missing");
        Assert.Equal(["m1", "late", "m2"], flag.EventIds);
        Assert.EndsWith(":m2", flag.Key);
    }

    [Fact]
    public void The_reporting_parent_is_not_counted_as_missing()
    {
        PersonFacts parent = A.Adult();
        var world = new World().With(_child, parent).Given(
            An.MissingReport(_child, "2026-01-01 20:00").With(parent, "reporting-person"),
            An.MissingReport(_child, "2026-02-01 20:00").With(parent, "reporting-person"));
        var outputs = world.Record(An.MissingReport(_child, "2026-03-01 20:00").With(parent, "reporting-person"));

        outputs.Single<FlagSuggestion>(_child, "repeat-missing");
        Assert.DoesNotContain(outputs, o => o.PersonId == parent.PersonId);
    }

    [Fact]
    public void Keys_are_stable_when_the_same_event_is_evaluated_again()
    {
        var world = WorldWithEpisodes("2026-01-01 20:00", "2026-02-01 20:00");
        ChronologyEvent third = An.MissingReport(_child, "2026-03-01 20:00").Id("m3");
        var first = world.Record(third).Select(o => o.Key).ToList();
        var again = world.Engine.Evaluate(third, world.Histories(), world.Settings, world.Calendar, third.RecordedAt).Select(o => o.Key).ToList();
        Assert.Equal(first, again);
    }
}
