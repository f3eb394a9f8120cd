namespace Safeguard.Web.Pages.Shared;

/// <summary>One row of a GOV.UK check-your-answers summary list (<c>_CheckRow</c>): the question, the answer (one
/// line each, "Not given" when empty) and, when the answers can be changed, a "Change" button. The button posts the
/// answers back to <paramref name="ChangeAction"/> (the page's Change handler) with <c>#Field</c> on the end, so the
/// form comes back with every answer kept and the browser lands on that field.</summary>
public sealed record CheckRow(string Key, IReadOnlyList<string> Lines, string? ChangeAction = null, string? Field = null)
{
    public CheckRow(string key, string? value, string? changeAction = null, string? field = null)
        : this(key, string.IsNullOrWhiteSpace(value) ? [] : [value], changeAction, field) { }
}
