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
        catch (Microsoft.EntityFrameworkCore.DbUpdateException)
        {
            // Two requests changed the same record at once and the database kept one; nothing of this one was written.
            return new Problem(409, "concurrent-change", "Changed at the same time by someone else",
                "Another request changed the same record at the same moment. Read it again and retry.").ToResult();
        }
    }
}
