using System.Net;
using Safeguard.TestKit;

namespace Safeguard.Web.Tests.Security;

/// <summary>Error pages say only what is true: a refused post saved nothing, and the page says so.</summary>
public sealed class ErrorPagesTests : IDisposable
{
    private readonly SafeguardFactory _factory = new();
    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task A_form_refused_for_its_missing_token_says_nothing_was_saved_and_nothing_was()
    {
        var admin = await PageSignIn.AsAsync(_factory, "administrator");
        var form = await admin.FormAsync("/admin/bank-holidays", "Add");
        var fields = form.Set("Date", "2034-02-06").Set("Name", "Refused day").Fields().Where(f => f.Key != "__RequestVerificationToken");

        var response = await admin.Client.PostAsync(form.Action, new FormUrlEncodedContent(fields));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("There is a problem with your request", html);
        Assert.Contains("nothing from it was saved", html);
        Assert.DoesNotContain("kept", html);
        Assert.DoesNotContain("Refused day", (await admin.GetAsync("/admin/bank-holidays")).Html);
    }
}
