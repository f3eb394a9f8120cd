using System.Globalization;
using Safeguard.Core.Organisation;
using Safeguard.Core.Records;
using Safeguard.Core.Search;

namespace Safeguard.Core.Import;

/// <summary>An existing record that may be the incoming person: the score in [0, 1] and why.</summary>
public sealed record MatchCandidate(Guid PersonId, double Score, IReadOnlyList<string> Reasons);

/// <summary>What matching one incoming person against the existing records found (O2): nobody, records
/// a person must decide about, or one record that is certainly them.</summary>
public abstract record PersonMatchOutcome
{
    private PersonMatchOutcome() { }

    public sealed record NoMatch : PersonMatchOutcome;

    /// <summary>Ranked, likeliest first.</summary>
    public sealed record PossibleMatches(IReadOnlyList<MatchCandidate> Candidates) : PersonMatchOutcome;

    public sealed record DefiniteMatch(MatchCandidate Match) : PersonMatchOutcome;
}

/// <summary>The one place where an incoming person is matched against existing records. Import (and the
/// review queue) depend only on <see cref="PersonMatchOutcome"/>, so the scoring behind it can be swapped
/// for the probabilistic engine (Safeguard.Matching's <c>Outcome.PersonMatcher</c>) here without touching them.
/// For now it uses the search ranking (D1): a score of at least <see cref="DefiniteScore"/> with the same
/// full date of birth, and no rival that high, is definite; at least <see cref="PeopleService.PossibleMatchThreshold"/> is possible.</summary>
public sealed class PersonMatcher(PersonAccess access)
{
    public const double DefiniteScore = 0.95;

    public async Task<PersonMatchOutcome> MatchAsync(Actor actor, PersonInput incoming, DateOnly? dateOfBirth, CancellationToken ct = default)
    {
        var query = new PersonQuery($"{incoming.Forename} {incoming.Surname}",
            dateOfBirth?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), incoming.Postcode);
        // Merged records are never offered: PersonSearch leaves them out.
        var hits = await PersonSearch.FindAsync(access.Visible(actor), query, 10, ct);
        var candidates = hits.Where(h => h.Score >= PeopleService.PossibleMatchThreshold)
            .Select(h => (Hit: h, Candidate: new MatchCandidate(h.Person.Id, h.Score, h.Reasons))).ToList();
        if (candidates.Count == 0) return new PersonMatchOutcome.NoMatch();

        var top = candidates[0];
        bool sameBirthDate = dateOfBirth is not null && top.Hit.Person.DateOfBirth == dateOfBirth;
        bool noRival = candidates.Count == 1 || candidates[1].Hit.Score < DefiniteScore;
        if (top.Hit.Score >= DefiniteScore && sameBirthDate && noRival) return new PersonMatchOutcome.DefiniteMatch(top.Candidate);
        return new PersonMatchOutcome.PossibleMatches(candidates.Select(c => c.Candidate).ToList());
    }

    /// <summary>Told of each person the import creates, so later rows of the same run can match them. The
    /// search reads the database, so there is nothing to do today; an engine that keeps its own index of
    /// existing records adds the person here.</summary>
    public void Remember(Person created) { }
}
