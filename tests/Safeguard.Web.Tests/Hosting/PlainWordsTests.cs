using System.Net;
using Safeguard.TestKit;
using Safeguard.Web.Tests.Missing;

namespace Safeguard.Web.Tests.Hosting;

/// <summary>Plain words (issue 8, point 2): pages name the people who acted, not their internal ids.</summary>
public sealed class PlainWordsTests : IDisposable
{
    private readonly SafeguardFactory _factory = new();
    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task A_flag_raised_by_the_control_room_names_the_user_and_role_in_its_history_not_their_id()
    {
        var child = await _factory.Api().CreatePersonAsync(A.Child("Tia", "Wordcheck").AgedYears(14).Build());
        var controlRoom = await PageSignIn.AsAsync(_factory, "control-room");
        var check = await controlRoom.SubmitAsync($"/people/{child}/flags/new", "Continue",
            [new("Code", "cse-risk"), new("Reason", "Seen getting into cars with unknown adults")]);
        var raised = await (await controlRoom.FormOnAsync(check, "Raise flag")).SubmitAsync();
        var supervisor = await PageSignIn.AsAsync(_factory, "supervisor");

        var (status, profile) = await supervisor.GetAsync($"/people/{child}");

        Assert.Equal(HttpStatusCode.Redirect, raised.StatusCode);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("suggested by Test control-room", profile);
        Assert.DoesNotContain("user:control-room", profile);
    }

    [Fact]
    public async Task An_event_recorded_by_a_connected_system_names_the_system_in_its_history_not_its_id()
    {
        var api = _factory.Api();
        var child = await api.CreatePersonAsync(A.Child("Ada", "Wordcheck").AgedYears(13).Build());
        await api.ReportAsync("words-m1", child, "2026-02-20T18:00:00Z");
        var supervisor = await PageSignIn.AsAsync(_factory, "supervisor");

        var (status, versions) = await supervisor.GetAsync("/events/words-m1/versions");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("by the bootstrap system", versions);
        Assert.DoesNotContain("by client:", versions);
    }
}
