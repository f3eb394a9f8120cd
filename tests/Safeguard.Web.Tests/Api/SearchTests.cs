using Safeguard.TestKit;

namespace Safeguard.Web.Tests.Api;

/// <summary>D1, D2: search by name variants and partial dates of birth; creating a person offers likely existing records.</summary>
public sealed class SearchTests : IDisposable
{
    private readonly SafeguardFactory _factory = new();
    private readonly HttpClient _api;

    public SearchTests() => _api = _factory.Api();
    public void Dispose() => _factory.Dispose();

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
    public async Task Finds_the_child_first_despite_how_the_searcher_spells_it(string name, string? dob)
    {
        var katie = await Seed();
        var url = $"/api/v1/people?name={Uri.EscapeDataString(name)}" + (dob is null ? "" : $"&dateOfBirth={dob}");

        var (_, hits) = await _api.GetJsonAsync(url);

        Assert.Equal(katie, hits!.AsArray().First()!["id"]!.GetValue<string>());
        Assert.NotEmpty(hits[0]!["reasons"]!.AsArray());
    }

    [Fact]
    public async Task Search_results_show_flags_and_searches_are_logged()
    {
        var katie = await Seed();
        await _api.PostJsonAsync($"/api/v1/people/{katie}/flags", new { code = "cse-risk", reason = "Screening significant" });

        var (_, hits) = await _api.GetJsonAsync("/api/v1/people?name=Katherine%20Blackwood");

        Assert.Equal("cse-risk", hits!.AsArray().First()!["flags"]![0]!["code"]!.GetValue<string>());
        Assert.Contains(_factory.Db().Audit, a => a.Action == "search");
    }

    [Fact]
    public async Task Creating_a_person_who_may_already_exist_offers_the_existing_record_with_reasons()
    {
        var katie = await Seed();

        var (_, created) = await _api.PostJsonAsync("/api/v1/people", new { forename = "Katie", surname = "Blackwood", dateOfBirth = "2012-05-06" });

        var match = created!["possibleMatches"]!.AsArray().First()!;
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
}
