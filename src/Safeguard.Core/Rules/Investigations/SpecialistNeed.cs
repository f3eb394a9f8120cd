
namespace Safeguard.Core.Rules.Investigations;

/// <summary>A skill an investigation calls for: <see cref="Required"/> when I1 says the team must hold it (a sexual offence
/// against a child, child sexual exploitation), otherwise only helpful; <see cref="Why"/> in plain words.</summary>
public sealed record SkillNeed(string Skill, bool Required, string Why);

/// <summary>I1: which team skills an investigation calls for, from its offence types, whether the victim is a child and the
/// child's live flags. Pure: the allocation check, the recommendation and <see cref="NonSpecialistAllocationRule"/> all read it.</summary>
public static class SpecialistNeed
{
    /// <summary>Offences of a sexual nature.</summary>
    public static readonly IReadOnlySet<string> SexualOffences = new HashSet<string>
    {
        "sexual-assault", "rape", "indecent-images", "grooming", "sexual-activity", "sexual-communication", "indecent-exposure",
        "child-sexual-exploitation", "cse", "sexual-exploitation", "online-grooming", "sextortion",
    };

    /// <summary>Offences that are child sexual exploitation in themselves.</summary>
    public static readonly IReadOnlySet<string> CseOffences = new HashSet<string> { "child-sexual-exploitation", "cse", "sexual-exploitation" };

    /// <summary>Offences committed or arranged online.</summary>
    public static readonly IReadOnlySet<string> OnlineOffences = new HashSet<string>
        { "indecent-images", "grooming", "online-grooming", "sexual-communication", "sextortion", "online-abuse" };

    /// <summary>Offences whose evidence is mostly on devices.</summary>
    public static readonly IReadOnlySet<string> DeviceOffences = new HashSet<string> { "indecent-images", "sextortion" };

    /// <summary>Other abuse of a child that a specialist team investigates best.</summary>
    public static readonly IReadOnlySet<string> OtherChildAbuse = new HashSet<string>
        { "neglect", "assault", "physical-abuse", "cruelty", "emotional-abuse", "female-genital-mutilation" };

    /// <summary>The offence types a page offers, in words; the API accepts any lower-case code.</summary>
    public static readonly IReadOnlyList<(string Code, string Text)> OffenceChoices =
    [
        ("sexual-assault", "Sexual assault"), ("rape", "Rape"), ("sexual-activity", "Sexual activity with a child"),
        ("grooming", "Grooming"), ("sexual-communication", "Sexual communication with a child"), ("indecent-images", "Indecent images of children"),
        ("child-sexual-exploitation", "Child sexual exploitation"), ("assault", "Assault"), ("neglect", "Neglect"), ("cruelty", "Cruelty to a child"),
    ];

    /// <summary>An offence type in words ("Indecent images of children"); an unknown code in words.</summary>
    public static string OffenceWords(string code) =>
        OffenceChoices.FirstOrDefault(c => c.Code == code).Text ?? Teams.Words(code);

    /// <summary>The skills called for, required ones first, each skill once.</summary>
    /// <param name="offenceTypes">The investigation's offence types.</param>
    /// <param name="childVictim">True when a victim is a child.</param>
    /// <param name="childFlags">The codes of the child victims' live flags.</param>
    public static IReadOnlyList<SkillNeed> For(IEnumerable<string> offenceTypes, bool childVictim, IEnumerable<string> childFlags)
    {
        var offences = offenceTypes.Select(o => o.Trim().ToLowerInvariant()).ToHashSet();
        var flags = childFlags.ToHashSet();
        var sexual = offences.Where(SexualOffences.Contains).ToList();
        var needs = new List<SkillNeed>();
        if (childVictim && sexual.Count > 0)
            needs.Add(new(TeamSkills.ChildAbuse, true, $"a sexual offence against a child ({Words(sexual)})"));
        var cse = offences.Where(CseOffences.Contains).ToList();
        bool cseFlag = flags.Contains("cse-risk");
        if (cse.Count > 0) needs.Add(new(TeamSkills.Cse, true, $"child sexual exploitation ({Words(cse)})"));
        else if (cseFlag && childVictim && sexual.Count > 0)
            needs.Add(new(TeamSkills.Cse, true, "a sexual offence against a child who is flagged at risk of child sexual exploitation"));
        else if (cseFlag && childVictim) needs.Add(new(TeamSkills.Cse, false, "the child is flagged at risk of child sexual exploitation"));
        var online = offences.Where(OnlineOffences.Contains).ToList();
        if (online.Count > 0) needs.Add(new(TeamSkills.OnlineAbuse, false, $"offences committed online ({Words(online)})"));
        var devices = offences.Where(DeviceOffences.Contains).ToList();
        if (devices.Count > 0) needs.Add(new(TeamSkills.HighTechCrime, false, $"evidence on digital devices ({Words(devices)})"));
        var other = offences.Where(OtherChildAbuse.Contains).ToList();
        if (childVictim && sexual.Count == 0 && other.Count > 0)
            needs.Add(new(TeamSkills.ChildAbuse, false, $"abuse of a child ({Words(other)})"));
        return needs.OrderBy(n => n.Required ? 0 : 1).DistinctBy(n => n.Skill).ToList();
    }

    /// <summary>The required skills a team lacks (empty when it holds every one).</summary>
    public static IReadOnlyList<SkillNeed> Missing(IReadOnlyList<SkillNeed> needs, IEnumerable<string> teamSkills)
    {
        var held = teamSkills.ToHashSet();
        return needs.Where(n => n.Required && !held.Contains(n.Skill)).ToList();
    }

    private static string Words(IEnumerable<string> offences) => string.Join(", ", offences.Order(StringComparer.Ordinal).Select(o => OffenceWords(o).ToLowerInvariant()));
}
