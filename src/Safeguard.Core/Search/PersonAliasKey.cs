using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Data;
using Safeguard.Core.Records;
using Safeguard.Matching.Text;

namespace Safeguard.Core.Search;

/// <summary>One searchable word of a person's aliases, folded as names are (<see cref="NameNormaliser"/>): the indexed
/// key that lets search find "Jonny Smith" by an alias without reading every person's aliases (D1 at force size).</summary>
public sealed class PersonAliasKey
{
    public long Id { get; set; }
    public Guid PersonId { get; set; }
    public string Key { get; set; } = "";
}

/// <summary>Keeps <see cref="PersonAliasKey"/> rows in step with <see cref="Person.Aliases"/>. Whoever adds a person or
/// changes their aliases (recording, corrections, imports, retention, the demo force), the keys are written in the same
/// save: <see cref="SafeguardDb"/> calls <see cref="BeforeSave"/> and <see cref="BeforeSaveAsync"/>.</summary>
public static class PersonAliasKeys
{
    /// <summary>The keys of a list of aliases: each alias's words (split at spaces), folded as names are ("O'Neil-Smith"
    /// gives "oneilsmith"), distinct, non-empty. Search looks them up by their start, as it does surnames.</summary>
    public static IReadOnlyList<string> Of(IEnumerable<string> aliases)
    {
        var keys = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var alias in aliases)
        {
            foreach (var word in alias.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var key = NameNormaliser.Normalise(word);
                if (key.Length > 0) keys.Add(key.Length > MaxLength ? key[..MaxLength] : key);
            }
        }
        return [.. keys];
    }

    public const int MaxLength = 100;

    public static void BeforeSave(SafeguardDb db)
    {
        var (changed, modified) = Changed(db);
        if (changed.Count == 0) return;
        if (modified.Count > 0) db.PersonAliasKeys.RemoveRange(db.PersonAliasKeys.Where(k => modified.Contains(k.PersonId)).ToList());
        AddKeys(db, changed);
    }

    public static async Task BeforeSaveAsync(SafeguardDb db, CancellationToken ct)
    {
        var (changed, modified) = Changed(db);
        if (changed.Count == 0) return;
        if (modified.Count > 0) db.PersonAliasKeys.RemoveRange(await db.PersonAliasKeys.Where(k => modified.Contains(k.PersonId)).ToListAsync(ct));
        AddKeys(db, changed);
    }

    /// <summary>People added, and people whose aliases changed (their old keys are replaced).</summary>
    private static (List<Person> Changed, List<Guid> Modified) Changed(SafeguardDb db)
    {
        var entries = db.ChangeTracker.Entries<Person>()
            .Where(e => e.State == EntityState.Added || (e.State == EntityState.Modified && e.Property(p => p.Aliases).IsModified)).ToList();
        return (entries.Select(e => e.Entity).ToList(), entries.Where(e => e.State == EntityState.Modified).Select(e => e.Entity.Id).ToList());
    }

    private static void AddKeys(SafeguardDb db, List<Person> people)
    {
        foreach (var person in people)
            foreach (var key in Of(person.Aliases))
                db.PersonAliasKeys.Add(new PersonAliasKey { PersonId = person.Id, Key = key });
    }

    /// <summary>Writes the keys of people whose aliases have none yet: people recorded before the keys existed. Run at
    /// start-up after the migrations; cheap when there is nothing to do.</summary>
    public static async Task<int> BackfillAsync(SafeguardDb db, CancellationToken ct = default)
    {
        var total = 0;
        while (true)
        {
            var people = await db.People.Where(p => p.Aliases.Count > 0 && !db.PersonAliasKeys.Any(k => k.PersonId == p.Id))
                .OrderBy(p => p.Id).Select(p => new { p.Id, p.Aliases }).Take(1000).ToListAsync(ct);
            var keys = people.SelectMany(p => Of(p.Aliases).Select(k => new PersonAliasKey { PersonId = p.Id, Key = k })).ToList();
            // Aliases without a letter give no key (validation refuses them; older rows might hold one): they would be read again.
            if (keys.Count == 0) return total;
            db.PersonAliasKeys.AddRange(keys);
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            total += people.Count;
            if (people.Count < 1000) return total;
        }
    }

    /// <summary>The last string a key starting with <paramref name="prefix"/> can be below: the prefix with its last
    /// character moved one on, so that <c>prefix &lt;= key &lt; upper</c> is a range an ordinary index serves (keys are
    /// folded letters, compared by code point).</summary>
    public static string UpperBound(string prefix) =>
        prefix[^1] == char.MaxValue ? prefix + char.MaxValue : prefix[..^1] + (char)(prefix[^1] + 1);
}
