using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Data;
using Safeguard.Core.Organisation;
using Safeguard.Core.Records;
using Safeguard.Core.Rules;
using Safeguard.Core.Rules.Exploitation;

namespace Safeguard.Core.Profiles;

/// <summary>The profile's "risks to other children" (D4), by the same definition the rule uses
/// (<see cref="RiskToOtherChildren"/>): for this person, and for each suspect, associate or offender in their events,
/// their whole chronology up to the profile's instant. Only children and events the reader may see are listed;
/// the explanation is rendered for the reader like any other (hidden people as "another person", never counted).</summary>
public static class RisksToOtherChildren
{
    /// <summary>The risks shown on <paramref name="person"/>'s profile.</summary>
    public static async Task<IReadOnlyList<RiskToOtherChildrenView>> ForAsync(SafeguardDb db, PersonAccess access, Actor actor, Person person,
        IEnumerable<Event> events, IReadOnlyDictionary<Guid, Person> visibleOthers, DateTimeOffset at, CancellationToken ct)
    {
        var candidates = events.SelectMany(e => e.People)
            .Where(p => RiskToOtherChildren.ConcerningRoles.Contains(p.Role) && (p.PersonId == person.Id || visibleOthers.ContainsKey(p.PersonId)))
            .Select(p => p.PersonId).Append(person.Id).ToHashSet();

        // The finding rests only on events in which the candidate is a person of concern (RiskToOtherChildren.Assess), so
        // only those are read: most children have none, and a busy suspect's other events are not needed.
        var roles = RiskToOtherChildren.ConcerningRoles.ToList();
        var theirEventIds = await db.EventParticipants.AsNoTracking().Where(p => candidates.Contains(p.PersonId) && roles.Contains(p.Role))
            .Select(p => p.EventId).Distinct().ToListAsync(ct);
        if (theirEventIds.Count == 0) return [];
        var theirEvents = await db.Events.AsNoTracking().Include(e => e.People).AsSplitQuery()
            .Where(e => theirEventIds.Contains(e.Id) && e.OccurredAt <= at).ToListAsync(ct);
        var peopleIds = theirEvents.SelectMany(e => e.People).Select(p => p.PersonId).Distinct().ToList();
        var births = await db.People.AsNoTracking().Where(p => peopleIds.Contains(p.Id)).Select(p => new { p.Id, p.DateOfBirth })
            .ToDictionaryAsync(p => p.Id, p => p.DateOfBirth, ct);
        var visible = (await access.Visible(actor).Where(p => peopleIds.Contains(p.Id)).Select(p => p.Id).ToListAsync(ct)).ToHashSet();
        var chronology = theirEvents.Select(ChronologyEvent.From).ToList();
        var hiddenEvents = chronology.Where(e => e.People.Any(p => !visible.Contains(p.PersonId))).Select(e => e.Id).ToHashSet();

        int? AgeAt(Guid id, DateTimeOffset when) =>
            births.GetValueOrDefault(id) is { } dob ? new PersonFacts(id, dob, [], []).AgeAt(when) : null;

        var result = new List<RiskToOtherChildrenView>();
        foreach (var candidate in candidates.Order())
        {
            if (RiskToOtherChildren.Assess(candidate, chronology, AgeAt) is not { } finding) continue;
            var name = candidate == person.Id ? person.FullName : visibleOthers[candidate].FullName;
            // On a linked child's profile, say what the person is to this child; elsewhere, the whole finding.
            var explanation = candidate != person.Id && finding.Children.Any(c => c.ChildId == person.Id)
                ? finding.DescribeFor(person.Id) : finding.Describe();
            result.Add(new RiskToOtherChildrenView(candidate, name,
                finding.Children.Select(c => c.ChildId).Where(visible.Contains).ToList(),
                finding.EventIds.Where(id => !hiddenEvents.Contains(id)).ToList(), explanation));
        }
        return result;
    }
}
