using Safeguard.Core.Cases;
using Safeguard.Core.Measures.Framework;

namespace Safeguard.Core.Measures.Families;

/// <summary>Missing children (M1): return interviews within 72 hours.</summary>
public static class MissingMeasures
{
    public const string ReturnInterviewsOnTime = "return-interviews-72h";

    public static readonly MeasureFamily Family = new("Missing children",
    [
        new(ReturnInterviewsOnTime, "Return interviews within 72 hours", "M1", MeasureKind.Deadline,
            "Missing episodes whose return interview was offered or held within the time limit of the child being found",
            "Missing episodes whose child was found, once the time limit has passed or the interview is recorded",
            "An episode falls in the month the child was found. The time limit is the setting MI3 (72 hours by default). "
            + "A return interview recorded as declined counts as offered. An episode whose limit has not yet passed and has no interview is not counted yet.",
            ValueUnit: MeasureUnit.Hours, LimitSetting: "MI3.returnInterviewHours", TargetSetting: "M1.returnInterviewTargetPercent"),
    ], Facts);

    private static IEnumerable<FactDraft> Facts(MeasureStreamInput input)
    {
        foreach (var c in input.Cases.Where(c => c.Type == CaseTypes.MissingEpisode))
        {
            if (c.Fields.GetValueOrDefault("locatedAt") is not DateTimeOffset found) continue;
            var child = c.Fields.GetValueOrDefault("childId") as Guid?;
            // Offered, held or declined: the earliest time any return interview says it was offered.
            var interview = input.Events.Where(s => s.Event.Type == "return-interview")
                .Select(s => s.Event.Instant("offeredAt") ?? s.Event.Instant("heldAt") ?? s.Event.OccurredAt).Order()
                .Cast<DateTimeOffset?>().FirstOrDefault();
            double? hours = interview is { } at ? Math.Max(0, (at - found).TotalHours) : null;
            yield return new FactDraft(ReturnInterviewsOnTime, c.Type, c.Id, child, c.Team, found, Value: hours);
        }
    }
}
