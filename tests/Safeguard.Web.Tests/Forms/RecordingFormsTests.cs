using System.Net;
using Safeguard.TestKit;

namespace Safeguard.Web.Tests.Forms;

/// <summary>Issue 8 for the recording forms: GOV.UK date boxes, every problem at once naming its field, check your
/// answers and a confirmation page. The test clock stands at 2 March 2026, 09:00 UTC.</summary>
public sealed class RecordingFormsTests : IDisposable
{
    private readonly SafeguardFactory _factory = new();
    private readonly HttpClient _api;

    public RecordingFormsTests() => _api = _factory.Api();
    public void Dispose() => _factory.Dispose();

    /// <summary>The GOV.UK date input's boxes; a time "21:15" goes into the hour and minute boxes.</summary>
    internal static KeyValuePair<string, string>[] When(string name, string day, string month, string year, string? time = null) =>
        [new($"{name}.Day", day), new($"{name}.Month", month), new($"{name}.Year", year),
            .. time is null ? Array.Empty<KeyValuePair<string, string>>() : time.Split(':') is [var h, var m] ? [new($"{name}.Hour", h), new($"{name}.Minute", m)] : [new($"{name}.Hour", time), new($"{name}.Minute", "")]];

    private static async Task<string> Html(HttpResponseMessage r) => await r.Content.ReadAsStringAsync();

    private static async Task<string> FollowAsync(PageSignIn page, HttpResponseMessage redirect)
    {
        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        var (status, html) = await page.GetAsync(redirect.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, status);
        return html;
    }

    [Fact]
    public async Task A_cawn_is_checked_then_recorded_and_the_confirmation_names_the_child_the_suspect_and_the_time_in_uk_words()
    {
        var child = await _api.CreatePersonAsync(A.Child("Beth", "Formcawn").AgedYears(14).Build());
        var man = await _api.CreatePersonAsync(A.Adult("Carl", "Formsuspect").Build());
        var page = await PageSignIn.AsAsync(_factory, "officer");

        var check = await page.SubmitAsync($"/exploitation/cawn?personId={child}&suspectId={man}", "Continue",
            [new("ChildStatus", "none"), .. When("ServedAt", "1", "3", "2026", "14:05"), new("Notes", "Served at the door")]);
        var checkHtml = await Html(check);
        Assert.Contains("data-testid=\"check-answers\"", checkHtml);
        Assert.Contains("1 March 2026 at 14:05", checkHtml);
        Assert.Contains("Served at the door", checkHtml);

        var recorded = await (await page.FormOnAsync(check, "Record notice served")).SubmitAsync();
        var confirmation = await FollowAsync(page, recorded);
        Assert.Contains("Child abduction warning notice recorded", confirmation);
        Assert.Contains("Beth Formcawn", confirmation);
        Assert.Contains("Served on Carl Formsuspect 1 March 2026 at 14:05", confirmation);

        var (_, profile) = await page.GetAsync($"/people/{child}");
        Assert.Contains("CAWN served", profile);
    }

    [Fact]
    public async Task A_cawn_refused_by_the_age_rule_on_the_check_page_goes_back_to_the_form_with_the_error_at_the_childs_status()
    {
        var child = await _api.CreatePersonAsync(A.Child("Amy", "Formolder").AgedYears(16).Build());
        var man = await _api.CreatePersonAsync(A.Adult("Dave", "Formsuspect").Build());
        var page = await PageSignIn.AsAsync(_factory, "officer");

        var check = await page.SubmitAsync($"/exploitation/cawn?personId={child}&suspectId={man}", "Continue", [new("ChildStatus", "none"), .. When("ServedAt", "1", "3", "2026", "12:00")]);
        var refused = await (await page.FormOnAsync(check, "Record notice served")).SubmitAsync();
        var html = await Html(refused);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("id=\"ChildStatus-error\"", html);
        Assert.Contains("under 16", html);
        Assert.Contains("name=\"ServedAt.Hour\" type=\"text\" inputmode=\"numeric\" value=\"12\"", html);
        Assert.Contains("name=\"ServedAt.Minute\" type=\"text\" inputmode=\"numeric\" value=\"00\"", html);
    }

