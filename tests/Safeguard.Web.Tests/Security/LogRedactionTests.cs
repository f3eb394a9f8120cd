using Safeguard.Core.Organisation;
using Safeguard.TestKit;
using Safeguard.Web.Hosting;
using Serilog;
using Serilog.Core;
using Serilog.Events;

namespace Safeguard.Web.Tests.Security;

/// <summary>P6: no personal data in application logs. The whole app runs with every logger at its most talkative and
/// a file sink added in configuration, a synthetic child is recorded, searched for and opened, and a bad event naming
/// them is refused; the child's name, date of birth and postcode appear in no log line.</summary>
public sealed class LogRedactionTests
{
    private const string Forename = "Quillon";
    private const string Surname = "Marchbanks";

    [Fact]
    public async Task A_childs_name_date_of_birth_and_postcode_appear_in_no_log_line_even_at_the_most_detailed_level()
    {
        var logFile = Path.Combine(Path.GetTempPath(), "safeguard-tests", $"log-{Guid.NewGuid():N}.txt");
        using (var factory = new SafeguardFactory(new Dictionary<string, string>
        {
            ["Serilog:MinimumLevel:Default"] = "Verbose",
            ["Serilog:MinimumLevel:Override:Microsoft.AspNetCore"] = "Verbose",
            ["Serilog:MinimumLevel:Override:Microsoft.EntityFrameworkCore"] = "Verbose",
            ["Serilog:Using:0"] = "Serilog.Sinks.File",
            ["Serilog:WriteTo:TestFile:Name"] = "File",
            ["Serilog:WriteTo:TestFile:Args:path"] = logFile,
            // Every property of every event, including those its message does not show.
            ["Serilog:WriteTo:TestFile:Args:outputTemplate"] = "{Timestamp:o} {Level} {SourceContext} {Message:lj} {Properties:j}{NewLine}{Exception}",
        }))
        {
            var api = factory.Api();
            var id = await api.CreatePersonAsync(A.Child(Forename, Surname).BornOn("2014-07-19").LivingAt("ZZ9 9QX").Build());
            await api.GetJsonAsync($"/api/v1/people?name={Forename}+{Surname}&dateOfBirth=2014-07-19");
            await api.RecordAsync(A.Ppn(id).With("demeanour", $"{Forename} was quiet and watchful").Build());
            await api.PostJsonAsync("/api/v1/events", new
            {
                id = "refused-" + Forename, type = "ppn", occurredAt = "2031-01-01T00:00:00Z",
                people = new[] { new { personId = id, role = "child" } }, data = new { demeanour = $"{Forename} {Surname}" },
            });
            await api.PostRawAsync("/api/v1/people", $"{{\"forename\": \"{Forename}\", \"surname\": ");
            var officer = await PageSignIn.AsAsync(factory, Roles.Officer);
            await officer.GetAsync($"/people?name={Forename}+{Surname}&postcode=ZZ9+9QX");
            await officer.GetAsync($"/people/{id}");
        }

        var log = await File.ReadAllTextAsync(logFile);
        File.Delete(logFile);
        Assert.DoesNotContain(Forename, log, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(Surname, log, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("2014-07-19", log);
        Assert.DoesNotContain("ZZ9", log, StringComparison.OrdinalIgnoreCase);
        // The log still says what happened: each request, its route, and where something was taken out.
        Assert.Contains("Request starting", log);
        Assert.Contains("/api/v1/people", log);
        Assert.Contains(LogRedaction.Redacted, log);
    }

    [Fact]
    public void Text_not_known_to_be_safe_is_removed_and_what_is_known_to_be_safe_is_kept()
    {
        var (logger, sink) = Redacting();

        logger.Error(new InvalidOperationException($"No child called {Forename} {Surname}"),
            "Could not find {Name} born {DateOfBirth} via {RoutePattern}: {Count} results for {Path} as {@Person}",
            $"{Forename} {Surname}", new DateOnly(2014, 7, 19), "/api/v1/people", 3, $"/people?name={Forename}", new { Forename, Surname });

        var e = sink.Events.Single();
        var text = e.RenderMessage() + " " + e.Exception;
        Assert.DoesNotContain(Forename, text);
        Assert.DoesNotContain(Surname, text);
        Assert.DoesNotContain("2014", text);
        Assert.Contains("via \"/api/v1/people\": 3 results for \"/people?[redacted]\"", text);
        Assert.Contains("System.InvalidOperationException", e.Exception!.ToString());
    }

    [Fact]
    public void An_exception_about_the_machine_keeps_its_message_and_the_inner_one_is_redacted_too()
    {
        var (logger, sink) = Redacting();

        logger.Warning(new IOException("The disk is full", new ArgumentException($"Bad value {Forename}")), "Could not write the export");

        var exception = sink.Events.Single().Exception!.ToString();
        Assert.Contains("System.IO.IOException: The disk is full", exception);
        Assert.Contains("System.ArgumentException: (message withheld", exception);
        Assert.DoesNotContain(Forename, exception);
    }

    private static (Logger Logger, Collecting Sink) Redacting()
    {
        var sink = new Collecting();
        var logger = new LoggerConfiguration().MinimumLevel.Verbose()
            .WriteTo.Sink(new RedactingSink(new LoggerConfiguration().MinimumLevel.Verbose().WriteTo.Sink(sink).CreateLogger()))
            .CreateLogger();
        return (logger, sink);
    }

    private sealed class Collecting : ILogEventSink
    {
        public List<LogEvent> Events { get; } = [];
        public void Emit(LogEvent logEvent) => Events.Add(logEvent);
    }
}
