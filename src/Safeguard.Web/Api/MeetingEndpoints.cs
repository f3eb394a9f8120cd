using System.Globalization;
using Safeguard.Core.Meetings;
using Safeguard.Core.Problems;
using Safeguard.Core.Recording;
using Safeguard.Web.Hosting;

namespace Safeguard.Web.Api;

/// <summary>Strategy discussions and meetings as work (I5, I6): their actions by owner, marking an action done, and police
/// attendance at child protection conferences. The meetings themselves are recorded as events and read as cases.</summary>
public static class MeetingEndpoints
{
    public static RouteGroupBuilder MapMeetingEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/actions", async (HttpContext http, MeetingService service, string? owner, string? status, int? page, int? pageSize) =>
            Results.Ok(await service.ActionsAsync(http.User.ToActor(), new ActionFilter(owner, status, page ?? 1, pageSize ?? 50), http.RequestAborted)))
            .WithTags("Meetings")
            .WithSummary("Actions of strategy discussions and meetings, overdue (earliest due) first, paged: owner (an agency, team or organisation code, " +
                "or a user), status open (the default: open, overdue or not), overdue or done. Only meetings whose people the caller may all see.");

        api.MapPost("/cases/meeting/{id}/actions/{number:int}/done", async (string id, int number, HttpContext http, MeetingService service) =>
        {
            string? note = null, eventId = null;
            DateTimeOffset? doneAt = null;
            if (http.Request.ContentLength is > 0 || http.Request.Headers.TransferEncoding.Count > 0)
            {
                var body = (await RequestBody.ReadJsonAsync(http)).RequireObject();
                note = body.Str("note");
                eventId = body.Str("id");
                if (body.Str("doneAt") is { } text)
                    doneAt = FieldKind.TryInstant(text, out var at) ? at
                        : throw new ProblemException(Core.Problems.Problems.Invalid("doneAt", "must be an instant with its offset, e.g. 2026-03-02T09:00:00Z"));
            }
            return Results.Ok(await service.MarkDoneAsync(http.User.ToActor(), id, number, note, doneAt, eventId, http.RequestAborted));
        }).WithTags("Meetings")
            .WithSummary("Mark action {number} of a strategy discussion or meeting done; {note?, doneAt?, id?}. Recorded as a meeting-action-done event " +
                "(audited, versioned). 404 for a meeting the caller may not see, 422 unknown-action, 409 action-already-done. Answers the meeting case.");

        api.MapGet("/meetings/conference-attendance", async (HttpContext http, MeetingService service, string? from, string? to, string? unit) =>
            Results.Ok(await service.AttendanceAsync(http.User.ToActor(), Date(from, "from"), Date(to, "to"), unit, http.RequestAborted)))
            .WithTags("Meetings")
            .WithSummary("Police attendance at child protection conferences (icpc, review-cp) held between from and to (UK dates, inclusive) for a unit: " +
                "invited, attended and the rate (attended / invited), I6 and M1.");
        return api;
    }

    private static DateOnly? Date(string? text, string field) =>
        text is null ? null
        : DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d
        : throw new ProblemException(Core.Problems.Problems.Invalid(field, "must be a date, yyyy-MM-dd"));
}
