using Safeguard.Core.Calendar;
using Safeguard.Core.Settings;

namespace Safeguard.Core.Rules.Custody;

/// <summary>One detention of one person, read from their chronology by its <c>custodyId</c> (L1, L2): booked in,
/// reviewed, an appropriate adult arriving, charged, a transfer to local authority accommodation asked for and
/// answered, released. Pure: the custody rules, the "children in custody now" list and the transfer measure all
/// read detentions through this one model.</summary>
public sealed record CustodyDetention(
    string CustodyId, Guid PersonId, ChronologyEvent Detained, IReadOnlyList<ChronologyEvent> Reviews,
    ChronologyEvent? AppropriateAdultArrived, ChronologyEvent? Charged, IReadOnlyList<ChronologyEvent> TransferRequests,
    IReadOnlyList<ChronologyEvent> TransferOutcomes, ChronologyEvent? Released)
{
    /// <summary>Every custody event type (API.md), the appropriate adult's arrival included.</summary>
    public static readonly IReadOnlySet<string> EventTypes = new HashSet<string>
    {
        "custody-detained", "custody-review", "custody-appropriate-adult", "custody-charged",
        "custody-transfer-requested", "custody-transfer-outcome", "custody-released",
    };

    /// <summary>The roles in which a person is the one detained (the others are there as appropriate adult, parent...).</summary>
    public static readonly IReadOnlySet<string> DetainedRoles = new HashSet<string> { "child", "suspect", "offender" };

    /// <summary>The appropriate adult named at booking, or on arrival later; null while there is none.</summary>
    public string? AppropriateAdult =>
        Blank(Detained.Text("appropriateAdult")) ?? Blank(AppropriateAdultArrived?.Text("appropriateAdult"));

    /// <summary>Charged and refused bail (CU4): the child must move to local authority accommodation.</summary>
    public bool BailRefused => Charged?.Flag("bailRefused") == true;

    /// <summary>The local authority took the child.</summary>
    public ChronologyEvent? Transferred => TransferOutcomes.FirstOrDefault(o => o.Text("outcome") == "transferred");

    /// <summary>The custody officer certified a transfer impracticable.</summary>
    public ChronologyEvent? Certificate => TransferOutcomes.FirstOrDefault(o => o.Text("outcome") == "impracticable-certified");

    /// <summary>When detention before charge ended (charge or release): the review and limit clocks stop then.</summary>
    public DateTimeOffset? ClockStoppedAt => Earliest(Charged?.OccurredAt, Released?.OccurredAt);

    /// <summary>When the person left the police station: released, or handed to the local authority.</summary>
    public DateTimeOffset? LeftCustodyAt => Earliest(Released?.OccurredAt, Transferred?.OccurredAt);

    /// <summary>True while the person is in police custody at <paramref name="instant"/>.</summary>
    public bool InCustodyAt(DateTimeOffset instant) =>
        Detained.OccurredAt <= instant && (LeftCustodyAt is not { } left || left > instant);

    /// <summary>CU1: the person is, or appears to be, a child: the child role, a known age under the limit at booking,
    /// or the custody officer's judgement that they appear to be under it (<c>appearsUnder18</c>), date of birth or not.</summary>
    public bool IsChild(PersonFacts facts, RuleSettings settings) =>
        Detained.HasRole(PersonId, "child")
        || facts.AgeAt(Detained.OccurredAt) < settings.JuvenileAgeLimit
        || Detained.Flag("appearsUnder18") == true;

    /// <summary>CU3: hours from booking to the limit: 24, or as extended by a superintendent (at most 36) or by warrant
    /// (at most 96), by extensions recorded on reviews before charge or release.</summary>
    public int LimitHours(RuleSettings settings)
    {
        int hours = settings.DetentionLimitHours;
        foreach (var review in Reviews.Where(r => ClockStoppedAt is not { } stop || r.OccurredAt <= stop))
        {
            int? extended = review.Text("extension") switch
            {
                "superintendent" => Math.Min(ExtendedTo(review) ?? settings.SuperintendentExtensionHours, settings.SuperintendentExtensionHours),
                "warrant" => Math.Min(ExtendedTo(review) ?? settings.WarrantLimitHours, settings.WarrantLimitHours),
                _ => null,
            };
            if (extended > hours) hours = extended.Value;
        }
        return hours;
    }

    /// <summary>The review extending detention furthest, if any.</summary>
    public ChronologyEvent? Extension => Reviews.LastOrDefault(r => r.Text("extension") is "superintendent" or "warrant");

    /// <summary>When detention without charge must end.</summary>
    public DateTimeOffset LimitAt(RuleSettings settings, SafeguardCalendar calendar) =>
        calendar.AddHours(Detained.OccurredAt, LimitHours(settings));

    /// <summary>CU2: the reviews due, as known at <paramref name="now"/>. The first falls due a set time after booking,
    /// each later one a set time after the review before it; a review missed is followed, once its time has come, by
    /// the next one due that long after the missed time. Reviews stop with charge or release, and at the limit.</summary>
    public IReadOnlyList<ReviewDue> ReviewsDue(RuleSettings settings, SafeguardCalendar calendar, DateTimeOffset now)
    {
        var due = new List<ReviewDue>();
        var limit = LimitAt(settings, calendar);
        var stop = ClockStoppedAt;
        var anchor = Detained.OccurredAt;
        var notBefore = Detained.OccurredAt;
        var raisedAt = Detained.OccurredAt;
        int hours = settings.FirstReviewHours, next = 0;
        for (int number = 1; number <= 50; number++)
        {
            var at = calendar.AddHours(anchor, hours);
            if (at >= limit) break;
            var done = next < Reviews.Count ? Reviews[next] : null;
            if (stop is { } s && s <= at && (done is null || done.OccurredAt >= s)) break;
            due.Add(new ReviewDue(number, at, notBefore, raisedAt, done, anchor));
            hours = settings.ReviewIntervalHours;
            if (done is not null)
            {
                anchor = done.OccurredAt;
                notBefore = done.OccurredAt.AddSeconds(1);
                raisedAt = done.OccurredAt;
                next++;
            }
            else if (now >= at)
            {
                anchor = at;
                raisedAt = at;
            }
            else break;
        }
        return due;
    }

    /// <summary>The next instant after <paramref name="from"/> at the London time <paramref name="check"/>.</summary>
    public static DateTimeOffset NextNightCheck(DateTimeOffset from, TimeOnly check)
    {
        var date = SafeguardCalendar.LondonDate(from);
        var at = SafeguardCalendar.ToInstant(date, check);
        return at > from ? at : SafeguardCalendar.ToInstant(date.AddDays(1), check);
    }

    /// <summary>Every detention of the person in the chronology, by custody id, in booking order. Events of a custody id
    /// with no booking are ignored (an older system sent only part of the story).</summary>
    public static IReadOnlyList<CustodyDetention> All(IEnumerable<ChronologyEvent> chronology, Guid personId)
    {
        var byId = chronology.Where(e => EventTypes.Contains(e.Type) && e.Involves(personId) && e.Text("custodyId") is { Length: > 0 })
            .Order(ChronologyEvent.Order).GroupBy(e => e.Text("custodyId")!, StringComparer.Ordinal);
        var found = new List<CustodyDetention>();
        foreach (var events in byId)
        {
            var detained = events.FirstOrDefault(e => e.Type == "custody-detained" && DetainedRoles.Any(r => e.HasRole(personId, r)));
            if (detained is null) continue;
            List<ChronologyEvent> Of(string type) => events.Where(e => e.Type == type && e.OccurredAt >= detained.OccurredAt).ToList();
            found.Add(new CustodyDetention(events.Key, personId, detained, Of("custody-review"),
                Of("custody-appropriate-adult").FirstOrDefault(), Of("custody-charged").FirstOrDefault(),
                Of("custody-transfer-requested"), Of("custody-transfer-outcome"), Of("custody-released").FirstOrDefault()));
        }
        return found.OrderBy(d => d.Detained, ChronologyEvent.Order).ToList();
    }

    /// <summary>The detention a custody event belongs to, or null.</summary>
    public static CustodyDetention? Of(ChronologyEvent e, IEnumerable<ChronologyEvent> chronology, Guid personId) =>
        e.Text("custodyId") is { } id ? All(chronology, personId).FirstOrDefault(d => d.CustodyId == id) : null;

    private static int? ExtendedTo(ChronologyEvent review) =>
        review.Data.ValueKind == System.Text.Json.JsonValueKind.Object && review.Data.TryGetProperty("extendedToHours", out var v)
            && v.TryGetInt32(out var hours) ? hours : null;

    private static DateTimeOffset? Earliest(DateTimeOffset? a, DateTimeOffset? b) =>
        a is null ? b : b is null ? a : a < b ? a : b;

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// <summary>One detention review due (CU2).</summary>
/// <param name="Number">1 for the first review, then 2, 3...</param>
/// <param name="DueAt">When it is due.</param>
/// <param name="NotBefore">A review at or after this fulfils it.</param>
/// <param name="RaisedAt">When the facts that make it due happened (booking, the review before, or the missed time).</param>
/// <param name="DoneBy">The review that fulfilled it, if any.</param>
/// <param name="CountedFrom">Booking, the previous review, or the time the previous review was due.</param>
public sealed record ReviewDue(int Number, DateTimeOffset DueAt, DateTimeOffset NotBefore, DateTimeOffset RaisedAt, ChronologyEvent? DoneBy, DateTimeOffset CountedFrom);
