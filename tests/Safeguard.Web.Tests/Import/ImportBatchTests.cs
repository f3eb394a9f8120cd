using Microsoft.EntityFrameworkCore;
using Safeguard.TestKit;

namespace Safeguard.Web.Tests.Import;

/// <summary>O2, O3 and issue 13: people are matched a batch at a time, yet a row still sees every row before it
/// (in the database or earlier in its batch), and a batch is stored wholly or not at all.</summary>
public sealed class ImportBatchTests : IDisposable
{
    private readonly SafeguardFactory _factory = new();
    public void Dispose() => _factory.Dispose();

    private const string People = """
        Ref,First,Last,DOB,Sex,Postcode
        B1,Testa,Batchone,03/04/2014,F,ZZ1 1AA
        B2,Testb,Batchtwo,11/09/2012,M,ZZ1 1AB
        B3,Testc,Batchthree,21/12/2015,F,ZZ1 1AC
        B4,Testd,Batchfour,05/06/2011,M,ZZ1 1AD
        B5,Teste,Batchfive,30/01/2013,F,ZZ1 1AE
        B6,Testf,Batchsix,14/07/2010,M,ZZ1 1AF
        B7,Testg,Batchseven,02/02/2009,F,ZZ1 1AG
        """;

    [Fact]
    public async Task The_same_person_twice_in_one_batch_is_linked_not_created_twice()
    {
        const string people = """
            Ref,First,Last,DOB,Sex,Postcode
            D1,Testa,Twicefound,03/04/2014,F,ZZ1 1AA
            D2,Testb,Onlyonce,11/09/2012,M,ZZ1 1AB
            D3,Testa,Twicefound,03/04/2014,F,ZZ1 1AA
            """;

        var outcome = await ImportRunner.RunAsync(_factory, ImportRunner.PeopleMapping, "people.csv", people, o => o with { BatchSize = 500 });

        Assert.Equal((2, 1, 0), (outcome.Run.PeopleCreated, outcome.Run.PeopleLinked, outcome.Run.PeopleQueued));
        using var db = _factory.Db();
        var twice = await db.People.Include(p => p.SourceRefs).SingleAsync(p => p.Surname == "Twicefound");
        Assert.Equal(["D1", "D3"], twice.SourceRefs.Select(r => r.SourceId).Order());
        Assert.Equal(2, await db.People.CountAsync());
    }

    [Fact]
    public async Task People_stored_before_the_run_are_linked_from_any_batch()
    {
        await ImportRunner.RunAsync(_factory, ImportRunner.PeopleMapping, "people.csv", People);
        var again = System.Text.RegularExpressions.Regex.Replace(People, "^B", "N", System.Text.RegularExpressions.RegexOptions.Multiline)
            .Replace("Testg", "Tesg");

        var outcome = await ImportRunner.RunAsync(_factory, ImportRunner.PeopleMapping.Replace("\"cms\"", "\"niche\""), "niche.csv", again,
            o => o with { BatchSize = 3 });

        Assert.Equal((0, 7), (outcome.Run.PeopleCreated, outcome.Run.PeopleLinked));
        using var db = _factory.Db();
        Assert.Equal((7, 14), (await db.People.CountAsync(), await db.PersonSourceRefs.CountAsync()));
    }

    [Fact]
    public async Task A_run_that_dies_mid_batch_keeps_the_batches_before_and_on_resuming_adds_nothing_twice()
    {
        // A crash, not a Ctrl+C: nothing of the batch in hand reaches the database.
        int rows = 0;
        await Assert.ThrowsAsync<IOException>(() => ImportRunner.RunAsync(_factory, ImportRunner.PeopleMapping, "people.csv", People,
            o => o with { BatchSize = 3, AfterRow = _ => { if (++rows == 5) throw new IOException("power cut"); } }));
        using (var db = _factory.Db()) Assert.Equal(3, await db.People.CountAsync());

        var resumed = await ImportRunner.RunAsync(_factory, ImportRunner.PeopleMapping, "people.csv", People, o => o with { BatchSize = 3 });

        Assert.True(resumed.Resumed);
        Assert.Equal((7, 7, 0), (resumed.Run.Rows, resumed.Run.PeopleCreated, resumed.Run.PeopleAlreadyImported));
        using var after = _factory.Db();
        Assert.Equal((7, 7), (await after.People.CountAsync(), await after.PersonSourceRefs.CountAsync()));
        Assert.Equal(7, await after.People.Select(p => p.Surname).Distinct().CountAsync());
    }

