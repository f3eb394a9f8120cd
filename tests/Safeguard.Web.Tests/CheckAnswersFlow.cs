using System.Net;
using AngleSharp.Html.Parser;

namespace Safeguard.Web.Tests;

/// <summary>A recording journey with a GOV.UK check-your-answers step, sent as a person would: fill in the form,
/// press Continue, read the answers back, press the button that stores them.</summary>
internal static class CheckAnswersFlow
{
    /// <summary>Fills in the form on <paramref name="path"/> and presses Continue. The answer is the check page, or the
    /// form again if the answers were refused before the check.</summary>
    public static Task<HttpResponseMessage> ContinueAsync(this PageSignIn page, string path, IEnumerable<KeyValuePair<string, string>> fields) =>
        page.SubmitAsync(path, "Continue", fields);

    /// <summary>Whether <paramref name="response"/> is a check-your-answers page.</summary>
    public static async Task<bool> IsCheckPageAsync(this HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.OK && (await response.Content.ReadAsStringAsync()).Contains("data-testid=\"check-answers\"", StringComparison.Ordinal);

    /// <summary>Fills in the form, presses Continue and then <paramref name="accept"/> on the check page. If the answers
    /// were refused before the check (no check page), that refusal is the answer.</summary>
    public static async Task<HttpResponseMessage> RecordAsync(this PageSignIn page, string path, IEnumerable<KeyValuePair<string, string>> fields, string accept = "Accept and send")
    {
        var check = await page.ContinueAsync(path, fields);
        if (!await check.IsCheckPageAsync()) return check;
        return await (await page.FormOnAsync(check, accept)).SubmitAsync();
    }

    /// <summary>Presses the check page's "Change" for <paramref name="field"/>: the button whose <c>formaction</c> ends
    /// in <c>#field</c>. As a browser does, it sends the check page's form (every answer, in hidden fields) to that
    /// action; the fragment stays in the browser. Answers the action used and the response.</summary>
    public static async Task<(string Action, HttpResponseMessage Response)> ChangeAsync(this PageSignIn page, HttpResponseMessage check, string field, string accept = "Accept and send")
    {
        var html = await check.Content.ReadAsStringAsync();
        var button = new HtmlParser().ParseDocument(html).QuerySelectorAll("button[formaction]")
            .Single(b => b.GetAttribute("formaction")!.EndsWith("#" + field, StringComparison.Ordinal));
        var action = button.GetAttribute("formaction")!;
        var form = await page.FormOnAsync(check, accept); // the same form the Change button is in
        var response = await page.Client.PostAsync(new Uri(form.Page, action.Split('#')[0]), new FormUrlEncodedContent(form.Fields()));
        return (action, response);
    }
}
