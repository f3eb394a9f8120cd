using System.Net;
using Microsoft.EntityFrameworkCore;
using Safeguard.TestKit;
using Safeguard.Web.Pages.Shared;

namespace Safeguard.Web.Tests.Forms;

/// <summary>Issue 8, point 6: one GOV.UK date input (<see cref="DateTimeParts"/>) on every page. A refused date names
/// its field and keeps what was typed; a date of birth typed into search is read exactly as "add a person" reads it;
/// drafts saved in the older one-time-box shape still open. The test clock stands at 2 March 2026, 09:00 UTC.</summary>
public sealed class DateInputTests : IDisposable
{
    private readonly SafeguardFactory _factory = new();
    private readonly HttpClient _api;

    public DateInputTests() => _api = _factory.Api();
    public void Dispose() => _factory.Dispose();

    private static KeyValuePair<string, string>[] When(string name, string day, string month, string year, string? time = null) =>
        RecordingFormsTests.When(name, day, month, year, time);

    private static string Decoded(string html) => WebUtility.HtmlDecode(html);

    /// <summary>True when the page's box for <paramref name="name"/> (e.g. "OccurredAt.Day") shows <paramref name="value"/>.</summary>
    private static bool Shows(string html, string name, string value) =>
        html.Contains($"name=\"{name}\" type=\"text\" inputmode=\"numeric\" value=\"{value}\"", StringComparison.Ordinal);

    [Fact]
    public void A_missing_part_is_named_with_the_field_and_only_that_part_is_marked()
    {
        var dob = new DateTimeParts { Day = "6", Year = "2014" };

        Assert.False(dob.TryReadDate("the date of birth", out _, out var error));

        Assert.Equal("The date of birth must include a month", error);
        Assert.Equal(new[] { "Month" }, dob.ErrorParts);
    }

    [Fact]
    public void An_impossible_hour_says_the_time_must_be_a_real_time_naming_the_field()
    {
        var found = new DateTimeParts { Day = "1", Month = "3", Year = "2026", Hour = "25", Minute = "00" };

        Assert.False(found.TryRead("the time found", out _, out var error));

        Assert.Equal("The time found must be a real time: the hour is from 0 to 23", error);
        Assert.Equal(new[] { "Hour" }, found.ErrorParts);
    }

    [Fact]
    public void A_date_of_birth_after_today_is_refused_as_not_in_the_past_and_a_two_figure_year_asks_for_four()
    {
        var today = new DateOnly(2026, 3, 2);

        Assert.False(new DateTimeParts { Day = "3", Month = "3", Year = "2026" }.TryReadDateOfBirth("the date of birth", today, out _, out var future));
        Assert.False(new DateTimeParts { Day = "6", Month = "5", Year = "14" }.TryReadDateOfBirth("the date of birth", today, out _, out var shortYear));
        Assert.True(new DateTimeParts { Day = "2", Month = "3", Year = "2026" }.TryReadDateOfBirth("the date of birth", today, out var bornToday, out _));

        Assert.Equal("The date of birth must be today or in the past", future);
        Assert.Equal("The date of birth must include a year with 4 numbers", shortYear);
        Assert.Equal(today, bornToday);
    }

    [Fact]
    public void A_time_typed_into_the_hour_box_alone_is_read_as_the_hour_and_minute_in_uk_time()
    {
        var summer = new DateTimeParts { Day = "1", Month = "July", Year = "2026", Hour = "21:15" };

        Assert.True(summer.TryRead("when it happened", out var at, out _));

        Assert.Equal(new DateTimeOffset(2026, 7, 1, 20, 15, 0, TimeSpan.Zero), at); // 21:15 BST
    }

