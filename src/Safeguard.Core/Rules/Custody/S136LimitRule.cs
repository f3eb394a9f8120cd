namespace Safeguard.Core.Rules.Custody;

/// <summary>CU5 / L3: a Mental Health Act s136 detention lasts at most <c>CU5.s136LimitHours</c> (24) from its start,
/// or <c>CU5.s136ExtensionHours</c> (12) more when an <c>s136-extended</c> is recorded for it. An <c>s136-limit</c> task
/// falls due at the limit (its deadline timer escalates it, whether or not anyone looks) and closes on an
/// <c>s136-ended</c> for the detention.</summary>
public sealed class S136LimitRule : IRule
{
    /// <inheritdoc />
    public string Name => "CU5-s136-limit";

    /// <inheritdoc />
    public IReadOnlySet<string> ReactsTo { get; } = new HashSet<string> { "s136-detention" };

    /// <inheritdoc />
    public IEnumerable<RuleOutput> Evaluate(RuleContext context)
    {
        var start = context.Trigger;
        var extension = context.EventsOfType("s136-extended").FirstOrDefault(e => e.Text("s136EventId") == start.Id && e.OccurredAt >= start.OccurredAt);
        int hours = context.Settings.S136LimitHours + (extension is null ? 0 : context.Settings.S136ExtensionHours);
        string extended = extension is null ? "" : $", extended on {Mention.Time(extension.OccurredAt)}";
        yield return new TaskOutput(Name, context.PersonId, OutputCodes.Tasks.S136Limit,
            RuleOutput.KeyFor(Name, context.PersonId, start.Id),
            $"{Mention.Person(context.PersonId)} was detained under s136 of the Mental Health Act on {Mention.Time(start.OccurredAt)}{extended}: the detention may last no longer than {hours} hours (MHA s136B).",
            extension is null ? [start.Id] : [start.Id, extension.Id],
            context.Calendar.AddHours(start.OccurredAt, hours), Teams.Response,
            new TaskFulfilment("s136-ended", "s136EventId", start.Id, start.OccurredAt));
    }
}
