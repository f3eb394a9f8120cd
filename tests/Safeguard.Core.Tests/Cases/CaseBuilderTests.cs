using System.Text.Json;
using Safeguard.Core.Cases;
using Safeguard.Core.Rules;
using Safeguard.Core.Tests.Builders;

namespace Safeguard.Core.Tests.Cases;

/// <summary>The pure part of the cases projection: which stream an event is in, and the cases a stream's events make.</summary>
public sealed class CaseBuilderTests
{
    private static IReadOnlyList<CaseState> Build(string stream, params ChronologyEvent[] events) =>
        CaseBuilder.Build(stream, events.Select(e => new CaseSource(e, "BCU-N")));

    private static string Describe(IEnumerable<CaseState> cases) => string.Join("\n", cases.Select(c =>
        $"{c.Type}|{c.Id}|{c.Status}|{c.OpenedAt:O}|{c.ClosedAt:O}|{c.Team}|{string.Join(",", c.EventIds)}|" +
        $"{string.Join(",", c.People.Select(p => $"{p.PersonId}:{p.Role}"))}|{JsonSerializer.Serialize(c.Fields)}|" +
        $"{string.Join(",", c.Actions.Select(a => $"{a.Number}:{a.Owner}:{a.Status}"))}"));

    [Fact]
    public void The_cases_of_a_stream_are_the_same_whatever_order_its_events_arrive_in()
    {
        var child = A.Child().Build();
        var custody = new[]
        {
            An.Event("custody-detained").At("2026-02-10 20:00").Child(child).With("custodyId", "C1").With("appropriateAdult", "Mother").Build(),
            An.Event("custody-review").At("2026-02-11 02:00").Child(child).With("custodyId", "C1").Build(),
            An.Event("custody-charged").At("2026-02-11 08:00").Child(child).With("custodyId", "C1").With("bailRefused", true).Build(),
            An.Event("custody-transfer-outcome").At("2026-02-11 10:00").Child(child).With("custodyId", "C1").With("outcome", "transferred").Build(),
        };
        var expected = Describe(Build("custody:C1", custody));
        var random = new Random(7);

        for (int i = 0; i < 20; i++)
            Assert.Equal(expected, Describe(Build("custody:C1", custody.OrderBy(_ => random.Next()).ToArray())));
        Assert.Contains("custody|C1|transferred|", expected);
    }

    [Fact]
    public void Each_police_protection_is_ended_by_the_childs_next_police_protection_ended()
    {
        var child = A.Child().Build();
        var first = An.Event("police-protection").At("2026-01-01 20:00").Child(child).Id("pp1").With("initiatingOfficer", "PC A").Build();
        var firstEnd = An.Event("police-protection-ended").At("2026-01-02 10:00").Child(child).Id("pp1-end").Build();
        var second = An.Event("police-protection").At("2026-02-01 20:00").Child(child).Id("pp2").Build();

        var cases = Build($"police-protection:{child.PersonId}", second, firstEnd, first);

        Assert.Equal(["pp1", "pp2"], cases.Select(c => c.Id));
        Assert.Equal(("ended", Time.At("2026-01-02 10:00")), (cases[0].Status, cases[0].ClosedAt));
        Assert.Equal(("in-force", (DateTimeOffset?)null), (cases[1].Status, cases[1].ClosedAt));
        Assert.Equal(Time.At("2026-02-04 20:00"), cases[1].Fields["expiresAt"]);
    }

    [Fact]
    public void A_referral_awaits_a_response_and_is_closed_by_it()
    {
        var child = A.Child().Build();
        var referral = An.Event("referral").At("2026-02-01 10:00").Child(child).Id("r1").With("kind", "social-care").With("to", "LA").Build();
        var response = An.Event("referral-response").At("2026-02-03 10:00").Child(child).With("referralEventId", "r1").With("outcome", "declined").Build();

        Assert.Equal("awaiting-response", Build("referral:r1", referral).Single().Status);
        var answered = Build("referral:r1", referral, response).Single();
        Assert.Equal(("declined", Time.At("2026-02-03 10:00")), (answered.Status, answered.ClosedAt));
    }

    [Fact]
    public void Events_name_their_streams_and_references()
    {
        var child = A.Child().Build();
        var suspect = A.Adult().Build();
        var found = An.Located(child, "m1", "2026-02-02 09:00").Build();
        var contact = An.Event("offender-contact-with-child").With(suspect, "offender").Child(child).Build();
        var ppn = An.Event("ppn").Child(child).With("incidentEventId", "inc-1").Build();

        Assert.Equal(["missing-episode:m1"], CaseStreams.Of(found));
        Assert.Equal([$"offender:{suspect.PersonId}"], CaseStreams.Of(contact));
        Assert.Empty(CaseStreams.Of(ppn));
        Assert.Equal([("incidentEventId", "inc-1")], CaseStreams.References(ppn));
        Assert.Equal([("missingEventId", "m1")], CaseStreams.References(found));
    }

    [Fact]
    public void A_located_event_alone_makes_no_missing_episode_case()
    {
        var child = A.Child().Build();
        Assert.Empty(Build("missing-episode:m1", An.Located(child, "m1", "2026-02-02 09:00").Build()));
    }
}
