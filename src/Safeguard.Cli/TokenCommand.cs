using System.CommandLine;
using Safeguard.Core.Organisation;
using Safeguard.Core.Problems;

namespace Safeguard.Cli;

/// <summary><c>safeguard token issue|list|revoke</c>: API clients, managed on the server by an administrator.
/// The same service the clients API uses; the token is printed once and only its hash is stored.</summary>
public static class TokenCommand
{
    public static Command Create()
    {
        var command = new Command("token", "Issue, list and revoke the bearer tokens systems use to call the API");
        command.Subcommands.Add(Issue());
        command.Subcommands.Add(List());
        command.Subcommands.Add(Revoke());
        return command;
    }

    private static Command Issue()
    {
        var db = new DatabaseOptions();
        var name = new Option<string>("--name") { Description = "Name of the client, shown in the access log as client:NAME", Required = true };
        var role = new Option<string>("--role") { Description = $"Role the client acts in: {string.Join(", ", Roles.All)}", Required = true };
        var team = new Option<string?>("--team") { Description = "Team code the client belongs to" };
        var organisation = new Option<string?>("--organisation") { Description = "Partner organisation code (for partner systems)" };
        var command = new Command("issue", "Issue a token for a new API client; the token is printed once") { name, role, team, organisation };
        db.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            await using var services = await db.OpenAsync(parse, ct);
            await using var scope = services.CreateAsyncScope();
            try
            {
                var issued = await scope.ServiceProvider.GetRequiredService<ApiClients>().IssueAsync(DatabaseOptions.CommandLineActor(),
                    parse.GetValue(name), parse.GetValue(role), parse.GetValue(team), parse.GetValue(organisation), ct);
                Console.WriteLine($"Issued a token to '{issued.Client.Name}' ({Roles.Describe(issued.Client.Role)}), client id {issued.Client.Id}.");
                Console.WriteLine($"token: {issued.Token}");
                Console.WriteLine("Copy it now: it is not stored and cannot be shown again.");
                return 0;
            }
            catch (ProblemException e)
            {
                return DatabaseOptions.Refused("token issue", e.Problem);
            }
        });
        return command;
    }

    private static Command List()
    {
        var db = new DatabaseOptions();
        var command = new Command("list", "List API clients (never their tokens), live ones first");
        db.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            await using var services = await db.OpenAsync(parse, ct);
            await using var scope = services.CreateAsyncScope();
            var clients = await scope.ServiceProvider.GetRequiredService<ApiClients>().ListAsync(DatabaseOptions.CommandLineActor(), ct);
            if (clients.Count == 0)
            {
                Console.WriteLine("No API clients.");
                return 0;
            }
            Console.WriteLine($"{"id",-36}  {"name",-24}  {"role",-20}  {"team",-10}  {"organisation",-12}  {"issued",-11}  status");
            foreach (var c in clients)
                Console.WriteLine($"{c.Id,-36}  {c.Name,-24}  {c.Role,-20}  {c.Team ?? "-",-10}  {c.Organisation ?? "-",-12}  {UkDate(c.CreatedAt),-11}  " +
                    (c.RevokedAt is { } at ? $"revoked {UkDate(at)}" : "live"));
            return 0;
        });
        return command;
    }

    private static Command Revoke()
    {
        var db = new DatabaseOptions();
        var id = new Argument<string>("id") { Description = "The client's id (from 'safeguard token list')" };
        var command = new Command("revoke", "Revoke a client's token: its next request is refused") { id };
        db.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            if (!Guid.TryParse(parse.GetValue(id), out var clientId))
            {
                Console.Error.WriteLine($"token revoke: '{parse.GetValue(id)}' is not a client id; 'safeguard token list' shows them.");
                return 2;
            }
            await using var services = await db.OpenAsync(parse, ct);
            await using var scope = services.CreateAsyncScope();
            try
            {
                var client = await scope.ServiceProvider.GetRequiredService<ApiClients>().RevokeAsync(DatabaseOptions.CommandLineActor(), clientId, ct);
                Console.WriteLine($"Revoked the token of '{client.Name}' ({client.Id}) on {UkDate(client.RevokedAt!.Value)}.");
                return 0;
            }
            catch (ProblemException e) when (e.Problem.Status == 404)
            {
                Console.Error.WriteLine($"token revoke: no API client has the id {clientId}.");
                return 2;
            }
        });
        return command;
    }

    private static string UkDate(DateTimeOffset at) => Core.Calendar.SafeguardCalendar.LondonDate(at).ToString("d MMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB"));
}
