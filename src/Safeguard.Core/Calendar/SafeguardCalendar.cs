namespace Safeguard.Core.Calendar;

/// <summary>The one place deadlines are computed (E5): hours, calendar days, working days and school days.
/// Instants are UTC; days are counted in Europe/London, so "3 days later" keeps the London wall-clock time
/// across a clock change. Pure: it holds the bank holidays it was given and never reads the clock.</summary>
/// <remarks>
/// Working-day deadlines fall at the <em>end</em> of the last working day (23:59:59 London), because
/// guidance such as "within 1 working day" gives the whole of that day. School days follow the term dates
/// of the school's local authority (<see cref="Schools"/>): a weekday within a term that is not a bank holiday.
/// Where the school or its term dates are not held, every working day is taken as a school day, so the
/// deadline is earlier than it needs to be, never later. INSET days are not held.
/// </remarks>
public sealed class SafeguardCalendar
{
    /// <summary>Europe/London, the zone in which days are counted.</summary>
    public static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    /// <summary>When a school day starts, for Operation Encompass, unless told otherwise.</summary>
    public static readonly TimeOnly DefaultSchoolDayStart = new(8, 30);

    private static readonly TimeOnly EndOfDay = new(23, 59, 59);

    private readonly HashSet<DateOnly> _bankHolidays;

    /// <summary>A calendar with the given England and Wales bank holidays.</summary>
    /// <param name="bankHolidays">Bank holiday dates, typically the stored table (seeded from
    /// <see cref="EnglandAndWalesBankHolidays.Defaults"/>).</param>
    /// <param name="schoolDayStart">London time at which a school day starts; 08:30 if not given.</param>
    /// <param name="schools">Schools and their local authorities' term dates; none when not given.</param>
    public SafeguardCalendar(IEnumerable<DateOnly> bankHolidays, TimeOnly? schoolDayStart = null, SchoolCalendars? schools = null)
    {
        _bankHolidays = [.. bankHolidays];
        SchoolDayStart = schoolDayStart ?? DefaultSchoolDayStart;
        Schools = schools ?? SchoolCalendars.None;
    }

    /// <summary>Schools and the term dates of their local authorities (DA4).</summary>
    public SchoolCalendars Schools { get; }

    /// <summary>A calendar with the built-in 2015–2030 bank holidays.</summary>
    public static SafeguardCalendar Default { get; } =
        new(EnglandAndWalesBankHolidays.Defaults.Select(h => h.Date));

    /// <summary>London time at which a school day starts.</summary>
    public TimeOnly SchoolDayStart { get; }

