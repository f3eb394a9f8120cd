using Safeguard.Core.Settings;

namespace Safeguard.Core.Retention;

/// <summary>RT1 as pure functions: a record's retention group from the kinds of event it holds, its next review date
/// from its latest activity and any earlier decision, and whether it may be deleted yet.</summary>
public static class RetentionPolicy
{
    /// <summary>Event types that make a record a public protection matter.</summary>
    public static readonly IReadOnlySet<string> PublicProtectionTypes = new HashSet<string>
    {
        "offender-registered", "offender-plan", "offender-visit", "offender-notification", "offender-contact-with-child", "offender-sighting",
        "offender-address-link", "offender-briefing", "offender-briefing-acknowledged", "cawn-served", "strategy-discussion",
        "police-protection", "police-protection-ended", "cse-screening",
    };

    /// <summary>Event types that make a record an other sexual or violent matter.</summary>
    public static readonly IReadOnlySet<string> SexualViolentTypes = new HashSet<string>
    {
        "dash", "ppn", "incident", "investigation-opened", "investigation-allocated", "supervisory-review", "investigation-closed",
        "custody-detained", "custody-charged", "charging-file-submitted", "charging-decision", "forensic-request", "forensic-completed",
    };

    /// <summary>The most serious group any of the record's events puts it in.</summary>
    public static string GroupOf(IEnumerable<string> eventTypes)
    {
        var types = eventTypes.ToHashSet();
        if (types.Overlaps(PublicProtectionTypes)) return RetentionGroups.PublicProtection;
        if (types.Overlaps(SexualViolentTypes)) return RetentionGroups.OtherSexualViolent;
        return RetentionGroups.Other;
    }

    /// <summary>Years between reviews for a group (settings RT1.*).</summary>
    public static int ReviewYears(string group, RuleSettings settings) => group switch
    {
        RetentionGroups.PublicProtection => settings.Int("RT1.reviewYearsPublicProtection"),
        RetentionGroups.OtherSexualViolent => settings.Int("RT1.reviewYearsOtherSexualViolent"),
        _ => settings.Int("RT1.reviewYearsOther"),
    };

    /// <summary>The next review date: the date the last keep decision set, while nothing has happened on the record since
    /// that decision; otherwise the group's years after the latest activity (its newest event, or when it was created if
    /// it has none), but never before a date a reviewer set.</summary>
    public static DateOnly NextReview(string group, DateOnly lastActivity, DateOnly? decidedNextReview, DateOnly? decidedOn, RuleSettings settings)
    {
        var due = lastActivity.AddYears(ReviewYears(group, settings));
        if (decidedNextReview is not { } d) return due;
        if (decidedOn is { } on && lastActivity <= on) return d;
        return d > due ? d : due;
    }

    /// <summary>Why the record may not be deleted yet, or null if it may: a public protection matter is kept to the
    /// subject's birthday of RT1.keepToAge (100), and without a date of birth that cannot be shown.</summary>
    public static string? WhyNotDeletable(string group, DateOnly? dateOfBirth, DateOnly today, RuleSettings settings)
    {
        if (group != RetentionGroups.PublicProtection) return null;
        var age = settings.Int("RT1.keepToAge");
        if (dateOfBirth is not { } dob)
            return $"A public protection matter is kept until the subject's {age}th birthday, and this record has no date of birth.";
        var until = dob.AddYears(age);
        return today < until ? $"A public protection matter is kept until the subject's {age}th birthday, {until:d MMMM yyyy}." : null;
    }
}
