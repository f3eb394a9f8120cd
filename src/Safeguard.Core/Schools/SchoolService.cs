using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.AccessLog;
using Safeguard.Core.Data;
using Safeguard.Core.Organisation;
using Safeguard.Core.Problems;

namespace Safeguard.Core.Schools;

/// <summary>What an administrator enters for a school.</summary>
public sealed record SchoolInput(string? Code, string? Name, string? LocalAuthority, string? KeyAdultName, string? KeyAdultContact);

/// <summary>Schools with their key adults, and each local authority's term dates (DA4, H2): reference data kept by
/// administrators, read by everyone who records an Operation Encompass notification. Every change is audited and
/// queues the people with incidents to be derived again, so open notification deadlines follow the new dates.</summary>
public sealed class SchoolService(SafeguardDb db, AuditLog audit, TimeProvider clock)
{
    public async Task<IReadOnlyList<School>> ListAsync(CancellationToken ct = default) =>
        (await db.Schools.AsNoTracking().ToListAsync(ct)).OrderBy(s => s.LocalAuthority, StringComparer.OrdinalIgnoreCase)
            .ThenBy(s => s.Name, StringComparer.OrdinalIgnoreCase).ToList();

    /// <summary>The school with this code, or null.</summary>
    public Task<School?> FindAsync(string? code, CancellationToken ct = default) =>
        string.IsNullOrWhiteSpace(code) ? Task.FromResult<School?>(null)
            : db.Schools.AsNoTracking().FirstOrDefaultAsync(s => s.Code == code.Trim(), ct);

    /// <summary>Adds a school; a code already held answers 409 <c>school-exists</c>.</summary>
    public async Task<School> AddAsync(Actor actor, SchoolInput input, CancellationToken ct = default)
    {
        RequireAdministrator(actor);
        var errors = Check(input, withCode: true);
        if (errors.Count > 0) throw new ProblemException(Problems.Problems.Invalid(errors));
        var code = input.Code!.Trim();
        if (await db.Schools.AnyAsync(s => s.Code == code, ct))
            throw new ProblemException(new Problem(409, ProblemCodes.SchoolExists, "Already a school", $"A school with code {code} is already held.",
                new Dictionary<string, string[]> { ["code"] = [$"A school with code {code} is already held"] }));
        var school = new School { Code = code };
        Apply(school, input);
        db.Schools.Add(school);
        audit.Record(actor, AuditActions.Create, "school", code, detail: school.Name);
        QueueRederivation(actor, $"the school {school.Name} was added");
        await db.SaveChangesAsync(ct);
        return school;
    }

    /// <summary>Changes a school's name, local authority or key adult. An <paramref name="expectedVersion"/> older than
    /// the school's answers 409 <c>stale-version</c>; an unknown code 404.</summary>
    public async Task<School> ChangeAsync(Actor actor, string code, SchoolInput input, int? expectedVersion, CancellationToken ct = default)
    {
        RequireAdministrator(actor);
        var school = await db.Schools.FirstOrDefaultAsync(s => s.Code == code, ct) ?? throw new ProblemException(Problems.Problems.NotFound("school"));
        var errors = Check(input, withCode: false);
        if (errors.Count > 0) throw new ProblemException(Problems.Problems.Invalid(errors));
        if (expectedVersion is { } v && v != school.Version)
            throw new ProblemException(new Problem(409, ProblemCodes.StaleVersion, "Changed by someone else",
                $"The school is at version {school.Version}, not {v}: read it again."));
        var before = $"{school.Name}, {school.LocalAuthority}, {school.KeyAdultName} ({school.KeyAdultContact})";
        Apply(school, input);
        school.Version++;
        audit.Record(actor, AuditActions.Change, "school", code, detail: $"{before} -> {school.Name}, {school.LocalAuthority}, {school.KeyAdultName} ({school.KeyAdultContact})");
        QueueRederivation(actor, $"the school {school.Name} was changed");
        await db.SaveChangesAsync(ct);
        return school;
    }

    /// <summary>Terms held, by local authority then start date; only one local authority's when given.</summary>
    public async Task<IReadOnlyList<SchoolTerm>> TermsAsync(string? localAuthority = null, CancellationToken ct = default)
    {
        var terms = await db.SchoolTerms.AsNoTracking().ToListAsync(ct);
        return terms.Where(t => localAuthority is null || SameAuthority(t.LocalAuthority, localAuthority))
            .OrderBy(t => t.LocalAuthority, StringComparer.OrdinalIgnoreCase).ThenBy(t => t.StartDate).ToList();
    }

