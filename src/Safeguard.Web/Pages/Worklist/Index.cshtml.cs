using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Problems;
using Safeguard.Core.Records;
using Safeguard.Core.Rules;
using Safeguard.Core.Work;
using Safeguard.Web.Hosting;
using Safeguard.Web.Pages.Shared;

namespace Safeguard.Web.Pages.Worklist;

/// <summary>E, I8, issue 8 point 3: the worklist for supervisors, the control room and the missing persons coordinator:
/// tasks (newest raised first, or overdue first) and alerts (newest first), a page at a time, each with its explanation
/// and a link to the child; tasks are completed with what was done, assigned and reassigned, and alerts acknowledged
/// with a note, on this page. Items raised since the user last marked the list as seen are marked "New". Filters are
/// plain GET parameters, so the page works without JavaScript.</summary>
public sealed class IndexModel(Core.Work.Worklist worklist, WorkActions actions, Core.Exports.ListExport export, Core.Organisation.ActorNames names)
    : PageModel
{
    public static readonly IReadOnlyList<string> TeamCodes = WorkActions.AssignableTeams;
    public static readonly string[] AudienceCodes = [Audiences.Supervisor, Audiences.ControlRoom];
    /// <summary>The kinds of task and alert, for the "Type" filter, in the order a person reads them.</summary>
    public static readonly IReadOnlyList<string> TypeCodes =
        OutputCodes.Tasks.All.Concat(OutputCodes.Alerts.All).Distinct().OrderBy(Vocabulary.Describe, StringComparer.OrdinalIgnoreCase).ToList();

    [BindProperty(SupportsGet = true)] public string? Team { get; set; }
    [BindProperty(SupportsGet = true)] public string? Code { get; set; }
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? Audience { get; set; }
    [BindProperty(SupportsGet = true)] public string? Assigned { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }
    /// <summary>The page of the list ("page" in the query; read by hand, since Razor Pages' own route value "page" names the page).</summary>
    public int TaskPage { get => _page ?? (int.TryParse(Request.Query["page"], out var n) && n >= 1 ? n : 1); set => _page = value; }
    private int? _page;
    [BindProperty(SupportsGet = true)] public int AlertPage { get; set; } = 1;

    public WorkPage<WorklistTask> Tasks { get; private set; } = new([], 0, 1, Core.Work.Worklist.DefaultPageSize);
    public WorkPage<WorklistAlert> Alerts { get; private set; } = new([], 0, 1, Core.Work.Worklist.DefaultPageSize);
    public DateTimeOffset? SeenAt { get; private set; }
    public bool CanAct { get; private set; }
    /// <summary>The item whose form failed, and the message to show at its field.</summary>
    public Guid? FailedId { get; private set; }
    public string? FailedField { get; private set; }
    public string? FailedMessage { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var actor = User.ToActor();
        if (!actor.CanReadPeople) return NotFound();
        // First visit: start from the actor's own team and audience; "all" clears a filter.
        if (Request.Query.Count == 0)
        {
            Team = actor.Team is { } t && TeamCodes.Contains(t) ? t : null;
            Audience = AudienceCodes.Contains(actor.Role) ? actor.Role : null;
        }
        await LoadAsync();
        return Page();
    }

    /// <summary>The tasks matching the filters, every page (up to 500, the largest page the worklist gives), as CSV or an
    /// Excel workbook; written to the access log for the export and for each child in it.</summary>
    public async Task<IActionResult> OnGetTasksExportAsync(string? format)
    {
        var actor = User.ToActor();
        if (!actor.CanReadPeople) return NotFound();
        var fileFormat = ExportDownload.Format(format);
        var list = await worklist.TasksAsync(actor, new WorkFilter(Blank(Status), Blank(Code), Blank(Team), Assigned: Blank(Assigned), Sort: Blank(Sort),
            PageSize: Core.Work.Worklist.MaxPageSize), HttpContext.RequestAborted);
        return await ExportDownload.SendAsync(HttpContext, export, fileFormat, "tasks", "tasks",
            ["Child", "Task", "Status", "Due", "Raised", "Team", "Assigned to", "Why", "Completed by", "What was done"],
            await Rows(list.Items, async t => (IReadOnlyList<string?>)[t.PersonName, Vocabulary.Describe(t.Task.Code), Core.Work.TaskStatus.Describe(t.Task.Status), UkTime.Show(t.Task.DueAt),
                UkTime.Show(t.Task.CreatedAt), await names.TeamAsync(t.Task.AssignedTo), t.AssignedUser is { } u ? await names.PersonAsync(u) : null, t.Task.Reason.Explanation, t.CompletedBy, t.CompletionNote]),
            list.Items.Select(t => (Guid?)t.Task.PersonId), Filters());
    }

    /// <summary>The CSV of the tasks, under its first address.</summary>
    public Task<IActionResult> OnGetTasksCsvAsync() => OnGetTasksExportAsync("csv");

    /// <summary>The alerts matching the filters, every page (up to 500), as CSV or an Excel workbook; audited as tasks are.</summary>
    public async Task<IActionResult> OnGetAlertsExportAsync(string? format)
    {
        var actor = User.ToActor();
        if (!actor.CanReadPeople) return NotFound();
        var fileFormat = ExportDownload.Format(format);
        var list = await worklist.AlertsAsync(actor, Blank(Audience), Blank(Code), 1, Core.Work.Worklist.MaxPageSize, ct: HttpContext.RequestAborted);
        return await ExportDownload.SendAsync(HttpContext, export, fileFormat, "alerts", "alerts",
            ["Child", "Alert", "Raised", "For", "Why", "Acknowledged", "Acknowledged by", "Note"],
            list.Items.Select(a => (IReadOnlyList<string?>)[a.PersonName, Vocabulary.Describe(a.Alert.Code), UkTime.Show(a.Alert.RaisedAt),
                Audiences.Describe(a.Alert.Audience), a.Alert.Reason.Explanation, a.AcknowledgedAt is { } at ? UkTime.Show(at) : null, a.AcknowledgedBy, a.AcknowledgeNote]).ToList(),
            list.Items.Select(a => (Guid?)a.Alert.PersonId), Filters());
    }

    private static async Task<IReadOnlyList<IReadOnlyList<string?>>> Rows<T>(IEnumerable<T> items, Func<T, Task<IReadOnlyList<string?>>> row)
    {
        var rows = new List<IReadOnlyList<string?>>();
        foreach (var item in items) rows.Add(await row(item));
        return rows;
    }

    /// <summary>The names of the people and teams tasks are assigned to, by username or team code, for the page to show.</summary>
    public IReadOnlyDictionary<string, string> Names { get; private set; } = new Dictionary<string, string>();

    /// <summary>Who a task is assigned to, in words: "Sam Patel, Missing persons unit".</summary>
    public string AssignedTo(WorklistTask item) =>
        (item.AssignedUser is { } u ? Names.GetValueOrDefault("user:" + u, u) + ", " : "") + Names.GetValueOrDefault("team:" + item.Task.AssignedTo, Teams.Describe(item.Task.AssignedTo));

    /// <summary>The filters of an export, in words, for the access log.</summary>
    private string Filters() => string.Join(", ", new[] { ("team", Team), ("status", Status), ("type", Code), ("for", Audience), ("assigned", Assigned) }
        .Where(f => Blank(f.Item2) is not null).Select(f => $"{f.Item1} {f.Item2}"));

    /// <summary>The address of a download of the tasks or alerts ("TasksExport" or "AlertsExport") in a format, the filters kept.</summary>
    public string ExportHref(string handler, string format) => Href("handler", handler) + "&format=" + format;

    public bool IsNew(DateTimeOffset raisedAt) => SeenAt is null || raisedAt > SeenAt;

    /// <summary>The address of this list with one parameter changed, the other filters kept.</summary>
    public string Href(string name, string? value)
    {
        var q = new Dictionary<string, string?>
        {
            ["Team"] = Team ?? "all", ["Status"] = Status ?? "all", ["Code"] = Code, ["Audience"] = Audience ?? "all",
            ["Assigned"] = Assigned, ["Sort"] = Sort, ["page"] = TaskPage.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["AlertPage"] = AlertPage.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        q[name] = value;
        return "/worklist" + Microsoft.AspNetCore.Http.QueryString.Create(q.Where(kv => !string.IsNullOrEmpty(kv.Value)));
    }

    public Task<IActionResult> OnPostCompleteAsync(Guid id, int version, string? note) =>
        ActAsync(id, "note", async a => $"Task completed: {Vocabulary.Describe((await actions.CompleteAsync(a, id, note, version, HttpContext.RequestAborted)).Code)} for the child");

    public Task<IActionResult> OnPostAssignAsync(Guid id, int version, string? assignTeam, string? assignUser) =>
        ActAsync(id, "assignTo", async a =>
        {
            var task = await actions.AssignAsync(a, id, assignUser is { Length: > 0 } ? null : assignTeam, assignUser, null, version, HttpContext.RequestAborted);
            var to = task.AssignedUser is { } u ? await names.PersonAsync(u, HttpContext.RequestAborted) + ", " : "";
            return $"Task assigned to {to}{await names.TeamAsync(task.AssignedTo, HttpContext.RequestAborted)}";
        });

    public Task<IActionResult> OnPostAcknowledgeAsync(Guid id, int version, string? note) =>
        ActAsync(id, "note", async a => $"Alert acknowledged: {Vocabulary.Describe((await actions.AcknowledgeAsync(a, id, note, version, HttpContext.RequestAborted)).Code)}");

    public async Task<IActionResult> OnPostSeenAsync()
    {
        await worklist.MarkSeenAsync(User.ToActor(), HttpContext.RequestAborted);
        TempData["Notice"] = "Everything on your worklist is marked as seen";
        return Redirect(Href("page", null));
    }

    private async Task<IActionResult> ActAsync(Guid id, string field, Func<Core.Organisation.Actor, Task<string>> act)
    {
        var actor = User.ToActor();
        if (!actor.CanReadPeople) return NotFound();
        try
        {
            TempData["Notice"] = await act(actor);
            return Redirect(Href("x", null));
        }
        catch (ProblemException e) when (e.Problem.Status is 400 or 409)
        {
            FailedId = id;
            FailedField = e.Problem.Errors?.Keys.FirstOrDefault() is { } k && e.Problem.Status == 400 ? (k is "team" or "user" ? "assignTo" : k) : field;
            FailedMessage = e.Problem.Status == 409
                ? $"{e.Problem.Detail} The list below is as it is now."
                : string.Join(" ", e.Problem.Errors?.SelectMany(x => x.Value) ?? [e.Problem.Detail ?? e.Problem.Title]);
            ModelState.AddModelError($"{FailedField}-{id}", FailedMessage);
            Response.StatusCode = e.Problem.Status == 409 ? 409 : 400;
            await LoadAsync();
            return Page();
        }
    }

    private async Task LoadAsync()
    {
        var actor = User.ToActor();
        CanAct = actor.CanRecord;
        SeenAt = await worklist.SeenAtAsync(actor, HttpContext.RequestAborted);
        if (TaskPage < 1) TaskPage = 1;
        if (AlertPage < 1) AlertPage = 1;
        try
        {
            Tasks = await worklist.TasksAsync(actor, new WorkFilter(Blank(Status), Blank(Code), Blank(Team), Assigned: Blank(Assigned),
                Sort: Blank(Sort), Page: TaskPage), HttpContext.RequestAborted);
        }
        catch (ProblemException e) when (e.Problem.Status == 400)
        {
            var key = e.Problem.Errors?.Keys.FirstOrDefault() ?? "status";
            ModelState.AddModelError(char.ToUpperInvariant(key[0]) + key[1..], key switch
            {
                "assigned" => "Choose tasks assigned to me, to my team, or all",
                "sort" => "Choose newest raised first or overdue first",
                _ => "Choose open, overdue or done",
            });
        }
        Alerts = await worklist.AlertsAsync(actor, Blank(Audience), Blank(Code), AlertPage, ct: HttpContext.RequestAborted);
        var shown = new Dictionary<string, string>();
        foreach (var t in Tasks.Items)
        {
            if (t.AssignedUser is { } u) shown["user:" + u] = await names.PersonAsync(u, HttpContext.RequestAborted);
            shown["team:" + t.Task.AssignedTo] = await names.TeamAsync(t.Task.AssignedTo, HttpContext.RequestAborted);
        }
        Names = shown;
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) || s == "all" ? null : s;
}
