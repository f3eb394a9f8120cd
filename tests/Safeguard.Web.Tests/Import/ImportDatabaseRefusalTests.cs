using Microsoft.EntityFrameworkCore;
using Safeguard.TestKit;

namespace Safeguard.Web.Tests.Import;

/// <summary>O3: a batch the database refuses is undone and its rows taken one at a time, so only the row at fault
/// is refused. PostgreSQL only: it refuses a gender longer than its column, which SQLite stores.</summary>
[Trait("Provider", "postgres")]
public sealed class ImportDatabaseRefusalTests : IDisposable
{
    private readonly SafeguardFactory _factory = new();
    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task A_row_the_database_refuses_is_refused_alone_and_the_rest_of_its_batch_is_stored()
    {
        if (SafeguardFactory.Provider != "postgres") return;
        const string mapping = """
            { "system": "cms", "people": { "id": "Ref", "forename": "First", "surname": "Last",
              "gender": { "column": "Sex", "values": { "F": "female", "X": "a gender far longer than its column" } } } }
            """;
        const string people = """
            Ref,First,Last,Sex
            R1,Testa,Refusalone,F
            R2,Testb,Refusaltwo,X
            R3,Testc,Refusalthree,F
            """;

        var outcome = await ImportRunner.RunAsync(_factory, mapping, "people.csv", people, o => o with { BatchSize = 500 });

        var refused = Assert.Single(outcome.Errors);
        Assert.Equal(3, refused.Line);
        Assert.Contains("the database refused the row", refused.Reason);
        Assert.Equal((3, 2, 1), (outcome.Run.Rows, outcome.Run.PeopleCreated, outcome.Run.BadRows));
        using var db = _factory.Db();
        Assert.Equal(["Refusalone", "Refusalthree"], await db.People.Select(p => p.Surname).OrderBy(s => s).ToListAsync());
        Assert.Equal(2, await db.PersonSourceRefs.CountAsync());
    }
}