    [Fact]
    public async Task A_cawn_served_in_the_future_or_before_the_child_was_born_or_without_a_month_is_refused_naming_the_field()
    {
        var child = await _api.CreatePersonAsync(A.Child("Cara", "Formtimes").BornOn("2013-06-10").Build());
        var man = await _api.CreatePersonAsync(A.Adult("Eric", "Formsuspect").Build());
        var page = await PageSignIn.AsAsync(_factory, "officer");
        var path = $"/exploitation/cawn?personId={child}&suspectId={man}";

        var future = await Html(await page.SubmitAsync(path, "Continue", When("ServedAt", "3", "3", "2026", "09:00")));
        var beforeBirth = WebUtility.HtmlDecode(await Html(await page.SubmitAsync(path, "Continue", When("ServedAt", "1", "1", "2012", "09:00"))));
        var noMonth = await Html(await page.SubmitAsync(path, "Continue", When("ServedAt", "1", "", "2026", "09:00")));
        var notReal = await Html(await page.SubmitAsync(path, "Continue", When("ServedAt", "30", "2", "2026", "09:00")));

        Assert.Contains("When the notice was served must be now or in the past", future);
        Assert.Contains("When the notice was served must be after Cara Formtimes’s date of birth, 10 June 2013", beforeBirth);
        Assert.Contains("When the notice was served must include a month", noMonth);
        Assert.Contains("When the notice was served must be a real date", notReal);
        foreach (var html in new[] { future, beforeBirth, noMonth, notReal })
        {
            Assert.Contains("govuk-error-summary", html);
            Assert.Contains("id=\"ServedAt-error\"", html);
            Assert.DoesNotContain("check-answers", html);
        }
        var (_, profile) = await page.GetAsync($"/people/{child}");
        Assert.DoesNotContain("CAWN served", profile);
    }

    [Fact]
    public async Task A_cse_screening_is_checked_before_it_is_recorded()
    {
        var child = await _api.CreatePersonAsync(A.Child("Dina", "Formscreen").AgedYears(11).Build());
        var page = await PageSignIn.AsAsync(_factory, "investigator");

        var check = await page.SubmitAsync($"/exploitation/screening?personId={child}", "Continue", [new("Indicators", "cars-with-unknown-adults"), new("Notes", "Seen by school staff")]);
        var checkHtml = await Html(check);
        Assert.Contains("data-testid=\"check-answers\"", checkHtml);
        Assert.Contains("Seen by school staff", checkHtml);
        Assert.DoesNotContain("Screening recorded", checkHtml);

        var recorded = await Html(await (await page.FormOnAsync(check, "Record screening")).SubmitAsync());
        Assert.Contains("Screening recorded", recorded);
        Assert.Contains("Result: significant", recorded);
    }

    [Fact]
    public async Task Raising_a_flag_with_nothing_chosen_names_both_missing_answers_at_once()
    {
        var child = await _api.CreatePersonAsync(A.Child("Ella", "Formflag").Build());
        var page = await PageSignIn.AsAsync(_factory, "officer");

        var html = await Html(await page.SubmitAsync($"/people/{child}/flags/new", "Continue"));

        Assert.Contains("Choose which flag to raise", html);
        Assert.Contains("Say why the flag is needed", html);
        Assert.Contains("id=\"Code-error\"", html);
        Assert.Contains("id=\"Reason-error\"", html);
    }

    [Fact]
    public async Task A_flag_raised_by_an_officer_is_checked_then_confirmed_as_a_suggestion_for_a_supervisor()
    {
        var child = await _api.CreatePersonAsync(A.Child("Fern", "Formflag").Build());
        var page = await PageSignIn.AsAsync(_factory, "officer");

        var check = await page.SubmitAsync($"/people/{child}/flags/new", "Continue", [new("Code", "cse-risk"), new("Reason", "Seen getting into cars with older men")]);
        var checkHtml = await Html(check);
        Assert.Contains("data-testid=\"check-answers\"", checkHtml);
        Assert.Contains("Seen getting into cars with older men", checkHtml);

        var confirmation = await FollowAsync(page, await (await page.FormOnAsync(check, "Raise flag")).SubmitAsync());
        Assert.Contains("flag suggested", confirmation);
        Assert.Contains("A supervisor will confirm or reject it", confirmation);
        Assert.Contains("Fern Formflag", confirmation);
    }

    [Fact]
    public async Task The_confirmation_page_opened_without_a_record_just_made_says_nothing_was_recorded()
    {
        var page = await PageSignIn.AsAsync(_factory, "officer");

        var (status, html) = await page.GetAsync("/record/confirmation");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Nothing recorded just now", html);
        Assert.DoesNotContain("govuk-panel--confirmation", html);
    }

