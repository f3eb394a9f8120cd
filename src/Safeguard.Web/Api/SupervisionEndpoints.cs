using Safeguard.Core.Problems;
using Safeguard.Core.Supervision;
using Safeguard.Web.Hosting;

namespace Safeguard.Web.Api;

/// <summary>The daily management meeting of a BCU (I8) and the supervisor's workbench. Decisions of the meeting are
/// recorded through <c>POST /api/v1/events</c> as <c>dmm-decision</c> events, like every other event.</summary>
public static class SupervisionEndpoints
{
    public const string WorkbenchPolicy = "supervisor-workbench";

    public static RouteGroupBuilder MapSupervisionEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/daily-management-meeting", async (HttpContext http, DailyManagementMeeting meeting, string? bcu, DateOnly? day) =>
        {
            var actor = http.User.ToActor();
            var code = string.IsNullOrWhiteSpace(bcu) ? await meeting.BcuOfAsync(actor.Team, http.RequestAborted) : bcu.Trim();
            if (code is null) throw new ProblemException(Core.Problems.Problems.Invalid("bcu", "is required: your team belongs to no BCU"));
            var board = await meeting.BuildAsync(actor, code, day, http.RequestAborted);
            return Results.Ok(new
            {
                bcu = board.Bcu.Code, bcuName = board.Bcu.Name, from = board.From, to = board.To, day = board.Day,
                sections = board.Sections.Select(s => new
                {
                    key = s.Key, title = s.Title,
                    items = s.Rows.Select(r => new
                    {
                        personId = r.PersonId, name = r.Name, isChild = r.IsChild, what = r.What, at = r.At, owner = r.Owner,
                        caseType = r.CaseType, caseId = r.CaseId, eventId = r.EventId, overdue = r.Overdue,
                    }),
                }),
                decisions = board.Decisions.Select(d => new
                {
                    eventId = d.EventId, personId = d.PersonId, name = d.Name, text = d.Text, owner = d.Owner, dueDate = d.DueDate,
                    recordedAt = d.RecordedAt, recordedBy = d.RecordedBy,
                }),
            });
        }).RequireAuthorization().WithTags("Supervision")
          .WithSummary("I8: a BCU's daily management meeting for the last 24 hours (or a day): incidents involving children, missing and found, custody, new and suggested flags, high-risk notifications, tasks and actions due or overdue, and the decisions recorded.");

        api.MapGet("/supervisor-workbench", async (HttpContext http, SupervisorWorkbench workbench, string? team, int? page, int? pageSize) =>
        {
            var size = pageSize ?? SupervisorWorkbench.DefaultPageSize;
            var pages = WorkbenchLists.All.ToDictionary(l => l.Key, _ => page ?? 1);
            var w = await workbench.BuildAsync(http.User.ToActor(), team, pages, size, http.RequestAborted);
            return Results.Ok(new
            {
                teams = w.Teams.Select(t => t.Code),
                caseloads = w.Caseloads.Select(c => new { team = c.Code, name = c.Name, openCases = c.OpenCases, capacity = c.Capacity, overCapacity = c.OverCapacity }),
                lists = w.Lists.Select(l => new
                {
                    key = l.Key, title = l.Title, total = l.Total, page = l.Page, pageSize = l.PageSize,
                    items = l.Rows.Select(r => new { personId = r.PersonId, name = r.Name, what = r.What, since = r.Since, owner = r.Owner, caseType = r.CaseType, caseId = r.CaseId }),
                }),
            });
        }).RequireAuthorization(WorkbenchPolicy).WithTags("Supervision")
          .WithSummary("The supervisor's workbench: their teams' caseloads against capacity, overdue supervisory reviews, overdue tasks and meeting actions, forensic and charging queues, and open alerts.");
        return api;
    }
}
