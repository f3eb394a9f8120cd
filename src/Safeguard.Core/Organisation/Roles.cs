namespace Safeguard.Core.Organisation;

/// <summary>The roles a user or API client can hold. Roles and teams decide what each may see and do (P1).</summary>
public static class Roles
{
    public const string Officer = "officer";
    public const string ControlRoom = "control-room";
    public const string Investigator = "investigator";
    public const string Supervisor = "supervisor";
    public const string PartnerPractitioner = "partner-practitioner";
    public const string OffenderManager = "offender-manager";
    public const string CustodyOfficer = "custody-officer";
    public const string Leader = "leader";
    public const string Auditor = "auditor";
    public const string Administrator = "administrator";

    public static readonly IReadOnlyList<string> All =
    [
        Officer, ControlRoom, Investigator, Supervisor, PartnerPractitioner, OffenderManager, CustodyOfficer, Leader, Auditor, Administrator,
    ];

    /// <summary>Roles that may read police records of people (all except partners, who see only what is shared).</summary>
    public static readonly IReadOnlySet<string> ReadPeople = new HashSet<string>
    {
        Officer, ControlRoom, Investigator, Supervisor, OffenderManager, CustodyOfficer, Leader, Auditor, Administrator,
    };

    /// <summary>Roles that may record events and create people.</summary>
    public static readonly IReadOnlySet<string> Record = new HashSet<string>
    {
        Officer, ControlRoom, Investigator, Supervisor, OffenderManager, CustodyOfficer, Administrator,
    };

    /// <summary>Roles that may see which registered sex offenders are linked to a child (D3, K4): police roles, not partners
    /// (who are told through the offender manager and MAPPA, not by reading the register).</summary>
    public static readonly IReadOnlySet<string> SeeOffenders = new HashSet<string>
    {
        Officer, ControlRoom, Investigator, Supervisor, OffenderManager, CustodyOfficer, Leader, Auditor, Administrator,
    };

    /// <summary>Roles that may confirm, reject or end flags (C4).</summary>
    public static readonly IReadOnlySet<string> DecideFlags = new HashSet<string> { Supervisor, Investigator, Administrator };

    public static string Describe(string role) => role switch
    {
        ControlRoom => "Control room",
        PartnerPractitioner => "Partner practitioner",
        OffenderManager => "Offender manager",
        CustodyOfficer => "Custody officer",
        _ => char.ToUpperInvariant(role[0]) + role[1..],
    };
}
