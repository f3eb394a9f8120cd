using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Safeguard.TestKit;
using Safeguard.Web.Tests.Import;

namespace Safeguard.Web.Tests.Matching;

/// <summary>D5 in the browser: the review queue and the side-by-side page, without JavaScript.</summary>
public sealed partial class ReviewPagesTests : IDisposable
{
    private readonly SafeguardFactory _factory = new();
    public void Dispose() => _factory.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Antiforgery();

    private async Task<HttpClient> SignedInAsync(string role)
    {
        await _factory.AddUserAsync("page-" + role, role, "correct horse battery");
        var browser = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await PostFormAsync(browser, "/sign-in", new() { ["Username"] = "page-" + role, ["Password"] = "correct horse battery" });
        return browser;
    }

    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient browser, string url, Dictionary<string, string> form, string? formPage = null)
    {
        var page = await browser.GetStringAsync(formPage ?? url);
        form["__RequestVerificationToken"] = Antiforgery().Match(page).Groups[1].Value;
        return await browser.PostAsync(url, new FormUrlEncodedContent(form));
    }

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
        var supervisor = await SignedInAsync("supervisor");

        var list = await supervisor.GetStringAsync("/matching/reviews");
        var review = await supervisor.GetStringAsync($"/matching/reviews/{id}");
        var withoutReason = await PostFormAsync(supervisor, $"/matching/reviews/{id}?handler=Link", new() { ["LinkReason"] = "" }, $"/matching/reviews/{id}");
        var linked = await PostFormAsync(supervisor, $"/matching/reviews/{id}?handler=Link", new() { ["LinkReason"] = "Same school" }, $"/matching/reviews/{id}");

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
        var officer = await SignedInAsync("officer");
        var person = new Dictionary<string, string> { ["Forename"] = "Jess", ["Surname"] = "Testwood", ["DateOfBirth"] = "2014-04-03" };

        var offered = await PostFormAsync(officer, "/people/new", new(person));
        var created = await PostFormAsync(officer, "/people/new", new(person) { ["NoneOfThese"] = "true" });

        Assert.Contains("This person may already be recorded", await offered.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        using var db = _factory.Db();
        var review = db.MatchReviews.Single();
        Assert.Equal((existing, "creation", "open"), (review.CandidatePersonId.ToString(), review.Source, review.Status));
        Assert.Equal(created.Headers.Location!.ToString(), $"/people/{review.IncomingPersonId}");
    }

    [Fact]
    public async Task To_an_officer_the_queue_does_not_exist()
    {
        var id = await QueuedReviewIdAsync();
        var officer = await SignedInAsync("officer");

        var list = await officer.GetAsync("/matching/reviews");
        var review = await officer.GetAsync($"/matching/reviews/{id}");

        Assert.Equal(HttpStatusCode.NotFound, list.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, review.StatusCode);
    }
}
