namespace Safeguard.Matching.Synthetic;

/// <summary>The kinds of error that creep into person records as they are keyed and re-keyed.</summary>
internal sealed class Corruptions(Random random)
{
    private const string Letters = "abcdefghijklmnopqrstuvwxyz";

    public bool Chance(double p) => random.NextDouble() < p;

    /// <summary>One keying slip: a wrong, missing, extra or swapped character (rarely the first).</summary>
    public string Typo(string value)
    {
        if (value.Length < 2) return value;
        int at = 1 + random.Next(value.Length - 1);
        char letter = char.IsDigit(value[at]) ? (char)('0' + random.Next(10)) : Letters[random.Next(Letters.Length)];
        return random.Next(4) switch
        {
            0 => value[..at] + letter + value[(at + 1)..],
            1 => value.Length > 3 ? value[..at] + value[(at + 1)..] : value,
            2 => value[..at] + letter + value[at..],
            _ => at + 1 < value.Length ? value[..at] + value[at + 1] + value[at] + value[(at + 2)..] : value,
        };
    }

    public DateOnly? Date(DateOnly date) => random.Next(4) switch
    {
        0 when date.Day <= 12 && date.Day != date.Month => new DateOnly(date.Year, date.Day, date.Month),
        1 => date.AddYears(random.Next(2) == 0 ? -1 : 1),
        2 => date.AddDays(random.Next(2) == 0 ? -1 : 1),
        _ => DigitTypo(date),
    };

    // A mistyped digit that still gives a real date, else the day before.
    private DateOnly DigitTypo(DateOnly date)
    {
        var text = date.ToString("yyyyMMdd");
        int at = 2 + random.Next(6);
        var typed = text[..at] + (char)('0' + random.Next(10)) + text[(at + 1)..];
        return DateOnly.TryParseExact(typed, "yyyyMMdd", out var d) ? d : date.AddDays(-1);
    }
}
