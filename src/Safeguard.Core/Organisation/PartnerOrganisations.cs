using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.AccessLog;
using Safeguard.Core.Data;
using Safeguard.Core.Problems;

namespace Safeguard.Core.Organisation;

/// <summary>An organisation as administrators see it, with how many users belong to it.</summary>
public sealed record OrganisationView(string Code, string Name, string Kind, string? LocalAuthority, int Users);

/// <summary>A partner organisation to add.</summary>
public sealed record NewOrganisation(string? Code, string? Name, string? Kind, string? LocalAuthority);

/// <summary>Partner organisations (J1): children's social care, health, education. Administrators add them; their users
/// (role <c>partner-practitioner</c>) are added on the users page with the organisation. A code never changes once
/// given, because shares, referrals and actions name it.</summary>
public sealed partial class PartnerOrganisations(SafeguardDb db, AuditLog audit)
{
    public static readonly IReadOnlyList<string> Kinds = ["social-care", "health", "education", "police"];

    public static string DescribeKind(string kind) => kind switch
    {
        "social-care" => "Children's social care",
        "health" => "Health",
        "education" => "Education",
        "police" => "Another police force",
        _ => kind,
    };

    public async Task<IReadOnlyList<OrganisationView>> ListAsync(Actor actor, CancellationToken ct = default)
    {
        RequireAdministrator(actor);
        var counts = await db.Users.AsNoTracking().Where(u => u.OrganisationCode != null).GroupBy(u => u.OrganisationCode!)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        return (await db.Organisations.AsNoTracking().OrderBy(o => o.Name).ToListAsync(ct))
            .Select(o => new OrganisationView(o.Code, o.Name, o.Kind, o.LocalAuthority, counts.GetValueOrDefault(o.Code))).ToList();
    }

    /// <summary>Every organisation by name, to choose from when sharing (names and codes are not personal data).</summary>
    public async Task<IReadOnlyList<PartnerOrganisation>> AllAsync(CancellationToken ct = default) =>
        await db.Organisations.AsNoTracking().OrderBy(o => o.Name).ToListAsync(ct);

    public async Task<OrganisationView> AddAsync(Actor actor, NewOrganisation input, CancellationToken ct = default)
    {
        RequireAdministrator(actor);
        var errors = new Dictionary<string, string[]>();
        var code = input.Code?.Trim().ToUpperInvariant() ?? "";
        var name = input.Name?.Trim() ?? "";
        var kind = input.Kind?.Trim() ?? "";
        var authority = string.IsNullOrWhiteSpace(input.LocalAuthority) ? null : input.LocalAuthority.Trim();
        if (!CodePattern().IsMatch(code)) errors["code"] = ["Give a code of 2 to 20 capital letters, digits and hyphens, like LA-NMR."];
        else if (await db.Organisations.AnyAsync(o => o.Code == code, ct)) errors["code"] = [$"There is already an organisation with the code {code}."];
        if (name.Length is 0) errors["name"] = ["Give the organisation's name."];
        else if (name.Length > 200 || name.Any(char.IsControl)) errors["name"] = ["The name must be 200 characters or fewer, on one line."];
        if (!Kinds.Contains(kind)) errors["kind"] = ["Choose the kind of organisation."];
        if (authority is { Length: > 200 } || authority?.Any(char.IsControl) == true) errors["localAuthority"] = ["The local authority must be 200 characters or fewer, on one line."];
        if (errors.Count > 0) throw new ProblemException(Problems.Problems.Invalid(errors));

        db.Organisations.Add(new PartnerOrganisation { Code = code, Name = name, Kind = kind, LocalAuthority = authority });
        audit.Record(actor, AuditActions.Create, "organisation", code, detail: $"added {name} ({kind})");
        await db.SaveChangesAsync(ct);
        return new OrganisationView(code, name, kind, authority, 0);
    }

    [GeneratedRegex("^[A-Z0-9][A-Z0-9-]{1,19}$")]
    private static partial Regex CodePattern();

    private static void RequireAdministrator(Actor actor)
    {
        if (!actor.IsAdministrator) throw new ProblemException(Problems.Problems.Forbidden("Only administrators manage partner organisations."));
    }
}
