using Safeguard.TestKit;
using Safeguard.Web.Hosting;

namespace Safeguard.Web.Tests.Api;

/// <summary>D1, D2: search by name variants and partial dates of birth; creating a person offers likely existing records.</summary>
public sealed class SearchTests : IDisposable
{
    private readonly SafeguardFactory _factory = new();
    private readonly HttpClient _api;

    public SearchTests() => _api = _factory.Api();
    public void Dispose() => _factory.Dispose();

    private static string[] Names(System.Text.Json.Nodes.JsonNode? hits) =>
        hits!.AsArray().Select(h => $"{h!["forename"]!.GetValue<string>()} {h["surname"]!.GetValue<string>()}").ToArray();

    private async Task<string> Seed()
    {
        var katie = await _api.CreatePersonAsync(A.Child("Katherine", "Blackwood").BornOn("2012-05-06").LivingAt("PL4 8AA").Build());
        await _api.CreatePersonAsync(A.Child("Kevin", "Blackmore").BornOn("2010-01-02").Build());
        await _api.CreatePersonAsync(A.Adult("Thomas", "Greenwood").BornOn("1980-07-08").Build());
        return katie;
    }

    [Theory]
    [InlineData("Katherine Blackwood", null)]
    [InlineData("Kate Blackwood", null)]        // nickname
    [InlineData("Katherine Blakwood", null)]    // misspelt surname
    [InlineData("Blackwood Katherine", null)]   // transposed
    [InlineData("Blackwood", "2012")]           // surname and year of birth
    [InlineData("Katie Blackwood", "2012-05")]  // nickname and month of birth
    [InlineData("Katherine Blackwood", "2012-06-05")] // day and month swapped
    [InlineData("Catherine Blackwood", "2012-05-06")] // variant spelling
    public async Task Finds_the_child_and_nobody_else_despite_how_the_searcher_spells_it_with_the_reasons(string name, string? dob)
    {
        var katie = await Seed();
        var url = $"/api/v1/people?name={Uri.EscapeDataString(name)}" + (dob is null ? "" : $"&dateOfBirth={dob}");

        var (status, hits) = await _api.GetJsonAsync(url);

        Assert.Equal(System.Net.HttpStatusCode.OK, status);
        Assert.Equal(["Katherine Blackwood"], Names(hits));
        Assert.Equal(katie, hits!.AsArray().Single()!["id"]!.GetValue<string>());
        Assert.NotEmpty(hits[0]!["reasons"]!.AsArray());
    }

    [Theory]
    [InlineData("Greenwood", null, new[] { "Thomas Greenwood" })]
    [InlineData("Black", null, new[] { "Kevin Blackmore", "Katherine Blackwood" })]   // both start so; equal, by surname
    [InlineData("Black", "2012", new[] { "Katherine Blackwood", "Kevin Blackmore" })] // the year agreeing ranks first
    public async Task A_search_answers_exactly_the_people_it_should_in_order_and_no_others(string name, string? dob, string[] expected)
    {
        await Seed();
        var url = $"/api/v1/people?name={Uri.EscapeDataString(name)}" + (dob is null ? "" : $"&dateOfBirth={dob}");

        var (_, hits) = await _api.GetJsonAsync(url);

        Assert.Equal(expected, Names(hits));
    }

    /// <summary>Katherine Blackwood and Jason Okafor share a postcode; Lily Ashdown shares Katherine's year and
    /// month of birth; Ryan Kettle her year; Jason is also known as Jay Smith and as "JJ".</summary>
    private async Task SeedForDatesPostcodesAndAliases()
    {
        await Seed();
        await _api.CreatePersonAsync(A.Child("Jason", "Okafor").BornOn("2011-09-14").LivingAt("PL4 8AA").KnownAs("Jay Smith", "JJ").Build());
        await _api.CreatePersonAsync(A.Child("Lily", "Ashdown").BornOn("2012-05-20").LivingAt("PL1 2AB").Build());
        await _api.CreatePersonAsync(A.Child("Ryan", "Kettle").BornOn("2012-11-30").Build());
    }

    [Theory]
    [InlineData("2012-05-06", new[] { "Katherine Blackwood" })]                                  // whole date
    [InlineData("06/05/2012", new[] { "Katherine Blackwood" })]                                  // UK style
    [InlineData("6/5/2012", new[] { "Katherine Blackwood" })]                                    // UK style, no leading zeros
    [InlineData("2012-05", new[] { "Lily Ashdown", "Katherine Blackwood" })]                     // year and month
    [InlineData("2012", new[] { "Lily Ashdown", "Katherine Blackwood", "Ryan Kettle" })]         // year only
    [InlineData("1980-07-08", new[] { "Thomas Greenwood" })]
    [InlineData("2013-01-01", new string[0])]
    public async Task Search_by_date_of_birth_alone_finds_everyone_born_then_and_nobody_else(string dob, string[] expected)
    {
        await SeedForDatesPostcodesAndAliases();

        var (status, hits) = await _api.GetJsonAsync($"/api/v1/people?dateOfBirth={Uri.EscapeDataString(dob)}");

        Assert.Equal(System.Net.HttpStatusCode.OK, status);
        Assert.Equal(expected, Names(hits));
    }

