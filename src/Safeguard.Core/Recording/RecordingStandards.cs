using Safeguard.Core.Problems;
using System.Text.Json;

namespace Safeguard.Core.Recording;

/// <summary>One field that the recording standard (or the law) requires and the record lacks.</summary>
public sealed record Shortfall(string Code, string Field, string Message);

/// <summary>A person in the event as the standards see them: their role and, when known, age.</summary>
public sealed record StandardsPerson(Guid PersonId, string Role, int? AgeInYears);

/// <summary>The recording standards checked at the point of entry (B1–B3) and the legal limits that
/// refuse an action outright (L3, PP1). Pure: the caller supplies the people and their ages.
/// Every shortfall is reported at once, so a person can put everything right in one go (B4).</summary>
public static class RecordingStandards
{
    public static IReadOnlyList<Shortfall> Check(string type, JsonElement data, IReadOnlyList<StandardsPerson> people)
    {
        var found = new List<Shortfall>();
        switch (type)
        {
            case "ppn": CheckPpn(data, found); break;
            case "incident": CheckIncident(data, people, found); break;
            case "investigation-closed": CheckOutcome(data, found); break;
            case "supervisory-review": CheckReview(data, found); break;
            case "dash": CheckDash(data, found); break;
            case "referral-response":
                // J2: a partner that declines a referral says why, so the referrer can act on it.
                if (Str(data, "outcome") == "declined" && string.IsNullOrWhiteSpace(Str(data, "reason")))
                    found.Add(new(ProblemCodes.MissingDeclineReason, "reason", "Say why the referral is declined."));
                break;
            case "s136-detention":
                // CU5: "is or appears to be" a child — a known age, the child role, or the officer's judgement, with or without a date of birth.
                bool child = people.Any(p => p.AgeInYears is < 18 || p.Role == "child")
                    || (data.ValueKind == JsonValueKind.Object && data.TryGetProperty("appearsUnder18", out var appears) && appears.ValueKind == JsonValueKind.True);
                if (Str(data, "placeOfSafety") == "police-station" && child)
                    found.Add(new(ProblemCodes.PoliceStationNotPlaceOfSafety, "placeOfSafety", PoliceStationRefusal));
                break;
            case "police-protection":
                if (SameOfficer(Str(data, "initiatingOfficer"), Str(data, "designatedOfficer")))
                    found.Add(new(ProblemCodes.DesignatedOfficerSameAsInitiating, "designatedOfficer", SameOfficerRefusal));
                break;
        }
        return found;
    }

    /// <summary>PP1: why the same officer cannot be both initiating and designated officer.</summary>
    public const string SameOfficerRefusal =
        "The designated officer must be a different officer from the one who took the child into police protection (Children Act 1989 s46).";

    /// <summary>PP1: true when the two officers are the same: the same words, ignoring case, spaces and punctuation
    /// ("PC 1234 Ana Díaz" and "pc1234 ana díaz"). A blank officer is never the same as another.</summary>
    public static bool SameOfficer(string? initiating, string? designated)
    {
        static string Key(string? s) => new((s ?? "").Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());
        var a = Key(initiating);
        return a.Length > 0 && a == Key(designated);
    }

    /// <summary>CU5: why a police station is refused for a child, and what to do instead.</summary>
    public const string PoliceStationRefusal =
        "A police station can never be a place of safety for anyone who is or appears to be under 18 (Mental Health Act s136, as amended 2017). " +
        "Take the child to a health-based place of safety (a s136 suite); if none can take them, to a hospital emergency department, " +
        "or another suitable place such as their home or a relative's home with the agreement of the person who lives there.";

