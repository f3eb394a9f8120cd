using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Core.AccessLog;
using Safeguard.Core.Data;

namespace Safeguard.Cli;

/// <summary><c>safeguard audit verify</c>: walks the access log's hash chain from the first row to the last and says
/// whether it holds, or which row is the first broken link and why (exit code 1). Run it on a schedule and keep the
/// last row's number and hash it prints somewhere else: a later run that ends before that row shows rows removed from
/// the end; <c>--expect-last N:HASH</c> checks that for you (exit code 1 if row N is gone or its hash differs). The check
/// itself is written to the log.</summary>
public static class AuditCommand
{
    public static Command Create()
    {
        var options = new DatabaseOptions();
        var verify = new Command("verify", "Check the access log's hash chain and report the first broken link");
        options.AddTo(verify);
        var expectLast = new Option<string?>("--expect-last")
        {
            Description = "N:HASH, the last row's number and hash an earlier run printed: the log must still hold that row with that hash",
        };
        verify.Options.Add(expectLast);
        verify.SetAction((parse, ct) => VerifyAsync(options, parse.GetValue(expectLast), parse, ct));
        return new Command("audit", "Look after the access log") { verify };
    }

    private static async Task<int> VerifyAsync(DatabaseOptions options, string? expectLast, ParseResult parse, CancellationToken ct)
    {
        (long Id, string Hash)? anchor = null;
        if (expectLast is not null)
        {
            var parts = expectLast.Trim().Split(':', 2);
            if (parts.Length != 2 || !long.TryParse(parts[0], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n)
                || n < 1 || parts[1].Trim().Length == 0)
            {
                Console.Error.WriteLine("--expect-last must be N:HASH, the row number and hash an earlier 'safeguard audit verify' printed, e.g. --expect-last 1234:9f86d0...");
                return 2;
            }
            anchor = (n, parts[1].Trim());
        }
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
        // The chain cannot show rows cut from its very end: the row noted earlier must still be there, with the same hash.
        string? anchorProblem = null;
        if (result.Intact && anchor is { } a)
        {
            if (a.Id > result.LastId)
                anchorProblem = $"Rows have been removed from the end: row {a.Id} was noted, but the log now ends at row {result.LastId}.";
            else
            {
                var hash = await db.Audit.AsNoTracking().Where(r => r.Id == a.Id).Select(r => r.Hash).FirstOrDefaultAsync(ct);
                if (!string.Equals(hash, a.Hash, StringComparison.OrdinalIgnoreCase))
                    anchorProblem = $"Row {a.Id} is not the row noted: its hash is {hash ?? "(none)"}, not {a.Hash}. The log from that row on has been replaced.";
                else Console.WriteLine($"Row {a.Id} is still the row noted (hash {a.Hash}): nothing has been cut from before it.");
            }
            if (anchorProblem is not null) Console.WriteLine(anchorProblem);
        }
        var ok = result.Intact && anchorProblem is null;
        scope.ServiceProvider.GetRequiredService<AuditLog>().Record(DatabaseOptions.CommandLineActor(), "verify", "audit",
            detail: !result.Intact ? $"chain broken at row {result.BrokenAt}"
                : anchorProblem is not null ? $"chain intact, {result.Checked} rows, but row {anchor!.Value.Id} noted earlier is gone or changed"
                : $"chain intact, {result.Checked} rows");
        await db.SaveChangesAsync(ct);
        return ok ? 0 : 1;
    }
}