    [Theory]
    [InlineData("2012-05-07", "date of birth differs by one digit")]
    [InlineData("2012-06-05", "date of birth with day and month swapped")]
    [InlineData("2011-05-06", "date of birth differs by one digit")]
    public async Task A_mistyped_date_of_birth_with_the_surname_still_finds_the_child_and_says_how_it_differs(string dob, string reason)
    {
        await SeedForDatesPostcodesAndAliases();

        var (_, hits) = await _api.GetJsonAsync($"/api/v1/people?name=Blackwood&dateOfBirth={dob}");

        Assert.Equal(["Katherine Blackwood"], Names(hits));
        Assert.Contains(reason, hits!.AsArray().Single()!["reasons"]!.AsArray().Select(r => r!.GetValue<string>()));
    }

    [Fact]
    public async Task A_date_of_birth_that_is_not_a_date_is_refused_with_a_stable_code()
    {
        var (status, body) = await _api.GetJsonAsync("/api/v1/people?dateOfBirth=31/02/2012");

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, status);
        Assert.Equal("validation-failed", body!["code"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("PL4 8AA")]
    [InlineData("PL48AA")]
    [InlineData("pl4 8aa")]
    [InlineData(" pl48aa ")]
    public async Task Search_by_postcode_finds_everyone_living_there_however_it_is_typed(string postcode)
    {
        await SeedForDatesPostcodesAndAliases();

        var (_, hits) = await _api.GetJsonAsync($"/api/v1/people?postcode={Uri.EscapeDataString(postcode)}");

        Assert.Equal(["Katherine Blackwood", "Jason Okafor"], Names(hits));
        Assert.All(hits!.AsArray(), h => Assert.Equal("PL4 8AA", h!["postcode"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_postcode_with_a_name_puts_the_person_living_there_first()
    {
        await SeedForDatesPostcodesAndAliases();

        var (_, hits) = await _api.GetJsonAsync("/api/v1/people?name=Blackwood&postcode=pl48aa");

        Assert.Equal("Katherine Blackwood", Names(hits)[0]);
        Assert.Contains("postcode agrees", hits!.AsArray()[0]!["reasons"]!.AsArray().Select(r => r!.GetValue<string>()));
        Assert.DoesNotContain("Jason Okafor", Names(hits));
    }

    [Theory]
    [InlineData("Jay Smith", "(alias Jay Smith)")]
    [InlineData("Smith", "(alias Jay Smith)")]
    [InlineData("JJ", "(alias JJ)")]
    public async Task Search_by_an_alias_finds_the_person_and_says_it_was_the_alias(string name, string aliasReason)
    {
        await SeedForDatesPostcodesAndAliases();

        var (_, hits) = await _api.GetJsonAsync($"/api/v1/people?name={Uri.EscapeDataString(name)}");

        Assert.Equal(["Jason Okafor"], Names(hits));
        Assert.Contains(hits!.AsArray().Single()!["reasons"]!.AsArray(), r => r!.GetValue<string>().EndsWith(aliasReason, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Search_by_the_recorded_name_of_someone_with_aliases_finds_them_once()
    {
        await SeedForDatesPostcodesAndAliases();

        var (_, hits) = await _api.GetJsonAsync("/api/v1/people?name=Jason%20Okafor");

        Assert.Equal(["Jason Okafor"], Names(hits));
    }

    [Fact]
    public async Task Search_results_show_flags_and_each_search_is_logged_with_who_searched_and_who_was_found()
    {
        var katie = await Seed();
        await _api.PostJsonAsync($"/api/v1/people/{katie}/flags", new { code = "cse-risk", reason = "Screening significant" });

        var (_, hits) = await _api.GetJsonAsync("/api/v1/people?name=Katherine%20Blackwood");

        Assert.Equal(["Katherine Blackwood"], Names(hits));
        Assert.Equal(["cse-risk"], hits!.AsArray().Single()!["flags"]!.AsArray().Select(f => f!["code"]!.GetValue<string>()));
        using var db = _factory.Db();
        var logged = db.Audit.Where(a => a.Action == "search").AsEnumerable().Where(a => a.Detail!.StartsWith("api:")).ToList();
        // One row for the search, and one for each person found (P2): "who viewed this child" finds the search.
        var search = logged.Single(a => a.PersonId is null);
        Assert.Equal("client:bootstrap", search.ActorId);
        Assert.Equal("api: 1 results, page 1", search.Detail);
        Assert.Equal([Guid.Parse(katie)], logged.Where(a => a.PersonId is not null).Select(a => a.PersonId!.Value));
    }

    [Fact]
    public async Task Creating_a_person_who_may_already_exist_offers_the_existing_record_with_reasons()
    {
        var katie = await Seed();

        var (_, created) = await _api.PostJsonAsync("/api/v1/people", new { forename = "Katie", surname = "Blackwood", dateOfBirth = "2012-05-06" });

        var match = created!["possibleMatches"]!.AsArray().Single()!;
        Assert.Equal(katie, match["personId"]!.GetValue<string>());
        Assert.Contains(match["reasons"]!.AsArray(), r => r!.GetValue<string>().Contains("variant"));
    }

    [Fact]
    public async Task A_second_create_with_the_same_source_reference_returns_the_same_person()
    {
        var body = new { forename = "Imported", surname = "Child", sourceRef = new { system = "old-cms", id = "C-1001" } };

        var (firstStatus, first) = await _api.PostJsonAsync("/api/v1/people", body);
        var (secondStatus, second) = await _api.PostJsonAsync("/api/v1/people", body);

        Assert.Equal(System.Net.HttpStatusCode.Created, firstStatus);
        Assert.Equal(System.Net.HttpStatusCode.OK, secondStatus);
        Assert.Equal(first!["id"]!.GetValue<string>(), second!["id"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("Okaf", "Jason Okafor")]        // the start of a surname
    [InlineData("Mül", "Anna Müller")]          // ...in any alphabet, folded as names are
    [InlineData("Mul", "Anna Müller")]
    [InlineData("Дми", "Dmitriy Volkov")]       // an alias in Cyrillic, found by its Cyrillic start
    [InlineData("O'Neil", "Ciara Walsh")]       // the start of a hyphenated, apostrophised alias
    [InlineData("O'Neil-Smith", "Ciara Walsh")] // ...and the whole of it
    public async Task A_search_finds_people_by_the_start_of_a_surname_or_of_any_word_of_an_alias(string name, string expected)
    {
        await SeedForDatesPostcodesAndAliases();
        await _api.CreatePersonAsync(A.Adult("Anna", "Müller").Build());
        await _api.CreatePersonAsync(A.Adult("Dmitriy", "Volkov").KnownAs("Дмитрий Волков").Build());
        await _api.CreatePersonAsync(A.Adult("Ciara", "Walsh").KnownAs("Ciara O'Neil-Smith").Build());

        var (_, hits) = await _api.GetJsonAsync($"/api/v1/people?name={Uri.EscapeDataString(name)}");

        Assert.Contains(expected, Names(hits));
    }

    [Fact]
    public async Task A_corrected_alias_is_found_at_once_and_the_alias_it_replaced_no_longer_finds_the_person()
    {
        await SeedForDatesPostcodesAndAliases();
        var (_, jason) = await _api.GetJsonAsync("/api/v1/people?name=Jason%20Okafor");
        var id = jason!.AsArray().Single()!["id"]!.GetValue<string>();

        var (status, _) = await _api.PostJsonAsync($"/api/v1/people/{id}/corrections",
            new { aliases = new[] { "Jace Delaney" }, reason = "Street name confirmed by the school", expectedVersion = 1 });

        Assert.Equal(System.Net.HttpStatusCode.OK, status);
        Assert.Equal(["Jason Okafor"], Names((await _api.GetJsonAsync("/api/v1/people?name=Delaney")).Body));
        Assert.DoesNotContain("Jason Okafor", Names((await _api.GetJsonAsync("/api/v1/people?name=Jay%20Smith")).Body));
        Assert.DoesNotContain("Jason Okafor", Names((await _api.GetJsonAsync("/api/v1/people?name=JJ")).Body));
    }

    [Fact]
    public async Task People_recorded_before_aliases_were_indexed_are_found_by_their_aliases_once_the_app_has_started_again()
    {
        await SeedForDatesPostcodesAndAliases();
        using (var db = _factory.OwnerDb())
        {
            // A database from before the alias keys: the people and their aliases, no keys.
            db.PersonAliasKeys.RemoveRange(db.PersonAliasKeys);
            await db.SaveChangesAsync();
        }
        Assert.Empty(Names((await _api.GetJsonAsync("/api/v1/people?name=Jay%20Smith")).Body));

        await _factory.Services.MigrateDatabaseAsync(); // what every start does

        Assert.Equal(["Jason Okafor"], Names((await _api.GetJsonAsync("/api/v1/people?name=Jay%20Smith")).Body));
    }
}
