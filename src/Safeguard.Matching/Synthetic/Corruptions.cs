namespace Safeguard.Matching.Synthetic;

/// <summary>The kinds of error that creep into person records as they are keyed, scanned and re-keyed,
/// drawn from the generator's own <see cref="ErrorTables"/> (not from the matcher's tables).</summary>
internal sealed class Corruptions(Random random)
{
    private const string Letters = "abcdefghijklmnopqrstuvwxyz";

    public bool Chance(double p) => random.NextDouble() < p;

    /// <summary>One keying or reading slip, rarely on the first character: a neighbouring key hit
    /// instead (40%), a character dropped (20%), one typed twice or a neighbour added (15%), two
    /// swapped (15%), or a scanner's misreading (10%).</summary>
    public string Typo(string value)
    {
        if (value.Length < 2) return value;
        int at = 1 + random.Next(value.Length - 1);
        double kind = random.NextDouble();
        if (kind < 0.40) return value[..at] + Neighbour(value[at]) + value[(at + 1)..];
        if (kind < 0.60) return value.Length > 3 ? value[..at] + value[(at + 1)..] : value;
        if (kind < 0.75) return value[..at] + (random.Next(2) == 0 ? value[at] : Neighbour(value[at])) + value[at..];
        if (kind < 0.90) return at + 1 < value.Length ? value[..at] + value[at + 1] + value[at] + value[(at + 2)..] : value;
        return Misread(value) ?? value[..at] + Neighbour(value[at]) + value[(at + 1)..];
    }

    /// <summary>The same sound written another way ("ph" → "f", "son" → "sen"), else a typo.</summary>
    public string SoundAlike(string value)
    {
        var options = ErrorTables.SoundAlikes.Where(s => value.IndexOf(s.Heard, 1, StringComparison.Ordinal) >= 0).ToArray();
        if (value.Length < 3 || options.Length == 0) return Typo(value);
        var (heard, written) = options[random.Next(options.Length)];
        int at = value.IndexOf(heard, 1, StringComparison.Ordinal);
        return value[..at] + written + value[(at + heard.Length)..];
    }

    /// <summary>A given name as another record writes it, from the generator's own variant table; the name itself when it has none.</summary>
    public string GivenNameVariant(string forename) =>
        ErrorTables.GivenNameVariants.TryGetValue(forename, out var variants) ? variants[random.Next(variants.Length)] : forename;

    /// <summary>A wrong date of birth: day and month swapped (20%), a mistyped digit anywhere (25%),
    /// the year one out (15%), ten out (10%), the day a few out (10%), the month one out (5%), only the
    /// year known and recorded as 1 January (5%), two adjacent digits swapped (10%). Always a real date.</summary>
    public DateOnly Date(DateOnly date)
    {
        double kind = random.NextDouble();
        DateOnly? wrong = kind switch
        {
            < 0.20 => date.Day <= 12 && date.Day != date.Month ? new DateOnly(date.Year, date.Day, date.Month) : null,
            < 0.45 => DigitSlip(date, swap: false),
            < 0.60 => date.AddYears(random.Next(2) == 0 ? -1 : 1),
            < 0.70 => date.AddYears(random.Next(2) == 0 ? -10 : 10),
            < 0.80 => date.AddDays((random.Next(2) == 0 ? -1 : 1) * (1 + random.Next(3))),
            < 0.85 => date.AddMonths(random.Next(2) == 0 ? -1 : 1),
            < 0.90 => new DateOnly(date.Year, 1, 1),
            _ => DigitSlip(date, swap: true),
        };
        return wrong is { } d && d != date ? d : DigitSlip(date, swap: false) ?? date.AddDays(1);
    }

    // A digit hit on a neighbouring key, or two adjacent digits swapped, as long as the result is a real date.
    private DateOnly? DigitSlip(DateOnly date, bool swap)
    {
        var text = date.ToString("yyyyMMdd");
        for (int attempt = 0; attempt < 6; attempt++)
        {
            int at = 2 + random.Next(swap ? 5 : 6);
            var typed = swap
                ? text[..at] + text[at + 1] + text[at] + text[(at + 2)..]
                : text[..at] + Neighbour(text[at]) + text[(at + 1)..];
            if (typed != text && DateOnly.TryParseExact(typed, "yyyyMMdd", out var d) && d.Year >= 1900) return d;
        }
        return null;
    }

    private char Neighbour(char c)
    {
        var lower = char.ToLowerInvariant(c);
        if (ErrorTables.KeyboardNeighbours.TryGetValue(lower, out var near))
        {
            var n = near[random.Next(near.Length)];
            return char.IsUpper(c) ? char.ToUpperInvariant(n) : n;
        }
        return char.IsDigit(c) ? (char)('0' + random.Next(10)) : Letters[random.Next(Letters.Length)];
    }

    private string? Misread(string value)
    {
        var options = ErrorTables.OcrConfusions.Where(o => value.IndexOf(o.Written, 1, StringComparison.OrdinalIgnoreCase) >= 0).ToArray();
        if (options.Length == 0) return null;
        var (written, read) = options[random.Next(options.Length)];
        int at = value.IndexOf(written, 1, StringComparison.OrdinalIgnoreCase);
        return value[..at] + read + value[(at + written.Length)..];
    }
}
