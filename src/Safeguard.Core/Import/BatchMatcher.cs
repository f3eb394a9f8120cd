using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Records;

namespace Safeguard.Core.Import;

/// <summary>Matches an import's incoming people (O2) a batch at a time, with a handful of set-based queries instead
/// of a search per row. For each batch the database finds every existing person sharing an indexed key with
/// anyone in it (normalised surname, surname sound — either name, for names recorded the other way round — date
/// of birth, postcode); the probabilistic engine (Safeguard.Matching, with <see cref="PersonMatcher"/>'s model and
/// thresholds) indexes them by its own blocking rules and scores each row against the records sharing a
/// blocking key. The index lives for the whole run: a record read for one batch is not indexed again for the
/// next, and people the run creates are added as they are created, so a person twice in one file is linked to
/// themselves, as a row always saw earlier rows of the run.</summary>
public sealed class BatchMatcher
{
    private Safeguard.Matching.Outcome.PersonMatcher _engine = NewEngine();
    private readonly HashSet<Guid> _indexed = [];

    private static Safeguard.Matching.Outcome.PersonMatcher NewEngine() => new([], PersonMatcher.Model, PersonMatcher.Thresholds);

    /// <summary>Existing people in the index (candidates read so far, and people the run created).</summary>
    public int Count => _engine.Count;

    /// <summary>Reads the candidates for <paramref name="incoming"/> from <paramref name="visible"/> (merged
    /// records are never offered) and indexes those not indexed yet.</summary>
    public async Task LoadAsync(IQueryable<Person> visible, IReadOnlyCollection<Person> incoming, CancellationToken ct = default)
    {
        var nameKeys = incoming.SelectMany(p => new[] { p.SurnameKey, p.ForenameKey }).Where(k => k.Length > 0).Distinct().ToList();
        var sounds = incoming.SelectMany(p => new[] { p.SurnamePhonetic, p.ForenamePhonetic }).Where(k => k.Length > 0).Distinct().ToList();
        var dates = incoming.Select(p => p.DateOfBirth).OfType<DateOnly>().Distinct().ToList();
        var postcodes = incoming.Select(p => p.Postcode).OfType<string>().Distinct().ToList();

        var live = visible.AsNoTracking().Where(p => p.MergedIntoId == null);
        // One query per indexed key: an OR of them all would not use the indexes.
        await AddAsync(live.Where(p => nameKeys.Contains(p.SurnameKey)), ct);
        await AddAsync(live.Where(p => sounds.Contains(p.SurnamePhonetic)), ct);
        if (dates.Count > 0) await AddAsync(live.Where(p => p.DateOfBirth != null && dates.Contains(p.DateOfBirth.Value)), ct);
        if (postcodes.Count > 0) await AddAsync(live.Where(p => p.Postcode != null && postcodes.Contains(p.Postcode)), ct);
    }

    private async Task AddAsync(IQueryable<Person> query, CancellationToken ct)
    {
        // Only the fields the engine compares are read, as an untracked person.
        var rows = await query.Select(p => new Person
        {
            Id = p.Id, Forename = p.Forename, Surname = p.Surname, DateOfBirth = p.DateOfBirth, Gender = p.Gender,
            AddressLine1 = p.AddressLine1, Town = p.Town, Postcode = p.Postcode,
        }).ToListAsync(ct);
        foreach (var p in rows) Add(p);
    }

    /// <summary>Matches one incoming person (not yet stored) against the people indexed so far.</summary>
    public PersonMatchOutcome Match(Person incoming) => PersonMatcher.From(_engine.Match(PersonMatcher.ToRecord(incoming) with { Id = "incoming" }));

    /// <summary>A person later rows are matched against: a candidate read from the database, or one the run creates.</summary>
    public void Add(Person created)
    {
        if (_indexed.Add(created.Id)) _engine.Add(PersonMatcher.ToRecord(created));
    }

    /// <summary>Forgets everything indexed, after a batch whose people were not stored after all.</summary>
    public void Reset()
    {
        _engine = NewEngine();
        _indexed.Clear();
    }
}
