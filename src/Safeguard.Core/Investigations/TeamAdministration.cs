using Microsoft.EntityFrameworkCore;
using Safeguard.Core.AccessLog;
using Safeguard.Core.Cases;
using Safeguard.Core.Data;
using Safeguard.Core.Organisation;
using Safeguard.Core.Problems;
using Safeguard.Core.Rules.Investigations;

namespace Safeguard.Core.Investigations;

/// <summary>A team with its skills, capacity and caseload: the open investigations allocated to it (I1). A number, not
/// people, so every team's caseload is counted whoever reads it.</summary>
public sealed record TeamView(string Code, string Name, string BcuCode, string Kind, int Capacity, IReadOnlyList<string> Skills, int Caseload)
{
    /// <summary>Open investigations the team can still take before reaching its capacity (never below 0).</summary>
    public int Room => Math.Max(0, Capacity - Caseload);
    public bool AtCapacity => Caseload >= Capacity;
    /// <summary>The skills in words: "specialist child abuse investigation, child sexual exploitation".</summary>
    public string SkillWords => Skills.Count == 0 ? "none recorded" : string.Join(", ", Skills.Select(TeamSkills.Describe));
}

/// <summary>What an administrator changes about a team: its capacity and skills (both required, the whole list of skills).</summary>
public sealed record TeamChange(int? Capacity, IReadOnlyList<string>? Skills);

/// <summary>The force's teams with their skills, capacity and caseload (I1), and the administration of skills and capacity.
/// Every change is audited.</summary>
public sealed class TeamAdministration(SafeguardDb db, AuditLog audit)
{
    public const int MaxCapacity = 1000;

    /// <summary>Every team, by BCU then name, with its caseload of open investigations.</summary>
    public async Task<IReadOnlyList<TeamView>> ListAsync(CancellationToken ct = default)
    {
        var teams = await db.Teams.AsNoTracking().ToListAsync(ct);
        var caseloads = await CaseloadsAsync(ct);
        return teams.OrderBy(t => t.BcuCode, StringComparer.Ordinal).ThenBy(t => t.Name, StringComparer.Ordinal)
            .Select(t => View(t, caseloads)).ToList();
    }

    /// <summary>One team; 404 when there is no such team.</summary>
    public async Task<TeamView> GetAsync(string code, CancellationToken ct = default)
    {
        var team = await db.Teams.AsNoTracking().FirstOrDefaultAsync(t => t.Code == code, ct) ?? throw new ProblemException(Problems.Problems.NotFound("team"));
        return View(team, await CaseloadsAsync(ct));
    }

    /// <summary>Sets a team's capacity and skills (administrators only). Bad input is a 400 naming each field; nothing changes.</summary>
    public async Task<TeamView> ChangeAsync(Actor actor, string code, TeamChange change, CancellationToken ct = default)
    {
        if (!actor.IsAdministrator) throw new ProblemException(Problems.Problems.Forbidden("Only administrators change teams' skills and capacity."));
        var team = await db.Teams.FirstOrDefaultAsync(t => t.Code == code, ct) ?? throw new ProblemException(Problems.Problems.NotFound("team"));
        var errors = new Dictionary<string, string[]>();
        if (change.Capacity is not { } capacity || capacity < 0 || capacity > MaxCapacity)
            errors["capacity"] = [$"Enter the number of open investigations the team can carry, from 0 to {MaxCapacity}"];
        var skills = (change.Skills ?? []).Select(s => s?.Trim() ?? "").ToList();
        if (change.Skills is null) errors["skills"] = ["Give the team's skills as a list (empty for none)"];
        else if (skills.FirstOrDefault(s => !TeamSkills.All.Contains(s)) is { } unknown)
            errors["skills"] = [$"'{unknown}' is not a skill; skills are: {string.Join(", ", TeamSkills.All)}"];
        if (errors.Count > 0) throw new ProblemException(Problems.Problems.Invalid(errors));

        var before = $"capacity {team.Capacity}, skills [{string.Join(", ", team.Skills)}]";
        team.Capacity = change.Capacity!.Value;
        team.Skills = TeamSkills.All.Where(skills.Contains).ToList();
        audit.Record(actor, AuditActions.Change, "team", team.Code, detail: $"{before} → capacity {team.Capacity}, skills [{string.Join(", ", team.Skills)}]");
        await db.SaveChangesAsync(ct);
        return View(team, await CaseloadsAsync(ct));
    }

    /// <summary>Open investigations per team code.</summary>
    public async Task<Dictionary<string, int>> CaseloadsAsync(CancellationToken ct = default) =>
        (await db.Cases.AsNoTracking().Where(c => c.Type == CaseTypes.Investigation && c.Status != "closed" && c.Team != null)
            .GroupBy(c => c.Team!).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
        .ToDictionary(x => x.Key, x => x.Count, StringComparer.Ordinal);

    private static TeamView View(Team t, IReadOnlyDictionary<string, int> caseloads) =>
        new(t.Code, t.Name, t.BcuCode, t.Kind, t.Capacity, TeamSkills.All.Where(t.Skills.Contains).ToList(), caseloads.GetValueOrDefault(t.Code));
}
