using Safeguard.TestKit;

namespace Safeguard.Cli.Tests;

/// <summary><c>safeguard import</c> as an operator runs it: people appear in Safeguard, running it again adds
/// nothing, refused rows and data-quality notes are listed by line, field and reason in the errors file, and an
/// unusable mapping stops it.</summary>
public sealed class ImportCommandTests : IDisposable
{
    private const string Mapping = """
        { "system": "cms", "people": { "id": "Ref", "forename": "First", "surname": "Last",
          "dateOfBirth": { "column": "DOB", "format": "dd/MM/yyyy" },
          "gender": { "column": "Sex", "values": { "F": "female", "M": "male" } }, "postcode": "Postcode" } }
        """;

    private const string People = """
        Ref,First,Last,DOB,Sex,Postcode
        C1,Testa,Cliimportone,03/04/2014,F,ZZ1 1AA
        C2,Testb,Cliimporttwo,31/02/2012,M,ZZ1 1AB
        C3,,Cliimportthree,21/12/2015,F,ZZ1 1AC
        C4,Testd,Cliimportfour,05/06/2011,X,ZZ1 1AD
        C5,Teste,Cliimportfive,30/01/2013,F,ZZ1 1AE
        """;

    private readonly DatabaseCommand _cli = new();
    public void Dispose() => _cli.Dispose();

    private async Task<CliRun> ImportAsync(string errorsFile = "errors.csv")
    {
        File.WriteAllText(_cli.Folder.File("mapping.json"), Mapping);
        File.WriteAllText(_cli.Folder.File("people.csv"), People);
        return await _cli.RunAsync("import", "people.csv", "--mapping", "mapping.json", "--errors", errorsFile);
    }

    private async Task<int> FoundAsync(string forename, string surname)
    {
        var (_, hits) = await _cli.Factory.Api().GetJsonAsync($"/api/v1/people?name={forename}%20{surname}");
        return hits!.AsArray().Count(h => h!["surname"]!.GetValue<string>() == surname);
    }

    [Fact]
    public async Task Imported_people_can_be_found_and_refused_rows_and_notes_are_listed_by_line_field_and_reason()
    {
        var run = await ImportAsync();

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains(run.OutLines, l => l.Trim().StartsWith("people: 4 new,", StringComparison.Ordinal));
        Assert.Contains(run.OutLines, l => l.Trim() == "bad rows: 1 (listed in errors.csv)");
        Assert.Contains(run.OutLines, l => l.Trim() == "notes: 2 fields left empty in rows imported (listed in errors.csv)");
        Assert.Equal(1, await FoundAsync("Testa", "Cliimportone"));
        Assert.Equal(1, await FoundAsync("Teste", "Cliimportfive"));
        Assert.Equal(1, await FoundAsync("Testb", "Cliimporttwo"));
        Assert.Equal(1, await FoundAsync("", "Cliimportthree"));
        Assert.Equal(0, await FoundAsync("Testd", "Cliimportfour"));

        var errors = File.ReadAllLines(_cli.Folder.File("errors.csv"));
        Assert.Equal("line,kind,field,reason", errors[0]);
        Assert.Equal("3,note,DOB,is not a real date in the format dd/MM/yyyy: imported without a date of birth", errors[1]);
        Assert.Equal("4,note,First,is empty: imported without a forename", errors[2]);
        Assert.StartsWith("5,refused,,", errors[3]);
        Assert.Contains("Sex", errors[3]);
        Assert.Equal(4, errors.Length);
        Assert.Contains("line 3: note: DOB is not a real date", run.Error);
        Assert.DoesNotContain("31/02/2012", File.ReadAllText(_cli.Folder.File("errors.csv")) + run.Error + run.ToString());
    }

    [Fact]
    public async Task Running_the_same_import_again_adds_nobody()
    {
        await ImportAsync();

        var again = await ImportAsync("errors-again.csv");

        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Contains(again.OutLines, l => l.Trim() == "people: 0 new, 0 linked to existing records, 0 new and queued for review, 4 already imported");
        Assert.Equal(1, await FoundAsync("Testa", "Cliimportone"));
        Assert.Equal(1, await FoundAsync("Teste", "Cliimportfive"));
    }

    [Fact]
    public async Task A_long_import_says_how_many_rows_are_done_how_fast_and_how_long_is_left()
    {
        // 2,500 different people: names in letters (digits are not part of a name), birthdays days apart.
        static string Letters(int n) => new([(char)('a' + n / 676 % 26), (char)('a' + n / 26 % 26), (char)('a' + n % 26)]);
        var file = new System.Text.StringBuilder("Ref,First,Last,DOB,Sex,Postcode\n");
        for (int i = 0; i < 2500; i++)
            file.Append($"L{i},Test{Letters(i)},Prog{Letters(i * 7 % 17576)},{new DateOnly(1950, 1, 1).AddDays(i * 9):dd/MM/yyyy},F,ZZ{i % 10} {i % 7}AA\n");
        File.WriteAllText(_cli.Folder.File("mapping.json"), Mapping);
        File.WriteAllText(_cli.Folder.File("many.csv"), file.ToString());

        var run = await _cli.RunAsync("import", "many.csv", "--mapping", "mapping.json");

        Assert.True(run.ExitCode == 0, run.ToString());
        var progress = run.OutLines.Where(l => l.Contains(" of 2500 rows (", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(progress);
        Assert.Matches(@"^\s+\d+ of 2500 rows \(\d+ rows/s\), about .+ left, 0 bad, 0 notes$", progress[0]);
        Assert.Contains(run.OutLines, l => l.Trim() == "Imported many.csv from cms: 2500 rows read");
    }

    [Fact]
    public async Task An_unusable_mapping_stops_the_import_before_anything_is_read()
    {
        File.WriteAllText(_cli.Folder.File("mapping.json"), """{ "system": "cms", "people": { "forename": "First" } }""");
        File.WriteAllText(_cli.Folder.File("people.csv"), People);

        var run = await _cli.RunAsync("import", "people.csv", "--mapping", "mapping.json");

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("import: cannot start:", run.Error);
        Assert.DoesNotContain("   at ", run.Error);
        Assert.Equal(0, await FoundAsync("Testa", "Cliimportone"));
    }

    [Fact]
    public async Task A_missing_input_file_stops_the_import_with_its_name()
    {
        File.WriteAllText(_cli.Folder.File("mapping.json"), Mapping);

        var run = await _cli.RunAsync("import", "absent.csv", "--mapping", "mapping.json");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("absent.csv", run.Error);
        Assert.DoesNotContain("   at ", run.Error);
    }
}
