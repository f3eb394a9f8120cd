using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Core.AccessLog;
using Safeguard.Core.Data;

namespace Safeguard.Cli;

/// <summary><c>safeguard audit verify</c>: walks the access log's hash chain from the first row to the last and says
/// whether it holds, or which row is the first broken link and why (exit code 1). Run it on a schedule and keep the
/// last row's number and hash it prints somewhere else: a later run that ends before that row shows rows removed from
/// the end. The check itself is written to the log.</summary>
public static class AuditCommand
{
    public static Command Create()
    {
        var options = new DatabaseOptions();
        var verify = new Command("verify", "Check the access log's hash chain and report the first broken link");
        options.AddTo(verify);
        verify.SetAction((parse, ct) => VerifyAsync(options, parse, ct));
        return new Command("audit", "Look after the access log") { verify };
    }

    private static async Task<int> VerifyAsync(DatabaseOptions options, ParseResult parse, CancellationToken ct)
    {
        await using var services = CliServices.Build(parse.GetValue(options.Provider), parse.GetValue(options.Connection), parse.GetValue(options.DataFolder));
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SafeguardDb>();
        var result = await AuditChain.VerifyAsync(db, ct);
        if (result.BeforeChain > 0)
            Console.WriteLine($"{result.BeforeChain} older rows come before the chain began and are not covered by it.");
        if (result.Intact)
            Console.WriteLine($"The access log is intact: {result.Checked} rows checked; the last is row {result.LastId}, hash {result.LastHash ?? "(none)"}.");
        else
            Console.WriteLine($"The access log is broken at row {result.BrokenAt}: {result.Problem}. The {result.Checked} rows before it hold (the last good one is row {result.LastId}).");
        scope.ServiceProvider.GetRequiredService<AuditLog>().Record(DatabaseOptions.CommandLineActor(), "verify", "audit",
            detail: result.Intact ? $"chain intact, {result.Checked} rows" : $"chain broken at row {result.BrokenAt}");
        await db.SaveChangesAsync(ct);
        return result.Intact ? 0 : 1;
    }
}
