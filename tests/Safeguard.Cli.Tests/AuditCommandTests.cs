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
        await using (var db = _cli.Factory.Db())
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
}
