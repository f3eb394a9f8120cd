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
                BadHttpRequestException b => new Problem(b.StatusCode, "bad-request", "Bad request", "The request could not be read."),
                System.Text.Json.JsonException => Core.Problems.Problems.MalformedJson("The body is not valid JSON."),
                _ => null,
            };
            if (problem is null) return false;
            if (context.Response.HasStarted) return false;
            context.Response.Clear();
            await WriteAsync(context, problem);
            return true;
        }
    }
}