    /// <summary>B1: demeanour, the child's views, immediate action, the referral decision and a risk grade.</summary>
    private static void CheckPpn(JsonElement d, List<Shortfall> found)
    {
        if (Blank(d, "demeanour") && Blank(d, "demeanourNotObservedReason"))
            found.Add(new(ProblemCodes.MissingDemeanour, "demeanour",
                "Describe the child's demeanour and behaviour as you observed it, or say why it could not be observed (for example asleep, not present)."));
        if (Blank(d, "childViews") && Blank(d, "childViewsNotObtainedReason"))
            found.Add(new(ProblemCodes.MissingChildViews, "childViews",
                "Record the child's views in their own words, or say why they could not be obtained (for example pre-verbal)."));
        if (Blank(d, "immediateActions"))
            found.Add(new(ProblemCodes.MissingImmediateActions, "immediateActions", "Record the immediate safeguarding action taken."));
        if (!d.TryGetProperty("referredToSocialCare", out var referred) || referred.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
            found.Add(new(ProblemCodes.MissingReferralDecision, "referredToSocialCare", "Say whether a referral to children's social care was made."));
        else if (referred.ValueKind == JsonValueKind.False && Blank(d, "notReferredReason"))
            found.Add(new(ProblemCodes.MissingReferralDecision, "notReferredReason", "Say why no referral to children's social care was made."));
        if (Blank(d, "riskGrade"))
            found.Add(new(ProblemCodes.MissingRiskGrade, "riskGrade", "Choose a risk grade: high, medium or standard."));
    }

    /// <summary>B2: a domestic abuse incident records, for each child present, demeanour and whether the
    /// child was seen and spoken to. Children in the people list without an entry count as missing.</summary>
    private static void CheckIncident(JsonElement d, IReadOnlyList<StandardsPerson> people, List<Shortfall> found)
    {
        if (!HasClassification(d, "domestic-abuse")) return;
        var entries = new Dictionary<string, JsonElement>(StringComparer.OrdinalIgnoreCase);
        if (d.TryGetProperty("children", out var children) && children.ValueKind == JsonValueKind.Array)
            foreach (var c in children.EnumerateArray())
                if (c.TryGetProperty("personId", out var id) && id.ValueKind == JsonValueKind.String) entries[id.GetString()!] = c;

        int i = 0;
        foreach (var child in people.Where(p => p.Role == "child"))
        {
            var field = $"children[{i++}]";
            if (!entries.TryGetValue(child.PersonId.ToString(), out var entry))
            {
                found.Add(new(ProblemCodes.MissingDemeanour, field + ".demeanour",
                    "Each child present at a domestic abuse incident needs their demeanour and whether they were seen and spoken to."));
                continue;
            }
            if (Blank(entry, "demeanour") && Blank(entry, "demeanourNotObservedReason"))
                found.Add(new(ProblemCodes.MissingDemeanour, field + ".demeanour",
                    "Describe the child's demeanour and behaviour, or say why it could not be observed."));
            if (!entry.TryGetProperty("seenAndSpokenTo", out var seen) || seen.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
                found.Add(new(ProblemCodes.MissingSeenAndSpokenTo, field + ".seenAndSpokenTo", "Say whether the child was seen and spoken to."));
        }
    }

    /// <summary>H1: a DASH checklist answers its questions (an empty one is refused), and a "yes" count sent with the
    /// answers agrees with them.</summary>
    private static void CheckDash(JsonElement d, List<Shortfall> found)
    {
        bool hasAnswers = d.TryGetProperty("answers", out var answers) && answers.ValueKind == JsonValueKind.Object && answers.EnumerateObject().Any();
        bool hasCount = d.TryGetProperty("yesCount", out var count) && count.ValueKind == JsonValueKind.Number;
        if (!hasAnswers && !hasCount)
        {
            found.Add(new(ProblemCodes.EmptyDash, "answers",
                "Answer the risk checklist's questions (yes, no or not known) before recording it: an empty checklist cannot be recorded."));
            return;
        }
        if (!hasCount) return;
        int total = Rules.DomesticAbuse.DashQuestions.All.Count;
        if (!count.TryGetInt32(out var n) || n > total)
            found.Add(new(ProblemCodes.DashYesCountMismatch, "yesCount", $"The number of \"yes\" answers must be between 0 and {total}."));
        else if (hasAnswers && Rules.DomesticAbuse.DashAssessment.Read(d).YesCount != n)
            found.Add(new(ProblemCodes.DashYesCountMismatch, "yesCount", "The number of \"yes\" answers does not match the answers given."));
    }

    /// <summary>B3: when police involvement ends, the outcome for the child and whether they were told.</summary>
    private static void CheckOutcome(JsonElement d, List<Shortfall> found)
    {
        if (Blank(d, "outcomeForChild"))
            found.Add(new(ProblemCodes.MissingOutcomeForChild, "outcomeForChild", "Record the outcome for the child."));
        if (!d.TryGetProperty("childInformed", out var told) || told.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
            found.Add(new(ProblemCodes.MissingOutcomeForChild, "childInformed", "Say whether the child was told about the decisions made about them."));
        else if (Blank(d, "howInformed"))
            found.Add(new(ProblemCodes.MissingOutcomeForChild, "howInformed",
                told.ValueKind == JsonValueKind.True ? "Say how the child was told." : "Say why the child was not told."));
    }

    /// <summary>I2: a supervisory review records what the supervisor checked and the next actions, so the review is
    /// more than a date.</summary>
    private static void CheckReview(JsonElement d, List<Shortfall> found)
    {
        bool checkedSomething = d.TryGetProperty("checked", out var c) && c.ValueKind switch
        {
            JsonValueKind.String => !string.IsNullOrWhiteSpace(c.GetString()),
            JsonValueKind.Array => c.EnumerateArray().Any(x => x.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(x.GetString())),
            JsonValueKind.Object => c.EnumerateObject().Any(),
            _ => false,
        };
        if (!checkedSomething)
            found.Add(new(ProblemCodes.SupervisoryReviewIncomplete, "checked",
                "Say what you checked, for example lines of enquiry, the safeguarding plan and contact with the victim."));
        bool actions = d.TryGetProperty("nextActions", out var a) && a.ValueKind == JsonValueKind.Array
            && a.EnumerateArray().Any(x => x.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(x.GetString()));
        if (!actions) found.Add(new(ProblemCodes.SupervisoryReviewIncomplete, "nextActions", "Enter the next actions."));
    }

    public static bool HasClassification(JsonElement d, string code)
    {
        foreach (var name in new[] { "classifications", "concerns" })
            if (d.TryGetProperty(name, out var list) && list.ValueKind == JsonValueKind.Array)
                foreach (var item in list.EnumerateArray())
                    if (item.ValueKind == JsonValueKind.String && item.GetString() == code) return true;
        return false;
    }

    private static string? Str(JsonElement d, string name) =>
        d.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static bool Blank(JsonElement d, string name) => string.IsNullOrWhiteSpace(Str(d, name));
}
