namespace Safeguard.Core.Rules;

/// <summary>The teams and roles tasks are assigned to. Forces map them to their own team codes.</summary>
public static class Teams
{
    /// <summary>Multi-agency safeguarding hub: strategy discussions, referrals.</summary>
    public const string Mash = "mash";
    /// <summary>Missing persons coordinator / unit: return interviews, trigger plans.</summary>
    public const string MissingPersons = "missing-persons";
    /// <summary>Response officers: safe-and-well checks.</summary>
    public const string Response = "response";
    /// <summary>Child exploitation team: CSE screenings.</summary>
    public const string ChildExploitation = "child-exploitation";
    /// <summary>The officer or team investigating: outcomes for the child.</summary>
    public const string Investigation = "investigation";
    /// <summary>Children's social care: conferences.</summary>
    public const string SocialCare = "social-care";
    /// <summary>The designated officer for police protection.</summary>
    public const string DesignatedOfficer = "designated-officer";
    /// <summary>The custody officer (custody sergeant) holding a detained child: reviews, transfers, appropriate adults.</summary>
    public const string Custody = "custody";

    /// <summary>The domestic abuse (public protection) unit: DASH follow-up and MARAC referrals.</summary>
    public const string DomesticAbuse = "domestic-abuse";
    /// <summary>The digital forensic unit (high-tech crime unit): examinations of phones, computers and other devices.</summary>
    public const string DigitalForensics = "digital-forensics";

    /// <summary>The offender management (dangerous offender) unit: visits and notifications of registered sex offenders.</summary>
    public const string OffenderManagement = "offender-management";

    /// <summary>A team's name for people to read ("Missing persons unit"); an unknown code in words.</summary>
    public static string Describe(string team) => team switch
    {
        Mash => "MASH (multi-agency safeguarding hub)",
        MissingPersons => "Missing persons unit",
        Response => "Response officers",
        ChildExploitation => "Child exploitation team",
        Investigation => "Investigating officer",
        SocialCare => "Children's social care",
        DesignatedOfficer => "Designated officer",
        Custody => "Custody officer",
        OffenderManagement => "Offender management unit",
        DomesticAbuse => "Domestic abuse unit",
        DigitalForensics => "Digital forensic unit",
        _ => Words(team),
    };

    internal static string Words(string slug) =>
        slug.Length == 0 ? slug : char.ToUpperInvariant(slug[0]) + slug[1..].Replace('-', ' ');
}
