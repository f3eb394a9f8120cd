using System.Net;
using Safeguard.TestKit;

namespace Safeguard.Web.Tests.Work;

/// <summary>Issue 8 point 5: the search page says truthfully how many people were found, however many, shows them a
/// page at a time with GOV.UK pagination, and shows each person's age.</summary>
public sealed class SearchPagesTests : IDisposable
{
    private readonly SafeguardFactory _factory = new();
    private readonly HttpClient _api;

    public SearchPagesTests() => _api = _factory.Api();
    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Sixty_people_of_one_surname_are_all_counted_and_shown_a_page_at_a_time_with_their_ages()
    {
        for (var i = 0; i < 60; i++)
            await _api.CreatePersonAsync(A.Child($"Child{i:00}", "Pagingham").BornOn($"2012-05-{i % 28 + 1:00}").Build());
        var officer = await PageSignIn.AsAsync(_factory, "officer");

        var (status, first) = await officer.GetAsync("/people?Name=Pagingham");
        var (_, third) = await officer.GetAsync("/people?Name=Pagingham&page=3");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("60 people found", first);
        Assert.Contains("govuk-pagination", first);
        Assert.Contains("href=\"/people?Name=Pagingham&amp;page=2\"", first);
        Assert.Equal(25, Rows(first));
        Assert.Equal(10, Rows(third));
        Assert.Contains("<td class=\"govuk-table__cell\">13</td>", first); // born in May 2012, 13 on 2 March 2026
    }

    private static int Rows(string html)
    {
        var table = html[html.IndexOf("data-testid=\"search-results\"", StringComparison.Ordinal)..];
        return table[..table.IndexOf("</table>", StringComparison.Ordinal)].Split("href=\"/people/").Length - 1;
    }
}
