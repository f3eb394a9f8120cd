using Safeguard.Core.Rules;
using Safeguard.Core.Tests.Builders;

namespace Safeguard.Core.Tests.Rules.DomesticAbuse;

public class ChildObservationGapRuleTests
{
    private static ChronologyEvent Incident(PersonFacts child, string childrenJson)
    {
        var built = An.Event("incident").Child(child).WithList("classifications", "domestic-abuse").Id("da1").Build();
        var json = $$"""{"classifications":["domestic-abuse"],"children":{{childrenJson}}}""";
        return built with { Data = System.Text.Json.JsonDocument.Parse(json).RootElement.Clone() };
    }

    [Fact]
    public void Child_without_demeanour_or_seen_and_spoken_to_is_a_recording_gap()
    {
        PersonFacts child = A.Child();
        var alert = new World().With(child).Record(Incident(child, "[]")).Single<AlertOutput>(child, "recording-gap");
        Assert.Contains("demeanour", alert.Explanation);
        Assert.Contains("seen and spoken to", alert.Explanation);
        Assert.Equal(Audiences.Supervisor, alert.Audience);
    }

    [Fact]
    public void Child_with_observations_is_not_a_gap()
    {
        PersonFacts child = A.Child();
        var entry = $$"""[{"personId":"{{child.PersonId}}","demeanour":"quiet, clinging to mother","seenAndSpokenTo":true}]""";
        new World().With(child).Record(Incident(child, entry)).None<AlertOutput>(child, "recording-gap");
    }

    [Fact]
    public void A_reason_demeanour_was_not_observed_is_enough()
    {
        PersonFacts child = A.Child();
        var entry = $$"""[{"personId":"{{child.PersonId}}","demeanourNotObservedReason":"asleep","seenAndSpokenTo":false}]""";
        new World().With(child).Record(Incident(child, entry)).None<AlertOutput>(child, "recording-gap");
    }

    [Fact]
    public void Only_the_missing_part_is_named()
    {
        PersonFacts child = A.Child();
        var entry = $$"""[{"personId":"{{child.PersonId}}","demeanour":"calm"}]""";
        var alert = new World().With(child).Record(Incident(child, entry)).Single<AlertOutput>(child, "recording-gap");
        Assert.DoesNotContain("demeanour", alert.Explanation);
    }

    [Fact]
    public void Adults_in_the_incident_are_not_checked()
    {
        PersonFacts child = A.Child(), adult = A.Adult();
        var incident = Incident(child, "[]");
        incident = incident with { People = [.. incident.People, new Participant(adult.PersonId, "victim")] };
        new World().With(child, adult).Record(incident).None<AlertOutput>(adult, "recording-gap");
    }
}
