using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Safeguard.Browser.Tests;

/// <summary>
/// Fills and submits a form of the app the way a user with valid answers would, without naming every field, so
/// that a field renamed or added by another change does not break every recipe. What it recognises:
/// <list type="bullet">
/// <item>GOV.UK date parts, by name: <c>X.Day</c>, <c>X.Month</c>, <c>X.Year</c>, <c>X.Hour</c>, <c>X.Minute</c>,
/// <c>X.Time</c> (also <c>XDay</c>/<c>XMonth</c>/<c>XYear</c> as the filters write them), and <c>type=date</c>;</item>
/// <item>radios and checkboxes: the first choice of a group nothing in which is chosen yet;</item>
/// <item>text and text areas left empty: a plain synthetic answer (a password for a password, a postcode for a postcode),
/// except the "if not, why not" reasons, which stay empty when the main answer is given;</item>
/// <item>selects keep their first choice.</item>
/// </list>
/// A recipe overrides any field by its name: a value for text, the chosen value for radios, the values to tick for
/// checkboxes (comma-separated), or <see cref="Empty"/> to leave a field blank; and a date's parts together by the
/// date's name (<c>["LocatedAt"] = At(11)</c>, "d m yyyy hh:mm"), whichever parts the page draws.
/// </summary>
public static class FormFiller
{
    /// <summary>Leave this field empty.</summary>
    public const string Empty = "\u0000";

    /// <summary>The date the filler writes into date parts: the day before the test clock's day, mid-morning,
    /// so that it is never in the future and, being the same for every part, never out of sequence.</summary>
    public static (string Day, string Month, string Year, string Time) When { get; } = Yesterday();

    private static (string, string, string, string) Yesterday()
    {
        var uk = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow.AddDays(-1), TimeZoneInfo.FindSystemTimeZoneById("Europe/London"));
        return (uk.Day.ToString(), uk.Month.ToString(), uk.Year.ToString(), "10:30");
    }

    /// <summary>The filler's day (yesterday, UK) at <paramref name="hour"/>:00, as a whole-date answer ("d m yyyy hh:mm").</summary>
    public static string At(int hour) => $"{When.Day} {When.Month} {When.Year} {hour:00}:00";

    /// <summary>Fills the form holding <paramref name="button"/>, presses it and waits for the page it leads to.
    /// Fails, naming the form, if the answer is a 4xx or 5xx, or if the page comes back with an error summary.</summary>
    public static async Task<IResponse> SubmitAsync(IPage page, ILocator button, IReadOnlyDictionary<string, string>? answers = null,
        bool expectErrors = false)
    {
        await Expect(button).ToHaveCountAsync(1);
        var form = button.Locator("xpath=ancestor::form");
        var (day, month, year, time) = When;
        var options = JsonSerializer.Serialize(new { day, month, year, time, answers = answers ?? new Dictionary<string, string>(), empty = Empty });
        await form.EvaluateAsync(FillScript, options);
        var label = Regex.Replace(await button.InnerTextAsync(), @"\s+", " ").Trim();
        var from = new Uri(page.Url).PathAndQuery;
        var response = await page.RunAndWaitForResponseAsync(() => button.ClickAsync(),
            r => r.Request.IsNavigationRequest && r.Frame == page.MainFrame && r.Status is < 300 or >= 400, new() { Timeout = 30_000 });
        await page.WaitForLoadStateAsync(LoadState.Load);
        Assert.True(response.Status < 400,
            $"Pressing '{label}' on {from} answered {response.Status}: {Regex.Replace(await page.Locator("main").InnerTextAsync(), @"\s+", " ")}");
        if (!expectErrors)
        {
            var summary = page.Locator(".govuk-error-summary");
            if (await summary.CountAsync() > 0)
            {
                Assert.Fail($"Pressing '{label}' on {from} came back with errors: {Regex.Replace(await summary.InnerTextAsync(), @"\s+", " ")}");
            }
        }
        return response;
    }

    /// <summary>Where a journey shows its answers back before recording them (GOV.UK check answers), presses its
    /// main button; does nothing on any other page. Recipes call it after the last question so that adding a
    /// check-answers page to a journey does not break them.</summary>
    public static async Task ConfirmIfCheckingAnswersAsync(IPage page)
    {
        var check = page.Locator("[data-testid=check-answers], main h1:text-matches('^Check your answers', 'i'), main h2:text-matches('^Check your answers', 'i')");
        if (await check.CountAsync() == 0) return;
        var primary = page.Locator("main form button.govuk-button:not(.govuk-button--secondary):not(.govuk-button--warning)").Last;
        await SubmitAsync(page, primary);
    }

    private const string FillScript =
        """
        (form, json) => {
            const o = JSON.parse(json);
            const parts = { Day: o.day, Month: o.month, Year: o.year, Time: o.time, Hour: o.time.split(':')[0], Minute: o.time.split(':')[1] };
            const set = (e, v) => { e.value = v; e.dispatchEvent(new Event('input', { bubbles: true })); e.dispatchEvent(new Event('change', { bubbles: true })); };
            const groups = new Map();
            for (const e of form.elements) {
                if (!e.name || e.disabled) continue;
                const type = (e.type || '').toLowerCase();
                if (['hidden', 'submit', 'button', 'reset'].includes(type)) continue;
                const given = Object.prototype.hasOwnProperty.call(o.answers, e.name) ? o.answers[e.name] : undefined;
                if (type === 'radio' || type === 'checkbox') {
                    if (!groups.has(e.name)) groups.set(e.name, []);
                    groups.get(e.name).push(e);
                    continue;
                }
                if (given !== undefined) { set(e, given === o.empty ? '' : given); continue; }
                const part = /(?:\.|[a-z])(Day|Month|Year|Hour|Minute|Time)$/.exec(e.name);
                const prefix = part ? e.name.slice(0, e.name.length - part[1].length).replace(/\.$/, '') : null;
                if (part && Object.prototype.hasOwnProperty.call(o.answers, prefix)) {
                    // A whole date for the parts: "d m yyyy hh:mm".
                    const [d, m, y, t] = o.answers[prefix].split(' ');
                    const whole = { Day: d, Month: m, Year: y, Time: t || '', Hour: (t || '').split(':')[0] || '', Minute: (t || '').split(':')[1] || '' };
                    set(e, whole[part[1]]);
                    continue;
                }
                if (e.tagName === 'SELECT' || e.value) continue;
                if (part) { set(e, parts[part[1]]); continue; }
                if (type === 'datetime-local') { set(e, `${o.year}-${o.month.padStart(2, '0')}-${o.day.padStart(2, '0')}T${o.time}`); continue; }
                if (type === 'date') { set(e, `${o.year}-${o.month.padStart(2, '0')}-${o.day.padStart(2, '0')}`); continue; }
                if (type === 'number') continue;
                if (type === 'password') { set(e, 'Browser-test-password-1'); continue; }
                if (/NotObservedReason$|NotObtainedReason$|NotReferredReason$/.test(e.name)) continue;
                if (/postcode/i.test(e.name)) { set(e, 'NM1 4AB'); continue; }
                set(e, 'Synthetic answer from the every-form browser test');
            }
            for (const [name, boxes] of groups) {
                const given = Object.prototype.hasOwnProperty.call(o.answers, name) ? o.answers[name] : undefined;
                if (given !== undefined) {
                    const values = given === o.empty ? [] : given.split(',');
                    for (const b of boxes) b.checked = values.includes(b.value);
                    continue;
                }
                if (!boxes.some(b => b.checked)) boxes[0].checked = true;
            }
        }
        """;
}
