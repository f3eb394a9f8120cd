using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Cases;
using Safeguard.Core.Data;
using Safeguard.Core.Records;

namespace Safeguard.Core.Supervision;

/// <summary>What one reading of a supervision board shares: the units (a BCU and its teams, or a supervisor's teams) whose
/// work it shows, the people the reader may see, and the people and team names read so far.</summary>
internal sealed class Reading(SafeguardDb db, IQueryable<Person> visible, IReadOnlySet<string> units, IReadOnlyDictionary<string, string> teamNames,
    DateTimeOffset now, CancellationToken ct)
{
    private readonly Dictionary<Guid, Person?> _people = [];

    public IQueryable<Person> Visible => visible;
    public IReadOnlySet<string> Units => units;
    public DateTimeOffset Now => now;
    public CancellationToken Ct => ct;

    /// <summary>The name of the team (or BCU) that recorded or holds an item.</summary>
    public string? Team(string? unit) => string.IsNullOrWhiteSpace(unit) ? null : teamNames.TryGetValue(unit, out var n) ? n : Rules.Teams.Describe(unit);

    /// <summary>Events of these types recorded by the units, in the period [from, to).</summary>
    public Task<List<Event>> EventsAsync(string[] types, DateTimeOffset from, DateTimeOffset to)
    {
        var list = units.ToList();
        return db.Events.AsNoTracking().Include(e => e.People)
            .Where(e => types.Contains(e.Type) && list.Contains(e.Unit) && e.OccurredAt >= from && e.OccurredAt < to)
            .OrderBy(e => e.OccurredAt).ToListAsync(ct);
    }

    /// <summary>Cases of a type held by the units.</summary>
    public Task<List<Case>> CasesAsync(string type, System.Linq.Expressions.Expression<Func<Case, bool>> where)
    {
        var list = units.ToList();
        return db.Cases.AsNoTracking().Include(c => c.People)
            .Where(c => c.Type == type && c.Team != null && list.Contains(c.Team)).Where(where).ToListAsync(ct);
    }

    /// <summary>The people of an event whom the reader may see, with their role.</summary>
    public async Task<List<(Person Person, string Role)>> PeopleAsync(Event e)
    {
        await PreloadAsync(e.People.Select(p => p.PersonId));
        var result = new List<(Person, string)>();
        foreach (var p in e.People)
            if (await PersonAsync(p.PersonId) is { } person) result.Add((person, p.Role));
        return result;
    }

    /// <summary>The visible people of a case (optionally in one role); none when anyone in it is hidden from the reader.</summary>
    public async Task<List<(Person Person, string Role)>> CasePeopleAsync(Case c, string? role)
    {
        await PreloadAsync(c.People.Select(p => p.PersonId));
        var result = new List<(Person, string)>();
        foreach (var p in c.People)
        {
            var person = await PersonAsync(p.PersonId);
            if (person is null) return [];
            if (role is null || p.Role == role) result.Add((person, p.Role));
        }
        return result.DistinctBy(x => x.Item1.Id).ToList();
    }

    /// <summary>Reads these people at once (those the reader may see), so that a long list costs a few queries, not one a row.</summary>
    public async Task PreloadAsync(IEnumerable<Guid> ids)
    {
        var wanted = ids.Where(id => !_people.ContainsKey(id)).Distinct().ToList();
        foreach (var chunk in wanted.Chunk(500))
        {
            var found = await visible.AsNoTracking().Where(p => chunk.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
            foreach (var id in chunk) _people[id] = found.GetValueOrDefault(id);
        }
    }

    /// <summary>A person the reader may see, or null.</summary>
    public async Task<Person?> PersonAsync(Guid id)
    {
        if (_people.TryGetValue(id, out var known)) return known;
        var person = await visible.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        _people[id] = person;
        return person;
    }

    /// <summary>The recording unit of each of these events.</summary>
    public async Task<Dictionary<string, string>> UnitsOfAsync(IEnumerable<string> eventIds)
    {
        var ids = eventIds.Distinct().ToList();
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var chunk in ids.Chunk(500))
            foreach (var e in await db.Events.AsNoTracking().Where(e => chunk.Contains(e.Id)).Select(e => new { e.Id, e.Unit }).ToListAsync(ct))
                result[e.Id] = e.Unit;
        return result;
    }

    /// <summary>A child: named in the role <c>child</c>, or under 18 on the date when the date of birth is known.</summary>
    public bool IsChild(Person person, string? role, DateTimeOffset at) =>
        person.AgeOn(Calendar.SafeguardCalendar.LondonDate(at)) is { } age ? age < 18 : role == "child";
}