    /// <summary>Adds a term. A term that overlaps another of the same local authority answers 409 <c>school-term-overlaps</c>.</summary>
    public async Task<SchoolTerm> AddTermAsync(Actor actor, string? localAuthority, string? name, string? startDate, string? endDate, CancellationToken ct = default)
    {
        RequireAdministrator(actor);
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(localAuthority) || localAuthority.Trim().Length > 200) errors["localAuthority"] = ["Enter the local authority"];
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > 100) errors["name"] = ["Enter the term's name (at most 100 characters), for example Spring term 2027 (first half)"];
        var start = ParseDate(startDate, "startDate", "first day", errors);
        var end = ParseDate(endDate, "endDate", "last day", errors);
        if (start is { } s && end is { } e && e < s) errors["endDate"] = ["The last day must be on or after the first day"];
        if (start is { } s2 && end is { } e2 && e2.DayNumber - s2.DayNumber > 200) errors["endDate"] = ["A term is at most 200 days long: enter each term (or half term) on its own"];
        if (errors.Count > 0) throw new ProblemException(Problems.Problems.Invalid(errors));
        var authority = localAuthority!.Trim();
        var clash = (await TermsAsync(authority, ct)).FirstOrDefault(t => t.StartDate <= end!.Value && start!.Value <= t.EndDate);
        if (clash is not null)
            throw new ProblemException(new Problem(409, ProblemCodes.SchoolTermOverlaps, "Overlaps another term",
                $"{clash.Name} ({clash.StartDate:d MMMM yyyy} to {clash.EndDate:d MMMM yyyy}) is already held for {authority}.",
                new Dictionary<string, string[]> { ["startDate"] = [$"These dates overlap {clash.Name}, {clash.StartDate:d MMMM yyyy} to {clash.EndDate:d MMMM yyyy}"] }));
        var term = new SchoolTerm { LocalAuthority = authority, Name = name!.Trim(), StartDate = start!.Value, EndDate = end!.Value };
        db.SchoolTerms.Add(term);
        audit.Record(actor, AuditActions.Create, "school-term", term.Id.ToString(), detail: $"{authority}: {term.Name} {term.StartDate:yyyy-MM-dd} to {term.EndDate:yyyy-MM-dd}");
        QueueRederivation(actor, $"{authority}'s term dates changed");
        await db.SaveChangesAsync(ct);
        return term;
    }

    /// <summary>Removes a term entered in error; an unknown id answers 404.</summary>
    public async Task RemoveTermAsync(Actor actor, Guid id, CancellationToken ct = default)
    {
        RequireAdministrator(actor);
        var term = await db.SchoolTerms.FirstOrDefaultAsync(t => t.Id == id, ct) ?? throw new ProblemException(Problems.Problems.NotFound("school term"));
        db.SchoolTerms.Remove(term);
        audit.Record(actor, AuditActions.Change, "school-term", id.ToString(), detail: $"removed {term.LocalAuthority}: {term.Name} {term.StartDate:yyyy-MM-dd} to {term.EndDate:yyyy-MM-dd}");
        QueueRederivation(actor, $"{term.LocalAuthority}'s term dates changed");
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The local authorities known: those of partner organisations, schools and terms, in name order.</summary>
    public async Task<IReadOnlyList<string>> LocalAuthoritiesAsync(CancellationToken ct = default)
    {
        var names = (await db.Organisations.AsNoTracking().Where(o => o.LocalAuthority != null).Select(o => o.LocalAuthority!).ToListAsync(ct))
            .Concat(await db.Schools.AsNoTracking().Select(s => s.LocalAuthority).ToListAsync(ct))
            .Concat(await db.SchoolTerms.AsNoTracking().Select(t => t.LocalAuthority).ToListAsync(ct));
        return names.Select(n => n.Trim()).Where(n => n.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase)
            .Order(StringComparer.OrdinalIgnoreCase).ToList();
    }

    public static bool SameAuthority(string a, string b) => string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);

    private static Dictionary<string, string[]> Check(SchoolInput input, bool withCode)
    {
        var errors = new Dictionary<string, string[]>();
        if (withCode && (string.IsNullOrWhiteSpace(input.Code) || input.Code.Trim().Length > 40 || input.Code.Trim().Any(char.IsWhiteSpace)))
            errors["code"] = ["Enter the school's code (at most 40 characters, no spaces), for example its URN"];
        Required(input.Name, "name", "Enter the school's name", errors);
        Required(input.LocalAuthority, "localAuthority", "Enter the local authority whose term dates the school keeps", errors);
        Required(input.KeyAdultName, "keyAdultName", "Enter the key adult's name", errors);
        Required(input.KeyAdultContact, "keyAdultContact", "Enter how to reach the key adult (secure email or telephone)", errors);
        return errors;
    }

    private static void Required(string? value, string field, string message, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Trim().Length > 200) errors[field] = [message + " (at most 200 characters)"];
    }

    private static void Apply(School school, SchoolInput input)
    {
        school.Name = input.Name!.Trim();
        school.LocalAuthority = input.LocalAuthority!.Trim();
        school.KeyAdultName = input.KeyAdultName!.Trim();
        school.KeyAdultContact = input.KeyAdultContact!.Trim();
    }

    private static DateOnly? ParseDate(string? text, string field, string what, Dictionary<string, string[]> errors)
    {
        if (DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        errors[field] = [$"Enter the term's {what} as a real date"];
        return null;
    }

    private static void RequireAdministrator(Actor actor)
    {
        if (!actor.IsAdministrator) throw new ProblemException(Problems.Problems.Forbidden("Only administrators may change schools and term dates."));
    }

    // An Operation Encompass deadline depends on the school and its term dates: open ones are worked out again.
    private void QueueRederivation(Actor actor, string cause) =>
        db.DerivationJobs.Add(new Derivation.DerivationJob
        {
            Id = Guid.NewGuid(), Cause = cause, EventTypes = "incident", CreatedAt = clock.GetUtcNow(), CreatedBy = actor.Id,
        });
}
