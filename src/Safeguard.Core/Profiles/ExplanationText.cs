using System.Globalization;
using System.Text.RegularExpressions;
using Safeguard.Core.Calendar;
using Safeguard.Core.Rules;

namespace Safeguard.Core.Profiles;

/// <summary>Turns a stored explanation (written with <see cref="Mention"/> placeholders) into text for one reader:
/// a person the reader may see by name, anyone else as "another person" (never a name, id or count that would reveal
/// them), dates and times as UK local time in one format ("4 March 2026 at 14:05"). Bare ids of people in older or
/// hand-written text are treated the same way. Made by <see cref="ExplanationReader"/>, which knows who the reader may see.</summary>
public sealed partial class ExplanationText
{
    /// <summary>What a hidden person is called.</summary>
    public const string Hidden = "another person";

    private readonly IReadOnlyDictionary<Guid, string> _visible;
    private readonly IReadOnlySet<Guid> _hidden;

    /// <param name="visible">Names of the people the reader may see.</param>
    /// <param name="hidden">People who exist but whom the reader may not see.</param>
    public ExplanationText(IReadOnlyDictionary<Guid, string> visible, IReadOnlySet<Guid> hidden)
    {
        _visible = visible;
        _hidden = hidden;
    }

    /// <summary>Every person an explanation mentions, by placeholder or bare id.</summary>
    public static IEnumerable<Guid> PeopleIn(string text)
    {
        foreach (Match m in Placeholder().Matches(text))
            if (m.Groups["kind"].Value is "person" or "people")
                foreach (var part in m.Groups["value"].Value.Split(','))
                    if (Guid.TryParse(part, out var id)) yield return id;
        foreach (Match m in BareId().Matches(Placeholder().Replace(text, "")))
            yield return Guid.Parse(m.Value);
    }

    /// <summary>The explanation for this reader.</summary>
    public string Render(string text)
    {
        if (string.IsNullOrEmpty(text)) return text;
        var rendered = Placeholder().Replace(text, m => m.Groups["kind"].Value switch
        {
            "person" => Guid.TryParse(m.Groups["value"].Value, out var id) ? Name(id) : Hidden,
            "people" => People(m.Groups["value"].Value.Split(',', StringSplitOptions.RemoveEmptyEntries)),
            "date" => Instant(m.Groups["value"].Value) is { } d ? Date(d) : m.Value,
            "time" => Instant(m.Groups["value"].Value) is { } t ? Time(t) : m.Value,
            _ => m.Value,
        });
        // Ids outside placeholders (hand-written reasons, older text): people become names; other ids (events) stay.
        rendered = BareId().Replace(rendered, m =>
        {
            var id = Guid.Parse(m.Value);
            return _visible.TryGetValue(id, out var name) ? name : _hidden.Contains(id) ? Hidden : m.Value;
        });
        return Capitalise(rendered);
    }

    /// <summary>A reason as this reader reads it.</summary>
    public ReasonView Render(ReasonView reason) => reason with { Explanation = Render(reason.Explanation) };

    /// <summary>"4 March 2026" (London).</summary>
    public static string Date(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, SafeguardCalendar.London).ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>"4 March 2026 at 14:05" (London).</summary>
    public static string Time(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, SafeguardCalendar.London).ToString("d MMMM yyyy 'at' HH:mm", CultureInfo.InvariantCulture);

    private string Name(Guid id) => _visible.TryGetValue(id, out var name) ? name : Hidden;

    // Visible people by name; hidden ones as a single "another person", so their number is never told.
    private string People(IEnumerable<string> ids)
    {
        var names = new List<string>();
        bool hidden = false;
        foreach (var part in ids)
        {
            if (Guid.TryParse(part, out var id) && _visible.TryGetValue(id, out var name)) { if (!names.Contains(name)) names.Add(name); }
            else hidden = true;
        }
        if (hidden) names.Add(Hidden);
        return Mention.List(names);
    }

    private static DateTimeOffset? Instant(string iso) =>
        DateTimeOffset.TryParse(iso, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value) ? value : null;

    private static string Capitalise(string text) =>
        text.StartsWith(Hidden, StringComparison.Ordinal) ? char.ToUpperInvariant(text[0]) + text[1..] : text;

    [GeneratedRegex(@"\{(?<kind>person|people|date|time):(?<value>[^{}]*)\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\b")]
    private static partial Regex BareId();
}
