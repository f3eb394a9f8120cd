using System.Net;

namespace Safeguard.Web.Hosting;

/// <summary>Whether the host has finished preparing (seeding the demo force in the background after it began
/// listening). Until then every request but the style sheets is answered 503 with a plain "Preparing the demo
/// force" page (or problem details for the API), and the clock worker waits, so nothing reads a half-made force.</summary>
public sealed class Readiness
{
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Readiness(bool preparing)
    {
        if (!preparing) _ready.SetResult();
    }

    public bool IsReady => _ready.Task.IsCompletedSuccessfully;

    /// <summary>Completes when ready; faults if preparing failed.</summary>
    public Task Ready => _ready.Task;

    public void MarkReady() => _ready.TrySetResult();

    public void MarkFailed(Exception e) => _ready.TrySetException(e);
}

public static class ReadinessGate
{
    /// <summary>Answers for everything (except static files) until ready.</summary>
    public static IApplicationBuilder UseReadinessGate(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var readiness = context.RequestServices.GetRequiredService<Readiness>();
        var path = context.Request.Path;
        if (readiness.IsReady || path.StartsWithSegments("/css") || path.StartsWithSegments("/js") || path.StartsWithSegments("/assets")
            || path.StartsWithSegments("/images") || path.StartsWithSegments("/lib"))
        {
            await next();
            return;
        }
        var failed = readiness.Ready.IsFaulted;
        if (failed) _ = readiness.Ready.Exception; // observed: the log already has it
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers.RetryAfter = "10";
        if (path.StartsWithSegments("/api"))
        {
            await Results.Problem(statusCode: 503, title: failed ? "The demo force could not be prepared" : "Preparing the demo force",
                detail: failed ? "Seeding the demo force failed; see the server's log." : "The server is seeding the synthetic demo force. Try again in a minute.",
                extensions: new Dictionary<string, object?> { ["code"] = "busy" }).ExecuteAsync(context);
            return;
        }
        context.Response.ContentType = "text/html; charset=utf-8";
        var (title, body) = failed
            ? ("The demo force could not be prepared", "Seeding the synthetic demo force failed. The server's log says why; fix it, then start Safeguard again.")
            : ("Preparing the demo force…", "Safeguard is creating its synthetic demo force. This takes a few minutes on the first start. This page reloads itself every 10 seconds; you can also reload it yourself.");
        // A page of its own (no layout, no script): the services behind the layout are not ready yet. The
        // refresh is a meta element, which needs no script and is allowed by the content security policy.
        await context.Response.WriteAsync($$"""
            <!DOCTYPE html>
            <html lang="en-GB" class="govuk-template">
            <head><meta charset="utf-8"><title>{{WebUtility.HtmlEncode(title)}} – Safeguard</title>
            <meta name="viewport" content="width=device-width, initial-scale=1">
            {{(failed ? "" : "<meta http-equiv=\"refresh\" content=\"10\">")}}
            <link rel="stylesheet" href="/css/safeguard.css"></head>
            <body class="govuk-template__body"><div class="govuk-width-container"><main class="govuk-main-wrapper" id="main-content">
            <h1 class="govuk-heading-l">{{WebUtility.HtmlEncode(title)}}</h1>
            <p class="govuk-body">{{WebUtility.HtmlEncode(body)}}</p>
            </main></div></body></html>
            """);
    });
}
