using Safeguard.Core.Problems;
using Safeguard.Web.Hosting;

namespace Safeguard.Web.Api;

/// <summary>Answers a refusal raised by a service with its problem details, as ordinary control flow:
/// a refused request is not an error of the server and is not logged as one.</summary>
public sealed class ProblemFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        // A NUL character can be stored nowhere (PostgreSQL refuses it in text) and means nothing in a query: refuse it here,
        // once, rather than in every filter that passes a query value to the database.
        foreach (var (key, values) in context.HttpContext.Request.Query)
            if (key.Contains('\0') || values.Any(v => v?.Contains('\0') == true))
                return Core.Problems.Problems.Invalid(key.Replace("\0", ""), "must not contain a NUL character").ToResult();
        try
        {
            return await next(context);
        }
        catch (ProblemException e)
        {
            return e.Problem.ToResult();
        }
        catch (Exception e) when (Hosting.Problems.ForDatabase(e) is { } problem)
        {
            if (problem.Code == ProblemCodes.Busy) DatabaseBusy.AddRetryAfter(context.HttpContext.Response);
            return problem.ToResult();
        }
    }
}
