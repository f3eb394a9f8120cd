using Safeguard.Core.Derivation;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Data;
using Safeguard.Core.Organisation;
using Safeguard.Core.Problems;
using Safeguard.Core.Profiles;
using Safeguard.Core.Recording;
using Safeguard.Core.Rules;
using Safeguard.Core.Rules.Exploitation;

namespace Safeguard.Core.Records;

/// <summary>Every check an event must pass before it is stored, whether it is new or a correction of one
/// already stored: the one path both take (<see cref="EventService.RecordAsync"/>, <see cref="EventService.CorrectAsync"/>),
/// so a correction can never store what a new event could not. Each failure throws a problem; nothing is written.</summary>
public sealed class EventChecks(SafeguardDb db, PersonAccess access, RulesRunner rules, TimeProvider clock, Investigations.InvestigationChecks investigations)
{
    /// <summary>How far ahead of the server's clock a time may be, for devices whose clocks run a little fast.</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    /// <summary>Event types that can only be about a child already born: nothing in them may be dated before the birth.</summary>
    private static readonly HashSet<string> BornFirst =
        ["missing-reported", "missing-located", "safe-and-well-check", "return-interview", "cse-screening", "cawn-served", "trigger-plan"];

    private static readonly string[] MissingTypes = ["missing-reported", "missing-located", "safe-and-well-check", "return-interview"];

    private static readonly (string Field, string Type)[] EventReferences =
        [("missingEventId", "missing-reported"), ("referralEventId", "referral"), ("incidentEventId", "incident"),
         ("briefingEventId", "offender-briefing")];

    /// <summary>Runs every check in order: people exist and are visible (and <c>data.children</c> are among
    /// them), referenced events fit, the recording standards, and the law (CS3, the CAWN age limit).</summary>
    /// <remarks>The prefix goes before each field name in errors (<c>events[2].</c> in a batch). Returns the event's people by id.</remarks>
    public async Task<Dictionary<Guid, Person>> CheckAsync(Actor actor, EventSubmission s, string prefix, CancellationToken ct)
    {
        var people = await CheckPeopleAsync(actor, s, prefix, ct);
        await CheckReferencesAsync(actor, s, prefix, ct);
        CheckStandards(s, people, prefix);
        CheckTimes(s, people, prefix);
        await CheckMissingSequenceAsync(s, prefix, ct);
        await CheckDisruptionRulesAsync(s, people, prefix, ct);
        CheckOffenderManagement(s, prefix);
        await investigations.CheckAsync(s, people, prefix, ct);
        CheckMeeting(s, prefix);
        await CheckMeetingActionDoneAsync(actor, s, prefix, ct);
        return people;
    }

    private async Task<Dictionary<Guid, Person>> CheckPeopleAsync(Actor actor, EventSubmission s, string prefix, CancellationToken ct)
    {
        var ids = s.People.Select(p => p.PersonId).Distinct().ToList();
        var people = await access.Visible(actor).Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        var errors = new Dictionary<string, string[]>();
        for (int i = 0; i < s.People.Count; i++)
            if (!people.ContainsKey(s.People[i].PersonId))
                errors[$"{prefix}people[{i}].personId"] = [$"No person with id {s.People[i].PersonId} exists, or you may not see them."];
        if (s.Data.TryGetProperty("children", out var children) && children.ValueKind == JsonValueKind.Array)
        {
            int i = 0;
            foreach (var c in children.EnumerateArray())
            {
                if (c.ValueKind != JsonValueKind.Object || !c.TryGetProperty("personId", out var id) || id.ValueKind != JsonValueKind.String
                    || !Guid.TryParse(id.GetString(), out var g) || !ids.Contains(g))
                    errors[$"{prefix}data.children[{i}].personId"] = ["Each child in data.children must also be in people with the role child."];
                i++;
            }
        }
        if (errors.Count > 0) throw new ProblemException(new Problem(422, ProblemCodes.UnknownPerson, "Unknown person", "Every person in an event must already exist.", errors));
        return people;
    }

