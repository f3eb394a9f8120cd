using Safeguard.Core.Calendar;

namespace Safeguard.Core.Rules.DomesticAbuse;

/// <summary>DA4 / H2: for a domestic abuse incident with a child of school age (or of unknown age), the child's school
/// (its key adult) is told before the next school day starts. Raises an <c>operation-encompass</c> task for the MASH, due
/// at the start of the child's school's first school day after the incident, by the term dates of the school's local
/// authority; closed by an <c>operation-encompass</c> event for the child at or after the incident.</summary>
/// <remarks>The child's school is the <c>school</c> in the incident's <c>children[]</c> entry for the child, else the school
/// of the child's latest earlier Operation Encompass notification. When no school is known, or its term dates are not held,
/// every working day counts as a school day: the deadline may then fall in a school holiday, earlier than it needs to be,
/// never later. The explanation says which.</remarks>
public sealed class OperationEncompassRule : IRule
{
    /// <inheritdoc />
    public string Name => "DA4-operation-encompass";

    /// <inheritdoc />
    public IReadOnlySet<string> ReactsTo { get; } = new HashSet<string> { "incident" };

    /// <inheritdoc />
    public IEnumerable<RuleOutput> Evaluate(RuleContext context)
    {
        var incident = context.Trigger;
        if (!DomesticAbuseIncident.Is(incident) || !DomesticAbuseIncident.IsChildIn(context, context.PersonId)) yield break;
        var age = context.Subject.AgeAt(incident.OccurredAt);
        int youngest = context.Settings.Int("DA4.minimumSchoolAge"), oldest = context.Settings.Int("DA4.maximumSchoolAge");
        if (age < youngest || age > oldest) yield break;

        var schoolCode = SchoolOf(context, incident);
        var due = context.Calendar.StartOfNextSchoolDay(incident.OccurredAt, context.Settings.SchoolDayStart, schoolCode);
        var ageText = age is { } years ? $"aged {years}" : "of unknown age";
        yield return new TaskOutput(Name, context.PersonId, "operation-encompass",
            RuleOutput.KeyFor(Name, context.PersonId, incident.Id),
            $"A child {ageText} was in the domestic abuse incident on {Mention.Time(incident.OccurredAt)}: tell {SchoolWords(due)} before the next school day starts{BasisWords(due)}.",
            [incident.Id], due.At, Teams.Mash,
            new TaskFulfilment("operation-encompass", NotBefore: incident.OccurredAt));
    }

    /// <summary>The child's school: named for them in the incident, else in their latest earlier notification.</summary>
    public static string? SchoolOf(RuleContext context, ChronologyEvent incident)
    {
        var entry = DomesticAbuseIncident.ChildEntry(incident, context.PersonId);
        if (entry is { } child && child.TryGetProperty("school", out var s) && s.ValueKind == System.Text.Json.JsonValueKind.String
            && s.GetString()?.Trim() is { Length: > 0 } named)
            return named;
        return context.EventsOfType("operation-encompass")
            .Where(e => e.OccurredAt <= incident.OccurredAt && e.Text("school")?.Trim() is { Length: > 0 })
            .Select(e => e.Text("school")!.Trim()).LastOrDefault();
    }

    private static string SchoolWords(SchoolDayStart due) =>
        due.School is { } school ? $"{school.Name}'s key adult" : "the school";

    private static string BasisWords(SchoolDayStart due) => due.Basis switch
    {
        SchoolDayBasis.TermDates => $" ({due.School!.LocalAuthority} term dates)",
        SchoolDayBasis.NoTermDates => $" (no term dates are held for {due.School!.LocalAuthority}, so every working day counts as a school day)",
        SchoolDayBasis.BeyondTermDates => $" ({due.School!.LocalAuthority} term dates are not held that far ahead, so every working day counts as a school day)",
        _ => " (the child's school is not known, so every working day counts as a school day)",
    };
}
