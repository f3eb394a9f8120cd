using System.Net;
using System.Text;
using FsCheck;
using FsCheck.Xunit;
using Microsoft.EntityFrameworkCore;
using Safeguard.Matching.Tests.Properties;
using Safeguard.Matching.Text;
using Safeguard.TestKit;
using Safeguard.Web.Tests.Import;

namespace Safeguard.Web.Tests.Names;

/// <summary>Issue 7.8: a name from any alphabet is recorded as typed, found by its exact and its folded
/// form, and imported; a name with no letter at all is refused with a clear 400, never a 500. Runs on
/// PostgreSQL too with SAFEGUARD_TEST_PROVIDER=postgres.</summary>
public sealed class UnicodeNameTests : IDisposable
{
    private readonly SafeguardFactory _factory = new();
    private readonly HttpClient _api;
    private int _next;

    public UnicodeNameTests() => _api = _factory.Api();
    public void Dispose() => _factory.Dispose();

    [Theory]
    [InlineData("Łukasz", "Kowalczyk", "Lukasz Kowalczyk")]
    [InlineData("Øyvind", "Sørensen", "Oyvind Sorensen")]
    [InlineData("Hans", "Müller", "Hans Muller")]
    [InlineData("Hans", "Müller", "Hans Mueller")]
    [InlineData("Дмитрий", "Иванов", "Dmitriy Ivanov")]
    [InlineData("Γιώργος", "Παπαδόπουλος", "Giorgos Papadopoulos")]
    [InlineData("محمد", "الفارسي", "محمد الفارسي")]
    [InlineData("小明", "王", "小明 王")]
    public async Task A_person_named_in_any_alphabet_is_recorded_as_typed_and_found_by_the_plain_spelling(string forename, string surname, string query)
    {
        var (status, created) = await _api.PostJsonAsync("/api/v1/people", new { forename, surname, dateOfBirth = "2011-04-05" });

        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Contains((created!["id"]!.GetValue<string>(), forename, surname), await FoundAsync(query));
    }

    [Property(Arbitrary = [typeof(UnicodeNames)], MaxTest = 40)]
    public async Task Creating_a_person_with_any_name_answers_201_or_a_clear_400_and_search_finds_them_by_exact_and_folded_name(
        UnicodeName forename, UnicodeName surname)
    {
        var dob = new DateOnly(1990, 1, 1).AddDays(Interlocked.Increment(ref _next) * 37).ToString("yyyy-MM-dd");
        var (status, body) = await _api.PostJsonAsync("/api/v1/people", new { forename = forename.Value, surname = surname.Value, dateOfBirth = dob });

        bool recordable = NameNormaliser.Normalise(forename.Value).Length > 0 && NameNormaliser.Normalise(surname.Value).Length > 0;
        if (!recordable)
        {
            Assert.True(status == HttpStatusCode.BadRequest, $"{forename} / {surname} answered {(int)status}: {body}");
            Assert.Equal("validation-failed", body!["code"]!.GetValue<string>());
            return;
        }
        Assert.True(status == HttpStatusCode.Created, $"{forename} / {surname} answered {(int)status}: {body}");
        var asTyped = (body!["id"]!.GetValue<string>(), forename.Value, surname.Value);
        Assert.Contains(asTyped, await FoundAsync($"{forename.Value} {surname.Value}"));
        Assert.Contains(asTyped, await FoundAsync($"{NameNormaliser.Normalise(forename.Value)} {NameNormaliser.Normalise(surname.Value)}"));
    }

    [Property(Arbitrary = [typeof(UnicodeNames)], MaxTest = 10)]
    public async Task Importing_a_file_of_names_from_any_alphabet_records_each_as_typed_and_refuses_only_rows_with_no_name(UnicodeName[] names)
    {
        var batch = Interlocked.Increment(ref _next);
        var rows = names.Chunk(2).Where(c => c.Length == 2).Take(8).ToList();
        var csv = new StringBuilder("Ref,First,Last,DOB,Sex,Postcode\n");
        for (int i = 0; i < rows.Count; i++)
            csv.Append($"U{batch}-{i},{rows[i][0].Value},{rows[i][1].Value},{new DateOnly(1970, 1, 1).AddDays(batch * 400 + i * 31):dd/MM/yyyy},F,ZZ1 1AA\n");

        var outcome = await ImportRunner.RunAsync(_factory, ImportRunner.PeopleMapping, $"names-{batch}.csv", csv.ToString());

        // A letterless name part is imported empty with a note; only a row with no letter in either part names nobody.
        static string Kept(UnicodeName n) => NameNormaliser.HasLetter(n.Value) ? n.Value : "";
        var lines = rows.Select((r, i) => (r, Line: i + 2)).ToList();
        var nameless = lines.Where(x => Kept(x.r[0]) == "" && Kept(x.r[1]) == "").ToList();
        var halfNamed = lines.Where(x => (Kept(x.r[0]) == "") != (Kept(x.r[1]) == "")).ToList();
        Assert.Equal(nameless.Select(x => x.Line), outcome.Errors.Select(e => e.Line).OrderBy(l => l));
        Assert.Equal(halfNamed.Select(x => x.Line), outcome.Notes.Select(n => n.Line).OrderBy(l => l));
        Assert.Equal(rows.Count - nameless.Count, outcome.Run.PeopleCreated + outcome.Run.PeopleLinked + outcome.Run.PeopleQueued);
        var db = _factory.Db();
        var stored = await db.PersonSourceRefs.Where(r => r.SourceId.StartsWith($"U{batch}-"))
            .Join(db.People, r => r.PersonId, p => p.Id, (r, p) => new { r.SourceId, p.Id, p.Forename, p.Surname }).ToListAsync();
        foreach (var person in stored)
        {
            var row = rows[int.Parse(person.SourceId.Split('-')[1])];
            Assert.Equal((Kept(row[0]), Kept(row[1])), (person.Forename, person.Surname));
            Assert.Contains((person.Id.ToString(), Kept(row[0]), Kept(row[1])), await FoundAsync($"{Kept(row[0])} {Kept(row[1])}".Trim()));
        }
    }

    // Every hit (not only the first), with the names as the search shows them.
    private async Task<IReadOnlyList<(string Id, string Forename, string Surname)>> FoundAsync(string name)
    {
        var (status, hits) = await _api.GetJsonAsync($"/api/v1/people?name={Uri.EscapeDataString(name)}");
        Assert.True(status == HttpStatusCode.OK, $"searching for '{name}' answered {(int)status}");
        return hits!.AsArray().Select(h => (h!["id"]!.GetValue<string>(), h["forename"]!.GetValue<string>(), h["surname"]!.GetValue<string>())).ToList();
    }
}
