using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.AccessLog;
using Safeguard.Core.Organisation;
using Safeguard.Core.Problems;

namespace Safeguard.Core.Records;

/// <summary>A person's details as they stood in one version.</summary>
public sealed record PersonDetails(string Forename, string Surname, DateOnly? DateOfBirth, string? Gender, IReadOnlyList<string> Aliases,
    string? AddressLine1, string? Town, string? Postcode)
{
    public static PersonDetails Of(Person p) => new(p.Forename, p.Surname, p.DateOfBirth, p.Gender, [.. p.Aliases], p.AddressLine1, p.Town, p.Postcode);
}

/// <summary>One version of a person's details, with who made it, when and why (the reason is null for the
/// first version, which was created, not corrected).</summary>
public sealed record PersonVersionView(int Version, bool Current, DateTimeOffset At, string By, string? Reason, PersonDetails Details);

public sealed partial class PeopleService
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Corrects a person's details (A3): the fields named in <paramref name="given"/> change, the others stay;
    /// the version it replaces stays readable with who, when and why. Based on an older version than the stored
    /// one: 409 <c>stale-version</c>.</summary>
    /// <param name="actor">Who corrects.</param>
    /// <param name="id">The person.</param>
    /// <param name="input">The corrected details.</param>
    /// <param name="given">The body's fields that were sent (<c>forename</c>, <c>address</c>, ...).</param>
    /// <param name="reason">Why; required.</param>
    /// <param name="expectedVersion">The version the correction was made on; required.</param>
    /// <param name="ct">Cancels the request.</param>
    public async Task<Person> CorrectAsync(Actor actor, Guid id, PersonInput input, IReadOnlySet<string> given, string reason, int? expectedVersion,
        CancellationToken ct = default)
    {
        if (!actor.CanRecord) throw new ProblemException(Problems.Problems.Forbidden("Your role may not correct records."));
        if (string.IsNullOrWhiteSpace(reason)) throw new ProblemException(Problems.Problems.Invalid("reason", "Say why the record is being corrected."));
        if (expectedVersion is null) throw new ProblemException(Problems.Problems.Invalid("expectedVersion", "is required: the version of the record you are correcting"));
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await PersonLocks.TakeAsync(db, [id], ct);
        var person = await access.GetVisibleAsync(actor, id, ct);
        if (person.Version != expectedVersion) throw new ProblemException(Problems.Problems.StaleVersion("person", person.Version));

        var was = PersonDetails.Of(person);
        var merged = new PersonInput(
            given.Contains("forename") ? input.Forename : was.Forename, given.Contains("surname") ? input.Surname : was.Surname,
            given.Contains("dateOfBirth") ? input.DateOfBirth : was.DateOfBirth?.ToString("yyyy-MM-dd"),
            given.Contains("gender") ? input.Gender : was.Gender, given.Contains("aliases") ? input.Aliases : was.Aliases,
            given.Contains("address") ? input.AddressLine1 : was.AddressLine1, given.Contains("address") ? input.Town : was.Town,
            given.Contains("address") ? input.Postcode : was.Postcode);
        var (forename, surname, dob) = Validate(merged);

        db.PersonVersions.Add(new PersonVersion
        {
            PersonId = person.Id, Version = person.Version, ChangedAt = clock.GetUtcNow(), ChangedBy = actor.Id, Reason = reason.Trim(),
            Snapshot = JsonSerializer.Serialize(was, Json),
        });
        person.Forename = forename;
        person.Surname = surname;
        person.DateOfBirth = dob;
        person.Gender = Clean(merged.Gender);
        person.Aliases = (merged.Aliases ?? []).Select(a => a.Trim()).Where(a => a.Length > 0).Distinct().ToList();
        person.AddressLine1 = Clean(merged.AddressLine1);
        person.Town = Clean(merged.Town);
        person.Postcode = merged.Postcode;
        person.Version++;
        PersonSearchKeys.Apply(person);
        audit.Record(actor, AuditActions.Change, "person", person.Id.ToString(), person.Id, $"version {person.Version}", reason);
        await db.SaveChangesAsync(ct);
        // K4: a child now recorded at a registered sex offender's home is linked to them.
        var offenders = await addressLinks.LinkPersonAsync(person, ct);
        // A corrected date of birth can change what the rules find (ages, the CAWN limit, who counts as a child).
        await rules.RederiveWithNeighboursAsync([person.Id, .. offenders],
            $"the person's details were corrected on {Calendar.SafeguardCalendar.LondonDate(clock.GetUtcNow()):d MMMM yyyy}: {reason.Trim()}", ct);
        await tx.CommitAsync(ct);
        return person;
    }

    /// <summary>Every version of a person's details, oldest first, with who made it, when and why; reading them is logged.</summary>
    public async Task<IReadOnlyList<PersonVersionView>> VersionsAsync(Actor actor, Guid id, CancellationToken ct = default)
    {
        var person = await access.GetVisibleAsync(actor, id, ct);
        var stored = await db.PersonVersions.AsNoTracking().Where(v => v.PersonId == id).OrderBy(v => v.Version).ToListAsync(ct);
        var result = new List<PersonVersionView>();
        for (int v = 1; v <= person.Version; v++)
        {
            var old = stored.FirstOrDefault(x => x.Version == v);
            var madeBy = stored.FirstOrDefault(x => x.Version == v - 1);
            var details = old is null ? PersonDetails.Of(person) : JsonSerializer.Deserialize<PersonDetails>(old.Snapshot, Json) ?? PersonDetails.Of(person);
            result.Add(new PersonVersionView(v, v == person.Version, madeBy?.ChangedAt ?? person.CreatedAt, madeBy?.ChangedBy ?? person.CreatedBy,
                madeBy?.Reason, details with { Aliases = details.Aliases ?? [] }));
        }
        await audit.RecordNowAsync(actor, AuditActions.View, "person-versions", id.ToString(), id, $"{result.Count} versions", ct: ct);
        return result;
    }
}
