using Safeguard.Core.Records;
using Safeguard.Core.Search;

namespace Safeguard.Web.Pages.Shared;

/// <summary>Choosing a person without JavaScript: a search form (GET <see cref="NameField"/>) and the likeliest
/// people as links that add <see cref="Parameter"/> to <see cref="Action"/>. <see cref="Keep"/> holds choices
/// already made: a GET form drops its action's query string, so they travel as hidden fields and in the links.</summary>
public sealed record PersonPicker(string Action, string Label, string? Name, IReadOnlyList<PersonHit> Candidates, string Parameter = "personId",
    string NameField = "Name", IReadOnlyDictionary<string, string>? Keep = null)
{
    public string LinkFor(Guid id) =>
        Action + "?" + string.Join("&", (Keep ?? new Dictionary<string, string>()).Append(new(Parameter, id.ToString()))
            .Select(kv => $"{Uri.EscapeDataString(kv.Key)}={Uri.EscapeDataString(kv.Value)}"));
}

public static class PersonPicking
{
    public static async Task<IReadOnlyList<PersonHit>> FindAsync(PeopleFinder finder, Core.Organisation.Actor actor, string? name, CancellationToken ct) =>
        string.IsNullOrWhiteSpace(name) ? [] : await finder.FindAsync(actor, new PersonQuery(name), 20, "person picker", ct);
}
