using Microsoft.EntityFrameworkCore;
using Safeguard.TestKit;

namespace Safeguard.Cli.Tests;

/// <summary><c>safeguard audit verify</c>: says the access log is intact, and after a row is changed behind the
/// database's back names that row as the first broken link and fails.</summary>
public sealed class AuditCommandTests : IDisposable
{
    private readonly DatabaseCommand _cli = new();
    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Verify_passes_an_intact_log_and_names_the_first_row_changed_behind_its_back()
    {
        var api = _cli.Factory.Api();
        var child = await api.CreatePersonAsync(A.Child("Zofia", "Verifycli").AgedYears(10).Build());
        for (var i = 0; i < 3; i++) await api.GetJsonAsync($"/api/v1/people/{child}");

        var intact = await _cli.RunAsync("audit", "verify");

        Assert.True(intact.ExitCode == 0, intact.ToString());
        Assert.StartsWith("The access log is intact:", intact.Out);

        long target;
        await using (var db = _cli.Factory.OwnerDb())
        {
            target = await db.Audit.Where(a => a.PersonId == Guid.Parse(child) && a.Action == "view").OrderBy(a => a.Id).Select(a => a.Id).FirstAsync();
            if (SafeguardFactory.Provider == "sqlite") await db.Database.ExecuteSqlRawAsync("DROP TRIGGER audit_no_update");
            else await db.Database.ExecuteSqlRawAsync("ALTER TABLE audit DISABLE TRIGGER audit_no_change");
            await db.Database.ExecuteSqlAsync($"UPDATE audit SET \"Reason\" = 'looked for a friend' WHERE \"Id\" = {target}");
        }

        var broken = await _cli.RunAsync("audit", "verify");

        Assert.True(broken.ExitCode == 1, broken.ToString());
        Assert.StartsWith($"The access log is broken at row {target}: the row's contents do not match its hash.", broken.Out);
    }

    [Fact]
    public async Task Verify_with_the_last_row_noted_reports_rows_cut_from_the_end_that_leave_a_shorter_intact_chain()
    {
        var api = _cli.Factory.Api();
        var child = await api.CreatePersonAsync(A.Child("Tamsin", "Anchorcli").AgedYears(10).Build());
        await api.GetJsonAsync($"/api/v1/people/{child}");
        var first = await _cli.RunAsync("audit", "verify");
        var noted = System.Text.RegularExpressions.Regex.Match(first.Out, @"the last is row (\d+), hash ([0-9a-zA-Z+/=]+)\.");
        Assert.True(noted.Success, first.ToString());
        var (row, hash) = (long.Parse(noted.Groups[1].Value), noted.Groups[2].Value);
        for (var i = 0; i < 3; i++) await api.GetJsonAsync($"/api/v1/people/{child}");

        var stillThere = await _cli.RunAsync("audit", "verify", "--expect-last", $"{row}:{hash}");
        var wrongHash = await _cli.RunAsync("audit", "verify", "--expect-last", $"{row}:not-the-hash");
        var malformed = await _cli.RunAsync("audit", "verify", "--expect-last", "last");

        await using (var db = _cli.Factory.OwnerDb())
        {
            // Someone with the database's keys removes the rows from the noted one to the end: what is left is a valid chain.
            if (SafeguardFactory.Provider == "sqlite") await db.Database.ExecuteSqlRawAsync("DROP TRIGGER audit_no_delete");
            else await db.Database.ExecuteSqlRawAsync("ALTER TABLE audit DISABLE TRIGGER audit_no_change");
            await db.Database.ExecuteSqlAsync($"DELETE FROM audit WHERE \"Id\" >= {row}");
        }
        var cut = await _cli.RunAsync("audit", "verify", "--expect-last", $"{row}:{hash}");
        var plain = await _cli.RunAsync("audit", "verify");

        Assert.True(stillThere.ExitCode == 0, stillThere.ToString());
        Assert.Contains($"Row {row} is still the row noted", stillThere.Out);
        Assert.True(wrongHash.ExitCode == 1, wrongHash.ToString());
        Assert.Contains($"Row {row} is not the row noted", wrongHash.Out);
        Assert.Equal(2, malformed.ExitCode);
        Assert.True(plain.ExitCode == 0, plain.ToString()); // without the anchor, a chain cut short still looks whole
        Assert.True(cut.ExitCode == 1, cut.ToString());
        Assert.Contains($"Rows have been removed from the end: row {row} was noted, but the log now ends at row {row - 1}.", cut.Out);
    }
}
