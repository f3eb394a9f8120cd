using System.Net;
using Safeguard.TestKit;
using Safeguard.Web.Tests.Import;

namespace Safeguard.Web.Tests.Matching;

/// <summary>D5 in the browser: the review queue and the side-by-side page, without JavaScript.</summary>
public sealed class ReviewPagesTests : IDisposable
{
    private readonly SafeguardFactory _factory = new();
    public void Dispose() => _factory.Dispose();

    private async Task<string> QueuedReviewIdAsync()
    {
        await _factory.Api().CreatePersonAsync(A.Child("Jessica", "Testwood").BornOn("2014-04-03").LivingAt("ZZ3 3AA").Build());
        await ImportRunner.RunAsync(_factory, ImportRunner.PeopleMapping, "people.csv", """
            Ref,First,Last,DOB,Sex,Postcode
            P1,Jess,Testwod,04/03/2014,F,
            """);
        using var db = _factory.Db();
        return db.MatchReviews.Single().Id.ToString();
    }

    [Fact]
    public async Task A_supervisor_compares_the_records_and_links_them_with_a_reason()
    {
        var id = await QueuedReviewIdAsync();
        var supervisor = await PageSignIn.AsAsync(_factory, "supervisor");

        var (_, list) = await supervisor.GetAsync("/matching/reviews");
        var (_, review) = await supervisor.GetAsync($"/matching/reviews/{id}");
        var withoutReason = await supervisor.SubmitAsync($"/matching/reviews/{id}", "Same person: link (merge)", [new("LinkReason", "")]);
        var linked = await (await supervisor.FormOnAsync(withoutReason, "Same person: link (merge)")).Set("LinkReason", "Same school").SubmitAsync();

        Assert.Contains($"/matching/reviews/{id}", list);
        Assert.Contains("Jess Testwod", review);
        Assert.Contains("Jessica Testwood", review);
        Assert.Contains("data-testid=\"reasons\"", review);
        Assert.Contains("surname", review);
        Assert.Equal(HttpStatusCode.OK, withoutReason.StatusCode);
        var refusal = await withoutReason.Content.ReadAsStringAsync();
        Assert.Contains("Say why you decided this.", refusal);
        Assert.Equal(HttpStatusCode.Redirect, linked.StatusCode);
        using var db = _factory.Db();
        Assert.Equal("linked", db.MatchReviews.Single().Status);
    }

    [Fact]
    public async Task Adding_a_person_after_saying_none_of_the_offered_records_is_them_queues_a_review()
    {
        var existing = await _factory.Api().CreatePersonAsync(A.Child("Jessica", "Testwood").BornOn("2014-04-03").Build());
        var officer = await PageSignIn.AsAsync(_factory, "officer");

        var offered = await officer.SubmitAsync("/people/new", "Continue", [new("Forename", "Jess"), new("Surname", "Testwood"), new("DateOfBirth.Day", "3"), new("DateOfBirth.Month", "4"), new("DateOfBirth.Year", "2014")]);
        var created = await (await officer.FormOnAsync(offered, "None of these: add a new person")).SubmitAsync();

        Assert.Contains("This person may already be recorded", await offered.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        using var db = _factory.Db();
        var review = db.MatchReviews.Single();
        Assert.Equal((existing, "creation", "open"), (review.CandidatePersonId.ToString(), review.Source, review.Status));
        Assert.Equal(created.Headers.Location!.ToString(), $"/people/{review.IncomingPersonId}");
    }

    [Fact]
    public async Task An_officer_is_told_plainly_the_match_reviews_are_not_for_their_role()
    {
        var id = await QueuedReviewIdAsync();
        var officer = await PageSignIn.AsAsync(_factory, "officer");

        var (list, listPage) = await officer.GetAsync("/matching/reviews");
        var (review, reviewPage) = await officer.GetAsync($"/matching/reviews/{id}");

        Assert.Equal(HttpStatusCode.Forbidden, list);
        Assert.Equal(HttpStatusCode.Forbidden, review);
        Assert.Contains("You do not have access to this page", listPage);
        Assert.DoesNotContain(id.ToString(), reviewPage);
    }
}
