namespace Safeguard.Core.Rules;

/// <summary>One rule: a small pure function from a person's context to outputs. No database, no clock
/// (use <see cref="RuleContext.Now"/> if ever needed), thresholds only from <see cref="RuleContext.Settings"/>.</summary>
public interface IRule
{
    /// <summary>The rule's name, cited in every output (e.g. <c>MI5-repeat-missing</c>).</summary>
    string Name { get; }

    /// <summary>The event types that make the engine run this rule.</summary>
    IReadOnlySet<string> ReactsTo { get; }

    /// <summary>The outputs for the context's subject; empty when the rule does not apply.</summary>
    IEnumerable<RuleOutput> Evaluate(RuleContext context);
}
