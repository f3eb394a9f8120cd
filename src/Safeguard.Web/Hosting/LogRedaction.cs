using System.Collections.Frozen;
using Serilog.Core;
using Serilog.Events;

namespace Safeguard.Web.Hosting;

/// <summary>Keeps personal data out of the application log (P6). Every log event passes through here before any sink
/// (the console, and any sink added in configuration) sees it:
/// <list type="bullet">
/// <item>a text, date or object property is kept only if its name is on a short list of properties known to carry no
/// personal data (HTTP method, route template, status code, the logger's name…); any other is replaced by
/// <c>[redacted]</c>. Numbers, true/false, ids (GUIDs) and durations are kept: they identify nobody by themselves;</item>
/// <item>a query string is cut from any address kept (a search by name is a GET with <c>?name=</c>);</item>
/// <item>an exception keeps its type and stack trace (where in the code), but its message only for a few kinds known to
/// describe the machine rather than the data (files, network, timeouts, the database's own errors).</item>
/// </list>
/// The rule is "kept only if known to be safe", so a property nobody thought about is removed, not leaked.</summary>
public static class LogRedaction
{
    public const string Redacted = "[redacted]";

    /// <summary>Properties whose text is kept: what the framework and this app log about requests and the machine.</summary>
    private static readonly FrozenSet<string> SafeProperties = new[]
    {
        "SourceContext", "RequestMethod", "Method", "RoutePattern", "StatusCode", "Elapsed", "ElapsedMilliseconds", "EventId",
        "RequestId", "ConnectionId", "TraceId", "SpanId", "ParentId", "Protocol", "Scheme", "Host", "PathBase", "Path", "RequestPath",
        "ContentType", "EndpointName", "HandlerName", "ActionName", "ActionId", "PageName", "Environment", "EnvName", "envName",
        "ApplicationName", "ContentRoot", "contentRoot", "address", "Address", "Urls", "urls", "MachineName", "ThreadId",
        "Provider", "ProviderName", "DbCommandTimeout", "CommandType", "Seed", "Seconds", "Fired", "Children", "Adults", "Events",
        "SchemeName", "AuthenticationScheme", "Policy", "PolicyName", "FailureReason", "ContextType", "DbContextType",
        "migration", "Migration", "connectionId", "database", "dataSource", "Database", "DataSource",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Exceptions whose message describes the machine (a file, the network, a timeout, the database's own
    /// error) rather than anyone's data; every other exception's message is withheld.</summary>
    private static readonly string[] SafeMessageTypes =
    [
        "System.IO.", "System.Net.", "System.TimeoutException", "System.OperationCanceledException", "System.Threading.Tasks.TaskCanceledException",
        "Microsoft.Data.Sqlite.SqliteException", "Npgsql.", "Microsoft.EntityFrameworkCore.DbUpdateConcurrencyException",
    ];

    /// <param name="e">The event as logged.</param>
    /// <param name="keepExceptionMessages">Keep every exception's message (<c>Safeguard:Logging:KeepExceptionMessages</c>):
    /// only while diagnosing a fault on a system without real data.</param>
    public static LogEvent Redact(LogEvent e, bool keepExceptionMessages = false) =>
        new(e.Timestamp, e.Level, e.Exception is null ? null : new RedactedException(e.Exception, keepExceptionMessages), e.MessageTemplate,
            e.Properties.Select(p => new LogEventProperty(p.Key, Value(p.Key, p.Value))), e.TraceId ?? default, e.SpanId ?? default);

    private static LogEventPropertyValue Value(string name, LogEventPropertyValue value)
    {
        var safe = SafeProperties.Contains(name);
        return value switch
        {
            ScalarValue { Value: null or bool or byte or short or int or long or float or double or decimal or Guid or TimeSpan } => value,
            ScalarValue { Value: Enum } => value,
            ScalarValue { Value: string text } when safe => new ScalarValue(WithoutQuery(text)),
            ScalarValue { Value: Uri uri } when safe => new ScalarValue(WithoutQuery(uri.ToString())),
            ScalarValue { Value: DateTimeOffset or DateTime } when safe => value,
            StructureValue s when safe => new StructureValue(s.Properties.Select(p => new LogEventProperty(p.Name, Value(p.Name, p.Value))), s.TypeTag),
            _ => new ScalarValue(Redacted),
        };
    }

    /// <summary>An address without its query string, which may hold a searched name or date of birth.</summary>
    public static string WithoutQuery(string text)
    {
        var at = text.IndexOf('?');
        return at < 0 ? text : text[..at] + "?" + Redacted;
    }

    internal static bool MessageIsSafe(Exception e)
    {
        // The database's "detail" may quote the values in a row; Npgsql leaves it out unless told to include it.
        if (e is Npgsql.PostgresException { Detail: { Length: > 0 } detail } && !detail.Contains("redacted", StringComparison.OrdinalIgnoreCase)) return false;
        var type = e.GetType().FullName ?? "";
        return SafeMessageTypes.Any(t => type.StartsWith(t, StringComparison.Ordinal));
    }
}

/// <summary>An exception as the log keeps it: the original's type, the stack trace and, for the kinds known to be safe,
/// the message; inner exceptions likewise.</summary>
public sealed class RedactedException(Exception original, bool keepMessage = false)
    : Exception(keepMessage || LogRedaction.MessageIsSafe(original) ? original.Message : "(message withheld: it may hold personal data)",
        original.InnerException is null ? null : new RedactedException(original.InnerException, keepMessage))
{
    public string OriginalType { get; } = original.GetType().FullName ?? original.GetType().Name;
    public override string? StackTrace { get; } = original.StackTrace;

    public override string ToString() =>
        $"{OriginalType}: {Message}" + (InnerException is null ? "" : $" ---> {InnerException}") + (StackTrace is null ? "" : Environment.NewLine + StackTrace);
}

/// <summary>Passes every event, redacted, to the sinks behind it; disposing it disposes them.</summary>
public sealed class RedactingSink(Serilog.Core.Logger sinks, bool keepExceptionMessages = false) : ILogEventSink, IDisposable
{
    public void Emit(LogEvent logEvent) => sinks.Write(LogRedaction.Redact(logEvent, keepExceptionMessages));

    public void Dispose() => sinks.Dispose();
}
