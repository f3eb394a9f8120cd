using System.Net;
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
