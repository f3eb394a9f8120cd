using Safeguard.Core.Organisation;
using Safeguard.Core.Rules.Investigations;

namespace Safeguard.Core.Demo;

/// <summary>A fictional BCU of the demo force, with its towns and its local authority.</summary>
internal sealed record DemoBcu(string Code, string Name, string Prefix, string LocalAuthority, string[] Towns);

/// <summary>The demo force's structure: three BCUs, their teams, partner organisations and one user
/// per role. Every name is invented.</summary>
internal static class DemoOrganisation
{
    public static readonly DemoBcu[] Bcus =
    [
        new("BCU-N", "Northmoor BCU", "N", "LA-NMR", ["Northmoor", "Kelbeck", "Harrowfell"]),
        new("BCU-S", "Southvale BCU", "S", "LA-SVL", ["Southvale", "Ambridge Cross", "Wenlow"]),
        new("BCU-E", "Eastcombe BCU", "E", "LA-ECB", ["Eastcombe", "Saltmere", "Brackenstaithe"]),
    ];

    /// <summary>Team kinds per BCU with the capacity (open cases) each can carry.</summary>
    private static readonly (string Suffix, string Name, string Kind, int Capacity)[] TeamKinds =
    [
        ("CID", "Criminal investigation department", "investigation", 40),
        ("RESP", "Response", "response", 60),
        ("CTRL", "Control room", "control-room", 40),
        ("CAIT", "Child abuse investigation team", "specialist-child-abuse", 25),
        ("MASH", "Multi-agency safeguarding hub", "mash", 45),
        ("OM", "Offender management", "offender-management", 50),
        ("CUST", "Custody", "custody", 20),
        ("MISS", "Missing person coordinator", "missing", 30),
    ];

    public static readonly PartnerOrganisation[] Organisations =
    [
        new() { Code = "LA-NMR", Name = "Northmoor Borough Council children's social care", Kind = "social-care", LocalAuthority = "Northmoor Borough Council" },
        new() { Code = "LA-SVL", Name = "Southvale District Council children's social care", Kind = "social-care", LocalAuthority = "Southvale District Council" },
        new() { Code = "LA-ECB", Name = "Eastcombe City Council children's social care", Kind = "social-care", LocalAuthority = "Eastcombe City Council" },
        new() { Code = "LA-FWD", Name = "Fenwold County Council children's social care", Kind = "social-care", LocalAuthority = "Fenwold County Council" },
        new() { Code = "NHS-MVH", Name = "Moor and Vale Health NHS Trust", Kind = "health" },
        new() { Code = "EDU-TVP", Name = "Three Vales Education Partnership", Kind = "education" },
    ];

    public static string Team(DemoBcu bcu, string suffix) => $"{bcu.Prefix}-{suffix}";

    public static IEnumerable<Team> Teams() =>
        Bcus.SelectMany(b => TeamKinds.Select(k => new Team
        {
            Code = Team(b, k.Suffix), Name = $"{b.Name.Replace(" BCU", "")} {k.Name.ToLowerInvariant()}", BcuCode = b.Code, Kind = k.Kind, Capacity = k.Capacity,
            Skills = k.Suffix == "CAIT" ? [.. CaitSkills[b.Prefix]] : [],
            LocalAuthority = Organisations.First(o => o.Code == b.LocalAuthority).LocalAuthority,
        }));

    /// <summary>I1: every child abuse investigation team investigates child abuse; Northmoor's also takes CSE and online abuse,
    /// Southvale's CSE, and Eastcombe's CSE, online abuse and high-tech crime. CID has none.</summary>
    private static readonly Dictionary<string, string[]> CaitSkills = new()
    {
        ["N"] = [TeamSkills.ChildAbuse, TeamSkills.Cse, TeamSkills.OnlineAbuse],
        ["S"] = [TeamSkills.ChildAbuse, TeamSkills.Cse],
        ["E"] = [TeamSkills.ChildAbuse, TeamSkills.Cse, TeamSkills.OnlineAbuse, TeamSkills.HighTechCrime],
    };

    /// <summary>One sign-in per role; the username is the role, so a demo audience can guess it.</summary>
    public static readonly (string Role, string DisplayName, string? Team, string? Organisation)[] Users =
    [
        (Roles.Officer, "PC Demo Ashworth", "N-RESP", null),
        (Roles.ControlRoom, "Demo Pennington (control room)", "N-CTRL", null),
        (Roles.Investigator, "DC Demo Oakridge", "N-CAIT", null),
        (Roles.Supervisor, "DS Demo Whitlow", "N-CAIT", null),
        (Roles.PartnerPractitioner, "Demo Fairbairn (social worker)", null, "LA-NMR"),
        (Roles.OffenderManager, "DC Demo Kestleton (offender manager)", "N-OM", null),
        (Roles.CustodyOfficer, "PS Demo Brightwater (custody)", "N-CUST", null),
        (Roles.Leader, "Ch Supt Demo Harrowgate", "BCU-N", null),
        (Roles.Auditor, "Demo Lindqvist (audit)", null, null),
        (Roles.Administrator, "Demo Mercer (administrator)", null, null),
    ];

    public static IReadOnlyList<DemoSignIn> SignIns { get; } =
        Users.Select(u => new DemoSignIn(u.Role, u.Role, u.Team ?? u.Organisation)).ToList();

    /// <summary>Deterministic user ids, so two seedings of the same force agree.</summary>
    public static IEnumerable<User> BuildUsers(string passwordHash) =>
        Users.Select((u, i) => new User
        {
            Id = new Guid(0x5afe_0000 + i, 0, 0, [0, 0, 0, 0, 0, 0, 0, (byte)i]),
            Username = u.Role, DisplayName = u.DisplayName, PasswordHash = passwordHash, Role = u.Role, TeamCode = u.Team, OrganisationCode = u.Organisation,
        });
}