    [Fact]
    public async Task A_run_cancelled_mid_batch_stores_the_rows_it_finished_and_resumes_after_them()
    {
        using var stop = new CancellationTokenSource();
        int rows = 0;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => ImportRunner.RunAsync(_factory, ImportRunner.PeopleMapping, "people.csv", People,
            o => o with { BatchSize = 500, AfterRow = _ => { if (++rows == 4) stop.Cancel(); } }, stop.Token));
        using (var db = _factory.Db()) Assert.Equal(4, await db.People.CountAsync());

        var resumed = await ImportRunner.RunAsync(_factory, ImportRunner.PeopleMapping, "people.csv", People);

        Assert.Equal((7, 7, 0), (resumed.Run.Rows, resumed.Run.PeopleCreated, resumed.Run.PeopleAlreadyImported));
        using var after = _factory.Db();
        Assert.Equal((7, 7), (await after.People.CountAsync(), await after.PersonSourceRefs.CountAsync()));
    }

    [Fact]
    public async Task Names_outside_a_to_z_are_matched_to_their_plain_spelling()
    {
        const string typed = """
            Ref,First,Last,DOB,Sex,Postcode
            U1,Zoë,Brontëson,03/04/2014,F,ZZ1 1AA
            U2,Łukasz,Wróblewski,11/09/2012,M,ZZ1 1AB
            U3,Дмитрий,Тестов,21/12/2015,M,ZZ1 1AC
            """;
        const string plain = """
            Ref,First,Last,DOB,Sex,Postcode
            P1,Zoe,Bronteson,03/04/2014,F,ZZ1 1AA
            P2,Lukasz,Wroblewski,11/09/2012,M,ZZ1 1AB
            P3,Dmitriy,Testov,21/12/2015,M,ZZ1 1AC
            """;
        await ImportRunner.RunAsync(_factory, ImportRunner.PeopleMapping, "typed.csv", typed);

        var outcome = await ImportRunner.RunAsync(_factory, ImportRunner.PeopleMapping.Replace("\"cms\"", "\"niche\""), "plain.csv", plain);

        Assert.Equal((0, 3, 0), (outcome.Run.PeopleCreated, outcome.Run.PeopleLinked, outcome.Run.PeopleQueued));
        using var db = _factory.Db();
        var lukasz = await db.People.Include(p => p.SourceRefs).SingleAsync(p => p.Forename == "Łukasz");
        Assert.Equal(["P2", "U2"], lukasz.SourceRefs.Select(r => r.SourceId).Order());
    }

    [Fact]
    public async Task A_file_of_people_and_their_events_stores_each_batchs_people_before_its_events()
    {
        const string mapping = """
            { "system": "cms", "people": { "id": "Ref", "forename": "First", "surname": "Last",
              "dateOfBirth": { "column": "DOB", "format": "dd/MM/yyyy" } },
              "events": { "id": "Report", "type": { "value": "missing-reported" },
                "occurredAt": { "column": "Reported", "format": "dd/MM/yyyy HH:mm" },
                "people": [ { "column": "Ref", "role": "child" } ],
                "data": { "riskGrade": { "value": "medium" }, "reportedBy": { "value": "parent" }, "lookedAfter": { "value": false },
                          "lastSeenAt": { "column": "Reported", "as": "instant", "format": "dd/MM/yyyy HH:mm" } } } }
            """;
        const string rows = """
            Ref,First,Last,DOB,Report,Reported
            E1,Testa,Eventone,03/04/2014,R1,01/02/2026 21:30
            E2,,Eventtwo,11/09/2012,R2,02/02/2026 08:15
            E3,,,21/12/2015,R3,03/02/2026 10:00
            E1,Testa,Eventone,03/04/2014,R4,04/02/2026 22:45
            """;

        var outcome = await ImportRunner.RunAsync(_factory, mapping, "both.csv", rows, o => o with { BatchSize = 3 });

        // E3 names nobody, so neither the person nor the event of that row is stored.
        Assert.True(outcome.Errors.Count == 1, string.Join("\n", outcome.Errors));
        Assert.Equal(4, outcome.Errors[0].Line);
        Assert.Equal((2, 1, 3), (outcome.Run.PeopleCreated, outcome.Run.PeopleAlreadyImported, outcome.Run.EventsCreated));
        using var db = _factory.Db();
        var eventone = await db.People.SingleAsync(p => p.Surname == "Eventone");
        Assert.Equal(2, await db.EventParticipants.CountAsync(p => p.PersonId == eventone.Id));
        Assert.Equal(3, await db.Events.CountAsync());
    }

    [Fact]
    public async Task Every_person_an_import_creates_or_links_is_in_the_access_log_and_the_chain_holds_around_other_use()
    {
        // People are written in bulk with their access-log rows, numbered on from whatever was logged in between.
        await ImportRunner.RunAsync(_factory, ImportRunner.PeopleMapping, "people.csv", People, o => o with { BatchSize = 3 });
        using (var api = _factory.Api())
        {
            using var found = await api.GetAsync("/api/v1/people?name=Testa%20Batchone");
            Assert.Equal(System.Net.HttpStatusCode.OK, found.StatusCode);
        }
        var again = System.Text.RegularExpressions.Regex.Replace(People, "^B", "N", System.Text.RegularExpressions.RegexOptions.Multiline);
        await ImportRunner.RunAsync(_factory, ImportRunner.PeopleMapping.Replace("\"cms\"", "\"niche\""), "niche.csv", again, o => o with { BatchSize = 3 });

        using var db = _factory.Db();
        var people = await db.People.Select(p => p.Id).ToListAsync();
        Assert.Equal(7, people.Count);
        var rows = await db.Audit.Where(a => a.ActorId == Safeguard.Core.Import.Importer.ImportActor.Id && a.Entity == "person").ToListAsync();
        Assert.All(people, id => Assert.Single(rows, r => r.PersonId == id && r.Action == "create"));
        Assert.All(people, id => Assert.Single(rows, r => r.PersonId == id && r.Action == "change" && r.Detail!.StartsWith("linked to niche")));
        Assert.True(await db.Audit.AnyAsync(a => a.Action == "search"), "The search between the runs was not logged.");
        Assert.True((await Safeguard.Core.AccessLog.AuditChain.VerifyAsync(db)).Intact);
    }

    [Fact]
    public async Task A_small_file_against_many_stored_people_reads_candidates_by_key_and_still_links_them()
    {
        // 37 people stored and a 2-row file: the run reads each batch's candidates by key rather than everyone.
        var crowd = string.Join("\n", Enumerable.Range(0, 30).Select(i => $"C{i},Crowd{(char)('a' + i % 26)},Member{(char)('a' + i / 26)}{(char)('a' + i % 26)},{1 + i:00}/{1 + i % 12:00}/19{60 + i},F,ZZ9 {i % 10}AA"));
        await ImportRunner.RunAsync(_factory, ImportRunner.PeopleMapping, "people.csv", People + "\n" + crowd);
        const string two = """
            Ref,First,Last,DOB,Sex,Postcode
            N1,Testa,Batchone,03/04/2014,F,ZZ1 1AA
            N2,Testb,Bacthtwo,11/09/2012,M,ZZ1 1AB
            """;

        var outcome = await ImportRunner.RunAsync(_factory, ImportRunner.PeopleMapping.Replace("\"cms\"", "\"niche\""), "niche.csv", two);

        Assert.Equal((0, 2), (outcome.Run.PeopleCreated, outcome.Run.PeopleLinked));
        using var db = _factory.Db();
        Assert.Equal(37, await db.People.CountAsync());
    }
}