    [Theory]
    [InlineData("2026-03-01T21:15", "1", "3", "2026", "21", "15")] // a real time, in either shape
    [InlineData("2026--1T2115", "1", null, "2026", "21", "15")] // an older draft: one time box, the month not typed
    [InlineData("2026-3-1T21:", "1", "3", "2026", "21", null)] // the boxes as typed, the minute not typed
    [InlineData("2026-03-01", "1", "3", "2026", null, null)]
    public void Text_kept_in_a_draft_reads_back_into_the_boxes_newer_and_older_shapes_alike(string text, string? day, string? month, string? year, string? hour, string? minute)
    {
        var parts = DateTimeParts.FromText(text);

        Assert.Equal((day, month, year, hour, minute), (parts.Day, parts.Month, parts.Year, parts.Hour, parts.Minute));
    }

    [Fact]
    public void Boxes_that_are_not_a_real_time_are_kept_as_typed_and_come_back_the_same()
    {
        var typed = new DateTimeParts { Day = "31", Month = "2", Year = "2026", Hour = "9", Minute = "" };

        var back = DateTimeParts.FromText(typed.ToText(withTime: true));

        Assert.Equal(("31", "2", "2026", "9", (string?)null), (back.Day, back.Month, back.Year, back.Hour, back.Minute));
        Assert.Equal("2026-03-01T09:05", new DateTimeParts { Day = "1", Month = "Mar", Year = "2026", Hour = "9", Minute = "5" }.ToText(withTime: true));
    }

    [Fact]
    public async Task A_ppn_time_without_a_month_is_refused_naming_the_field_and_the_typed_boxes_come_back_and_stay_in_the_draft()
    {
        var child = await _api.CreatePersonAsync(A.Child("Pia", "Datesppn").Build());
        var page = await PageSignIn.AsAsync(_factory, "officer");
        var concern = (await page.Client.GetAsync($"/record/ppn/start?personId={child}")).Headers.Location!.OriginalString;

        var refused = await (await page.SubmitAsync(concern, "Continue", [new("Concerns", "neglect"), .. When("OccurredAt", "1", "", "2026", "21:15")])).Content.ReadAsStringAsync();
        var (_, reopened) = await page.GetAsync(concern);

        Assert.Contains("When it happened must include a month", refused);
        Assert.Contains("href=\"#OccurredAt\"", refused);
        foreach (var html in new[] { refused, reopened })
        {
            Assert.True(Shows(html, "OccurredAt.Day", "1") && Shows(html, "OccurredAt.Year", "2026") && Shows(html, "OccurredAt.Hour", "21") && Shows(html, "OccurredAt.Minute", "15"), html);
        }
    }

