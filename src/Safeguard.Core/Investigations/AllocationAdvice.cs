using Safeguard.Core.Rules.Investigations;

namespace Safeguard.Core.Investigations;

/// <summary>One team as a place to allocate an investigation: its standing, the required skills it lacks, and why it is
/// ranked where it is, in plain words.</summary>
public sealed record TeamOption(TeamView Team, IReadOnlyList<SkillNeed> MissingRequired, IReadOnlyList<SkillNeed> HelpfulHeld, bool SameBcu,
    IReadOnlyList<string> Reasons)
{
    /// <summary>True when allocating here needs a reason and raises <c>non-specialist-allocation</c> (I1).</summary>
    public bool NeedsReason => MissingRequired.Count > 0;
}

/// <summary>I1: the teams an investigation could go to, best first, and the one recommended with why. Pure.</summary>
public sealed record AllocationAdvice(IReadOnlyList<SkillNeed> Needs, IReadOnlyList<TeamOption> Options, string? Recommended, string Why)
{
    /// <summary>Team kinds that investigate; any team holding an investigation skill is offered too.</summary>
    public static readonly IReadOnlySet<string> InvestigatingKinds = new HashSet<string> { "investigation", "specialist-child-abuse", "child-exploitation" };

    /// <summary>Ranks the teams: every required skill held first, then room under capacity, then helpful skills held,
    /// then the investigation's own BCU, then the most room, then name.</summary>
    public static AllocationAdvice For(IReadOnlyList<SkillNeed> needs, IEnumerable<TeamView> teams, string? bcu)
    {
        var options = teams.Where(t => InvestigatingKinds.Contains(t.Kind) || t.Skills.Count > 0).Select(t =>
        {
            var missing = SpecialistNeed.Missing(needs, t.Skills);
            var helpful = needs.Where(n => !n.Required && t.Skills.Contains(n.Skill)).ToList();
            bool sameBcu = bcu is not null && t.BcuCode == bcu;
            var reasons = new List<string>();
            foreach (var n in needs.Where(n => n.Required))
                reasons.Add(t.Skills.Contains(n.Skill)
                    ? $"Has {TeamSkills.Describe(n.Skill)}, which this investigation needs because it is {n.Why}."
                    : $"Does not have {TeamSkills.Describe(n.Skill)}, which this investigation needs because it is {n.Why}: allocating here needs a reason and supervisors are alerted.");
            foreach (var n in helpful) reasons.Add($"Also has {TeamSkills.Describe(n.Skill)}, which helps: {n.Why}.");
            reasons.Add(t.AtCapacity
                ? $"At capacity: {t.Caseload} open investigations against a capacity of {t.Capacity}."
                : $"{t.Caseload} open investigations against a capacity of {t.Capacity} (room for {t.Room}).");
            if (sameBcu) reasons.Add("In the same BCU as the investigation.");
            return new TeamOption(t, missing, helpful, sameBcu, reasons);
        })
        .OrderBy(o => o.MissingRequired.Count).ThenBy(o => o.Team.AtCapacity ? 1 : 0).ThenByDescending(o => o.HelpfulHeld.Count)
        .ThenBy(o => o.SameBcu ? 0 : 1).ThenByDescending(o => o.Team.Room).ThenBy(o => o.Team.Name, StringComparer.Ordinal)
        .ToList();

        var best = options.FirstOrDefault();
        string why = best is null ? "No team in the force investigates: set teams' skills and capacity on the teams page."
            : $"{best.Team.Name} is recommended: {string.Join(" ", best.Reasons.Select(r => char.ToLowerInvariant(r[0]) + r[1..]))}";
        if (best is not null && needs.Count == 0) why = $"{best.Team.Name} is recommended: no specialist skill is needed. " +
            string.Join(" ", best.Reasons);
        if (best is { NeedsReason: true }) why = $"No team has every skill this investigation needs. {why}";
        return new AllocationAdvice(needs, options, best?.Team.Code, why);
    }
}
