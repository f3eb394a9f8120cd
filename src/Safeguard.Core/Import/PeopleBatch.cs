using Microsoft.EntityFrameworkCore;
using Safeguard.Core.AccessLog;
using Safeguard.Core.Data;
using Safeguard.Core.MatchReviews;
using Safeguard.Core.Problems;
using Safeguard.Core.Records;

namespace Safeguard.Core.Import;

/// <summary>The people of one batch of rows, planned in memory and written with one save (O2, O3). Preparing
/// maps every row, finds which source ids are already imported (one query) and loads the batch's candidates
/// into the run's <see cref="BatchMatcher"/>; then each row in turn is matched and its person, source reference and
/// access-log row are kept in the batch's lists (the importer writes them in bulk), and any review rows added to the
/// unit of work. Nothing is saved here: the importer saves the batch with its checkpoint in one transaction, so a
/// batch is wholly stored or not at all.</summary>
public sealed class PeopleBatch
{
    private readonly MatchReviewService _reviews;
    private readonly AuditLog _audit;
    private readonly string _system;
    private readonly Dictionary<int, (MappedPerson? Mapped, Person? Person, string? Refused)> _rows = [];
    private readonly HashSet<string> _imported;
    private readonly BatchMatcher _matcher;

    private PeopleBatch(MatchReviewService reviews, AuditLog audit, BatchMatcher matcher, string system, HashSet<string> imported)
    {
        (_reviews, _audit, _matcher, _system, _imported) = (reviews, audit, matcher, system, imported);
    }

    /// <summary>People stored by this batch (new records, queued for review or not), each with its source reference.</summary>
    public List<Person> Created { get; } = [];
    /// <summary>Source references the batch adds to existing records (definite matches).</summary>
    public List<PersonSourceRef> Links { get; } = [];
    /// <summary>The batch's access-log rows, in order, not yet numbered: written with the people, in bulk.</summary>
    public List<AccessLog.AuditEntry> AuditRows { get; } = [];
    public int Linked { get; private set; }
    public int Queued { get; private set; }
    public int AlreadyImported { get; private set; }
    public List<ImportError> Errors { get; } = [];
    public List<ImportNote> Notes { get; } = [];

    public static async Task<PeopleBatch> PrepareAsync(SafeguardDb db, PeopleService people, PersonAccess access, MatchReviewService reviews,
        AuditLog audit, BatchMatcher matcher, PeopleMapping m, string system, DateOnly today, IReadOnlyList<SourceRow> rows, CancellationToken ct)
    {
        var mapped = new Dictionary<int, (MappedPerson?, Person?, string?)>();
        foreach (var row in rows)
        {
            try
            {
                if (row.Error is not null) throw new RowException(row.Error);
                var person = RowMapper.MapPerson(m, system, row, today);
                mapped[row.Line] = (person, null, null);
            }
            catch (RowException e) { mapped[row.Line] = (null, null, e.Message); }
        }
        var ids = mapped.Values.Select(v => v.Item1?.SourceId).OfType<string>().Distinct().ToList();
        var imported = (await db.PersonSourceRefs.AsNoTracking().Where(r => r.System == system && ids.Contains(r.SourceId))
            .Select(r => r.SourceId).ToListAsync(ct)).ToHashSet();
        var batch = new PeopleBatch(reviews, audit, matcher, system, imported);
        foreach (var (line, (m2, _, refused)) in mapped)
        {
            if (m2 is null || imported.Contains(m2.SourceId)) { batch._rows[line] = (m2, null, refused); continue; }
            try { batch._rows[line] = (m2, people.Build(Importer.ImportActor, m2.Input, allowMissingNamePart: true), null); }
            catch (ProblemException p) { batch._rows[line] = (m2, null, Importer.Describe(p.Problem)); }
        }
        await matcher.LoadAsync(access.Visible(Importer.ImportActor), batch._rows.Values.Select(r => r.Person).OfType<Person>().ToList(), ct);
        return batch;
    }

    /// <summary>Matches the row's person against existing records and the batch so far, and adds what it decides
    /// to the unit of work. False when the row is refused.</summary>
    public bool Add(SourceRow row)
    {
        var (mapped, person, refused) = _rows[row.Line];
        if (refused is not null || mapped is null) { Errors.Add(new ImportError(row.Line, refused ?? "the row could not be read")); return false; }
        // Imported before, or earlier in this batch (the same id twice in one file).
        if (!_imported.Add(mapped.SourceId)) { AlreadyImported++; return true; }
        switch (_matcher.Match(person!))
        {
            case PersonMatchOutcome.DefiniteMatch definite:
                Links.Add(new PersonSourceRef { PersonId = definite.Match.PersonId, System = _system, SourceId = mapped.SourceId });
                AuditRows.Add(_audit.Entry(Importer.ImportActor, AuditActions.Change, "person", definite.Match.PersonId.ToString(), definite.Match.PersonId,
                    $"linked to {_system} record (score {definite.Match.Score:0.00})"));
                Linked++;
                break;
            case PersonMatchOutcome.PossibleMatches possible:
                Store(person!);
                _reviews.QueueForNewPerson(person!.Id, possible.Candidates, MatchReviewService.FromImport(_system));
                Queued++;
                break;
            default:
                Store(person!);
                break;
        }
        Notes.AddRange(mapped.Notes.Select(n => new ImportNote(row.Line, n.Field, n.Reason)));
        return true;
    }

    private void Store(Person person)
    {
        AuditRows.Add(_audit.Entry(Importer.ImportActor, AuditActions.Create, "person", person.Id.ToString(), person.Id));
        _matcher.Add(person);
        Created.Add(person);
    }
}
