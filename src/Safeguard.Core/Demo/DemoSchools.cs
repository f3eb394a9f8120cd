using Safeguard.Core.Schools;

namespace Safeguard.Core.Demo;

/// <summary>Invented schools for the demo force's local authorities, with key adults, and the authorities' school terms
/// (DA4). Fenwold has schools but no term dates held, so the demo shows the working-day fallback too.</summary>
internal static class DemoSchools
{
    public static readonly School[] Schools =
    [
        New("NM-HILL", "Hillside Primary School", "Northmoor Borough Council", "Mrs Ngozi Adeyemi", "dsl@hillside-primary.example.org"),
        New("NM-KELB", "Kelbeck Academy", "Northmoor Borough Council", "Mr Tomasz Wójcik", "01632 960 101"),
        New("SV-AMBR", "Ambridge Cross Church of England Primary", "Southvale District Council", "Ms Siân Ellis", "safeguarding@ambridge-cross.example.org"),
        New("SV-WENL", "Wenlow High School", "Southvale District Council", "Mr Darius Farahani", "01632 960 202"),
        New("EC-SALT", "Saltmere Infant and Nursery School", "Eastcombe City Council", "Mrs Aoife Brennan", "dsl@saltmere-infants.example.org"),
        New("EC-BRAC", "Brackenstaithe College", "Eastcombe City Council", "Dr Li Wei", "01632 960 303"),
        New("FW-FENW", "Fenwold Village School", "Fenwold County Council", "Mrs Ruth Oyelaran", "01632 960 404"),
    ];

    /// <summary>Each academic year in six half terms (autumn, spring, summer; first and second halves), 2024/25 to 2027/28.</summary>
    private static readonly (string Name, string Start, string End)[] Terms =
    [
        ("Autumn term 2024 (first half)", "2024-09-04", "2024-10-25"), ("Autumn term 2024 (second half)", "2024-11-04", "2024-12-20"),
        ("Spring term 2025 (first half)", "2025-01-06", "2025-02-14"), ("Spring term 2025 (second half)", "2025-02-24", "2025-04-04"),
        ("Summer term 2025 (first half)", "2025-04-22", "2025-05-23"), ("Summer term 2025 (second half)", "2025-06-02", "2025-07-22"),
        ("Autumn term 2025 (first half)", "2025-09-03", "2025-10-24"), ("Autumn term 2025 (second half)", "2025-11-03", "2025-12-19"),
        ("Spring term 2026 (first half)", "2026-01-05", "2026-02-13"), ("Spring term 2026 (second half)", "2026-02-23", "2026-03-27"),
        ("Summer term 2026 (first half)", "2026-04-13", "2026-05-22"), ("Summer term 2026 (second half)", "2026-06-01", "2026-07-22"),
        ("Autumn term 2026 (first half)", "2026-09-02", "2026-10-23"), ("Autumn term 2026 (second half)", "2026-11-02", "2026-12-18"),
        ("Spring term 2027 (first half)", "2027-01-04", "2027-02-12"), ("Spring term 2027 (second half)", "2027-02-22", "2027-03-24"),
        ("Summer term 2027 (first half)", "2027-04-12", "2027-05-28"), ("Summer term 2027 (second half)", "2027-06-07", "2027-07-21"),
    ];

    /// <summary>Northmoor and Southvale share the calendar above; Eastcombe's February half term is a week later.</summary>
    public static IEnumerable<SchoolTerm> TermDates()
    {
        foreach (var authority in new[] { "Northmoor Borough Council", "Southvale District Council", "Eastcombe City Council" })
            foreach (var (name, start, end) in Terms)
            {
                var (s, e) = (DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture));
                if (authority.StartsWith("Eastcombe", StringComparison.Ordinal) && name.StartsWith("Spring", StringComparison.Ordinal))
                    (s, e) = name.Contains("first", StringComparison.Ordinal) ? (s, e.AddDays(7)) : (s.AddDays(7), e);
                yield return new SchoolTerm { Id = Guid.NewGuid(), LocalAuthority = authority, Name = name, StartDate = s, EndDate = e };
            }
    }

    private static School New(string code, string name, string authority, string keyAdult, string contact) =>
        new() { Code = code, Name = name, LocalAuthority = authority, KeyAdultName = keyAdult, KeyAdultContact = contact };
}
