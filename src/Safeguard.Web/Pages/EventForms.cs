using System.Text.Json;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Problems;
using Safeguard.Core.Recording;
using Safeguard.Core.Records;
using Safeguard.Web.Hosting;

namespace Safeguard.Web.Pages;

/// <summary>Pages record events exactly as an API client would: the same JSON, read by the same reader and stored by
/// the same service, so the standards and rules cannot differ between the two. A refusal comes back to the page's
/// fields; the form is shown again with everything typed still in it.</summary>
public static class EventForms
{
    /// <summary>The stored result, or null when refused (the refusal is then in the page's model state).</summary>
    public static async Task<EventResult?> TryRecordAsync(this PageModel page, EventService events, object body, Func<string, string> fieldMap)
    {
        try
        {
            var submission = EventSubmissionReader.Read(JsonSerializer.SerializeToElement(body));
            var results = await events.RecordAsync(page.User.ToActor(), [submission], page.HttpContext.RequestAborted);
            return results[0];
        }
        catch (ProblemException e) when (e.Problem.Status is 400 or 403 or 409 or 422)
        {
            e.Problem.AddTo(page.ModelState, fieldMap);
            return null;
        }
    }

    /// <summary>When the form was opened, carried in a hidden field with the event id: a form submitted twice
    /// (a double click, a retry) then sends the same body and is stored once, instead of a conflict.</summary>
    public static string Opened(DateTimeOffset now) => now.ToUniversalTime().ToString("O", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The instant the form was opened, or <paramref name="now"/> if the field is missing or not an instant.</summary>
    public static DateTimeOffset OpenedAt(string? opened, DateTimeOffset now) =>
        FieldKind.TryInstant(opened, out var at) && at <= now ? at.ToUniversalTime() : now;

    /// <summary>A page-made id for an event: pages have no client of their own to choose one.</summary>
    public static string NewId(string type) => $"{type}-{Guid.NewGuid():N}";

    /// <summary>Text areas of one item a line, trimmed, blanks dropped.</summary>
    public static List<string> Lines(string? text) =>
        (text ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();

    public static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