    /// <summary>The London calendar date of an instant.</summary>
    public static DateOnly LondonDate(DateTimeOffset instant) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, London).DateTime);

    /// <summary>True for Monday to Friday except England and Wales bank holidays.</summary>
    public bool IsWorkingDay(DateOnly date) =>
        date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !_bankHolidays.Contains(date);

    /// <summary>True on a school day when no school is named: every working day is taken as a school day.</summary>
    public bool IsSchoolDay(DateOnly date) => IsWorkingDay(date);

    /// <summary>True when <paramref name="date"/> is a school day under <paramref name="terms"/>: a working day within
    /// a term. A date outside every term but before the first or after the last one held is not covered by the
    /// terms, and is a school day when it is a working day (<paramref name="covered"/> says which).</summary>
    public bool IsSchoolDay(DateOnly date, IReadOnlyList<TermDates> terms, out bool covered)
    {
        covered = terms.Count > 0 && date >= terms[0].Start && date <= terms.Max(t => t.End);
        if (!IsWorkingDay(date)) return false;
        return !covered || terms.Any(t => t.Contains(date));
    }

    /// <summary>Elapsed hours: a custody clock does not care about clock changes.</summary>
    public DateTimeOffset AddHours(DateTimeOffset from, int hours) => from.ToUniversalTime().AddHours(hours);

    /// <summary>The same London wall-clock time <paramref name="days"/> calendar days later.</summary>
    public DateTimeOffset AddCalendarDays(DateTimeOffset from, int days)
    {
        var local = TimeZoneInfo.ConvertTime(from, London).DateTime;
        var target = local.AddDays(days);
        return ToInstant(DateOnly.FromDateTime(target), TimeOnly.FromDateTime(target));
    }

    /// <summary>The same London wall-clock time <paramref name="months"/> calendar months later
    /// (the last day of the month when the day does not exist, e.g. 31 Jan + 1 month).</summary>
    public DateTimeOffset AddMonths(DateTimeOffset from, int months)
    {
        var local = TimeZoneInfo.ConvertTime(from, London).DateTime;
        var target = local.AddMonths(months);
        return ToInstant(DateOnly.FromDateTime(target), TimeOnly.FromDateTime(target));
    }

    /// <summary>The end (23:59:59 London) of the <paramref name="days"/>th working day after the London
    /// date of <paramref name="from"/>. With 0 days: the end of that day if it is a working day, else of
    /// the next working day.</summary>
    public DateTimeOffset AddWorkingDays(DateTimeOffset from, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        var date = LondonDate(from);
        if (days == 0)
        {
            while (!IsWorkingDay(date)) date = date.AddDays(1);
            return ToInstant(date, EndOfDay);
        }
        for (int counted = 0; counted < days;)
        {
            date = date.AddDays(1);
            if (IsWorkingDay(date)) counted++;
        }
        return ToInstant(date, EndOfDay);
    }

    /// <summary>As <see cref="AddWorkingDays"/>, for school days (term dates are not modelled).</summary>
    public DateTimeOffset AddSchoolDays(DateTimeOffset from, int days) => AddWorkingDays(from, days);

    /// <summary>The start of the first school day that begins after <paramref name="from"/>: the deadline for
    /// an Operation Encompass notification (DA4). An incident at 02:00 on a Tuesday gives 08:30 that Tuesday;
    /// one at 10:00 on a Friday gives 08:30 on Monday (or later, past bank holidays).</summary>
    public DateTimeOffset StartOfNextSchoolDay(DateTimeOffset from) => StartOfNextSchoolDay(from, SchoolDayStart);

    /// <summary>As <see cref="StartOfNextSchoolDay(DateTimeOffset)"/>, with a school day starting at <paramref name="schoolDayStart"/>
    /// (London time), e.g. from the <c>DA4.schoolDayStartMinutes</c> setting.</summary>
    public DateTimeOffset StartOfNextSchoolDay(DateTimeOffset from, TimeOnly schoolDayStart)
    {
        var date = LondonDate(from);
        while (true)
        {
            if (IsSchoolDay(date))
            {
                var start = ToInstant(date, schoolDayStart);
                if (start > from) return start;
            }
            date = date.AddDays(1);
        }
    }

    /// <summary>The start of the first school day of the school <paramref name="schoolCode"/> that begins after
    /// <paramref name="from"/> (DA4), following its local authority's term dates: an incident on the Friday before
    /// half term gives the first day back. When the school is not known, or no term dates are held for the days
    /// reached, working days stand in for school days, and <see cref="SchoolDayStart.Basis"/> says so.</summary>
    public SchoolDayStart StartOfNextSchoolDay(DateTimeOffset from, TimeOnly schoolDayStart, string? schoolCode)
    {
        var school = Schools.School(schoolCode);
        if (school is null) return new(StartOfNextSchoolDay(from, schoolDayStart), SchoolDayBasis.SchoolNotKnown, null);
        var terms = Schools.TermsOf(school.LocalAuthority);
        if (terms.Count == 0) return new(StartOfNextSchoolDay(from, schoolDayStart), SchoolDayBasis.NoTermDates, school);
        // A day the terms do not cover is a school day when it is a working day, so the search ends within a week
        // of leaving the held terms, and the day it ends on says whether the term dates decided it.
        var date = LondonDate(from);
        while (true)
        {
            if (IsSchoolDay(date, terms, out var covered))
            {
                var start = ToInstant(date, schoolDayStart);
                if (start > from) return new(start, covered ? SchoolDayBasis.TermDates : SchoolDayBasis.BeyondTermDates, school);
            }
            date = date.AddDays(1);
        }
    }

    /// <summary>The UTC instant of a London date and wall-clock time. A time skipped by the spring clock
    /// change moves an hour later; a time that occurs twice in autumn takes the first (BST) occurrence.</summary>
    public static DateTimeOffset ToInstant(DateOnly date, TimeOnly time)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        if (London.IsInvalidTime(local)) local = local.AddHours(1);
        var offset = London.IsAmbiguousTime(local)
            ? London.GetAmbiguousTimeOffsets(local).Max()
            : London.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }
}