    [Fact]
    public async Task A_ppn_draft_saved_with_the_older_single_time_box_still_opens_with_its_time_and_can_be_submitted()
    {
        var child = await _api.CreatePersonAsync(A.Child("Olly", "Datesdraft").Build());
        var page = await PageSignIn.AsAsync(_factory, "officer");
        var concern = (await page.Client.GetAsync($"/record/ppn/start?personId={child}")).Headers.Location!.OriginalString;
        var draftUrl = concern[..concern.LastIndexOf('/')];
        await page.SubmitAsync(concern, "Continue", [new("Concerns", "neglect"), .. When("OccurredAt", "1", "3", "2026", "08:00")]);
        await page.SubmitAsync($"{draftUrl}/observations", "Continue", [new("Demeanour", "Quiet"), new("ChildViews", "Fine")]);
        await page.SubmitAsync($"{draftUrl}/actions", "Continue", [new("ImmediateActions", "Took him home"), new("Referred", "yes"), new("RiskGrade", "standard")]);
        var draftId = Guid.Parse(draftUrl[(draftUrl.LastIndexOf('/') + 1)..]);
        await using (var db = _factory.Db())
        {
            // As the older journey kept it: the boxes as typed, the time in one box.
            var draft = await db.Drafts.SingleAsync(d => d.Id == draftId);
            draft.Json = draft.Json.Replace("\"occurredAt\":\"2026-03-01T08:00\"", "\"occurredAt\":\"2026-3-1T2115\"", StringComparison.Ordinal);
            Assert.Contains("2026-3-1T2115", draft.Json);
            await db.SaveChangesAsync();
        }

        var (status, reopened) = await page.GetAsync(concern);
        var (_, check) = await page.GetAsync($"{draftUrl}/check");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(Shows(reopened, "OccurredAt.Day", "1") && Shows(reopened, "OccurredAt.Month", "3") && Shows(reopened, "OccurredAt.Hour", "21") && Shows(reopened, "OccurredAt.Minute", "15"), reopened);
        Assert.Contains("1 March 2026 at 21:15", check);
        var recorded = await page.SubmitAsync($"{draftUrl}/check", "Submit notification");
        Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);
    }

    [Fact]
    public async Task A_domestic_abuse_time_without_a_year_is_refused_naming_the_field_and_keeps_what_was_typed()
    {
        var page = await PageSignIn.AsAsync(_factory, "officer");
        var people = (await page.Client.GetAsync("/record/domestic-abuse/start")).Headers.Location!.OriginalString;
        var incident = people[..people.LastIndexOf('/')] + "/incident";

        var refused = await (await page.SubmitAsync(incident, "Continue",
            [.. When("OccurredAt", "28", "2", "", "22:40"), new("Summary", "Shouting heard"), new("RiskGrade", "medium")])).Content.ReadAsStringAsync();
        var (_, reopened) = await page.GetAsync(incident);

        Assert.Contains("When it happened must include a year", refused);
        Assert.Contains("id=\"OccurredAt-error\"", refused);
        foreach (var html in new[] { refused, reopened })
            Assert.True(Shows(html, "OccurredAt.Day", "28") && Shows(html, "OccurredAt.Month", "2") && Shows(html, "OccurredAt.Hour", "22") && Shows(html, "OccurredAt.Minute", "40"), html);
    }

    [Fact]
    public async Task A_cawn_served_without_a_minute_is_refused_naming_the_field_and_keeps_what_was_typed()
    {
        var child = await _api.CreatePersonAsync(A.Child("Cleo", "Datescawn").AgedYears(14).Build());
        var man = await _api.CreatePersonAsync(A.Adult("Carl", "Datessuspect").Build());
        var page = await PageSignIn.AsAsync(_factory, "officer");

        var html = await (await page.SubmitAsync($"/exploitation/cawn?personId={child}&suspectId={man}", "Continue",
            [new("ChildStatus", "none"), new("ServedAt.Day", "1"), new("ServedAt.Month", "3"), new("ServedAt.Year", "2026"), new("ServedAt.Hour", "14"), new("ServedAt.Minute", "")])).Content.ReadAsStringAsync();

        Assert.Contains("When the notice was served must include a minute", html);
        Assert.Contains("id=\"ServedAt-error\"", html);
        Assert.True(Shows(html, "ServedAt.Day", "1") && Shows(html, "ServedAt.Hour", "14"), html);
        Assert.DoesNotContain("check-answers", html);
    }

    [Fact]
    public async Task Add_a_person_refuses_a_date_of_birth_without_a_month_or_in_the_future_naming_it_and_keeping_what_was_typed()
    {
        var page = await PageSignIn.AsAsync(_factory, "officer");

        var noMonth = await (await page.SubmitAsync("/people/new", "Continue", [new("Forename", "Uma"), new("Surname", "Datesnew"), .. When("DateOfBirth", "6", "", "2014")])).Content.ReadAsStringAsync();
        var future = await (await page.SubmitAsync("/people/new", "Continue", [new("Forename", "Uma"), new("Surname", "Datesnew"), .. When("DateOfBirth", "6", "5", "2027")])).Content.ReadAsStringAsync();

        Assert.Contains("The date of birth must include a month", noMonth);
        Assert.True(Shows(noMonth, "DateOfBirth.Day", "6") && Shows(noMonth, "DateOfBirth.Year", "2014"), noMonth);
        Assert.Contains("The date of birth must be today or in the past", future);
        Assert.True(Shows(future, "DateOfBirth.Year", "2027"), future);
        var (_, search) = await page.GetAsync("/people?Name=Uma+Datesnew");
        Assert.Contains("0 people found", search);
    }

    [Fact]
    public async Task Search_refuses_a_two_figure_year_of_birth_naming_the_field_and_keeping_what_was_typed()
    {
        var page = await PageSignIn.AsAsync(_factory, "officer");

        var html = await (await page.SubmitAsync("/people", "Search", [new("Name", "Anyone"), .. When("DateOfBirth", "6", "5", "14")])).Content.ReadAsStringAsync();

        Assert.Contains("The date of birth must include a year with 4 numbers", html);
        Assert.Contains("id=\"DateOfBirth-error\"", html);
        Assert.True(Shows(html, "DateOfBirth.Day", "6") && Shows(html, "DateOfBirth.Year", "14"), html);
        Assert.DoesNotContain("data-testid=\"search-count\"", html);
    }

    [Fact]
    public async Task A_uk_date_of_birth_typed_into_search_goes_to_add_a_person_is_saved_and_then_found_by_the_same_search()
    {
        var page = await PageSignIn.AsAsync(_factory, "officer");
        KeyValuePair<string, string>[] typed = [new("Name", "Nell Datesround"), .. When("DateOfBirth", "06", "May", "2014")];

        var first = await page.SubmitAsync("/people", "Search", typed);
        var firstHtml = await first.Content.ReadAsStringAsync();
        Assert.Contains("0 people found", firstHtml);
        var add = Decoded(firstHtml).Split("data-testid=\"add-person\"")[0];
        var addHref = add[(add.LastIndexOf("href=\"", StringComparison.Ordinal) + 6)..].Split('"')[0];
        Assert.Equal("/people/new?Name=Nell%20Datesround&DateOfBirth=2014-05-06", addHref);

        var form = await page.FormAsync(addHref, "Continue");
        var (_, prefilled) = await page.GetAsync(addHref);
        Assert.Contains("value=\"Nell\"", prefilled);
        Assert.Contains("value=\"Datesround\"", prefilled);
        Assert.True(Shows(prefilled, "DateOfBirth.Day", "6") && Shows(prefilled, "DateOfBirth.Month", "5") && Shows(prefilled, "DateOfBirth.Year", "2014"), prefilled);
        var created = await form.SubmitAsync();
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var (_, profile) = await page.GetAsync(created.Headers.Location!.OriginalString);
        Assert.Contains("6 May 2014", profile);

        var again = await (await page.SubmitAsync("/people", "Search", typed)).Content.ReadAsStringAsync();
        Assert.Contains("1 person found", again);
    }

    [Fact]
    public async Task The_profile_as_of_takes_the_date_input_with_an_optional_time_and_refuses_a_partial_date_or_one_before_birth_plainly()
    {
        var child = await _api.CreatePersonAsync(A.Child("Ada", "Datesasof").BornOn("2016-01-20").Build());
        var page = await PageSignIn.AsAsync(_factory, "officer");

        var (_, dayOnly) = await page.GetAsync($"/people/{child}?AsOf.Day=1&AsOf.Month=3&AsOf.Year=2026");
        var (_, withTime) = await page.GetAsync($"/people/{child}?AsOf.Day=1&AsOf.Month=3&AsOf.Year=2026&AsOf.Hour=9&AsOf.Minute=30");
        var (_, partial) = await page.GetAsync($"/people/{child}?AsOf.Day=1&AsOf.Year=2026");
        var (status, beforeBirth) = await page.GetAsync($"/people/{child}?AsOf.Day=1&AsOf.Month=1&AsOf.Year=2006");

        Assert.Contains("as it stood at <strong>1 March 2026 at 23:59</strong>", dayOnly);
        Assert.Contains("as it stood at <strong>1 March 2026 at 09:30</strong>", withTime);
        Assert.Contains("The date must include a month", partial);
        Assert.True(Shows(partial, "AsOf.Day", "1") && Shows(partial, "AsOf.Year", "2026"), partial);
        Assert.DoesNotContain("You are looking at this profile as it stood at", partial);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("The date must be on or after Ada Datesasof’s date of birth, 20 January 2016", Decoded(beforeBirth));
        Assert.DoesNotContain("aged -", beforeBirth);
        Assert.DoesNotContain("type=\"datetime-local\"", beforeBirth);
    }
}
