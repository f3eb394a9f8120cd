using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Safeguard.Core.Problems;

namespace Safeguard.Web.Hosting;

/// <summary>Turns refusals into RFC 9457 problem details with a stable <c>code</c> (API.md). Bad input is
/// never a 500: malformed bodies, oversized bodies and typed refusals all map to 4xx here.</summary>
public static class Problems
{
    public static Task WriteAsync(HttpContext context, Problem problem)
    {
        context.Response.StatusCode = problem.Status;
        if (problem.Code == ProblemCodes.Busy) DatabaseBusy.AddRetryAfter(context.Response);
        return Results.Problem(ToDetails(problem, context)).ExecuteAsync(context);
    }

    public static IResult ToResult(this Problem problem) => Results.Problem(ToDetails(problem, null));


    public static ProblemDetails ToDetails(Problem problem, HttpContext? context)
    {
        var details = new ProblemDetails
        {
            Status = problem.Status,
            Title = problem.Title,
            Detail = problem.Detail,
            Type = $"https://safeguard.example/problems/{problem.Code}",
            Instance = context?.Request.Path,
        };
        details.Extensions["code"] = problem.Code;
        if (problem.Errors is not null) details.Extensions["errors"] = problem.Errors;
        return details;
    }

    /// <summary>Problems the framework writes itself (no route matched: 404; a route without this method: 405; a
    /// request it could not read) carry the same stable <c>code</c> and <c>type</c> as Safeguard's own, so that every
    /// refusal reads alike whatever produced it.</summary>
    public static void AddStableCode(ProblemDetailsContext context)
    {
        var details = context.ProblemDetails;
        if (details.Extensions.ContainsKey("code")) return;
        var status = details.Status ?? context.HttpContext.Response.StatusCode;
        var code = status switch
        {
            400 => ProblemCodes.BadRequest,
            401 => ProblemCodes.Unauthenticated,
            403 => ProblemCodes.Forbidden,
            404 => ProblemCodes.NotFound,
            405 => ProblemCodes.MethodNotAllowed,
            413 => ProblemCodes.BodyTooLarge,
            415 => ProblemCodes.UnsupportedMediaType,
            503 => ProblemCodes.Busy,
            _ => null,
        };
        if (code is null) return;
        details.Extensions["code"] = code;
        details.Type = $"https://safeguard.example/problems/{code}";
    }

    /// <summary>What a failure of the database means for the caller, or null for a real fault: briefly busy (503
    /// <c>busy</c> with <c>Retry-After</c>), a change based on an older version (409 <c>stale-version</c>), or
    /// two changes to one record at once (409 <c>concurrent-change</c>). Nothing of the request was written.</summary>
    public static Problem? ForDatabase(Exception exception)
    {
        if (DatabaseBusy.Is(exception)) return Core.Problems.Problems.Busy();
        return exception switch
        {
            Microsoft.EntityFrameworkCore.DbUpdateConcurrencyException => new Problem(409, ProblemCodes.StaleVersion, "Changed since you read it",
                "The record has changed since you read it. Read it again, then decide."),
            Microsoft.EntityFrameworkCore.DbUpdateException => Core.Problems.Problems.ConcurrentChange(),
            _ => null,
        };
    }

    /// <summary>Maps exceptions that mean "bad request" to problem details; anything else is a real fault (500, logged without personal data).</summary>
    public sealed class ExceptionHandler : IExceptionHandler
    {
        public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
        {
            var problem = exception switch
            {
                ProblemException p => p.Problem,
                BadHttpRequestException { StatusCode: 413 } => Core.Problems.Problems.TooLarge(
                    context.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize ?? 0),
                BadHttpRequestException b => new Problem(b.StatusCode, ProblemCodes.BadRequest, "Bad request", "The request could not be read."),
                System.Text.Json.JsonException => Core.Problems.Problems.MalformedJson("The body is not valid JSON."),
                _ => ForDatabase(exception),
            };
            if (problem is null) return false;
            if (context.Response.HasStarted) return false;
            context.Response.Clear();
            await WriteAsync(context, problem);
            return true;
        }
    }
}
