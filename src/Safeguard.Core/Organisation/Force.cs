namespace Safeguard.Core.Organisation;

/// <summary>A basic command unit: the force's geographic division.</summary>
public sealed class Bcu
{
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
}

/// <summary>A team within a BCU (response, child abuse investigation, MASH, offender management...).</summary>
public sealed class Team
{
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public string BcuCode { get; set; } = "";
    /// <summary>response, control-room, investigation, specialist-child-abuse, mash, offender-management, custody, missing, partner.</summary>
    public string Kind { get; set; } = "";
    /// <summary>How many open investigations the team can carry (I1: allocation shows caseload against it).</summary>
    public int Capacity { get; set; }
    /// <summary>What the team is trained and equipped to investigate (<see cref="Rules.Investigations.TeamSkills"/>):
    /// allocation recommends the team whose skills match, and needs a reason when a required skill is missing (I1).</summary>
    public List<string> Skills { get; set; } = [];
    /// <summary>The local authority whose area the team serves: measures are given per local authority from it (M1).</summary>
    public string? LocalAuthority { get; set; }
}

/// <summary>A partner organisation: children's social care of a local authority, health, education.</summary>
public sealed class PartnerOrganisation
{
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    /// <summary>social-care, health, education, police.</summary>
    public string Kind { get; set; } = "";
    public string? LocalAuthority { get; set; }
}
