using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Serilog;

namespace Safeguard.Web.Hosting;

/// <summary>Structured logs (Serilog) and metrics and traces (OpenTelemetry). Logs never carry personal
/// data: request logging records the path template and status, never query strings or bodies.</summary>
public static class Observability
{
    public static WebApplicationBuilder AddSafeguardObservability(this WebApplicationBuilder builder)
    {
        // Defaults first, then the Serilog section of configuration, which may change any level.
        builder.Services.AddSerilog((services, config) => config
            .MinimumLevel.Information()
            .MinimumLevel.Override("Microsoft.AspNetCore", Serilog.Events.LogEventLevel.Warning)
            .MinimumLevel.Override("Microsoft.EntityFrameworkCore", Serilog.Events.LogEventLevel.Warning)
            .ReadFrom.Configuration(builder.Configuration)
            .Enrich.FromLogContext()
            .WriteTo.Console());

        var otel = builder.Services.AddOpenTelemetry()
            .WithTracing(t => t.AddAspNetCoreInstrumentation(o => o.Filter = c => !c.Request.Path.StartsWithSegments("/health")))
            .WithMetrics(m => m.AddAspNetCoreInstrumentation().AddMeter("Safeguard"));
        if (builder.Configuration.GetValue<bool>("Safeguard:Telemetry:Console"))
        {
            otel.WithTracing(t => t.AddConsoleExporter()).WithMetrics(m => m.AddConsoleExporter());
        }
        return builder;
    }

    public static WebApplication UseSafeguardRequestLogging(this WebApplication app)
    {
        app.UseSerilogRequestLogging(o =>
        {
            o.MessageTemplate = "HTTP {RequestMethod} {RoutePattern} responded {StatusCode} in {Elapsed:0.0} ms";
            o.EnrichDiagnosticContext = (diag, http) =>
                diag.Set("RoutePattern", (http.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "(unmatched)");
        });
        return app;
    }
}
