namespace Safeguard.Core.Schools;

/// <summary>A school or college, held as reference data for Operation Encompass (DA4, H2): which local authority's
/// term dates it keeps and who its key adult is (the designated safeguarding lead the police tell before the next
/// school day starts). Administrators keep the list.</summary>
public sealed class School
{
    /// <summary>A short stable code (for example the DfE URN or a local code), used in events' <c>school</c> field.</summary>
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    /// <summary>The local authority whose term dates the school keeps (as held in <see cref="SchoolTerm.LocalAuthority"/>).</summary>
    public string LocalAuthority { get; set; } = "";
    /// <summary>The Operation Encompass key adult's name.</summary>
    public string KeyAdultName { get; set; } = "";
    /// <summary>How to reach the key adult (a secure email address or telephone number).</summary>
    public string KeyAdultContact { get; set; } = "";
    /// <summary>Concurrency token: an edit from an older version answers 409 <c>stale-version</c>.</summary>
    public int Version { get; set; } = 1;
}

/// <summary>One term (or half term) of a local authority's school calendar: school days are the weekdays from
/// <see cref="StartDate"/> to <see cref="EndDate"/> inclusive that are not bank holidays. The gaps between terms are
/// the school holidays.</summary>
public sealed class SchoolTerm
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public string LocalAuthority { get; set; } = "";
    /// <summary>For people to read, for example "Spring term 2026 (first half)".</summary>
    public string Name { get; set; } = "";
    public DateOnly StartDate { get; set; }
    public DateOnly EndDate { get; set; }
}
