using Safeguard.Core.Rules.Exploitation;

namespace Safeguard.Core.Rules.Protection;

/// <summary>WT2 / I5: a significant-harm concern about a child of any kind makes a strategy discussion due within
/// <c>WT2.strategyDiscussionWorkingDays</c> of the event (unless one is already open for the child). Closed by a
/// <c>strategy-discussion</c> about the child held at or after the concern.</summary>
/// <remarks>Which events count as "reasonable cause to suspect significant harm" (docs/rules.md, "Which concerns need a
/// strategy discussion"):
/// <list type="bullet">
/// <item>an incident or PPN about the child classified <c>sexual-abuse</c> (at any grade);</item>
/// <item>an incident or PPN about the child graded <c>high</c> and classified <c>physical-abuse</c>, <c>emotional-abuse</c>,
/// <c>neglect</c> or <c>cce</c>;</item>
/// <item>a child taken into police protection (s46: the local authority must then consider s47 enquiries);</item>
/// <item>a CSE screening (or coded disclosures at a return interview or safe and well check) with a significant CS2 result.</item>
/// </list>
/// Incidents and PPNs classified <c>cse</c> or <c>online-sexual-abuse</c> are left to <see cref="CseClassifiedEventRule"/>,
/// which raises the same task. Domestic abuse alone leads to a MARAC referral (DA1), not automatically to a strategy
/// discussion; graded high together with one of the abuse classifications above, it does.</remarks>
public sealed class StrategyDiscussionRule : IRule
{
    /// <summary>Classifications that are a significant-harm concern at any grade.</summary>
    public static readonly IReadOnlySet<string> AnyGrade = new HashSet<string> { "sexual-abuse" };

    /// <summary>Classifications that are a significant-harm concern when graded high.</summary>
    public static readonly IReadOnlySet<string> WhenHigh = new HashSet<string> { "physical-abuse", "emotional-abuse", "neglect", "cce" };

    /// <inheritdoc />
    public string Name => "WT2-strategy-discussion";

    /// <inheritdoc />
    public IReadOnlySet<string> ReactsTo { get; } = new HashSet<string>
        { "incident", "ppn", "police-protection", "cse-screening", "safe-and-well-check", "return-interview" };

    /// <inheritdoc />
    public IEnumerable<RuleOutput> Evaluate(RuleContext context)
    {
        var e = context.Trigger;
        if (!context.IsChildIn(e, context.PersonId) || Concern(context) is not { } concern) yield break;
        if (context.Subject.HasOpenTask("strategy-discussion")) yield break;
        int days = context.Settings.StrategyDiscussionWorkingDays;
        yield return new TaskOutput(Name, context.PersonId, "strategy-discussion",
            RuleOutput.KeyFor(Name, context.PersonId, e.Id),
            $"{concern}: a strategy discussion with children's social care, health and police is due within {Mention.Count(days, "working day", "working days")}.",
            [e.Id],
            context.Calendar.AddWorkingDays(e.OccurredAt, days),
            Teams.Mash,
            new TaskFulfilment("strategy-discussion", NotBefore: e.OccurredAt));
    }

    /// <summary>The concern in words when the trigger is a significant-harm concern about the subject, else null.</summary>
    private static string? Concern(RuleContext context)
    {
        var e = context.Trigger;
        switch (e.Type)
        {
            case "incident" or "ppn":
                if (CseEvidence.IsCseClassified(e)) return null;
                var codes = e.TextList(e.Type == "incident" ? "classifications" : "concerns");
                bool high = e.Text("riskGrade") == "high";
                var found = codes.Where(c => AnyGrade.Contains(c) || (high && WhenHigh.Contains(c))).Distinct().Order(StringComparer.Ordinal).ToList();
                if (found.Count == 0) return null;
                return $"The {Mention.EventType(e.Type)} on {Mention.Time(e.OccurredAt)} raises a concern of {Mention.List(found.Select(Words))}" +
                    (high ? " graded high" : "");
            case "police-protection":
                return $"{Mention.Person(context.PersonId)} was taken into police protection on {Mention.Time(e.OccurredAt)}";
            default:
                if (!CseScreeningRule.IsSignificant(e, context.Subject, context.Settings)) return null;
                return $"The {Mention.EventType(e.Type)} on {Mention.Date(e.OccurredAt)} gave a significant CSE screening result";
        }
    }

    private static string Words(string code) => code switch
    {
        "cce" => "child criminal exploitation",
        _ => code.Replace('-', ' '),
    };
}
