using System.Net;
using Safeguard.TestKit;

namespace Safeguard.Web.Tests.Api;

/// <summary>An event's history on a page (A3): every version with who, when and why, reached from the profile.</summary>
public sealed class EventHistoryPageTests : IDisposable
{
    private readonly SafeguardFactory _factory = new();
    private readonly HttpClient _api;

    public EventHistoryPageTests() => _api = _factory.Api();
    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task A_corrected_event_shows_every_version_with_who_corrected_it_and_why_linked_from_the_profile()
    {
        var child = await _api.CreatePersonAsync(A.Child("Nia", "Historychild").Build());
        await _api.RecordAsync(A.Ppn(child).WithId("ppn-h").Build());
        await _api.PostJsonAsync("/api/v1/events/ppn-h/corrections",
            new { reason = "Time taken from the officer's notebook", expectedVersion = 1, occurredAt = "2026-03-01T18:30:00Z" });
        var page = await PageSignIn.AsAsync(_factory, "supervisor");

        var (profileStatus, profile) = await page.GetAsync($"/people/{child}");
        var (recordStatus, record) = await page.GetAsync("/events/ppn-h");
        var (status, html) = await page.GetAsync("/events/ppn-h/versions");
        var (unknown, _) = await page.GetAsync("/events/no-such-event/versions");

        Assert.Equal(HttpStatusCode.OK, profileStatus);
        Assert.Contains("href=\"/events/ppn-h\">Public protection notification</a>", profile);
        Assert.Contains("corrected, version 2", profile);
        Assert.Equal(HttpStatusCode.OK, recordStatus);
        Assert.Contains("href=\"/events/ppn-h/versions\">Full history of this record</a>", record);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Version 2 (current)", html);
        Assert.Contains("Version 1", html);
        Assert.Contains("Time taken from the officer&#x27;s notebook", html);
        Assert.Contains("1 March 2026 at 18:30", html);
        Assert.Contains("Nia Historychild (child)", html);
        Assert.Equal(HttpStatusCode.NotFound, unknown);
    }
}
