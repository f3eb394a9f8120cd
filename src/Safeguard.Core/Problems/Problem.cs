namespace Safeguard.Core.Problems;

/// <summary>A refusal with a stable code, turned into RFC 9457 problem details at the edge (API.md).
/// <paramref name="Errors"/> names each field that is wrong, with a message a person can act on.</summary>
public sealed record Problem(int Status, string Code, string Title, string? Detail = null,
    IReadOnlyDictionary<string, string[]>? Errors = null);

/// <summary>Thrown by services to refuse a request; nothing is written when it is thrown.</summary>
public sealed class ProblemException(Problem problem) : Exception(problem.Detail ?? problem.Title)
{
    public Problem Problem { get; } = problem;
}

/// <summary>The problems Safeguard answers with. Codes are part of the contract: add, never rename.</summary>
public static class Problems
{
    public static Problem NotFound(string what = "record") =>
        new(404, "not-found", "Not found", $"No {what} with that id exists, or you may not see it.");

    public static Problem MalformedJson(string detail) => new(400, "malformed-json", "The body is not valid JSON", detail);

    public static Problem Invalid(IReadOnlyDictionary<string, string[]> errors, string code = "validation-failed") =>
        new(400, code, "The request has invalid fields", "See errors for each field.", errors);

    public static Problem Invalid(string field, string message, string code = "validation-failed") =>
        Invalid(new Dictionary<string, string[]> { [field] = [message] }, code);

    public static Problem UnknownEventType(string type) =>
        new(400, "unknown-event-type", "Unknown event type", $"'{type}' is not an event type Safeguard knows (see /openapi/v1.json).",
            new Dictionary<string, string[]> { ["type"] = [$"'{type}' is not a known event type."] });

    /// <summary>A recording standard or the law refuses the event (422, B1/B2/B4).</summary>
    public static Problem Refused(string code, IReadOnlyDictionary<string, string[]> errors) =>
        new(422, code, "The record does not meet the recording standard",
            string.Join(" ", errors.SelectMany(e => e.Value)), errors);

    public static Problem Refused(string code, string field, string message) =>
        Refused(code, new Dictionary<string, string[]> { [field] = [message] });

    public static Problem Conflict(string detail) => new(409, "conflict", "Conflict", detail);

    /// <summary>A change based on an older version than the stored one (409 <c>stale-version</c>): read it again and redo the change.</summary>
    public static Problem StaleVersion(string what, int current) =>
        new(409, "stale-version", "Changed since you read it", $"This {what} has changed since you read it (it is now version {current}). Read it again and make your change on the current version.");

    public static Problem Forbidden(string detail) => new(403, "forbidden", "Not allowed", detail);

    public static Problem TooLarge(long limit) => new(413, "body-too-large", "The body is too large", $"The limit is {limit} bytes.");
}
