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
        new(404, ProblemCodes.NotFound, "Not found", $"No {what} with that id exists, or you may not see it.");

    public static Problem MalformedJson(string detail) => new(400, ProblemCodes.MalformedJson, "The body is not valid JSON", detail);

    public static Problem Invalid(IReadOnlyDictionary<string, string[]> errors, string code = ProblemCodes.ValidationFailed) =>
        new(400, code, "The request has invalid fields", "See errors for each field.", errors);

    public static Problem Invalid(string field, string message, string code = ProblemCodes.ValidationFailed) =>
        Invalid(new Dictionary<string, string[]> { [field] = [message] }, code);

    public static Problem UnknownEventType(string type) =>
        new(400, ProblemCodes.UnknownEventType, "Unknown event type", $"'{type}' is not an event type Safeguard knows (see /openapi/v1.json).",
            new Dictionary<string, string[]> { ["type"] = [$"'{type}' is not a known event type."] });

    /// <summary>A recording standard or the law refuses the event (422, B1/B2/B4).</summary>
    public static Problem Refused(string code, IReadOnlyDictionary<string, string[]> errors) =>
        new(422, code, "The record does not meet the recording standard",
            string.Join(" ", errors.SelectMany(e => e.Value)), errors);

    public static Problem Refused(string code, string field, string message) =>
        Refused(code, new Dictionary<string, string[]> { [field] = [message] });

    public static Problem Conflict(string detail) => new(409, ProblemCodes.Conflict, "Conflict", detail);

    public static Problem Forbidden(string detail) => new(403, ProblemCodes.Forbidden, "Not allowed", detail);

    public static Problem TooLarge(long limit) => new(413, ProblemCodes.BodyTooLarge, "The body is too large", $"The limit is {limit} bytes.");

    /// <summary>The caller decided on a version of the record that is no longer current (API.md "Decisions").</summary>
    public static Problem StaleVersion(string what, int current) =>
        new(409, ProblemCodes.StaleVersion, "Changed since you read it",
            $"The {what} has changed since you read it (it is now version {current}). Read it again, then decide.");

    /// <summary>A step the record's life does not allow (e.g. a rejected flag confirmed).</summary>
    public static Problem IllegalTransition(string detail) => new(409, ProblemCodes.IllegalTransition, "That step is not allowed", detail);

    /// <summary>Two changes to the same record met; the database kept one and nothing of this one was written.</summary>
    public static Problem ConcurrentChange() => new(409, ProblemCodes.ConcurrentChange, "Changed at the same time by someone else",
        "Another request changed the same record at the same moment. Read it again and retry.");

    /// <summary>The database is briefly busy (locked, a serialisation failure, no free connection): retry shortly.</summary>
    public static Problem Busy() => new(503, ProblemCodes.Busy, "Busy, try again shortly",
        "Safeguard is busy with other work on the same records. Nothing was changed; try again in a moment.");
}
