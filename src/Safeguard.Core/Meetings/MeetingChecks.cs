using System.Globalization;
using System.Text.Json;
using Safeguard.Core.Calendar;
using Safeguard.Core.Problems;
using Safeguard.Core.Recording;

namespace Safeguard.Core.Meetings;

/// <summary>What a strategy discussion or meeting must hold before it is stored (I5, I6, WT6). Pure: every shortfall is
/// reported at once, at its field.</summary>
/// <remarks>Every decision is an owned action: an object with its <c>text</c> and <c>owner</c>, and a <c>dueDate</c> on or after
/// the day of the meeting (optional in the API contract, <c>{text, owner, dueDate?}</c>; the pages always ask for it).
/// Plain-text decisions stored before decisions were owned actions are still read (they become actions with no owner),
/// but a new or corrected record cannot be made with one. A meeting the police attended names who attended and their
/// rank (I6).</remarks>
public static class MeetingChecks
{
    public static IReadOnlyList<Shortfall> Check(string type, DateTimeOffset occurredAt, JsonElement data)
    {
        var found = new List<Shortfall>();
        if (type is not ("strategy-discussion" or "meeting") || data.ValueKind != JsonValueKind.Object) return found;
        if (type == "meeting" && data.TryGetProperty("planCategory", out var plan) && plan.ValueKind != JsonValueKind.Null)
        {
            var category = plan.ValueKind == JsonValueKind.String ? plan.GetString() : null;
            var kind = data.TryGetProperty("kind", out var k) && k.ValueKind == JsonValueKind.String ? k.GetString() : null;
            if (!MeetingTerms.IsPlanCategory(category))
                found.Add(new(ProblemCodes.PlanCategoryInvalid, "planCategory",
                    $"A child protection plan category must be one of: {string.Join(", ", MeetingTerms.PlanCategories.Select(c => c.Words.ToLowerInvariant()))} (Working Together 2023)."));
            else if (!MeetingTerms.Conferences.Contains(kind ?? ""))
                found.Add(new(ProblemCodes.PlanCategoryInvalid, "planCategory",
                    "Only a child protection conference (initial or review) makes a child protection plan: leave the plan category out for this meeting."));
        }
        if (type == "meeting" && data.TryGetProperty("policeAttended", out var attended) && attended.ValueKind == JsonValueKind.True)
        {
            if (string.IsNullOrWhiteSpace(Str(data, "policeAttendee")))
                found.Add(new(ProblemCodes.MeetingAttendanceIncomplete, "policeAttendee", "Say who attended for the police: a name or collar number."));
            if (string.IsNullOrWhiteSpace(Str(data, "policeAttendeeRank")))
                found.Add(new(ProblemCodes.MeetingAttendanceIncomplete, "policeAttendeeRank", "Say the rank of the officer who attended."));
        }
        if (!data.TryGetProperty("decisions", out var decisions) || decisions.ValueKind != JsonValueKind.Array) return found;
        var day = SafeguardCalendar.LondonDate(occurredAt);
        int i = 0;
        foreach (var d in decisions.EnumerateArray())
        {
            var field = $"decisions[{i++}]";
            if (d.ValueKind != JsonValueKind.Object)
            {
                found.Add(new(ProblemCodes.MeetingDecisionInvalid, field, "A decision is an owned action: an object with its text, its owner and (optionally) a due date."));
                continue;
            }
            if (string.IsNullOrWhiteSpace(Str(d, "text"))) found.Add(new(ProblemCodes.MeetingDecisionInvalid, field + ".text", "Write what was decided."));
            if (string.IsNullOrWhiteSpace(Str(d, "owner")))
                found.Add(new(ProblemCodes.MeetingDecisionInvalid, field + ".owner", "Say who owns the action: an agency, a team or a person."));
            if (d.TryGetProperty("dueDate", out var due) && due.ValueKind != JsonValueKind.Null)
            {
                if (!DateOnly.TryParseExact(due.ValueKind == JsonValueKind.String ? due.GetString() : null, "yyyy-MM-dd", CultureInfo.InvariantCulture,
                        DateTimeStyles.None, out var date))
                    found.Add(new(ProblemCodes.MeetingDecisionInvalid, field + ".dueDate", "The due date must be a real date, written yyyy-MM-dd."));
                else if (date < day)
                    found.Add(new(ProblemCodes.MeetingDecisionInvalid, field + ".dueDate",
                        $"The due date must be on or after the day of the meeting, {day.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"))}."));
            }
        }
        return found;
    }

    private static string? Str(JsonElement d, string name) =>
        d.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
