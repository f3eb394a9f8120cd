namespace Safeguard.Web.Tests.Missing;

/// <summary>The fields a GOV.UK date input posts, as a person types them: "2026-03-02T07:30" becomes
/// <c>LastSeenAt.Day=2</c>, <c>.Month=3</c>, <c>.Year=2026</c>, <c>.Hour=07</c>, <c>.Minute=30</c> (UK time).</summary>
internal static class DateParts
{
    public static KeyValuePair<string, string>[] Of(string name, string ukLocal)
    {
        var t = DateTime.ParseExact(ukLocal, "yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        return [new($"{name}.Day", t.Day.ToString()), new($"{name}.Month", t.Month.ToString()), new($"{name}.Year", t.Year.ToString()),
            new($"{name}.Hour", t.Hour.ToString("00")), new($"{name}.Minute", t.Minute.ToString("00"))];
    }
}
