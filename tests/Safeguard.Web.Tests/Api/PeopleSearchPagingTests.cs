using System.Net;
using Safeguard.Core.Records;
using Safeguard.Matching.Text;
using Safeguard.TestKit;

namespace Safeguard.Web.Tests.Api;

/// <summary>Issue 8 point 5: the people search API answers a page at a time with the true number found, never silently
/// cut off; a page or page size out of bounds is refused with a problem.</summary>
public sealed class PeopleSearchPagingTests : IDisposable
{
    private readonly SafeguardFactory _factory = new();
    private readonly HttpClient _api;

    public PeopleSearchPagingTests() => _api = _factory.Api();
    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task The_search_pages_through_everyone_found_with_the_true_total()
    {
        for (var i = 0; i < 23; i++) await _api.CreatePersonAsync(A.Child("Kid" + (char)('a' + i), "Apipaged").AgedYears(9).Build());

        var third = await _api.GetAsync("/api/v1/people?name=Apipaged&page=3&pageSize=10");
        var (_, thirdBody) = await _api.GetJsonAsync("/api/v1/people?name=Apipaged&page=3&pageSize=10");
        var (_, firstBody) = await _api.GetJsonAsync("/api/v1/people?name=Apipaged&pageSize=10");
        var (_, secondBody) = await _api.GetJsonAsync("/api/v1/people?name=Apipaged&page=2&pageSize=10");
        var (_, unpaged) = await _api.GetJsonAsync("/api/v1/people?name=Apipaged");

        Assert.Equal("23", third.Headers.GetValues("X-Total-Count").Single());
        Assert.Equal(3, thirdBody!.AsArray().Count);
        var seen = firstBody!.AsArray().Concat(secondBody!.AsArray()).Concat(thirdBody.AsArray()).Select(p => p!["id"]!.GetValue<string>()).ToList();
        Assert.Equal(23, seen.Distinct().Count());
        Assert.Equal(23, unpaged!.AsArray().Count);
    }

    /// <summary>More people sound like the name typed than the search used to rank (3,000), and all of them sort before
    /// the one being looked for: she is still found first, and the total counts everyone found, not the cut.</summary>
    [Fact]
    public async Task A_misspelt_name_finds_its_person_first_among_thousands_who_sound_alike_with_the_true_total()
    {
        Assert.Equal(Soundex.Encode("Blakwood"), Soundex.Encode("Blackwade")); // the crowd shares her surname's sound
        Assert.True(string.CompareOrdinal(NameNormaliser.Normalise("Blackwade"), NameNormaliser.Normalise("Blackwood")) < 0);
        const int crowd = 3_100;
        await using (var db = _factory.Db())
        {
            for (var i = 0; i < crowd; i++)
            {
                var p = new Person { Id = Guid.NewGuid(), Forename = "Tom", Surname = "Blackwade", DateOfBirth = new DateOnly(2010, 1, 1).AddDays(i % 2000),
                    CreatedAt = DateTimeOffset.UtcNow, CreatedBy = "test", Unit = "test" };
                PersonSearchKeys.Apply(p);
                db.People.Add(p);
            }
            await db.SaveChangesAsync();
        }
        var katherine = await _api.CreatePersonAsync(A.Child("Katherine", "Blackwood").BornOn("2012-05-06").Build());

        var response = await _api.GetAsync("/api/v1/people?name=Kathrine%20Blakwood&pageSize=5");
        var (_, hits) = await _api.GetJsonAsync("/api/v1/people?name=Kathrine%20Blakwood&pageSize=5");

        Assert.Equal(katherine, hits!.AsArray()[0]!["id"]!.GetValue<string>());
        Assert.Equal((crowd + 1).ToString(), response.Headers.GetValues("X-Total-Count").Single());
        Assert.Equal(5, hits.AsArray().Count);
    }

    [Theory]
    [InlineData("page=0", "page")]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("pageSize=201", "pageSize")]
    public async Task A_page_out_of_bounds_is_refused_naming_the_parameter(string query, string field)
    {
        var (status, problem) = await _api.GetJsonAsync("/api/v1/people?name=Anyone&" + query);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("validation-failed", problem!["code"]!.GetValue<string>());
        Assert.NotNull(problem["errors"]![field]);
    }
}