    /// <summary>An event named in the data must exist, be of the right type, involve one of this event's
    /// people and be visible to the caller; every failure answers the same, so nothing hidden is revealed.</summary>
    private async Task CheckReferencesAsync(Actor actor, EventSubmission s, string prefix, CancellationToken ct)
    {
        foreach (var (field, type) in EventReferences)
        {
            if (!s.Data.TryGetProperty(field, out var v) || v.ValueKind != JsonValueKind.String) continue;
            var id = v.GetString()!;
            var referenced = id == s.Id ? null : await db.Events.Include(e => e.People).AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, ct);
            var ids = referenced?.People.Select(p => p.PersonId).Distinct().ToList() ?? [];
            bool fits = referenced is not null && referenced.Type == type
                && ids.Any(p => s.People.Any(x => x.PersonId == p))
                && await access.Visible(actor).CountAsync(p => ids.Contains(p.Id), ct) == ids.Count;
            if (fits) continue;
            throw new ProblemException(new Problem(422, ProblemCodes.UnknownEvent, "Unknown event", $"No {type} event with id '{id}' about these people exists.",
                new Dictionary<string, string[]> { [$"{prefix}data.{field}"] = [$"No {type} event with id '{id}' about these people exists."] }));
        }
    }

    private static void CheckStandards(EventSubmission s, Dictionary<Guid, Person> people, string prefix)
    {
        var on = Calendar.SafeguardCalendar.LondonDate(s.OccurredAt);
        var standardsPeople = s.People.Select(p => new StandardsPerson(p.PersonId, p.Role, people[p.PersonId].AgeOn(on))).ToList();
        var shortfalls = RecordingStandards.Check(s.Type, s.Data, standardsPeople);
        if (shortfalls.Count == 0) return;
        var errors = shortfalls.GroupBy(f => prefix + "data." + f.Field).ToDictionary(g => g.Key, g => g.Select(f => f.Message).ToArray());
        throw new ProblemException(Problems.Problems.Refused(shortfalls[0].Code, errors));
    }

    /// <summary>Every time in the event (its <c>occurredAt</c> and each <c>data.…At</c>) is not in the future beyond
    /// <see cref="ClockSkew"/>, and, for events that need the child born (<see cref="BornFirst"/>), not before the birth of any child in it (Q-series: times that make sense).</summary>
    private void CheckTimes(EventSubmission s, Dictionary<Guid, Person> people, string prefix)
    {
        var limit = clock.GetUtcNow() + ClockSkew;
        // Safeguarding can start before birth (an unborn child in a household with domestic abuse, a pre-birth
        // conference), so only events that need the child alive are refused for a time before the birth.
        var children = !BornFirst.Contains(s.Type) ? [] : s.People.Where(p => p.Role == "child").Select(p => people[p.PersonId]).Where(p => p.DateOfBirth is not null).DistinctBy(p => p.Id).ToList();
        foreach (var (field, label, at) in Times(s))
        {
            if (at > limit)
                throw new ProblemException(new Problem(422, ProblemCodes.InTheFuture, "A time is in the future",
                    $"{label} is {ExplanationText.Time(at)}, which is in the future.", Errors(prefix + field, $"{label} must be now or in the past, not {ExplanationText.Time(at)}")));
            foreach (var child in children)
                if (Calendar.SafeguardCalendar.LondonDate(at) < child.DateOfBirth!.Value)
                    throw new ProblemException(new Problem(422, ProblemCodes.BeforeBirth, "A time is before the child was born",
                        $"{label} is before {child.FullName} was born.",
                        Errors(prefix + field, $"{label} ({ExplanationText.Time(at)}) is before {child.FullName} was born on {child.DateOfBirth.Value.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB"))}")));
        }
    }

    /// <summary>The event's times: when it happened, and each instant in its data whose name ends in "At".</summary>
    private static IEnumerable<(string Field, string Label, DateTimeOffset At)> Times(EventSubmission s)
    {
        yield return ("occurredAt", "The time of the event", s.OccurredAt);
        if (s.Data.ValueKind != JsonValueKind.Object) yield break;
        foreach (var p in s.Data.EnumerateObject())
            if (p.Name.EndsWith("At", StringComparison.Ordinal) && p.Value.ValueKind == JsonValueKind.String && FieldKind.TryInstant(p.Value.GetString(), out var at))
                yield return ("data." + p.Name, TimeLabel(p.Name), at);
    }

    private static string TimeLabel(string field) => field switch
    {
        "lastSeenAt" => "The time the child was last seen",
        "locatedAt" => "The time the child was found",
        "offeredAt" => "The time the return interview was offered",
        "heldAt" => "The time the return interview was held",
        _ => "The time given for " + field,
    };

    /// <summary>A missing episode runs in order: last seen, then found, then the safe and well check and the return
    /// interview. A time out of that order is refused with <c>impossible-sequence</c> at the field.</summary>
    private async Task CheckMissingSequenceAsync(EventSubmission s, string prefix, CancellationToken ct)
    {
        if (s.Type is not ("missing-located" or "safe-and-well-check" or "return-interview")) return;
        if (!s.Data.TryGetProperty("missingEventId", out var m) || m.ValueKind != JsonValueKind.String) return;
        var missingId = m.GetString()!;
        var report = await db.Events.AsNoTracking().Include(e => e.People).FirstOrDefaultAsync(e => e.Id == missingId && e.Type == "missing-reported", ct);
        var childId = report?.People.FirstOrDefault(p => p.Role == "child")?.PersonId;
        if (childId is null) return;
        // The event itself (when corrected) is left out: it is checked as it will be, not as it was.
        var events = await db.Events.AsNoTracking().Include(e => e.People)
            .Where(e => e.Id != s.Id && e.People.Any(p => p.PersonId == childId) && MissingTypes.Contains(e.Type)).ToListAsync(ct);
        var chronology = events.Select(ChronologyEvent.From).Order(ChronologyEvent.Order).ToList();
        var episode = Rules.Missing.MissingEpisodes.All(chronology, childId.Value).FirstOrDefault(e => e.Id == missingId);
        if (episode is null) return;

        void Refuse(string field, string message) => throw new ProblemException(new Problem(422, ProblemCodes.ImpossibleSequence,
            "Times out of order", message, Errors(prefix + field, message)));

        if (s.Type == "missing-located")
        {
            if (s.Data.TryGetProperty("locatedAt", out var l) && FieldKind.TryInstant(l.GetString(), out var located) && episode.LastSeenAt is { } seen && located < seen)
                Refuse("data.locatedAt", $"The time the child was found must be after they were last seen ({ExplanationText.Time(seen)})");
            return;
        }
        if (episode.LocatedAt is not { } found) return;
        if (s.Type == "safe-and-well-check" && s.OccurredAt < found)
            Refuse("occurredAt", $"The safe and well check must be after the child was found ({ExplanationText.Time(found)})");
        if (s.Type == "return-interview")
            foreach (var field in new[] { "heldAt", "offeredAt" })
                if (s.Data.TryGetProperty(field, out var v) && v.ValueKind == JsonValueKind.String && FieldKind.TryInstant(v.GetString(), out var at) && at < found)
                    Refuse("data." + field, $"{TimeLabel(field)} must be after the child was found ({ExplanationText.Time(found)})");
    }

    private static Dictionary<string, string[]> Errors(string field, string message) => new() { [field] = [message] };

    /// <summary>MAPPA category and level, and a plan's visit frequency, as guidance allows (SO2, SO3).</summary>
    private static void CheckOffenderManagement(EventSubmission s, string prefix)
    {
        if (s.Type is not ("offender-registered" or "offender-plan")) return;
        var e = new ChronologyEvent(s.Id, s.Type, s.OccurredAt, s.OccurredAt, s.People.Select(p => new Participant(p.PersonId, p.Role)).ToList(), s.Data);
        if (Rules.Offenders.OffenderRegistrationCheck.Check(e) is { } refusal)
            throw new ProblemException(Problems.Problems.Refused(refusal.Code, prefix + refusal.Field, refusal.Message));
    }

    /// <summary>A strategy discussion's or meeting's decisions are owned actions, and a plan category is one of WT6's (I5, I6).</summary>
    private static void CheckMeeting(EventSubmission s, string prefix)
    {
        var shortfalls = Meetings.MeetingChecks.Check(s.Type, s.OccurredAt, s.Data);
        if (shortfalls.Count == 0) return;
        var errors = shortfalls.GroupBy(f => prefix + "data." + f.Field).ToDictionary(g => g.Key, g => g.Select(f => f.Message).ToArray());
        throw new ProblemException(Problems.Problems.Refused(shortfalls[0].Code, errors));
    }

    /// <summary>I5: an action marked done names a strategy discussion or meeting about these people that the caller may
    /// see, one of its decisions by number, not already done, and is done no earlier than the meeting.</summary>
    private async Task CheckMeetingActionDoneAsync(Actor actor, EventSubmission s, string prefix, CancellationToken ct)
    {
        if (s.Type != "meeting-action-done") return;
        var meetingId = s.Data.GetProperty("meetingEventId").GetString()!;
        string[] meetingTypes = [.. Cases.CaseStreams.MeetingTypes];
        var meeting = await db.Events.Include(e => e.People).AsNoTracking()
            .FirstOrDefaultAsync(e => e.Id == meetingId && meetingTypes.Contains(e.Type), ct);
        var ids = meeting?.People.Select(p => p.PersonId).Distinct().ToList() ?? [];
        if (meeting is null || !ids.Any(p => s.People.Any(x => x.PersonId == p))
            || await access.Visible(actor).CountAsync(p => ids.Contains(p.Id), ct) != ids.Count)
            throw new ProblemException(new Problem(422, ProblemCodes.UnknownEvent, "Unknown event", $"No strategy discussion or meeting with id '{meetingId}' about these people exists.",
                Errors(prefix + "data.meetingEventId", $"No strategy discussion or meeting with id '{meetingId}' about these people exists.")));

        var number = s.Data.GetProperty("number").GetInt32();
        var decisions = ChronologyEvent.From(meeting).Data.TryGetProperty("decisions", out var list) && list.ValueKind == JsonValueKind.Array
            ? list.GetArrayLength() : 0;
        if (number < 1 || number > decisions)
            throw new ProblemException(Problems.Problems.Refused(ProblemCodes.UnknownAction, prefix + "data.number",
                decisions == 0 ? "This meeting recorded no decisions." : $"This meeting has actions numbered 1 to {decisions}; there is no action {number}."));
        if (s.OccurredAt < meeting.OccurredAt)
            throw new ProblemException(new Problem(422, ProblemCodes.ImpossibleSequence, "Times out of order", "An action cannot be done before the meeting that decided it.",
                Errors(prefix + "occurredAt", $"The action must be done after the meeting ({ExplanationText.Time(meeting.OccurredAt)})")));

        var doneIds = await db.EventReferences.Where(r => r.Field == "meetingEventId" && r.Value == meetingId && r.EventId != s.Id)
            .Select(r => r.EventId).ToListAsync(ct);
        var done = await db.Events.AsNoTracking().Where(e => doneIds.Contains(e.Id) && e.Type == "meeting-action-done").Select(e => e.Data).ToListAsync(ct);
        if (done.Any(d => JsonDocument.Parse(d).RootElement is var r && r.TryGetProperty("number", out var n) && n.ValueKind == JsonValueKind.Number && n.GetInt32() == number))
            throw new ProblemException(new Problem(409, ProblemCodes.ActionAlreadyDone, "Action already done", $"Action {number} of this meeting is already done.",
                Errors(prefix + "data.number", $"Action {number} of this meeting is already done.")));
    }

    /// <summary>A child abduction warning notice only for a child the law allows (CS3).</summary>
    private async Task CheckDisruptionRulesAsync(EventSubmission s, Dictionary<Guid, Person> people, string prefix, CancellationToken ct)
    {
        if (s.Type != "cawn-served") return;
        var settings = await rules.SettingsAsync(ct);
        var cawn = new ChronologyEvent(s.Id, s.Type, s.OccurredAt, s.OccurredAt,
            s.People.Select(p => new Participant(p.PersonId, p.Role)).ToList(), s.Data);
        foreach (var child in s.People.Where(p => p.Role == "child").Select(p => p.PersonId).Distinct())
        {
            var flags = await db.Flags.Where(f => f.PersonId == child).ToListAsync(ct);
            var refusal = CawnAgeRule.Check(cawn, PersonFacts.From(people[child], flags, []), settings);
            if (refusal is not null) throw new ProblemException(Problems.Problems.Refused(refusal.Code, prefix + refusal.Field, refusal.Message));
        }
    }
}
