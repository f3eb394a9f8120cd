using System.Net;
using Safeguard.TestKit;

namespace Safeguard.Cli.Tests;

/// <summary><c>safeguard token issue|list|revoke</c>: the token printed once works against the API, is listed
/// without its secret, and stops working the moment it is revoked.</summary>
public sealed class TokenCommandTests : IDisposable
{
    private readonly DatabaseCommand _cli = new();
    public void Dispose() => _cli.Dispose();

    private static string TokenFrom(CliRun run) =>
        run.OutLines.Single(l => l.StartsWith("token: ", StringComparison.Ordinal))["token: ".Length..];

    [Fact]
    public async Task An_issued_token_calls_the_api_in_its_role_until_it_is_revoked()
    {
        var issued = await _cli.RunAsync("token", "issue", "--name", "partner-records-feed", "--role", "investigator");
        Assert.True(issued.ExitCode == 0, issued.ToString());
        var token = TokenFrom(issued);
        var api = _cli.Factory.Api(token);

        Assert.Equal(HttpStatusCode.OK, (await api.GetJsonAsync("/api/v1/people?name=smith")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.GetJsonAsync("/api/v1/audit")).Status); // an investigator, not an administrator

        var list = await _cli.RunAsync("token", "list");
        var row = list.OutLines.Single(l => l.Contains("partner-records-feed"));
        Assert.Contains("investigator", row);
        Assert.EndsWith("live", row);
        Assert.DoesNotContain(token, list.Out);
        var id = row.Split(' ', 2)[0];

        var revoked = await _cli.RunAsync("token", "revoke", id);

        Assert.True(revoked.ExitCode == 0, revoked.ToString());
        Assert.StartsWith("Revoked the token of 'partner-records-feed'", revoked.Out);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetJsonAsync("/api/v1/people?name=smith")).Status);
        Assert.Contains("revoked", (await _cli.RunAsync("token", "list")).OutLines.Single(l => l.Contains("partner-records-feed")));
    }

    [Fact]
    public async Task Issuing_and_revoking_are_in_the_access_log_under_the_command_line()
    {
        var issued = await _cli.RunAsync("token", "issue", "--name", "audited-client", "--role", "auditor");
        var id = (await _cli.RunAsync("token", "list")).OutLines.Single(l => l.Contains("audited-client")).Split(' ', 2)[0];
        await _cli.RunAsync("token", "revoke", id);

        var (_, log) = await _cli.Factory.Api().GetJsonAsync("/api/v1/audit?action=create");
        var (_, changes) = await _cli.Factory.Api().GetJsonAsync("/api/v1/audit?action=change");

        Assert.Equal(0, issued.ExitCode);
        // The start-up's own entry for the bootstrap client is there too; this is the command's.
        var create = log!.AsArray().Single(e => e!["entity"]!.GetValue<string>() == "api-client" && e["detail"]!.GetValue<string>().Contains("audited-client"));
        Assert.StartsWith("system:command-line:", create!["actorId"]!.GetValue<string>());
        Assert.Contains("issued a token to 'audited-client' as auditor", create["detail"]!.GetValue<string>());
        Assert.Contains(changes!.AsArray(), e => e!["entity"]!.GetValue<string>() == "api-client" && e["entityId"]!.GetValue<string>() == id);
    }

    [Fact]
    public async Task An_unknown_role_is_refused_with_the_roles_listed_and_no_token_issued()
    {
        var run = await _cli.RunAsync("token", "issue", "--name", "bad-role", "--role", "chief-constable");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--role: The role must be one of: officer, control-room", run.Error);
        Assert.DoesNotContain("token:", run.Out);
        Assert.DoesNotContain("bad-role", (await _cli.RunAsync("token", "list")).Out);
    }

    [Fact]
    public async Task Revoking_an_unknown_or_malformed_id_says_so_and_fails()
    {
        var unknown = await _cli.RunAsync("token", "revoke", Guid.NewGuid().ToString());
        var malformed = await _cli.RunAsync("token", "revoke", "not-an-id");

        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("no API client has the id", unknown.Error);
        Assert.Equal(2, malformed.ExitCode);
        Assert.Contains("'not-an-id' is not a client id", malformed.Error);
    }

    [Fact]
    public async Task A_user_added_from_the_command_line_can_be_seen_by_administrators()
    {
        var run = await _cli.RunWithInputAsync("First-admin-password-1", "user", "add", "--username", "r.adeyemi", "--name", "Rachel Adeyemi",
            "--role", "administrator");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.StartsWith("Added Rachel Adeyemi as 'r.adeyemi' (Administrator)", run.Out);
        var (_, users) = await _cli.Factory.Api().GetJsonAsync("/api/v1/users");
        Assert.Equal("administrator", users!["items"]!.AsArray().Single(u => u!["username"]!.GetValue<string>() == "r.adeyemi")!["role"]!.GetValue<string>());
    }

    // SQLite whatever the run (its own file): the PostgreSQL run leaves it out, as it would only repeat it (scripts/test.sh).
    [Fact]
    [Trait("Provider", "sqlite")]
    public async Task Without_a_connection_string_the_commands_use_the_sqlite_file_in_the_data_folder()
    {
        using var folder = new TempFolder();

        var issued = await SafeguardCli.RunAsync(folder.Path, ["token", "issue", "--name", "folder-client", "--role", "officer", "--data-folder", "store"]);
        var listed = await SafeguardCli.RunAsync(folder.Path, ["token", "list", "--data-folder", "store"]);
        var elsewhere = await SafeguardCli.RunAsync(folder.Path, ["token", "list", "--data-folder", "other"]);

        Assert.True(issued.ExitCode == 0, issued.ToString());
        Assert.True(File.Exists(folder.File("store/safeguard.db")));
        Assert.Contains(listed.OutLines, l => l.Contains("folder-client") && l.EndsWith("live", StringComparison.Ordinal));
        Assert.Equal(["No API clients."], elsewhere.OutLines);
    }
}
