using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Records;

namespace Safeguard.Core.Import;

/// <summary>Matches an import's incoming people (O2) a batch at a time, with a handful of set-based queries instead
/// of a search per row. For each batch the database finds every existing person sharing an indexed key with
/// anyone in it (normalised surname, surname sound — either name, for names recorded the other way round — date
/// of birth, postcode); the probabilistic engine (Safeguard.Matching, with <see cref="PersonMatcher"/>'s model and
/// thresholds) indexes them by its own blocking rules and scores each row against the records sharing a
/// blocking key. The index lives for the whole run: a key read for one batch is not read again for the next (so
/// a long run reads each surname, date and postcode once, and later batches read almost nothing), and people the
/// run creates are added as they are created, so a person twice in one file is linked to themselves, as a row
/// always saw earlier rows of the run. A run with many rows against the people stored reads
/// everyone once at its start instead (<see cref="LoadAllAsync"/>). Either way, a person recorded by someone else
/// while the run goes on, under a key already read, is not a candidate for the rest of the run.</summary>
public sealed class BatchMatcher
{
    private Safeguard.Matching.Outcome.PersonMatcher _engine = NewEngine();
    private readonly HashSet<Guid> _indexed = [];
    // The keys whose people have been read: a later batch reads only keys not read before, so a long run reads each
    // surname, sound, date and postcode once (people the run creates are indexed as they are created).
    private readonly HashSet<string> _names = [], _sounds = [], _postcodes = [];
    private readonly HashSet<DateOnly> _dates = [];

    private static Safeguard.Matching.Outcome.PersonMatcher NewEngine() => new([], PersonMatcher.Model, PersonMatcher.Thresholds);

    /// <summary>Existing people in the index (candidates read so far, and people the run created).</summary>
    public int Count => _engine.Count;

    /// <summary>Whether every live person has been read (<see cref="LoadAllAsync"/>): then a batch reads nothing more.</summary>
    public bool HoldsEveryone { get; private set; }

    /// <summary>Reads every live person <paramref name="visible"/> holds, once, for a run so large that reading a batch's
    /// candidates key by key would cost more (the importer decides). Read as a stream, a few fields each.</summary>
    public async Task LoadAllAsync(IQueryable<Person> visible, CancellationToken ct = default)
    {
        await foreach (var p in Candidates(visible.AsNoTracking().Where(p => p.MergedIntoId == null)).AsAsyncEnumerable().WithCancellation(ct)) Add(p);
        HoldsEveryone = true;
    }

    /// <summary>Reads the candidates for <paramref name="incoming"/> from <paramref name="visible"/> (merged
    /// records are never offered) and indexes those not indexed yet.</summary>
    public async Task LoadAsync(IQueryable<Person> visible, IReadOnlyCollection<Person> incoming, CancellationToken ct = default)
    {
        if (HoldsEveryone) return;
        var nameKeys = incoming.SelectMany(p => new[] { p.SurnameKey, p.ForenameKey }).Where(k => k.Length > 0 && _names.Add(k)).ToList();
        var sounds = incoming.SelectMany(p => new[] { p.SurnamePhonetic, p.ForenamePhonetic }).Where(k => k.Length > 0 && _sounds.Add(k)).ToList();
        var dates = incoming.Select(p => p.DateOfBirth).OfType<DateOnly>().Where(_dates.Add).ToList();
        var postcodes = incoming.Select(p => p.Postcode).OfType<string>().Where(_postcodes.Add).ToList();

        var live = visible.AsNoTracking().Where(p => p.MergedIntoId == null);
        // One query per indexed key: an OR of them all would not use the indexes.
        if (nameKeys.Count > 0) await AddAsync(live.Where(p => nameKeys.Contains(p.SurnameKey)), ct);
        if (sounds.Count > 0) await AddAsync(live.Where(p => sounds.Contains(p.SurnamePhonetic)), ct);
        if (dates.Count > 0) await AddAsync(live.Where(p => p.DateOfBirth != null && dates.Contains(p.DateOfBirth.Value)), ct);
        if (postcodes.Count > 0) await AddAsync(live.Where(p => p.Postcode != null && postcodes.Contains(p.Postcode)), ct);
    }

    private async Task AddAsync(IQueryable<Person> query, CancellationToken ct)
    {
        foreach (var p in await Candidates(query).ToListAsync(ct)) Add(p);
    }

    // Only the fields the engine compares are read, as an untracked person.
    private static IQueryable<Person> Candidates(IQueryable<Person> query) => query.Select(p => new Person
    {
        Id = p.Id, Forename = p.Forename, Surname = p.Surname, DateOfBirth = p.DateOfBirth, Gender = p.Gender,
        AddressLine1 = p.AddressLine1, Town = p.Town, Postcode = p.Postcode,
    });

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
        HoldsEveryone = false;
        _names.Clear(); _sounds.Clear(); _postcodes.Clear(); _dates.Clear();
    }
}
