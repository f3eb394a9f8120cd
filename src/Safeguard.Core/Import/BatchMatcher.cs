using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Records;

namespace Safeguard.Core.Import;

/// <summary>Matches a whole batch of incoming people (O2) with a handful of set-based queries instead of a
/// search per row. The database finds every existing person sharing an indexed key with anyone in the batch
/// (normalised surname, surname sound — either name, for names recorded the other way round — date of
/// birth, postcode); the probabilistic engine (Safeguard.Matching, with <see cref="PersonMatcher"/>'s model
/// and thresholds) indexes them once by its own blocking rules and scores each row against the records
/// sharing a blocking key. People the batch creates are added as they are created, so a person twice in
/// one file is linked to themselves, as a row sees earlier rows of the run.</summary>
public sealed class BatchMatcher
{
    private readonly Safeguard.Matching.Outcome.PersonMatcher _engine;

    private BatchMatcher(IEnumerable<Safeguard.Matching.PersonRecord> existing) =>
        _engine = new Safeguard.Matching.Outcome.PersonMatcher(existing, PersonMatcher.Model, PersonMatcher.Thresholds);

    /// <summary>Existing people in the engine (candidates read for the batch, and people it created).</summary>
    public int Count => _engine.Count;

    /// <summary>Reads the candidates for <paramref name="incoming"/> from <paramref name="visible"/> (merged
    /// records are never offered) and indexes them.</summary>
    public static async Task<BatchMatcher> LoadAsync(IQueryable<Person> visible, IReadOnlyCollection<Person> incoming, CancellationToken ct = default)
    {
        var nameKeys = incoming.SelectMany(p => new[] { p.SurnameKey, p.ForenameKey }).Where(k => k.Length > 0).Distinct().ToList();
        var sounds = incoming.SelectMany(p => new[] { p.SurnamePhonetic, p.ForenamePhonetic }).Where(k => k.Length > 0).Distinct().ToList();
        var dates = incoming.Select(p => p.DateOfBirth).OfType<DateOnly>().Distinct().ToList();
        var postcodes = incoming.Select(p => p.Postcode).OfType<string>().Distinct().ToList();

        var live = visible.AsNoTracking().Where(p => p.MergedIntoId == null);
        // One query per indexed key: an OR of them all would not use the indexes.
        var found = new Dictionary<Guid, Safeguard.Matching.PersonRecord>();
        await AddAsync(live.Where(p => nameKeys.Contains(p.SurnameKey)), found, ct);
        await AddAsync(live.Where(p => sounds.Contains(p.SurnamePhonetic)), found, ct);
        if (dates.Count > 0) await AddAsync(live.Where(p => p.DateOfBirth != null && dates.Contains(p.DateOfBirth.Value)), found, ct);
        if (postcodes.Count > 0) await AddAsync(live.Where(p => p.Postcode != null && postcodes.Contains(p.Postcode)), found, ct);
        return new BatchMatcher(found.Values);
    }

    private static async Task AddAsync(IQueryable<Person> query, Dictionary<Guid, Safeguard.Matching.PersonRecord> found, CancellationToken ct)
    {
        var rows = await query.Select(p => new { p.Id, p.Forename, p.Surname, p.DateOfBirth, p.Gender, p.AddressLine1, p.Town, p.Postcode })
            .ToListAsync(ct);
        foreach (var p in rows)
        {
            if (found.ContainsKey(p.Id)) continue;
            found[p.Id] = new Safeguard.Matching.PersonRecord(p.Id.ToString())
            {
                Forename = p.Forename, Surname = p.Surname, DateOfBirth = p.DateOfBirth, Gender = p.Gender,
                AddressLine = p.AddressLine1, Town = p.Town, Postcode = p.Postcode,
            };
        }
    }

    /// <summary>Matches one incoming person (not yet stored) against the candidates and the people added so far.</summary>
    public PersonMatchOutcome Match(Person incoming)
    {
        var record = PersonMatcher.ToRecord(incoming) with { Id = "incoming" };
        return PersonMatcher.From(_engine.Match(record));
    }

    /// <summary>A person the batch creates: later rows are matched against them too.</summary>
    public void Add(Person created) => _engine.Add(PersonMatcher.ToRecord(created));
}
