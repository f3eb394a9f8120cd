using System.Globalization;
using System.Text.Json;
using Safeguard.Core.CaseAudits;
using Safeguard.Core.Problems;
using Safeguard.Web.Hosting;

namespace Safeguard.Web.Api;

/// <summary>Case audits (N1–N3): exercises, the stratified sample, gradings, the tables and the recommendations as
/// tracked actions. Auditors and administrators run them; leaders read them and mark recommendations done.</summary>
public static class CaseAuditEndpoints
{
    public const string ReadersPolicy = "case-audit-readers";
    public const string AuditorsPolicy = "case-auditors";

    public static RouteGroupBuilder MapCaseAuditEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/case-audits", async (HttpContext http, CaseAuditService audits) =>
            Results.Ok(await audits.ListAsync(http.User.ToActor(), http.RequestAborted)))
            .RequireAuthorization(ReadersPolicy).WithTags("Case audits").WithSummary("Every case audit exercise, newest first, with how many cases are sampled and graded.");

        api.MapPost("/case-audits", async (HttpContext http, CaseAuditService audits) =>
        {
            var body = (await RequestBody.ReadJsonAsync(http)).RequireObject();
            var input = new ExerciseInput(body.Str("name"), Date(body, "periodFrom"), Date(body, "periodTo"), body.StrList("bcus"), body.StrList("caseTypes"),
                Int(body, "perStratum"), Long(body, "seed"), Date(body, "reportDate"));
            var created = await audits.CreateAsync(http.User.ToActor(), input, http.RequestAborted);
            return Results.Created($"/api/v1/case-audits/{created.Id}", created);
        }).RequireAuthorization(AuditorsPolicy).WithTags("Case audits")
          .WithSummary("Create an exercise: {name, periodFrom, periodTo (yyyy-MM-dd, cases opened in between), bcus [codes], caseTypes [s47-enquiry, " +
            "domestic-abuse, general-concern, sex-offender, missing, police-protection, cse, online-abuse, custody], perStratum (1-100), " +
            "seed? (0 or more; chosen at random if left out), reportDate (yyyy-MM-dd)}.");

        api.MapGet("/case-audits/{id:guid}", async (Guid id, HttpContext http, CaseAuditService audits) =>
            Results.Ok(await audits.GetAsync(http.User.ToActor(), id, http.RequestAborted)))
            .RequireAuthorization(ReadersPolicy).WithTags("Case audits").WithSummary("One exercise.");

        api.MapPost("/case-audits/{id:guid}/sample", async (Guid id, HttpContext http, CaseAuditService audits) =>
            Results.Ok(await audits.DrawAsync(http.User.ToActor(), id, http.RequestAborted)))
            .RequireAuthorization(AuditorsPolicy).WithTags("Case audits")
            .WithSummary("Draw the exercise's stratified random sample from its seed (once; 409 if already drawn). No body.");

        api.MapGet("/case-audits/{id:guid}/sample", async (Guid id, HttpContext http, CaseAuditService audits) =>
            Results.Ok(await audits.SampleAsync(http.User.ToActor(), id, http.RequestAborted)))
            .RequireAuthorization(ReadersPolicy).WithTags("Case audits")
            .WithSummary("The sampled cases the caller may see, with the person each is about and its self-assessed and independent overall grades.");

        api.MapGet("/case-audits/{id:guid}/sample/{caseId:guid}", async (Guid id, Guid caseId, HttpContext http, CaseAuditService audits) =>
            Results.Ok(await audits.GetCaseAsync(http.User.ToActor(), id, caseId, http.RequestAborted)))
            .RequireAuthorization(ReadersPolicy).WithTags("Case audits").WithSummary("One sampled case with both gradings, per area of practice.");

        api.MapPost("/case-audits/{id:guid}/sample/{caseId:guid}/grades", async (Guid id, Guid caseId, HttpContext http, CaseAuditService audits) =>
        {
            var body = (await RequestBody.ReadJsonAsync(http)).RequireObject();
            var areas = new Dictionary<string, AreaInput>();
            if (body.Obj("areas") is { } given)
                foreach (var area in given.EnumerateObject())
                {
                    if (area.Value.ValueKind != JsonValueKind.Object)
                        throw new ProblemException(Core.Problems.Problems.Invalid($"areas.{area.Name}", "must be an object: {grade, findings}"));
                    areas[area.Name] = new AreaInput(area.Value.Str("grade"), area.Value.Str("findings"));
                }
            var graded = await audits.GradeAsync(http.User.ToActor(), id, caseId,
                new GradingInput(body.Str("kind"), body.Str("overall"), body.Str("findings"), areas), http.RequestAborted);
            return Results.Ok(graded);
        }).RequireAuthorization(AuditorsPolicy).WithTags("Case audits")
          .WithSummary("Grade a sampled case: {kind: self|independent, overall: good|adequate|requires-improvement|inadequate, findings?, " +
            "areas?: {initial-contact|assessment|investigation|decision-making|trusted-adult|managing-risk|detention: {grade?, findings?}}}. " +
            "Grading again replaces that kind's grading.");

        api.MapGet("/case-audits/{id:guid}/tables", async (Guid id, HttpContext http, CaseAuditService audits) =>
            Results.Ok(await audits.TablesAsync(http.User.ToActor(), id, http.RequestAborted)))
            .RequireAuthorization(ReadersPolicy).WithTags("Case audits")
            .WithSummary("The report's tables from the overall grades: counts per grade (self and independent), self versus independent, per case type.");

        api.MapGet("/case-audits/{id:guid}/recommendations", async (Guid id, HttpContext http, CaseAuditService audits) =>
            Results.Ok(await audits.RecommendationsAsync(http.User.ToActor(), id, http.RequestAborted)))
            .RequireAuthorization(ReadersPolicy).WithTags("Case audits")
            .WithSummary("The recommendations as actions: owner, timescale, due date, status (open, overdue, done).");

        api.MapPost("/case-audits/{id:guid}/recommendations", async (Guid id, HttpContext http, CaseAuditService audits) =>
        {
            var body = (await RequestBody.ReadJsonAsync(http)).RequireObject();
            var made = await audits.RecommendAsync(http.User.ToActor(), id, body.Str("text"), body.Str("owner"), body.Str("timescale"), http.RequestAborted);
            return Results.Created($"/api/v1/case-audits/{id}/recommendations", made);
        }).RequireAuthorization(AuditorsPolicy).WithTags("Case audits")
          .WithSummary("Add a recommendation: {text, owner, timescale: immediately|3-months|6-months}; due six weeks, three or six months after the report date.");

        api.MapPost("/case-audits/{id:guid}/recommendations/{recommendationId:guid}/done",
            async (Guid id, Guid recommendationId, HttpContext http, CaseAuditService audits) =>
            {
                string? note = null;
                if (http.Request.ContentLength is > 0) note = (await RequestBody.ReadJsonAsync(http)).RequireObject().Str("note");
                return Results.Ok(await audits.MarkDoneAsync(http.User.ToActor(), id, recommendationId, note, http.RequestAborted));
            }).RequireAuthorization(ReadersPolicy).WithTags("Case audits").WithSummary("Mark a recommendation's action done: {note?} (409 if already done).");
        return api;
    }

    private static DateOnly? Date(JsonElement body, string name) => body.Str(name) is { } text
        ? DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d
            : throw new ProblemException(Core.Problems.Problems.Invalid(name, "must be a date, for example 2026-03-31"))
        : null;

    private static int? Int(JsonElement body, string name) =>
        body.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null
            ? v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var n) ? n : throw new ProblemException(Core.Problems.Problems.Invalid(name, "must be a whole number"))
            : null;

    private static long? Long(JsonElement body, string name) =>
        body.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null
            ? v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out var n) ? n : throw new ProblemException(Core.Problems.Problems.Invalid(name, "must be a whole number"))
            : null;
}
