using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Import;
using Safeguard.TestKit;

namespace Safeguard.Web.Tests.Import;

/// <summary>O1, O3: importing people and events from an older system's export; idempotent, resumable, and
/// reporting bad rows by line and reason without stopping.</summary>
public sealed class ImportTests : IDisposable
{
    private readonly SafeguardFactory _factory = new();
    public void Dispose() => _factory.Dispose();

    private const string People = """
        Ref,First,Last,DOB,Sex,Postcode
        C1,Testa,Importone,03/04/2014,F,ZZ1 1AA
        C2,Testb,Importtwo,11/09/2012,M,ZZ1 1AB
        C3,Testc,Importthree,21/12/2015,F,ZZ1 1AC
        C4,Testd,Importfour,05/06/2011,M,ZZ1 1AD
        C5,Teste,Importfive,30/01/2013,F,ZZ1 1AE
        """;

    private const string Missing = """
        Ref,Child,Reported,Risk,LAC
        M1,C1,01/02/2026 21:30,H,yes
        M2,C2,02/02/2026 08:15,M,no
        M3,C9,03/02/2026 10:00,L,no
        M4,C1,04/02/2026 22:45,Q,yes
        """;

    [Fact]
    public async Task Running_an_import_twice_adds_nothing_the_second_time()
    {
        var first = await ImportRunner.RunAsync(_factory, ImportRunner.PeopleMapping, "people.csv", People);
        var events = await ImportRunner.RunAsync(_factory, ImportRunner.EventsMapping, "missing.csv", Missing);
        var (people, refs, stored) = await CountsAsync();

        var second = await ImportRunner.RunAsync(_factory, ImportRunner.PeopleMapping, "people.csv", People);
        var eventsAgain = await ImportRunner.RunAsync(_factory, ImportRunner.EventsMapping, "missing.csv", Missing);

        Assert.Equal(5, first.Run.PeopleCreated);
        Assert.Equal(2, events.Run.EventsCreated);
        Assert.Equal((5, 5, 2), (people, refs, stored));
        Assert.Equal((0, 0, 0, 5), (second.Run.PeopleCreated, second.Run.PeopleLinked, second.Run.PeopleQueued, second.Run.PeopleAlreadyImported));
        Assert.Equal((0, 2), (eventsAgain.Run.EventsCreated, eventsAgain.Run.EventsAlreadyImported));
        Assert.Equal((5, 5, 2), await CountsAsync());
    }

    [Fact]
    public async Task An_interrupted_import_carries_on_from_its_checkpoint_without_duplicates()
    {
        using var stop = new CancellationTokenSource();
        int rows = 0;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => ImportRunner.RunAsync(_factory, ImportRunner.PeopleMapping, "people.csv", People,
            o => o with { BatchSize = 2, AfterRow = _ => { if (++rows == 3) stop.Cancel(); } }, stop.Token));
        var (afterStop, _, _) = await CountsAsync();

        var resumed = await ImportRunner.RunAsync(_factory, ImportRunner.PeopleMapping, "people.csv", People);

