using Safeguard.Core.Problems;
using Safeguard.Web.Hosting;

namespace Safeguard.Web.Api;

/// <summary>Answers a refusal raised by a service with its problem details, as ordinary control flow:
/// a refused request is not an error of the server and is not logged as one.</summary>
public sealed class ProblemFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
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
