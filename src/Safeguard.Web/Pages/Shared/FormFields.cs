namespace Safeguard.Web.Pages.Shared;

// Models for the GOV.UK form field partials (_Field, _Radios, _Checkboxes). Each partial reads the
// field's errors from ModelState by Name, so a refused submission shows the message at the field.

public sealed record TextField(string Name, string Label, string? Value, string? Hint = null, bool Multiline = false,
    string Width = "govuk-!-width-two-thirds", string Type = "text", string? Autocomplete = null, bool LabelIsHeading = false);

public sealed record Choice(string Value, string Text, string? Hint = null);

public sealed record RadiosField(string Name, string Legend, string? Value, IReadOnlyList<Choice> Choices, string? Hint = null,
    bool Inline = false, bool LegendIsHeading = false);

public sealed record CheckboxesField(string Name, string Legend, IReadOnlyCollection<string> Values, IReadOnlyList<Choice> Choices,
    string? Hint = null, bool LegendIsHeading = false);

public static class FieldIds
{
    /// <summary>The element id for a field name, as the error summary links to it.</summary>
    public static string For(string name) => name.Replace('.', '_').Replace('[', '_').Replace(']', '_');
}

/// <summary>A GOV.UK select: the choices' texts are what people read, their values what is posted. <paramref name="Blank"/>,
/// when given, is a first choice with an empty value (for example "None").</summary>
public sealed record SelectField(string Name, string Label, string? Value, IReadOnlyList<Choice> Choices, string? Hint = null, string? Blank = null);
