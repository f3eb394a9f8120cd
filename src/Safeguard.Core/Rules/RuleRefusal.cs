namespace Safeguard.Core.Rules;

/// <summary>Why an event may not be recorded (answered as 422 with <see cref="Code"/>).</summary>
/// <param name="Code">Stable code, e.g. <c>cawn-age-rule</c>.</param>
/// <param name="Field">The field at fault, for the problem details <c>errors</c> map.</param>
/// <param name="Message">A sentence for the person recording.</param>
public sealed record RuleRefusal(string Code, string Field, string Message);
