using Safeguard.Core.Rules.Missing;
using Safeguard.Core.Tests.Builders;

namespace Safeguard.Core.Tests.Rules.Missing;

/// <summary>The one model of a missing episode: what the rules, profile, pages and cases all read.</summary>
public sealed class MissingEpisodesTests
{
    [Fact]
    public void An_episode_is_open_until_found_located_until_the_safe_and_well_check_and_then_closed()
    {
        var child = A.Child().Build();
        var report = An.MissingReport(child, "2026-02-01 18:00", "high").Id("m1").Build();
        var found = An.Located(child, "m1", "2026-02-02 09:00").Id("f1").Build();
        var check = An.Event("safe-and-well-check").At("2026-02-02 11:00").Child(child).With("missingEventId", "m1").Id("s1").Build();

        var open = MissingEpisodes.All([report], child.PersonId).Single();
        var located = MissingEpisodes.All([found, report], child.PersonId).Single();
        var closed = MissingEpisodes.All([check, found, report], child.PersonId).Single();

        Assert.Equal(("open", "located", "closed"), (open.Status, located.Status, closed.Status));
        Assert.Equal("high", closed.RiskGrade);
        Assert.Equal(Time.At("2026-02-02 11:00"), closed.ClosedAt);
        Assert.Equal(["m1", "f1", "s1"], closed.EventIds);
    }

    [Fact]
    public void A_follow_up_without_a_missing_event_id_belongs_to_the_childs_latest_report_before_it()
    {
        var child = A.Child().Build();
        var first = An.MissingReport(child, "2026-02-01 18:00").Id("m1").Build();
        var second = An.MissingReport(child, "2026-02-05 18:00").Id("m2").Build();
        var found = An.Event("missing-located").At("2026-02-06 09:00").Child(child).Id("f").Build();

        var episodes = MissingEpisodes.All([found, second, first], child.PersonId);

        Assert.Equal(["m1", "m2"], episodes.Select(e => e.Id));
        Assert.Null(episodes[0].Located);
        Assert.Equal("f", episodes[1].Located?.Id);
    }

    [Fact]
    public void People_found_with_the_child_are_those_named_in_found_with_and_the_associates_of_the_located_event()
    {
        var child = A.Child().Build();
        var friend = A.Adult().Build();
        var named = A.Adult().Build();
        var report = An.MissingReport(child, "2026-02-01 18:00").Id("m1").Build();
        var found = An.Located(child, "m1", "2026-02-02 09:00").With(friend, "associate")
            .WithList("foundWith", named.PersonId.ToString(), "A man called Jay").Build();

        var episode = MissingEpisodes.All([report, found], child.PersonId).Single();

        Assert.Equal(new[] { friend.PersonId, named.PersonId }.Order(), episode.FoundWithPeople);
        Assert.Equal(["A man called Jay"], episode.FoundWithNames);
    }

    [Fact]
    public void Reports_about_someone_else_as_the_child_are_not_this_persons_episodes()
    {
        var child = A.Child().Build();
        var sibling = A.Child().Build();
        var report = An.MissingReport(sibling, "2026-02-01 18:00").With(child, "witness").Build();

        Assert.Empty(MissingEpisodes.All([report], child.PersonId));
        Assert.Single(MissingEpisodes.All([report], sibling.PersonId));
    }
}
