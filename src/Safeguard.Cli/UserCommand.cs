using System.CommandLine;
using Safeguard.Core.Organisation;
using Safeguard.Core.Problems;

namespace Safeguard.Cli;

/// <summary><c>safeguard user add</c>: adds a user from the server, for the first administrator of a new
/// deployment or a script. The password is read from standard input so it never appears in the process list
/// or the shell history. Everything else about users is done on the administration pages or the API.</summary>
public static class UserCommand
{
    public static Command Create()
    {
        var command = new Command("user", "Add users who sign in to the browser");
        command.Subcommands.Add(Add());
        return command;
    }

    private static Command Add()
    {
        var db = new DatabaseOptions();
        var username = new Option<string>("--username") { Description = "Username they sign in with", Required = true };
        var name = new Option<string>("--name") { Description = "Their name as colleagues know it", Required = true };
        var role = new Option<string>("--role") { Description = $"Role: {string.Join(", ", Roles.All)}", Required = true };
        var team = new Option<string?>("--team") { Description = "Team code" };
        var organisation = new Option<string?>("--organisation") { Description = "Partner organisation code (partner practitioners)" };
        var command = new Command("add", $"Add a user; their first password (at least {UserAdministration.MinPasswordLength} characters) is read from standard input")
        {
            username, name, role, team, organisation,
        };
        db.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var password = (await Console.In.ReadLineAsync(ct))?.TrimEnd('\r', '\n');
            await using var services = await db.OpenAsync(parse, ct);
            await using var scope = services.CreateAsyncScope();
            try
            {
                var user = await scope.ServiceProvider.GetRequiredService<UserAdministration>().AddAsync(DatabaseOptions.CommandLineActor(),
                    new NewUser(parse.GetValue(username), parse.GetValue(name), parse.GetValue(role), parse.GetValue(team), parse.GetValue(organisation), password), ct);
                Console.WriteLine($"Added {user.DisplayName} as '{user.Username}' ({Roles.Describe(user.Role)}), user id {user.Id}.");
                return 0;
            }
            catch (ProblemException e)
            {
                return DatabaseOptions.Refused("user add", e.Problem);
            }
        });
        return command;
    }
}
