namespace Safeguard.Core.Calendar;

/// <summary>A school as the calendar needs it: its code, its name for explanations and the local authority
/// whose term dates it keeps.</summary>
public sealed record SchoolOnCalendar(string Code, string Name, string LocalAuthority);

/// <summary>A term (or half term) of a local authority: school days are its weekdays that are not bank holidays.</summary>
public sealed record TermDates(string LocalAuthority, DateOnly Start, DateOnly End)
{
    public bool Contains(DateOnly date) => date >= Start && date <= End;
}

/// <summary>Which school keeps which local authority's term dates, and those term dates (DA4). Pure: a snapshot
/// of the <c>schools</c> and <c>school_terms</c> tables, read once per unit of work like the bank holidays.
/// Local authorities are matched ignoring case and surrounding spaces.</summary>
public sealed class SchoolCalendars
{
    private readonly Dictionary<string, SchoolOnCalendar> _schools;
    private readonly Dictionary<string, IReadOnlyList<TermDates>> _terms;

    public SchoolCalendars(IEnumerable<SchoolOnCalendar> schools, IEnumerable<TermDates> terms)
    {
        _schools = schools.GroupBy(s => s.Code.Trim(), StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
        _terms = terms.GroupBy(t => t.LocalAuthority.Trim(), StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<TermDates>)g.OrderBy(t => t.Start).ToList(), StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>No schools and no term dates: every working day is a school day.</summary>
    public static SchoolCalendars None { get; } = new([], []);

    /// <summary>The school with this code, or null when it is not held.</summary>
    public SchoolOnCalendar? School(string? code) =>
        code is null ? null : _schools.GetValueOrDefault(code.Trim());

    /// <summary>The terms held for a local authority, oldest first (empty when none are held).</summary>
    public IReadOnlyList<TermDates> TermsOf(string? localAuthority) =>
        localAuthority is null ? [] : _terms.GetValueOrDefault(localAuthority.Trim()) ?? [];
}

/// <summary>Why a school-day deadline fell where it did, so that an explanation can say so.</summary>
public enum SchoolDayBasis
{
    /// <summary>The school's local authority's term dates were held for every day looked at.</summary>
    TermDates,
    /// <summary>The child's school is not known (or not held): every working day was taken as a school day.</summary>
    SchoolNotKnown,
    /// <summary>The school is held but no term dates for its local authority: every working day was taken as a school day.</summary>
    NoTermDates,
    /// <summary>Term dates are held, but not for the days reached (for example next year's are not entered yet): those
    /// working days were taken as school days.</summary>
    BeyondTermDates,
}

/// <summary>The start of the next school day for a school, and what it rests on.</summary>
public sealed record SchoolDayStart(DateTimeOffset At, SchoolDayBasis Basis, SchoolOnCalendar? School);
