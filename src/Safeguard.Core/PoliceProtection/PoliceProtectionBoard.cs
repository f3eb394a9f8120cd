using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.AccessLog;
using Safeguard.Core.Cases;
using Safeguard.Core.Data;
using Safeguard.Core.Organisation;
using Safeguard.Core.Derivation;
using Safeguard.Core.Problems;
using Safeguard.Core.Records;

namespace Safeguard.Core.PoliceProtection;

/// <summary>One spell of police protection (s46, I7, PP1) as the pages read it: the child, the start, the officers,
/// when the local authority was told, the limit (<c>PP1.policeProtectionHours</c> after the start) and the end.</summary>
public sealed record PoliceProtectionSpell(string CaseId, Guid ChildId, string ChildName, DateTimeOffset StartedAt, DateTimeOffset LimitAt,
    DateTimeOffset InformBy, string? InitiatingOfficer, string? DesignatedOfficer, DateTimeOffset? LocalAuthorityInformedAt, string? LocalAuthority,
    string? InformedPerson, string? Unit, DateTimeOffset? EndedAt, string? EndOutcome, IReadOnlyList<string> EventIds)
{
    public bool InForce => EndedAt is null;

    /// <summary>True when still in force at or past the limit.</summary>
    public bool PastLimit(DateTimeOffset now) => InForce && now >= LimitAt;

    /// <summary>True when the local authority has not been told and the time to tell it has passed.</summary>
    public bool InformOverdue(DateTimeOffset now) => LocalAuthorityInformedAt is null && now >= InformBy;
}

/// <summary>Children in police protection now, and one spell, from the <see cref="CaseTypes.PoliceProtection"/> cases.
/// Only spells whose people the actor may all see; reading is logged (P2).</summary>
public sealed class PoliceProtectionBoard(SafeguardDb db, PersonAccess access, AuditLog audit)
{
    /// <summary>Every child in police protection now, the soonest limit first.</summary>
    public async Task<IReadOnlyList<PoliceProtectionSpell>> NowAsync(Actor actor, CancellationToken ct = default)
    {
        if (!actor.CanReadPeople) throw new ProblemException(Problems.Problems.Forbidden("Your role may not see who is in police protection."));
        var cases = await Visible(actor).Where(c => c.Status == "in-force").Include(c => c.People).AsSplitQuery().ToListAsync(ct);
        var spells = (await SpellsAsync(cases, ct)).OrderBy(s => s.LimitAt).ThenBy(s => s.CaseId, StringComparer.Ordinal).ToList();
        foreach (var s in spells) audit.Record(actor, AuditActions.List, "police-protection-now", s.CaseId, s.ChildId);
        audit.Record(actor, AuditActions.List, "police-protection-now", detail: $"{spells.Count} children in police protection now");
        await db.SaveChangesAsync(ct);
        return spells;
    }

    /// <summary>One spell by its case id; 404 when there is none the actor may see.</summary>
    public async Task<PoliceProtectionSpell> SpellAsync(Actor actor, string caseId, CancellationToken ct = default)
    {
        var c = await Visible(actor).Include(x => x.People).AsSplitQuery().FirstOrDefaultAsync(x => x.Id == caseId, ct)
            ?? throw new ProblemException(Problems.Problems.NotFound("police protection"));
        var spell = (await SpellsAsync([c], ct))[0];
        audit.Record(actor, AuditActions.View, "police-protection", c.Id, spell.ChildId);
        await db.SaveChangesAsync(ct);
        return spell;
    }

    private IQueryable<Case> Visible(Actor actor)
    {
        var visible = access.Visible(actor);
        return db.Cases.AsNoTracking().Where(c => c.Type == CaseTypes.PoliceProtection && c.People.All(p => visible.Any(v => v.Id == p.PersonId)));
    }

    private async Task<List<PoliceProtectionSpell>> SpellsAsync(IReadOnlyList<Case> cases, CancellationToken ct)
    {
        var loader = new HistoryLoader(db);
        var settings = await loader.SettingsAsync(ct);
        var calendar = await loader.CalendarAsync(ct);
        var fields = cases.Select(c => (Case: c, Fields: JsonDocument.Parse(c.Fields).RootElement.Clone())).ToList();
        var children = fields.Select(x => ChildOf(x.Case, x.Fields)).Distinct().ToList();
        var names = await db.People.AsNoTracking().Where(p => children.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, p => (p.Forename + " " + p.Surname).Trim(), ct);
        return fields.Select(x =>
        {
            var child = ChildOf(x.Case, x.Fields);
            return new PoliceProtectionSpell(x.Case.Id, child, names.GetValueOrDefault(child, ""), x.Case.OpenedAt,
                calendar.AddHours(x.Case.OpenedAt, settings.PoliceProtectionHours), calendar.AddHours(x.Case.OpenedAt, settings.PoliceProtectionInformHours),
                Str(x.Fields, "initiatingOfficer"), Str(x.Fields, "designatedOfficer"), Instant(x.Fields, "localAuthorityInformedAt"),
                Str(x.Fields, "localAuthority"), Str(x.Fields, "informedPerson"), x.Case.Team, x.Case.ClosedAt, Str(x.Fields, "endOutcome"),
                JsonSerializer.Deserialize<List<string>>(x.Case.EventIds) ?? []);
        }).ToList();
    }

    private static Guid ChildOf(Case c, JsonElement fields) =>
        Str(fields, "childId") is { } id && Guid.TryParse(id, out var child) ? child : c.People.Select(p => p.PersonId).FirstOrDefault();

    private static string? Str(JsonElement e, string field) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(field, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static DateTimeOffset? Instant(JsonElement e, string field) =>
        Str(e, field) is { } s && DateTimeOffset.TryParse(s, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var t)
            ? t : null;
}
