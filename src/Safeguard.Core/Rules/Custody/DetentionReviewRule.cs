namespace Safeguard.Core.Rules.Custody;

/// <summary>CU2 / L1: a detained child's detention is reviewed first within <c>CU2.firstReviewHours</c> (6) of booking,
/// then at most every <c>CU2.reviewIntervalHours</c> (9). Each review is a <c>custody-review</c> task for the custody
/// officer, closed by the next <c>custody-review</c> of the detention. The next task is raised by the review before it,
/// or — when that review is missed — by a wake-up at the time it was due, so the chain never stops while the child is
/// held. Charge or release stops it (a review not yet due is no longer needed).</summary>
public sealed class DetentionReviewRule : IRule
{
    /// <inheritdoc />
    public string Name => "CU2-detention-review";

    /// <inheritdoc />
    public IReadOnlySet<string> ReactsTo { get; } = new HashSet<string> { "custody-detained" };

    /// <inheritdoc />
    public IEnumerable<RuleOutput> Evaluate(RuleContext context)
    {
        var detention = CustodyDetention.Of(context.Trigger, context.Chronology, context.PersonId);
        if (detention is null || detention.Detained.Id != context.Trigger.Id || !detention.IsChild(context.Subject, context.Settings)) yield break;
        var booked = detention.Detained;
        foreach (var review in detention.ReviewsDue(context.Settings, context.Calendar, context.Now))
        {
            var previous = detention.Reviews.FirstOrDefault(r => r.OccurredAt == review.CountedFrom);
            string since = review.Number == 1
                ? $"booked into custody on {Mention.Time(booked.OccurredAt)}: the first review of detention is due within {context.Settings.FirstReviewHours} hours"
                : previous is not null
                    ? $"in custody since {Mention.Time(booked.OccurredAt)} and last reviewed on {Mention.Time(previous.OccurredAt)}: the next review is due within {context.Settings.ReviewIntervalHours} hours"
                    : $"in custody since {Mention.Time(booked.OccurredAt)} and review {review.Number - 1} was due on {Mention.Time(review.CountedFrom)} and not done: the next review is due within {context.Settings.ReviewIntervalHours} hours of that";
            var eventIds = review.Number == 1 || previous is null ? new[] { booked.Id } : new[] { booked.Id, previous.Id };
            yield return new TaskOutput(Name, context.PersonId, OutputCodes.Tasks.CustodyReview,
                RuleOutput.KeyFor(Name, context.PersonId, detention.CustodyId, review.Number.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                $"{Mention.Person(context.PersonId)} was {since} (review {review.Number}, PACE s40).",
                eventIds, review.DueAt, Teams.Custody,
                new TaskFulfilment("custody-review", "custodyId", detention.CustodyId, review.NotBefore))
            { EffectiveAt = review.RaisedAt };
            if (review.DoneBy is null && review.DueAt > context.Now)
                yield return new WakeUp(Name, context.PersonId, OutputCodes.Tasks.CustodyReview,
                    RuleOutput.KeyFor(Name, context.PersonId, detention.CustodyId, review.Number.ToString(System.Globalization.CultureInfo.InvariantCulture), "due"),
                    $"Review {review.Number} of {Mention.Person(context.PersonId)}'s detention falls due on {Mention.Time(review.DueAt)}: if it has not been done, the next one is raised then.",
                    [booked.Id], review.DueAt);
        }
    }
}
