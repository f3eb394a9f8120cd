using Safeguard.Core.Organisation;
using Safeguard.Web.Pages.Shared;

namespace Safeguard.Web.Pages.Admin.Users;

/// <summary>What the user forms offer: every role, and the team and organisation codes that exist.</summary>
public static class UserForms
{
    public static IReadOnlyList<Choice> RoleChoices { get; } = Roles.All.Select(r => new Choice(r, Roles.Describe(r))).ToList();

    /// <summary>The teams and partner organisations set up, by name (their codes are what is posted), and a way to name a
    /// code. A code no longer set up (a user kept from before) is still offered, so that the form shows what they have.</summary>
    public static async Task<OrganisationChoices> ChoicesAsync(UserAdministration users, CancellationToken ct, params string?[] current)
    {
        var (teams, organisations) = await users.ChoicesAsync(ct);
        var teamChoices = teams.Select(t => new Choice(t.Code, t.Name)).ToList();
        var organisationChoices = organisations.Select(o => new Choice(o.Code, o.Name)).ToList();
        foreach (var code in current.OfType<string>().Where(c => c.Length > 0))
        {
            if (teamChoices.All(c => c.Value != code) && organisationChoices.All(c => c.Value != code))
                teamChoices.Add(new Choice(code, code));
        }
        return new OrganisationChoices(teamChoices, organisationChoices);
    }

    /// <summary>Maps the service's field names to the forms' input names.</summary>
    public static string InputFor(string field) => field switch
    {
        "username" => "Username", "displayName" => "DisplayName", "role" => "Role", "team" => "Team", "organisation" => "Organisation",
        "password" => "Password", _ => field,
    };
}

/// <summary>The teams and partner organisations a user can belong to, as form choices (name shown, code posted).</summary>
public sealed record OrganisationChoices(IReadOnlyList<Choice> Teams, IReadOnlyList<Choice> Organisations)
{
    public static readonly OrganisationChoices None = new([], []);

    /// <summary>A team's name ("Missing persons unit"), or its code when it is not set up.</summary>
    public string Team(string? code) => code is null ? "None" : Teams.FirstOrDefault(c => c.Value == code)?.Text ?? code;

    public string Organisation(string? code) => code is null ? "None" : Organisations.FirstOrDefault(c => c.Value == code)?.Text ?? code;
}
