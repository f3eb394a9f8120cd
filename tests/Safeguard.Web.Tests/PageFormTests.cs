using System.Net;
using Safeguard.TestKit;

namespace Safeguard.Web.Tests;

/// <summary>The page tests' form helper sends what a browser would send, and refuses what a browser could not do.</summary>
public sealed class PageFormTests
{
    private static readonly Uri Page = new("http://localhost/people/7/notes?tab=2");

    private const string Html = """
        <html><body>
        <form method="post" action="/sign-out"><input name="__RequestVerificationToken" type="hidden" value="sign-out-token" /><button>Sign out</button></form>
        <form method="post" id="note" novalidate>
          <input type="hidden" name="__RequestVerificationToken" value="note-token" />
          <input type="hidden" name="EventId" value="ev-1" />
          <input name="Title" value="First" />
          <input name="Locked" value="x" disabled />
          <input type="checkbox" name="Tags" value="school" checked />
          <input type="checkbox" name="Tags" value="home" />
          <input type="radio" name="Grade" value="low" />
          <input type="radio" name="Grade" value="high" checked="checked" />
          <select name="Team"><option value="north">North</option><option value="south" selected>South</option></select>
          <textarea name="Body">Line one</textarea>
          <button type="submit">Save<span class="govuk-visually-hidden"> note</span></button>
          <button type="submit" name="Also" value="close" formaction="close?x=1">Save and close</button>
        </form>
        <form method="post" action="../legacy"><input name="Q" /><button>No token</button></form>
        <form method="get" action="/people"><input name="Name" value="" /><button>Search</button></form>
        </body></html>
        """;

    private static (PageForm Form, Recorder Sent) Pick(FormPick pick)
    {
        var sent = new Recorder();
        return (PageForm.Parse(new HttpClient(sent) { BaseAddress = new Uri("http://localhost") }, Page, Html, pick), sent);
    }

    [Fact]
    public async Task The_form_picked_by_its_button_is_sent_to_the_page_itself_with_its_token_hidden_fields_and_chosen_values()
    {
        var (form, sent) = Pick("Save");

        await form.Set("Title", "Changed").SubmitAsync();

        Assert.Equal(HttpMethod.Post, sent.Method);
        Assert.Equal(Page, sent.Uri);
        Assert.Equal(
            "__RequestVerificationToken=note-token&EventId=ev-1&Title=Changed&Tags=school&Grade=high&Team=south&Body=Line+one",
            sent.Body);
    }

    [Fact]
    public async Task The_pressed_button_sends_its_own_name_and_goes_to_its_own_form_action_resolved_against_the_page()
    {
        var (form, sent) = Pick("Save and close");

        await form.SubmitAsync();

        Assert.Equal(new Uri("http://localhost/people/7/close?x=1"), sent.Uri);
        Assert.EndsWith("&Also=close", sent.Body);
    }

    [Fact]
    public async Task Ticking_boxes_replaces_the_ticked_set_and_a_get_form_goes_in_the_address()
    {
        var (note, sentNote) = Pick("Save");
        var (search, sentSearch) = Pick(FormPick.Action("/people"));

        await note.Set("Tags", "home").Set("Grade").SubmitAsync();
        await search.Set("Name", "Jess O'Neill").SubmitAsync();

        Assert.Contains("&Tags=home&Team=", sentNote.Body);
        Assert.DoesNotContain("Grade=", sentNote.Body);
        Assert.Equal(HttpMethod.Get, sentSearch.Method);
        Assert.Equal("/people?Name=Jess%20O%27Neill", sentSearch.Uri!.PathAndQuery);
    }

    [Fact]
    public void A_field_the_form_does_not_have_or_a_value_it_does_not_offer_is_refused()
    {
        var (form, _) = Pick(FormPick.Id("note"));

        var unknown = Assert.Throws<InvalidOperationException>(() => form.Set("Titel", "typo"));
        var disabled = Assert.Throws<InvalidOperationException>(() => form.Set("Locked", "y"));
        var notOffered = Assert.Throws<InvalidOperationException>(() => form.Set("Tags", "park"));
        var notAnOption = Assert.Throws<InvalidOperationException>(() => form.Set("Team", "east"));

        Assert.Contains("no field \"Titel\"", unknown.Message);
        Assert.Contains("no field \"Locked\"", disabled.Message);
        Assert.Contains("not \"park\"", notOffered.Message);
        Assert.Contains("not \"east\"", notAnOption.Message);
    }

    [Fact]
    public async Task A_post_form_without_an_anti_forgery_token_fails_before_anything_is_sent()
    {
        var (form, sent) = Pick("No token");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => form.Set("Q", "anything").SubmitAsync());

        Assert.Contains("without an anti-forgery token", error.Message);
        Assert.Contains("/legacy", error.Message);
        Assert.Null(sent.Uri);
    }

    [Fact]
    public void A_button_that_is_not_on_the_page_or_a_pick_that_matches_two_forms_is_refused()
    {
        var missing = Assert.Throws<InvalidOperationException>(() => Pick("Delete"));
        var twice = Assert.Throws<InvalidOperationException>(() => PageForm.Parse(new HttpClient(), Page,
            "<form method=post><button>Go</button></form><form method=post><button>Go</button></form>", "Go"));

        Assert.Contains("has no form with the button \"Delete\"", missing.Message);
        Assert.Contains("\"Save and close\"", missing.Message);
        Assert.Contains("2 matches", twice.Message);
    }

    [Fact]
    public async Task On_a_real_page_the_form_is_the_pages_own_not_the_sign_out_form()
    {
        using var factory = new SafeguardFactory();
        var admin = await PageSignIn.AsAsync(factory, "administrator");

        var form = await admin.FormAsync("/admin/bank-holidays", "Add");
        var signOut = await admin.FormAsync("/admin/bank-holidays", "Sign out");

        Assert.Equal("/admin/bank-holidays", form.Action.AbsolutePath);
        Assert.Equal("/sign-out", signOut.Action.AbsolutePath);
        Assert.Single(form.Values("__RequestVerificationToken"));
        Assert.Equal(HttpStatusCode.Redirect, (await form.Set("Date", "2033-01-03").Set("Name", "Test day").SubmitAsync()).StatusCode);
    }

    /// <summary>Records the one request sent instead of sending it.</summary>
    private sealed class Recorder : HttpMessageHandler
    {
        public HttpMethod? Method { get; private set; }
        public Uri? Uri { get; private set; }
        public string Body { get; private set; } = "";

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            (Method, Uri) = (request.Method, request.RequestUri);
            Body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
            return new HttpResponseMessage(HttpStatusCode.OK) { RequestMessage = request };
        }
    }
}
