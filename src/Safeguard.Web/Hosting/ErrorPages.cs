namespace Safeguard.Web.Hosting;

/// <summary>Errors answer in the caller's language: problem details for the API, GOV.UK pages for people.</summary>
public static class ErrorPages
{
    public static WebApplication UseSafeguardErrorPages(this WebApplication app)
    {
        app.UseWhen(c => c.Request.Path.StartsWithSegments("/api") || c.Request.Path.StartsWithSegments("/openapi"), api =>
        {
            api.UseExceptionHandler();
            api.UseStatusCodePages();
        });
        app.UseWhen(c => !c.Request.Path.StartsWithSegments("/api") && !c.Request.Path.StartsWithSegments("/openapi"), pages =>
        {
            if (!app.Environment.IsDevelopment()) pages.UseExceptionHandler("/error");
            pages.UseStatusCodePagesWithReExecute("/not-found");
        });
        return app;
    }
}
