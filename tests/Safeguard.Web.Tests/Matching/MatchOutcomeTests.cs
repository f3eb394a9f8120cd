using Microsoft.EntityFrameworkCore;
using Safeguard.TestKit;
using Safeguard.Web.Tests.Import;

namespace Safeguard.Web.Tests.Matching;

/// <summary>O2, D5: an imported person who certainly exists is linked, one who may exist is created and
/// queued for review, anyone else is created.</summary>
public sealed class MatchOutcomeTests : IDisposable
{
    private readonly SafeguardFactory _factory = new();
    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Definite_match_is_linked_possible_match_is_created_and_queued_no_match_is_created()
    {
        var existing = await _factory.Api().CreatePersonAsync(A.Child("Jessica", "Testwood").BornOn("2014-04-03").LivingAt("ZZ3 3AA").Build());
        const string rows = """
            Ref,First,Last,DOB,Sex,Postcode
            D1,Jessica,Testwood,03/04/2014,F,ZZ3 3AA
            P1,Jess,Testwod,04/03/2014,F,
            N1,Testh,Unrelated,01/01/2010,M,ZZ9 9ZZ
            """;

        var outcome = await ImportRunner.RunAsync(_factory, ImportRunner.PeopleMapping, "people.csv", rows);

        Assert.Equal((1, 1, 1), (outcome.Run.PeopleLinked, outcome.Run.PeopleQueued, outcome.Run.PeopleCreated));
        using var db = _factory.Db();
        var linked = await db.PersonSourceRefs.SingleAsync(r => r.SourceId == "D1");
        Assert.Equal(existing, linked.PersonId.ToString());
        var queuedPerson = await db.PersonSourceRefs.SingleAsync(r => r.SourceId == "P1");
        var review = await db.MatchReviews.SingleAsync();
        Assert.Equal((queuedPerson.PersonId.ToString(), existing, "import:cms", "open"),
            (review.IncomingPersonId.ToString(), review.CandidatePersonId.ToString(), review.Source, review.Status));
        Assert.NotEmpty(review.Reasons);
        Assert.Equal(3, await db.People.CountAsync());
    }
}
