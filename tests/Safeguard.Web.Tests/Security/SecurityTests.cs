using System.Net;
using Safeguard.TestKit;

namespace Safeguard.Web.Tests.Security;

/// <summary>P1, P2: secure headers, cross-site request forgery refused, the API closed to cookies.</summary>
public sealed class SecurityTests : IDisposable
{
    private readonly SafeguardFactory _factory = new();
    public void Dispose() => _factory.Dispose();

    [Theory]
    [InlineData("/sign-in")]
    [InlineData("/api/v1/people?name=x")]
    public async Task Every_answer_carries_the_secure_headers(string path)
    {
        var response = await _factory.Api().GetAsync(path);

        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.DoesNotContain("unsafe-inline", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
    }

    [Fact]
    public async Task A_form_posted_without_the_anti_forgery_token_is_refused()
    {
        var client = _factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await client.PostAsync("/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Username"] = "administrator", ["Password"] = "anything",
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("/people")]
    [InlineData("/worklist")]
    [InlineData("/record")]
    [InlineData("/admin/settings")]
    public async Task A_visitor_not_signed_in_is_sent_to_sign_in_and_back_afterwards(string path)
    {
        var client = _factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/sign-in?ReturnUrl=" + Uri.EscapeDataString(path), response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task An_unknown_bearer_token_is_refused_with_problem_details()
    {
        var client = _factory.Api("not-a-real-token");

        var (status, body) = await client.GetJsonAsync("/api/v1/people?name=x");

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal("unauthenticated", body!["code"]!.GetValue<string>());
    }
}