    [Fact]
    public async Task A_ppn_takes_its_time_in_date_boxes_refuses_a_future_time_and_ends_on_a_confirmation_page()
    {
        var child = await _api.CreatePersonAsync(A.Child("Gina", "Formppn").Build());
        var page = await PageSignIn.AsAsync(_factory, "officer");
        var start = await page.Client.GetAsync($"/record/ppn/start?personId={child}");
        var concern = start.Headers.Location!.OriginalString;

        var future = await Html(await page.SubmitAsync(concern, "Continue", [new("Concerns", "neglect"), .. When("OccurredAt", "2", "3", "2026", "23:00")]));
        Assert.Contains("When it happened must be now or in the past", future);
        var noTime = await Html(await page.SubmitAsync(concern, "Continue", [new("Concerns", "neglect"), .. When("OccurredAt", "1", "3", "2026", "")]));
        Assert.Contains("When it happened must include a time", noTime);
        Assert.Contains("value=\"neglect\" checked", noTime.Replace("checked=\"checked\"", "checked"));

        var accepted = await page.SubmitAsync(concern, "Continue", [new("Concerns", "neglect"), .. When("OccurredAt", "1", "3", "2026", "21:15")]);
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        var draft = concern[..concern.LastIndexOf('/')];
        await page.SubmitAsync($"{draft}/observations", "Continue", [new("Demeanour", "Quiet"), new("ChildViews", "I am hungry")]);
        await page.SubmitAsync($"{draft}/actions", "Continue", [new("ImmediateActions", "Fed and taken to grandmother"), new("Referred", "yes"), new("RiskGrade", "medium")]);

        var (_, check) = await page.GetAsync($"{draft}/check");
        Assert.Contains("1 March 2026 at 21:15", check);
        var confirmation = await FollowAsync(page, await page.SubmitAsync($"{draft}/check", "Submit notification"));
        Assert.Contains("Public protection notification recorded", confirmation);
        Assert.Contains("Gina Formppn", confirmation);
        Assert.Contains("Happened 1 March 2026 at 21:15", confirmation);
        Assert.Contains("Concerns: Neglect", confirmation);
    }

    [Fact]
    public async Task A_date_of_birth_typed_as_day_month_and_year_is_saved_by_add_a_person_and_found_by_search_the_same_way()
    {
        var page = await PageSignIn.AsAsync(_factory, "officer");

        var created = await page.SubmitAsync("/people/new", "Continue", [new("Forename", "Hattie"), new("Surname", "Formborn"), .. When("DateOfBirth", "6", "5", "2014")]);
        var profile = await FollowAsync(page, created);
        Assert.Contains("6 May 2014", profile);

        var (_, found) = await page.GetAsync("/people?Name=Hattie+Formborn&DateOfBirth.Day=6&DateOfBirth.Month=5&DateOfBirth.Year=2014");
        Assert.Contains("1 person found", found);
        var (_, yearOnly) = await page.GetAsync("/people?Name=Hattie+Formborn&DateOfBirth.Year=2014");
        Assert.Contains(">Hattie Formborn</a>", yearOnly);
    }

    [Fact]
    public async Task Add_a_person_with_an_impossible_date_of_birth_and_no_surname_names_both_problems_at_once_and_saves_nothing()
    {
        var page = await PageSignIn.AsAsync(_factory, "officer");

        var refused = await page.SubmitAsync("/people/new", "Continue", [new("Forename", "Ivy"), .. When("DateOfBirth", "31", "2", "2014")]);
        var html = await Html(refused);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("The date of birth must be a real date", html);
        Assert.Contains("Enter a surname", html);
        Assert.Contains("name=\"DateOfBirth.Day\" type=\"text\" inputmode=\"numeric\" value=\"31\"", html);
        var (_, search) = await page.GetAsync("/people?Name=Ivy");
        Assert.DoesNotContain(">Ivy ", search);
    }

    [Fact]
    public async Task Search_refuses_a_day_without_a_month_naming_the_date_of_birth()
    {
        var page = await PageSignIn.AsAsync(_factory, "officer");

        var (_, html) = await page.GetAsync("/people?Name=Anyone&DateOfBirth.Day=6&DateOfBirth.Year=2014");

        Assert.Contains("The date of birth must include a month when it includes a day", html);
        Assert.Contains("id=\"DateOfBirth-error\"", html);
    }

    [Fact]
    public async Task A_profile_as_of_a_date_before_the_person_was_born_is_refused_and_never_shows_a_negative_age()
    {
        var child = await _api.CreatePersonAsync(A.Child("Jade", "Formasof").BornOn("2016-01-20").Build());
        var page = await PageSignIn.AsAsync(_factory, "officer");

        var (status, html) = await page.GetAsync($"/people/{child}?AsOf=2006-01-01T12:00");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("The date must be on or after Jade Formasof’s date of birth, 20 January 2016", WebUtility.HtmlDecode(html));
        Assert.DoesNotContain("aged -", html);
        Assert.DoesNotContain("You are looking at this profile as it stood at", html);
    }
}
