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
        var raised = await controlRoom.SubmitAsync($"/people/{child}/flags/new", "Raise flag",
            [new("Code", "cse-risk"), new("Reason", "Seen getting into cars with unknown adults")]);
        var supervisor = await PageSignIn.AsAsync(_factory, "supervisor");

        var (status, profile) = await supervisor.GetAsync($"/people/{child}");

        Assert.Equal(HttpStatusCode.Redirect, raised.StatusCode);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("by Test control-room (Control room)", profile);
        Assert.DoesNotContain("user:control-room", profile);
    }
}
