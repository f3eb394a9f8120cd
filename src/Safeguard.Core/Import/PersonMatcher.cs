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

/// <summary>The one place where an incoming person is matched against existing records (O2), for import
/// and the review queue. The database finds the candidates (indexed name keys, as search does: the
/// blocking step); the probabilistic engine (Safeguard.Matching, Fellegi–Sunter) scores each pair and
/// decides: a definite match needs a probability of at least <see cref="DefiniteProbability"/> with no rival
/// above <see cref="PossibleProbability"/>. Every candidate carries the per-field evidence as its reasons.</summary>
public sealed class PersonMatcher(PersonAccess access)
{
    public const double PossibleProbability = 0.1;
    public const double DefiniteProbability = 0.99;
    private const int CandidateLimit = 30;

    internal static readonly Safeguard.Matching.Model.MatchModel Model = Safeguard.Matching.Model.MatchModel.CreateDefault();
    internal static readonly Safeguard.Matching.Outcome.MatchThresholds Thresholds =
        new() { PossibleMatch = PossibleProbability, DefiniteMatch = DefiniteProbability };

    public async Task<PersonMatchOutcome> MatchAsync(Actor actor, PersonInput incoming, DateOnly? dateOfBirth, CancellationToken ct = default)
    {
        var query = new PersonQuery($"{incoming.Forename} {incoming.Surname}",
            dateOfBirth?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), incoming.Postcode);
        // Merged records are never offered: PersonSearch leaves them out.
        var hits = await PersonSearch.FindAsync(access.Visible(actor), query, CandidateLimit, ct);
        if (hits.Count == 0) return new PersonMatchOutcome.NoMatch();

        var engine = new Safeguard.Matching.Outcome.PersonMatcher(hits.Select(h => ToRecord(h.Person)), Model, Thresholds);
        return From(engine.Match(new Safeguard.Matching.PersonRecord("incoming")
        {
            Forename = incoming.Forename, Surname = incoming.Surname, DateOfBirth = dateOfBirth, Gender = incoming.Gender,
            AddressLine = incoming.AddressLine1, Town = incoming.Town, Postcode = incoming.Postcode,
        }));
    }

    internal static PersonMatchOutcome From(Safeguard.Matching.Outcome.MatchOutcome outcome) => outcome switch
    {
        Safeguard.Matching.Outcome.MatchOutcome.DefiniteMatch d => new PersonMatchOutcome.DefiniteMatch(ToCandidate(d.Match)),
        Safeguard.Matching.Outcome.MatchOutcome.PossibleMatches p => new PersonMatchOutcome.PossibleMatches(p.Candidates.Select(ToCandidate).ToList()),
        _ => new PersonMatchOutcome.NoMatch(),
    };

    internal static Safeguard.Matching.PersonRecord ToRecord(Person p) => new(p.Id.ToString())
    {
        Forename = p.Forename, Surname = p.Surname, DateOfBirth = p.DateOfBirth, Gender = p.Gender,
        AddressLine = p.AddressLine1, Town = p.Town, Postcode = p.Postcode,
    };

    private static MatchCandidate ToCandidate(Safeguard.Matching.Outcome.CandidateMatch c) => new(
        Guid.Parse(c.RecordId), Math.Round(c.Probability, 4),
        c.Explanation.Fields.Where(f => f.Level != "missing").Select(f => $"{FieldWords(f.Field)}: {f.Level} ({Strength(f.Weight)})").ToList());

    // Reasons are read by practitioners: fields and the weight of evidence in words, not field codes and bits.
    private static string FieldWords(string field) => field switch
    {
        "dateOfBirth" => "date of birth",
        "addressLine" => "address",
        "fullName" => "full name",
        "identifier" => "reference number",
        _ => field,
    };

    private static string Strength(double bits) => bits switch
    {
        >= 6 => "very strong evidence of the same person",
        >= 2 => "strong evidence of the same person",
        > 0.5 => "some evidence of the same person",
        >= -0.5 => "neither way",
        >= -3 => "some evidence of different people",
        _ => "strong evidence of different people",
    };
}
