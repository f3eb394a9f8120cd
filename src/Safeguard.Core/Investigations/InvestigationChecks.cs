using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Cases;
using Safeguard.Core.Data;
using Safeguard.Core.Flags;
using Safeguard.Core.Problems;
using Safeguard.Core.Recording;
using Safeguard.Core.Records;
using Safeguard.Core.Rules.Investigations;

namespace Safeguard.Core.Investigations;

/// <summary>What an investigation event must meet before it is stored (I1, B3), run by <see cref="EventChecks"/> for new
/// events and corrections alike: the team is one of the force's; allocating, reviewing and closing name an investigation
/// that was opened and is not closed; and an allocation of a sexual offence against a child or of CSE to a team without the
/// skill carries a reason (and only then). Closing without the outcome for the child is refused by the recording standards.</summary>
public sealed class InvestigationChecks(SafeguardDb db)
{
    public async Task CheckAsync(EventSubmission s, IReadOnlyDictionary<Guid, Person> people, string prefix, CancellationToken ct)
    {
        if (!CaseStreams.InvestigationTypes.Contains(s.Type)) return;
        var id = Str(s.Data, "investigationId")?.Trim();
        if (string.IsNullOrEmpty(id)) return;
        var others = await OtherEventsAsync(id, s.Id, ct);

        if (s.Type == "investigation-opened")
        {
            if (others.Any(e => e.Type == "investigation-opened"))
                throw new ProblemException(Problems.Problems.IllegalTransition($"Investigation {id} is already open: choose another investigation id."));
        }
        else
        {
            if (!others.Any(e => e.Type == "investigation-opened"))
                throw new ProblemException(Problems.Problems.Refused(ProblemCodes.UnknownInvestigation, prefix + "data.investigationId",
                    $"No investigation {id} has been opened: open it first."));
            if (others.FirstOrDefault(e => e.Type == "investigation-closed") is { } closed && closed.OccurredAt <= s.OccurredAt)
                throw new ProblemException(Problems.Problems.IllegalTransition(
                    $"Investigation {id} was closed on {Profiles.ExplanationText.Time(closed.OccurredAt)}: nothing more can be recorded on it."));
        }

        var teamCode = Str(s.Data, "team")?.Trim();
        if (string.IsNullOrEmpty(teamCode)) return;
        var team = await db.Teams.AsNoTracking().FirstOrDefaultAsync(t => t.Code == teamCode, ct)
            ?? throw new ProblemException(Problems.Problems.Refused(ProblemCodes.UnknownTeam, prefix + "data.team", $"There is no team {teamCode} in the force."));
        if (s.Type != "investigation-allocated") return;

        var opening = s.Type == "investigation-opened" ? null : others.FirstOrDefault(e => e.Type == "investigation-opened");
        var offences = opening is null ? [] : Rules.ChronologyEvent.From(opening).TextList("offenceTypes");
        var children = await ChildVictimsAsync(s, people, opening, ct);
        var flags = await db.Flags.AsNoTracking()
            .Where(f => children.Contains(f.PersonId) && (f.Status == FlagStatus.Suggested || f.Status == FlagStatus.Confirmed))
            .Select(f => f.Code).ToListAsync(ct);
        var missing = SpecialistNeed.Missing(SpecialistNeed.For(offences, children.Count > 0, flags), team.Skills);
        bool reason = !string.IsNullOrWhiteSpace(Str(s.Data, "nonSpecialistReason"));
        if (missing.Count > 0 && !reason)
            throw new ProblemException(Problems.Problems.Refused(ProblemCodes.NonSpecialistReasonRequired, prefix + "data.nonSpecialistReason",
                $"{team.Name} does not have {string.Join(" or ", missing.Select(m => TeamSkills.Describe(m.Skill)))}, which this investigation needs " +
                $"because it is {string.Join(" and ", missing.Select(m => m.Why))}. Give the reason for allocating it to this team, or choose a team with the skill."));
        if (missing.Count == 0 && reason)
            throw new ProblemException(Problems.Problems.Refused(ProblemCodes.NonSpecialistReasonNotNeeded, prefix + "data.nonSpecialistReason",
                $"{team.Name} has every skill this investigation needs: leave the reason for a non-specialist allocation blank."));
    }

    /// <summary>The other events of the investigation (all but the one being checked, which a correction replaces).</summary>
    private async Task<List<Event>> OtherEventsAsync(string id, string self, CancellationToken ct)
    {
        var ids = await db.EventReferences.AsNoTracking().Where(r => r.Field == "investigationId" && r.Value == id && r.EventId != self)
            .Select(r => r.EventId).Distinct().ToListAsync(ct);
        return await db.Events.Where(e => ids.Contains(e.Id)).Include(e => e.People).AsNoTracking().ToListAsync(ct);
    }

    /// <summary>The victims under 18 on the allocation, or else on the opening.</summary>
    private async Task<List<Guid>> ChildVictimsAsync(EventSubmission s, IReadOnlyDictionary<Guid, Person> people, Event? opening, CancellationToken ct)
    {
        var on = Calendar.SafeguardCalendar.LondonDate(s.OccurredAt);
        var ids = s.People.Where(p => p.Role is "victim" or "child").Select(p => p.PersonId)
            .Concat(opening?.People.Where(p => p.Role is "victim" or "child").Select(p => p.PersonId) ?? []).Distinct().ToList();
        var all = await db.People.AsNoTracking().Where(p => ids.Contains(p.Id)).ToListAsync(ct);
        var roles = s.People.Concat(opening?.People.Select(p => new SubmittedParticipant(p.PersonId, p.Role)) ?? []).ToList();
        return all.Where(p => p.AgeOn(on) is < 18 || roles.Any(r => r.PersonId == p.Id && r.Role == "child")).Select(p => p.Id).ToList();
    }

    private static string? Str(JsonElement d, string name) =>
        d.ValueKind == JsonValueKind.Object && d.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
