namespace Safeguard.Core.Rules.Protection;

/// <summary>WT4: a child protection conference (<c>meeting</c> of kind <c>icpc</c> or <c>review-cp</c>) that leaves the
/// child on a plan (a <c>planCategory</c> recorded) makes the next review conference due: the first
/// <c>WT4.firstReviewConferenceMonths</c> after the ICPC, later ones at most <c>WT4.reviewConferenceMonths</c> after the
/// last review. The <c>review-conference</c> task (children's social care chairs it; police attendance is tracked) closes on
/// the next <c>review-cp</c> meeting about the child held after this one. A conference with no plan category ends the plan:
/// no further review is due.</summary>
public sealed class ReviewConferenceRule : IRule
{
    /// <inheritdoc />
    public string Name => "WT4-review-conference";

    /// <inheritdoc />
    public IReadOnlySet<string> ReactsTo { get; } = new HashSet<string> { "meeting" };

    /// <inheritdoc />
    public IEnumerable<RuleOutput> Evaluate(RuleContext context)
    {
        var conference = context.Trigger;
        var kind = conference.Text("kind");
        if (kind is not ("icpc" or "review-cp") || !context.IsChildIn(conference, context.PersonId)) yield break;
        if (string.IsNullOrWhiteSpace(conference.Text("planCategory"))) yield break;

        bool first = kind == "icpc";
        int months = first ? context.Settings.FirstReviewConferenceMonths : context.Settings.ReviewConferenceMonths;
        var what = first ? "initial child protection conference" : "review conference";
        yield return new TaskOutput(Name, context.PersonId, "review-conference",
            RuleOutput.KeyFor(Name, context.PersonId, conference.Id),
            $"The {what} on {Mention.Date(conference.OccurredAt)} made a child protection plan for {Mention.Person(context.PersonId)}: " +
            $"the {(first ? "first" : "next")} review conference is due within {Mention.Count(months, "month", "months")}.",
            [conference.Id],
            context.Calendar.AddMonths(conference.OccurredAt, months),
            Teams.SocialCare,
            // Strictly after this conference: a review conference never answers its own next review.
            new TaskFulfilment("meeting", "kind", "review-cp", conference.OccurredAt.AddTicks(1)));
    }
}
