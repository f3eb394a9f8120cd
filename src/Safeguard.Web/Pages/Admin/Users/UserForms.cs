using Safeguard.Core.Organisation;
using Safeguard.Web.Pages.Shared;

namespace Safeguard.Web.Pages.Admin.Users;

/// <summary>What the user forms offer: every role, and the team and organisation codes that exist.</summary>
public static class UserForms
{
    public static IReadOnlyList<Choice> RoleChoices { get; } = Roles.All.Select(r => new Choice(r, Roles.Describe(r))).ToList();

    public static async Task<(string TeamHint, string OrganisationHint)> HintsAsync(UserAdministration users, CancellationToken ct)
    {
        var (teams, organisations) = await users.ChoicesAsync(ct);
        return (teams.Count == 0 ? "No teams are set up yet" : "For example " + string.Join(", ", teams.Take(4).Select(t => $"{t.Code} ({t.Name})")),
            organisations.Count == 0 ? "No partner organisations are set up yet"
                : "For example " + string.Join(", ", organisations.Take(4).Select(o => $"{o.Code} ({o.Name})")));
    }

    /// <summary>Maps the service's field names to the forms' input names.</summary>
    public static string InputFor(string field) => field switch
    {
        "username" => "Username", "displayName" => "DisplayName", "role" => "Role", "team" => "Team", "organisation" => "Organisation",
        "password" => "Password", _ => field,
    };
}
