using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Serilog;

namespace Safeguard.Web.Hosting;

/// <summary>Structured logs (Serilog) and metrics and traces (OpenTelemetry). Logs never carry personal
/// data: request logging records the path template and status, never query strings or bodies, and every event
/// passes through <see cref="LogRedaction"/> before any sink, the configured ones too, writes it.</summary>
public static class Observability
{
    public static WebApplicationBuilder AddSafeguardObservability(this WebApplicationBuilder builder)
    {
        // Defaults first, then the Serilog section of configuration, which may change any level. Levels and enrichers
        // act before the redactor; the console and any sink named in configuration (Serilog:Using, Serilog:WriteTo)
        // sit behind it, so nothing reaches a sink unredacted. Each host logs through its own logger, not the static
        // Log.Logger (preserveStaticLogger), so hosts side by side in one process (tests) keep their logs apart.
        builder.Services.AddSerilog(preserveStaticLogger: true, configureLogger: (services, config) => config
            .MinimumLevel.Information()
            .MinimumLevel.Override("Microsoft.AspNetCore", Serilog.Events.LogEventLevel.Warning)
            .MinimumLevel.Override("Microsoft.EntityFrameworkCore", Serilog.Events.LogEventLevel.Warning)
            .ReadFrom.Configuration(SerilogSection(builder.Configuration, sinks: false))
            .Enrich.FromLogContext()
            .WriteTo.Sink(new RedactingSink(new LoggerConfiguration()
                .MinimumLevel.Verbose()
                .ReadFrom.Configuration(SerilogSection(builder.Configuration, sinks: true))
                .WriteTo.Console()
                .CreateLogger(), builder.Configuration.GetValue<bool>("Safeguard:Logging:KeepExceptionMessages"))));

        var otel = builder.Services.AddOpenTelemetry()
            .WithTracing(t => t.AddAspNetCoreInstrumentation(o => o.Filter = c => !c.Request.Path.StartsWithSegments("/health")))
            .WithMetrics(m => m.AddAspNetCoreInstrumentation().AddMeter("Safeguard"));
        if (builder.Configuration.GetValue<bool>("Safeguard:Telemetry:Console"))
        {
            otel.WithTracing(t => t.AddConsoleExporter()).WithMetrics(m => m.AddConsoleExporter());
        }
        return builder;
    }

    /// <summary>The Serilog section with only its sinks (Using, WriteTo) or only the rest (levels, enrichers, properties).</summary>
    private static IConfiguration SerilogSection(IConfiguration configuration, bool sinks)
    {
        static bool IsSink(string key) => key.StartsWith("Serilog:Using", StringComparison.OrdinalIgnoreCase)
            || key.StartsWith("Serilog:WriteTo", StringComparison.OrdinalIgnoreCase);
        // Leaves only: a parent key copied with an empty value would read as a sink with no name.
        var section = configuration.GetSection("Serilog");
        return new ConfigurationBuilder().AddInMemoryCollection(section.AsEnumerable()
            .Where(kv => IsSink(kv.Key) == sinks && !configuration.GetSection(kv.Key).GetChildren().Any())).Build();
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
