namespace Safeguard.Core.Calendar;

/// <summary>The England and Wales bank holidays, computed from the usual rules plus the one-off changes
/// of recent years. Used to seed the <c>bank_holidays</c> table and as the default for
/// <see cref="SafeguardCalendar"/>; administrators can add days the rules cannot foresee.</summary>
public static class EnglandAndWalesBankHolidays
{
    /// <summary>The first year <see cref="Defaults"/> covers.</summary>
    public const int FirstYear = 2015;

    /// <summary>The last year <see cref="Defaults"/> covers.</summary>
    public const int LastYear = 2030;

    /// <summary>Every bank holiday from <see cref="FirstYear"/> to <see cref="LastYear"/>, in date order.</summary>
    public static IReadOnlyList<BankHoliday> Defaults { get; } =
        Enumerable.Range(FirstYear, LastYear - FirstYear + 1).SelectMany(ForYear).ToList();

    /// <summary>The bank holidays of one year, in date order, including substitute days and the one-off
    /// changes known up to 2030 (2020 VE day, 2022 jubilee and state funeral, 2023 coronation).</summary>
    public static IReadOnlyList<BankHoliday> ForYear(int year)
    {
        var days = new List<BankHoliday>
        {
            Day(Substitute(new DateOnly(year, 1, 1)), "New Year's Day"),
        };
        var easter = EasterSunday(year);
        days.Add(Day(easter.AddDays(-2), "Good Friday"));
        days.Add(Day(easter.AddDays(1), "Easter Monday"));

        // 2020: the early May bank holiday moved to Friday 8 May for the 75th anniversary of VE day.
        days.Add(year == 2020
            ? Day(new DateOnly(2020, 5, 8), "Early May bank holiday (VE day)")
            : Day(FirstMonday(year, 5), "Early May bank holiday"));
        if (year == 2023) days.Add(Day(new DateOnly(2023, 5, 8), "Bank holiday for the coronation of King Charles III"));

        // 2022: the spring bank holiday moved to Thursday 2 June, with an extra day for the Platinum Jubilee.
        if (year == 2022)
        {
            days.Add(Day(new DateOnly(2022, 6, 2), "Spring bank holiday"));
            days.Add(Day(new DateOnly(2022, 6, 3), "Platinum Jubilee bank holiday"));
        }
        else
        {
            days.Add(Day(LastMonday(year, 5), "Spring bank holiday"));
        }

        days.Add(Day(LastMonday(year, 8), "Summer bank holiday"));
        if (year == 2022) days.Add(Day(new DateOnly(2022, 9, 19), "Bank holiday for the State Funeral of Queen Elizabeth II"));

        days.AddRange(ChristmasAndBoxingDay(year));
        return days.OrderBy(d => d.Date).ToList();
    }

    /// <summary>Easter Sunday in the Gregorian calendar (the anonymous "Meeus/Jones/Butcher" algorithm).</summary>
    public static DateOnly EasterSunday(int year)
    {
        int a = year % 19, b = year / 100, c = year % 100, d = b / 4, e = b % 4;
        int f = (b + 8) / 25, g = (b - f + 1) / 3, h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1;
        return new DateOnly(year, month, day);
    }

    private static IEnumerable<BankHoliday> ChristmasAndBoxingDay(int year)
    {
        var christmas = new DateOnly(year, 12, 25);
        var boxing = new DateOnly(year, 12, 26);
        // When either falls at a weekend the holiday moves to the next weekday not already a holiday:
        // Christmas on Saturday gives Mon 27 and Tue 28; Christmas on Sunday gives Mon 26 (Boxing Day) and Tue 27.
        switch (christmas.DayOfWeek)
        {
            case DayOfWeek.Saturday:
                yield return Day(new DateOnly(year, 12, 27), "Christmas Day (substitute day)");
                yield return Day(new DateOnly(year, 12, 28), "Boxing Day (substitute day)");
                break;
            case DayOfWeek.Sunday:
                yield return Day(boxing, "Boxing Day");
                yield return Day(new DateOnly(year, 12, 27), "Christmas Day (substitute day)");
                break;
            case DayOfWeek.Friday:
                yield return Day(christmas, "Christmas Day");
                yield return Day(new DateOnly(year, 12, 28), "Boxing Day (substitute day)");
                break;
            default:
                yield return Day(christmas, "Christmas Day");
                yield return Day(boxing, "Boxing Day");
                break;
        }
    }

    private static DateOnly Substitute(DateOnly date) => date.DayOfWeek switch
    {
        DayOfWeek.Saturday => date.AddDays(2),
        DayOfWeek.Sunday => date.AddDays(1),
        _ => date,
    };

    private static DateOnly FirstMonday(int year, int month)
    {
        var date = new DateOnly(year, month, 1);
        while (date.DayOfWeek != DayOfWeek.Monday) date = date.AddDays(1);
        return date;
    }

    private static DateOnly LastMonday(int year, int month)
    {
        var date = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
        while (date.DayOfWeek != DayOfWeek.Monday) date = date.AddDays(-1);
        return date;
    }

    private static BankHoliday Day(DateOnly date, string name) => new() { Date = date, Name = name };
}