        Assert.Equal(3, afterStop);
        Assert.True(resumed.Resumed);
        Assert.Equal((5, 5, 0), (resumed.Run.Rows, resumed.Run.PeopleCreated, resumed.Run.PeopleAlreadyImported));
        Assert.NotNull(resumed.Run.FinishedAt);
        Assert.Equal((5, 5, 0), await CountsAsync());
    }

    [Fact]
    public async Task Bad_rows_are_reported_by_line_and_reason_and_the_rest_are_imported()
    {
        const string people = """
            Ref,First,Last,DOB,Sex,Postcode
            C1,Testa,Importone,03/04/2014,F,ZZ1 1AA
            C2,Testb,Importtwo,11/09/2012,M,ZZ1 1AB
            C3,Testc,Importthree,21/12/2015,F,ZZ1 1AC
            C4,Testd,Importfour,05/06/2011,X,ZZ1 1AD
            C5,Teste,Importfive,30/01/2013,F,ZZ1 1AE
            """;
        var outcome = await ImportRunner.RunAsync(_factory, ImportRunner.PeopleMapping, "people.csv", people);
        var events = await ImportRunner.RunAsync(_factory, ImportRunner.EventsMapping, "missing.csv", Missing);

        var refused = Assert.Single(outcome.Errors);
        Assert.Equal(5, refused.Line);
        Assert.Contains("Sex", refused.Reason);
        Assert.Equal((4, 1), (outcome.Run.PeopleCreated, outcome.Run.BadRows));

        // C4 was refused, C9 never existed, and Q is not a risk code the mapping knows.
        Assert.Equal([4, 5], events.Errors.Select(e => e.Line));
        Assert.Contains("Child names a person not imported from cms", events.Errors[0].Reason);
        Assert.Contains("Risk", events.Errors[1].Reason);
        Assert.Equal(2, events.Run.EventsCreated);
        using var db = _factory.Db();
        var stored = await db.Events.OrderBy(e => e.Id).FirstAsync();
        Assert.Equal(("cms:M1", "cms"), (stored.Id, stored.SourceSystem));
        Assert.Equal(new DateTimeOffset(2026, 2, 1, 21, 30, 0, TimeSpan.Zero), stored.OccurredAt);
    }

    [Fact]
    public async Task A_json_export_is_read_with_nested_fields_lists_and_line_numbers()
    {
        const string mapping = """
            { "system": "niche", "people": { "id": "nominalId", "forename": "name.given", "surname": "name.family",
              "dateOfBirth": { "column": "born", "format": "yyyy-MM-dd" }, "postcode": "address.postcode", "aliases": "aka" } }
            """;
        const string json = """
            [
              { "nominalId": "N1", "name": { "given": "Testf", "family": "Jsonone" }, "born": "2013-07-14",
                "address": { "postcode": "ZZ2 2AA" }, "aka": ["Effy"] },
              { "nominalId": "N2", "name": { "given": "Testg", "family": "Jsontwo" }, "born": "14/07/2013" }
            ]
            """;
        var outcome = await ImportRunner.RunAsync(_factory, mapping, "niche.json", json);

        // N2's date of birth is not in the mapping's format: N2 is imported without one, and the note says where.
        Assert.Equal(2, outcome.Run.PeopleCreated);
        Assert.Empty(outcome.Errors);
        var note = Assert.Single(outcome.Notes);
        Assert.Equal((4, "born"), (note.Line, note.Field));
        using var db = _factory.Db();
        Assert.Null((await db.People.SingleAsync(p => p.Surname == "Jsontwo")).DateOfBirth);
        var person = await db.People.Include(p => p.SourceRefs).SingleAsync(p => p.Surname == "Jsonone");
        Assert.Equal(["Effy"], person.Aliases);
        Assert.Equal(("niche", "N1"), (person.SourceRefs[0].System, person.SourceRefs[0].SourceId));
        // The imported alias is searchable at once, as one typed by hand is (the batch's save writes its keys).
        var (_, found) = await _factory.Api().GetJsonAsync("/api/v1/people?name=Effy");
        Assert.Equal(["Jsonone"], found!.AsArray().Select(h => h!["surname"]!.GetValue<string>()));
    }

    [Fact]
    public async Task An_unusable_mapping_is_refused_before_anything_is_read()
    {
        Assert.Throws<MappingException>(() => ImportMapping.Parse("""{ "system": "cms", "people": { "id": "Ref" } }"""));
        Assert.Throws<MappingException>(() => ImportMapping.Parse("not json"));
        await Assert.ThrowsAsync<InputException>(() => ImportRunner.RunAsync(_factory, ImportRunner.PeopleMapping, "people.csv", "Ref,First\nC1,Testa\n"));
    }

    private async Task<(int People, int Refs, int Events)> CountsAsync()
    {
        using var db = _factory.Db();
        return (await db.People.CountAsync(), await db.PersonSourceRefs.CountAsync(), await db.Events.CountAsync());
    }
}
