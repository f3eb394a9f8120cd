using Microsoft.EntityFrameworkCore;
using Safeguard.Core.AccessLog;
using Safeguard.Core.Data;
using Safeguard.Core.Flags;
using Safeguard.Core.Organisation;
using Safeguard.Core.Records;
using Safeguard.Core.Work;

namespace Safeguard.Core.Profiles;

/// <summary>Draws together everything known about a person (A2, D3, D4): chronology across every
/// module, flags with history, tasks, alerts, linked people with their flags, risks to other children
/// and the missing history, as it stood at an instant. Viewing it is logged (P2).</summary>
public sealed class ProfileBuilder(SafeguardDb db, PersonAccess access, AuditLog audit, ExplanationReader explanations, TimeProvider clock,
    Offenders.OffenderManagement offenders)
{
    public async Task<ProfileView> BuildAsync(Actor actor, Guid personId, DateTimeOffset? asOf = null, string? reason = null,
        CancellationToken ct = default) => await BuildAsync(actor, personId, AuditActions.View, asOf, reason, ct);

    /// <summary>The profile, logged as <paramref name="auditAction"/>: <see cref="AuditActions.Print"/> for the printable view.</summary>
    public async Task<ProfileView> BuildAsync(Actor actor, Guid personId, string auditAction, DateTimeOffset? asOf = null, string? reason = null,
        CancellationToken ct = default)
    {
        var person = await access.GetVisibleAsync(actor, personId, ct);
        // Everything read here is read untracked: the view's access-log rows are the only change saved, and a save looks
        // through every tracked entity for changes (a busy child's chronology is hundreds of rows).
        var now = clock.GetUtcNow();
        var at = asOf ?? now;

        var events = await db.Events.AsNoTracking().Include(e => e.People)
            .Where(e => db.EventParticipants.Where(p => p.PersonId == person.Id).Select(p => p.EventId).Contains(e.Id) && e.OccurredAt <= at)
            .OrderByDescending(e => e.OccurredAt).ThenBy(e => e.Id).ToListAsync(ct);
        var otherIds = events.SelectMany(e => e.People).Select(p => p.PersonId).Where(id => id != person.Id).ToHashSet();
        var relationships = await db.Relationships.AsNoTracking().Where(r => (r.PersonId == person.Id || r.OtherPersonId == person.Id) && r.Start <= at)
            .ToListAsync(ct);
        otherIds.UnionWith(relationships.Select(r => r.PersonId == person.Id ? r.OtherPersonId : r.PersonId));
        otherIds.UnionWith(Profiles.LinkedPeople.FoundWith(person.Id, events).Keys);
        var visibleOthers = await access.Visible(actor).AsNoTracking().Where(p => otherIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        var flagsByPerson = (await db.Flags.AsNoTracking().Include(f => f.History).Include(f => f.Reasons)
                .Where(f => f.PersonId == person.Id || otherIds.Contains(f.PersonId)).ToListAsync(ct))
            .GroupBy(f => f.PersonId).ToDictionary(g => g.Key, g => g.ToList());

        var chronology = events.Select(e => new ChronologyEntry(e.Id, e.Type, Vocabulary.Describe(e.Type), e.OccurredAt, e.RecordedAt,
            string.Join(", ", e.People.Where(p => p.PersonId == person.Id).Select(p => p.Role)), e.Unit, EventSummary.Of(e.Type, e.Data),
            e.People.Where(p => p.PersonId != person.Id && visibleOthers.ContainsKey(p.PersonId))
                .Select(p => new ChronologyPerson(p.PersonId, visibleOthers[p.PersonId].FullName, p.Role)).ToList(), e.Version)).ToList();

        var flags = flagsByPerson.GetValueOrDefault(person.Id, []).Select(f => FlagViews.AsOf(f, at)).OfType<FlagView>()
            .OrderBy(f => f.Status switch { FlagStatus.Confirmed => 0, FlagStatus.Suggested => 1, _ => 2 }).ThenByDescending(f => f.Since).ToList();

        // "As of" reads by when the facts happened (effectiveAt), not when Safeguard produced the output.
        var tasks = (await db.Tasks.AsNoTracking().Where(t => t.PersonId == person.Id && t.EffectiveAt <= at).ToListAsync(ct))
            .Select(t => TaskViewAt(t, at)).OrderBy(t => t.Status switch { Work.TaskStatus.Done => 1, Work.TaskStatus.Cancelled => 2, _ => 0 }).ThenBy(t => t.DueAt).ToList();
        var alerts = (await db.Alerts.AsNoTracking().Where(a => a.PersonId == person.Id && a.EffectiveAt <= at && a.WithdrawnAt == null).ToListAsync(ct))
            .OrderByDescending(a => a.CreatedAt)
            .Select(AlertView.Of).ToList();

        var linked = Profiles.LinkedPeople.Of(person, events, relationships, visibleOthers, flagsByPerson);
        var risks = await Profiles.RisksToOtherChildren.ForAsync(db, access, actor, person, events, visibleOthers, at, ct);
        var missing = Missing(person.Id, events, at);
        var linkedOffenders = await offenders.LinkedToAsync(actor, person.Id, events, ct);

        // Everyone named on the profile (linked people, people on the chronology, risks to other children) was shown too.
        await audit.SaveReadAsync(
            [
                audit.Entry(actor, auditAction, "profile", person.Id.ToString(), person.Id, asOf is null ? null : $"as of {at:O}", reason),
                .. audit.PeopleEntries(actor, auditAction, "linked-people", visibleOthers.Keys.Select(k => (Guid?)k), $"shown on {person.Id}'s profile", reason),
            ], ct);

        return await explanations.RenderAsync(actor,
            new ProfileView(ToView(person, Calendar.SafeguardCalendar.LondonDate(at)), flags, tasks, alerts, linked, risks, missing, chronology, at)
            {
                Plans = CurrentPlans.Of(person.Id, events),
                Offenders = linkedOffenders,
                DomesticAbuse = Core.DomesticAbuse.DomesticAbuseProfile.Of(person.Id, events,
                    Settings.RuleSettings.From(await db.Settings.AsNoTracking().ToListAsync(ct)), visibleOthers, flagsByPerson, at),
            }, ct);
    }

    public static PersonView ToView(Person p, DateOnly today) => new(p.Id, p.Forename, p.Surname, p.DateOfBirth, p.AgeOn(today), p.Gender,
        p.Aliases, new AddressView(p.AddressLine1, p.Town, p.Postcode), p.Version, p.MergedIntoId);

    public static TaskView TaskViewAt(WorkTask t, DateTimeOffset at)
    {
        bool done = t.Status == Work.TaskStatus.Done && t.ClosedAt <= at;
        var status = done ? Work.TaskStatus.Done : t.Status == Work.TaskStatus.Cancelled ? Work.TaskStatus.Cancelled
            : t.DueAt < at ? Work.TaskStatus.Overdue : Work.TaskStatus.Open;
        return new TaskView(t.Id, t.PersonId, t.Code, status, t.DueAt, t.AssignedTo, t.CreatedAt, done ? t.ClosedAt : null,
            new ReasonView(t.Rule, t.Explanation, t.EventIds)) { EffectiveAt = t.EffectiveAt };
    }

    /// <summary>The missing history from the one episode model the rules and the missing pages use.</summary>
    private static MissingSummary Missing(Guid personId, List<Event> events, DateTimeOffset at)
    {
        var episodes = Rules.Missing.MissingEpisodes.All(events.Select(Rules.ChronologyEvent.From), personId)
            .Select(e => new MissingEpisodeView(e.Id, e.ReportedAt, e.RiskGrade, e.LocatedAt, e.FoundLocation)).Reverse().ToList();
        return new MissingSummary(episodes.Count, episodes.Count(x => x.ReportedAt > at.AddDays(-90)), episodes);
    }
}
