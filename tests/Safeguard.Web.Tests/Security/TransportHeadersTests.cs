using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Safeguard.TestKit;

namespace Safeguard.Web.Tests.Security;

/// <summary>Issue 11 point 7, headers: a fresh CSP nonce per page carried by the one inline script; HSTS and Secure
/// cookies behind a TLS proxy; X-Forwarded-* believed from the configured proxies only; Secure cookies always
/// outside Development.</summary>
public sealed partial class TransportHeadersTests : IDisposable
{
    private const string Proxy = "10.0.0.5";
    private readonly SafeguardFactory _factory = new(new Dictionary<string, string>
    {
        ["Safeguard:Security:KnownProxies:0"] = Proxy,
        ["Safeguard:Security:SignInsPerAddressPerMinute"] = "2",
    });
    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Each_page_gets_its_own_script_nonce_and_the_inline_script_carries_it()
    {
        var client = _factory.CreateClient();

        var first = await client.GetAsync("/sign-in");
        var second = await client.GetAsync("/sign-in");

        var (policy1, policy2) = (first.Headers.GetValues("Content-Security-Policy").Single(), second.Headers.GetValues("Content-Security-Policy").Single());
        var nonce1 = Nonce().Match(policy1).Groups[1].Value;
        var nonce2 = Nonce().Match(policy2).Groups[1].Value;
        Assert.True(nonce1.Length >= 20);
        Assert.NotEqual(nonce1, nonce2);
        Assert.Contains($"<script nonce=\"{nonce1}\">", await first.Content.ReadAsStringAsync());
        Assert.DoesNotContain("unsafe-inline", policy1);
        Assert.DoesNotContain("unsafe-eval", policy1);
    }

    [Fact]
    public async Task Behind_the_known_tls_proxy_answers_carry_hsts_and_cookies_are_secure()
    {
        var client = From(Proxy);
        var request = new HttpRequestMessage(HttpMethod.Get, "/sign-in");
        request.Headers.Add("X-Forwarded-Proto", "https");

        var response = await client.SendAsync(request);

        Assert.Contains("max-age=31536000", response.Headers.GetValues("Strict-Transport-Security").Single());
        Assert.Contains("secure", response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("safeguard-csrf", StringComparison.Ordinal)).ToLowerInvariant());
    }

    [Fact]
    public async Task Forwarded_headers_from_an_address_not_configured_as_a_proxy_are_ignored()
    {
        var client = From("203.0.113.9");
        var request = new HttpRequestMessage(HttpMethod.Get, "/sign-in");
        request.Headers.Add("X-Forwarded-Proto", "https");

        var response = await client.SendAsync(request);

        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
        Assert.DoesNotContain("secure", response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("safeguard-csrf", StringComparison.Ordinal)).ToLowerInvariant());
    }

    [Fact]
    public async Task The_client_address_the_known_proxy_forwards_is_the_one_sign_in_limits_count()
    {
        // Two attempts a minute per address: three people behind the proxy each get theirs; one person's third is refused.
        var perPerson = new List<HttpStatusCode>();
        foreach (var person in new[] { "198.51.100.1", "198.51.100.2", "198.51.100.3" })
            perPerson.Add(await SignInAsync(From(Proxy), person, "someone"));
        var same = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++) same.Add(await SignInAsync(From(Proxy), "198.51.100.9", $"someone.{i}"));
        // A caller that is not the proxy cannot pick its own address by sending the header.
        var spoofed = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++) spoofed.Add(await SignInAsync(From("203.0.113.9"), $"198.51.100.{20 + i}", $"other.{i}"));

        Assert.All(perPerson, s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], same);
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], spoofed);
    }

    [Fact]
    public async Task Outside_development_the_session_cookie_is_secure_even_when_the_request_came_over_plain_http()
    {
        using var production = _factory.WithWebHostBuilder(b => b.UseEnvironment("Production").UseSetting("Safeguard:Clock:Enabled", "false"));
        await _factory.AddUserAsync("cookie.user", Core.Organisation.Roles.Officer, PageSignIn.Password);
        var browser = new PageSignIn(production.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }));

        var response = await browser.SubmitAsync("/sign-in", "Sign in", [new("Username", "cookie.user"), new("Password", PageSignIn.Password)]);
        var cookie = production.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(CookieAuthenticationDefaults.AuthenticationScheme).Cookie;

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("secure", response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("safeguard=", StringComparison.Ordinal)).ToLowerInvariant());
        Assert.Equal(CookieSecurePolicy.Always, cookie.SecurePolicy);
        Assert.True(cookie.HttpOnly);
        Assert.Equal(SameSiteMode.Strict, cookie.SameSite);
    }

    private readonly Dictionary<string, WebApplicationFactory<Program>> _hosts = [];

    /// <summary>A client whose requests arrive from <paramref name="address"/>, as if over the network (one server per
    /// address, kept for the test, so that its rate limits carry from one request to the next).</summary>
    private HttpClient From(string address)
    {
        if (!_hosts.TryGetValue(address, out var factory))
            _hosts[address] = factory = _factory.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<IStartupFilter>(new RemoteAddress(IPAddress.Parse(address)))));
        return factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("http://safeguard.example.org") });
    }

    private static async Task<HttpStatusCode> SignInAsync(HttpClient client, string forwardedFor, string username)
    {
        var page = new PageSignIn(client);
        var form = await page.FormAsync("/sign-in", "Sign in");
        form.Set([new("Username", username), new("Password", "not-the-password")]);
        client.DefaultRequestHeaders.Remove("X-Forwarded-For");
        client.DefaultRequestHeaders.Add("X-Forwarded-For", forwardedFor);
        return (await form.SubmitAsync()).StatusCode;
    }

    private sealed class RemoteAddress(IPAddress address) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, following) => { context.Connection.RemoteIpAddress = address; return following(context); });
            next(app);
        };
    }

    [GeneratedRegex("script-src 'self' 'nonce-([^']+)'")]
    private static partial Regex Nonce();
}
