using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.AccessLog;
using Safeguard.Core.Data;
using Safeguard.Core.Organisation;
using Safeguard.Core.Problems;
using Safeguard.Core.Search;

namespace Safeguard.Core.Records;

/// <summary>The details of a person as submitted (API.md "POST /api/v1/people").</summary>
public sealed record PersonInput(string? Forename, string? Surname, string? DateOfBirth = null, string? Gender = null,
    IReadOnlyList<string>? Aliases = null, string? AddressLine1 = null, string? Town = null, string? Postcode = null,
    string? SourceSystem = null, string? SourceId = null);

/// <summary>A record that may be the same person as one being created (D2).</summary>
public sealed record PossibleMatch(Guid PersonId, string Name, DateOnly? DateOfBirth, double Score, IReadOnlyList<string> Reasons);

public sealed record PersonCreated(Person Person, bool AlreadyExisted, IReadOnlyList<PossibleMatch> PossibleMatches);

/// <summary>Creates and corrects people. A correction keeps the old version readable (A3); a second
/// create with the same source reference answers with the existing person.</summary>
public sealed partial class PeopleService(SafeguardDb db, PersonAccess access, AuditLog audit, Derivation.RulesRunner rules, TimeProvider clock,
    Offenders.OffenderAddressLinks addressLinks)
{

    public async Task<PersonCreated> CreateAsync(Actor actor, PersonInput input, CancellationToken ct = default)
    {
        if (!actor.CanRecord) throw new ProblemException(Problems.Problems.Forbidden("Your role may not create records of people."));
        var (forename, surname, dob) = Validate(input);

        if (input.SourceSystem is { Length: > 0 } system && input.SourceId is { Length: > 0 } sourceId)
        {
            var existingId = await db.PersonSourceRefs.Where(r => r.System == system && r.SourceId == sourceId)
                .Select(r => (Guid?)r.PersonId).FirstOrDefaultAsync(ct);
            if (existingId is { } found)
                return new PersonCreated(await access.GetVisibleAsync(actor, found, ct), true, []);
        }

        var matches = await PossibleMatchesAsync(actor, forename, surname, dob, input.Postcode, ct);
        var person = NewPerson(actor, input, forename, surname, dob);
        db.People.Add(person);
        audit.Record(actor, AuditActions.Create, "person", person.Id.ToString(), person.Id);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException) when (input.SourceSystem is { Length: > 0 } && input.SourceId is { Length: > 0 })
        {
            // The same source record was created by another request a moment ago: answer with that person.
            db.ChangeTracker.Clear();
            var existing = await db.PersonSourceRefs.Where(r => r.System == input.SourceSystem && r.SourceId == input.SourceId)
                .Select(r => (Guid?)r.PersonId).FirstOrDefaultAsync(ct) ?? throw new InvalidOperationException("Saving the person failed.");
            return new PersonCreated(await access.GetVisibleAsync(actor, existing, ct), true, []);
        }
        await LinkToOffendersAsync(person, ct);
        return new PersonCreated(person, false, matches);
    }

    /// <summary>A new person, validated as <see cref="CreateAsync"/> validates, for a caller that stores many at once
    /// (the importer: it adds them, their audit rows and source references, saves once per batch, then calls
    /// <see cref="LinkToOffendersAsync"/> for each). The caller checks the source reference is not already taken.
    /// With <paramref name="allowMissingNamePart"/> a forename or a surname may be empty, not both: an older
    /// system's record with only one name part is still somebody (the importer notes the gap).</summary>
    public Person Build(Actor actor, PersonInput input, bool allowMissingNamePart = false)
    {
        if (!actor.CanRecord) throw new ProblemException(Problems.Problems.Forbidden("Your role may not create records of people."));
        var (forename, surname, dob) = Validate(input, allowMissingNamePart);
        return NewPerson(actor, input, forename, surname, dob);
    }

    private Person NewPerson(Actor actor, PersonInput input, string forename, string surname, DateOnly? dob)
    {
        var person = new Person
        {
            Id = Guid.NewGuid(),
            Forename = forename,
            Surname = surname,
            DateOfBirth = dob,
            Gender = Clean(input.Gender),
            Aliases = (input.Aliases ?? []).Select(a => a.Trim()).Where(a => a.Length > 0).Distinct().ToList(),
            AddressLine1 = Clean(input.AddressLine1),
            Town = Clean(input.Town),
            Postcode = input.Postcode,
            CreatedAt = clock.GetUtcNow(),
            CreatedBy = actor.Id,
            Unit = actor.Team ?? "",
        };
        if (input.SourceSystem is { Length: > 0 } s && input.SourceId is { Length: > 0 } id)
            person.SourceRefs.Add(new PersonSourceRef { PersonId = person.Id, System = s, SourceId = id });
        PersonSearchKeys.Apply(person);
        return person;
    }

    /// <summary>K4: a child recorded at a registered sex offender's home is linked to them, and the offenders derived again
    /// (their manager alerted), in one unit of work. Runs after the person is saved.</summary>
    public async Task LinkToOffendersAsync(Person person, CancellationToken ct)
    {
        if (AddressKey(person) is null) return;
        // The importer creates people inside its own transaction: then this is part of it.
        var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        try
        {
            var offenders = await addressLinks.LinkPersonAsync(person, ct);
            if (offenders.Count > 0)
                await rules.RederiveWithNeighboursAsync(offenders.Append(person.Id).ToList(), "a child was recorded at a registered sex offender's address", ct);
            if (own is not null) await own.CommitAsync(ct);
        }
        finally
        {
            if (own is not null) await own.DisposeAsync();
        }
    }

    private static Rules.Offenders.AddressKey? AddressKey(Person person) => Rules.Offenders.AddressKey.Of(person.AddressLine1, person.Postcode);

    /// <summary>Likely existing records for someone about to be recorded (D2), best first.</summary>
    public async Task<IReadOnlyList<PossibleMatch>> PossibleMatchesAsync(Actor actor, string forename, string surname, DateOnly? dob,
        string? postcode, CancellationToken ct = default)
    {
        // The same matching as import (O2): explainable per field, one place to change.
        var outcome = await new Import.PersonMatcher(access).MatchAsync(actor, new PersonInput(forename, surname, Postcode: postcode), dob, ct);
        IReadOnlyList<Import.MatchCandidate> candidates = outcome switch
        {
            Import.PersonMatchOutcome.DefiniteMatch d => [d.Match],
            Import.PersonMatchOutcome.PossibleMatches p => p.Candidates,
            _ => [],
        };
        await audit.RecordListNowAsync(actor, AuditActions.Search, "people", candidates.Select(c => (Guid?)c.PersonId),
            $"possible matches: {candidates.Count} results", ct: ct);
        if (candidates.Count == 0) return [];
        var ids = candidates.Select(c => c.PersonId).ToList();
        var people = await db.People.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        return candidates.Where(c => people.ContainsKey(c.PersonId))
            .Select(c => new PossibleMatch(c.PersonId, people[c.PersonId].FullName, people[c.PersonId].DateOfBirth, c.Score, c.Reasons)).ToList();
    }

    private (string Forename, string Surname, DateOnly? Dob) Validate(PersonInput input, bool allowMissingNamePart = false)
    {
        var errors = new Dictionary<string, string[]>();
        var forename = Clean(input.Forename) ?? "";
        var surname = Clean(input.Surname) ?? "";
        bool oneMayBeMissing = allowMissingNamePart && (forename.Length > 0 || surname.Length > 0);
        if (forename.Length == 0 && !oneMayBeMissing) errors["forename"] = ["Enter a forename (or 'Unknown')."];
        if (surname.Length == 0 && !oneMayBeMissing) errors["surname"] = ["Enter a surname (or 'Unknown')."];
        if (forename.Length > 100) errors["forename"] = ["Forename must be 100 characters or fewer."];
        if (surname.Length > 100) errors["surname"] = ["Surname must be 100 characters or fewer."];
        if (forename.Length > 0 && PersonNames.Problem(forename, "Forename") is { } fp) errors["forename"] = [fp];
        if (surname.Length > 0 && PersonNames.Problem(surname, "Surname") is { } sp) errors["surname"] = [sp];
        if ((input.Aliases ?? []).Select(a => (a ?? "").Trim()).Where(a => a.Length > 0)
                .Select(a => PersonNames.Problem(a, "An alias")).FirstOrDefault(p => p is not null) is { } ap)
            errors["aliases"] = [ap];
        DateOnly? dob = null;
        if (!string.IsNullOrWhiteSpace(input.DateOfBirth))
        {
            if (!DateOnly.TryParseExact(input.DateOfBirth.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                errors["dateOfBirth"] = ["Date of birth must be a real date, YYYY-MM-DD."];
            else if (d.Year < 1900 || d > Calendar.SafeguardCalendar.LondonDate(clock.GetUtcNow())) errors["dateOfBirth"] = ["Date of birth must be in the past."];
            else dob = d;
        }
        if ((input.Aliases?.Count ?? 0) > 20) errors["aliases"] = ["At most 20 aliases."];
        if (input.Postcode is { Length: > 10 }) errors["address.postcode"] = ["Postcode must be 10 characters or fewer."];
        // Control characters are never part of a gender, an address or a postcode (and PostgreSQL refuses NUL).
        foreach (var (field, value) in new[] { ("gender", input.Gender), ("address.line1", input.AddressLine1), ("address.town", input.Town), ("address.postcode", input.Postcode) })
            if (value is not null && value.Any(char.IsControl)) errors[field] = ["Must not contain control characters."];
        if (errors.Count > 0) throw new ProblemException(Problems.Problems.Invalid(errors));
        return (forename, surname, dob);
    }

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
