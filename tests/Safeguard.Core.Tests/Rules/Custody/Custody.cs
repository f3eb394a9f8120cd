using Safeguard.Core.Rules;
using Safeguard.Core.Tests.Builders;

namespace Safeguard.Core.Tests.Rules.Custody;

/// <summary>Custody events and a whole-history derivation at a chosen time, as the clock worker's wake-ups run it.</summary>
internal static class Custody
{
    public static EventBuilder Booked(PersonFacts child, string at, string custodyId = "cust-1", string role = "child") =>
        An.Event("custody-detained").At(at).With(child, role).With("custodyId", custodyId).With("appropriateAdult", "Mother, Jo Tanner");

    public static EventBuilder Reviewed(PersonFacts child, string at, string custodyId = "cust-1") =>
        An.Event("custody-review").At(at).Child(child).With("custodyId", custodyId);

    public static EventBuilder Charged(PersonFacts child, string at, bool bailRefused = true, string custodyId = "cust-1") =>
        An.Event("custody-charged").At(at).Child(child).With("custodyId", custodyId).With("bailRefused", bailRefused);

    public static EventBuilder Released(PersonFacts child, string at, string custodyId = "cust-1") =>
        An.Event("custody-released").At(at).Child(child).With("custodyId", custodyId);

    public static EventBuilder TransferRequested(PersonFacts child, string at, string accommodation = "non-secure", string custodyId = "cust-1") =>
        An.Event("custody-transfer-requested").At(at).Child(child).With("custodyId", custodyId).With("accommodation", accommodation);

    public static EventBuilder TransferOutcome(PersonFacts child, string at, string outcome, string custodyId = "cust-1") =>
        An.Event("custody-transfer-outcome").At(at).Child(child).With("custodyId", custodyId).With("outcome", outcome);

    /// <summary>Everything the person's history supports when derived at <paramref name="now"/> (a wake-up, a new event).</summary>
    public static IReadOnlyList<RuleOutput> DeriveAt(this World world, PersonFacts person, string now)
    {
        var histories = world.Histories();
        return world.Engine.Derive(histories[person.PersonId], histories, world.Settings, world.Calendar, Time.At(now)).Outputs;
    }
}
