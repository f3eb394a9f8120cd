using Safeguard.Core.Records;
using Safeguard.Core.Search;

namespace Safeguard.Web.Pages.Shared;

/// <summary>Choosing a person without JavaScript: a search form (GET <see cref="Name"/>) and the likeliest
/// people as links that add <c>personId</c> to <see cref="Action"/>.</summary>
public sealed record PersonPicker(string Action, string Label, string? Name, IReadOnlyList<PersonHit> Candidates, string Parameter = "personId");

public static class PersonPicking
{
    public static async Task<IReadOnlyList<PersonHit>> FindAsync(PersonAccess access, Core.Organisation.Actor actor, string? name, CancellationToken ct) =>
        string.IsNullOrWhiteSpace(name) ? [] : await PersonSearch.FindAsync(access.Visible(actor), new PersonQuery(name), 20, ct);
}
