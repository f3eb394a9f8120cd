namespace Safeguard.Core.Rules;

/// <summary>A rule asks to be woken at <see cref="At"/> (E7): the person is derived again then, with the run's
/// <see cref="RuleContext.Now"/> set to that time, so a rule can act on time passing (a PACE review falling due,
/// a visit not made, an investigation review). The caller stores it as a durable timer; it fires once.</summary>
public sealed record WakeUp(
    string Rule, Guid PersonId, string Code, string Key, string Explanation, IReadOnlyList<string> EventIds, DateTimeOffset At)
    : RuleOutput(Rule, PersonId, Code, Key, Explanation, EventIds)
{
    /// <inheritdoc />
    public override string Kind => "wake-up";
}
