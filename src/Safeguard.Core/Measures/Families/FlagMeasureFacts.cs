using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Data;
using Safeguard.Core.Flags;
using Safeguard.Core.Measures.Framework;

namespace Safeguard.Core.Measures.Families;

/// <summary>CSE flags raised and confirmed (M1). Flags are rows of the <c>flags</c> table, changed by the flag service, the
/// rules' reconciler and merges, not events, so their facts are not drawn from a stream: they are written in the same save
/// that adds or changes a <c>cse-risk</c> flag (<see cref="SafeguardDb"/> calls <see cref="BeforeSave"/>), one fact per flag
/// in its own stream <c>measure-flag:{id}</c>, and rebuilt with the cases (<see cref="RebuildAsync"/>).</summary>
/// <remarks>A flag counts in the month it stands from (<see cref="Flag.Since"/>), placed by the unit of the first event
/// its first reason cites (no place when it cites none). It is in the numerator once confirmed, and stays there when it is
/// later ended. A suggestion withdrawn because its basis went away, and a flag joined into another by a merge, are not
/// counted. A merge moves flags with a bulk update that passes no save: their facts keep the earlier person until the
/// next change to the flag or <c>safeguard rebuild-cases</c>.</remarks>
public static class FlagMeasureFacts
{
    public const string Measure = "cse-flags-raised";
    public const string Code = "cse-risk";

    public static string StreamOf(Guid flagId) => "measure-flag:" + flagId;

    public static readonly MeasureDefinition Definition = new(Measure, "CSE flags raised and confirmed", "M1", MeasureKind.Count,
        "CSE risk flags confirmed by a supervisor (including those confirmed and later ended)",
        "CSE risk flags raised: suggested by the rules or raised by hand",
        "A flag falls in the month it stands from. Suggestions withdrawn because the records no longer support them, and flags joined "
        + "into another when two records of one child were merged, are not counted. The figure is a number, not a rate: both the flags "
        + "raised and how many of them were confirmed are shown.");

    /// <summary>Replaces the facts of the <c>cse-risk</c> flags added or changed in this unit of work (synchronous save).</summary>
    public static void BeforeSave(SafeguardDb db)
    {
        var entries = Changed(db);
        foreach (var e in entries.Where(e => !e.Collection(f => f.Reasons).IsLoaded)) e.Collection(f => f.Reasons).Load();
        var flags = entries.Select(e => e.Entity).ToList();
        if (flags.Count == 0) return;
        var streams = flags.Select(f => StreamOf(f.Id)).ToList();
        db.MeasureFacts.RemoveRange(db.MeasureFacts.Where(f => streams.Contains(f.Stream)).ToList());
        var events = FirstEvents(flags);
        var units = db.Events.AsNoTracking().Where(e => events.Contains(e.Id)).Select(e => new { e.Id, e.Unit }).ToDictionary(e => e.Id, e => e.Unit);
        var places = db.Teams.AsNoTracking().ToDictionary(t => t.Code, t => (t.BcuCode, t.LocalAuthority), StringComparer.Ordinal);
        db.MeasureFacts.AddRange(Facts(flags, units, places));
    }

    /// <summary>Replaces the facts of the <c>cse-risk</c> flags added or changed in this unit of work.</summary>
    public static async Task BeforeSaveAsync(SafeguardDb db, CancellationToken ct)
    {
        var entries = Changed(db);
        foreach (var e in entries.Where(e => !e.Collection(f => f.Reasons).IsLoaded)) await e.Collection(f => f.Reasons).LoadAsync(ct);
        var flags = entries.Select(e => e.Entity).ToList();
        if (flags.Count == 0) return;
        var streams = flags.Select(f => StreamOf(f.Id)).ToList();
        db.MeasureFacts.RemoveRange(await db.MeasureFacts.Where(f => streams.Contains(f.Stream)).ToListAsync(ct));
        db.MeasureFacts.AddRange(await FactsAsync(db, flags, ct));
    }

    /// <summary>Every <c>cse-risk</c> flag's fact again, after the cases and facts are rebuilt.</summary>
    public static async Task RebuildAsync(SafeguardDb db, CancellationToken ct)
    {
        await db.MeasureFacts.Where(f => f.Measure == Measure).ExecuteDeleteAsync(ct);
        var flags = await db.Flags.AsNoTracking().Include(f => f.Reasons).Where(f => f.Code == Code).ToListAsync(ct);
        db.MeasureFacts.AddRange(await FactsAsync(db, flags, ct));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The flags' facts, placed by the units of the events their first reasons cite and those teams' BCUs.</summary>
    private static async Task<List<MeasureFact>> FactsAsync(SafeguardDb db, List<Flag> flags, CancellationToken ct)
    {
        var events = FirstEvents(flags);
        var units = await db.Events.AsNoTracking().Where(e => events.Contains(e.Id)).Select(e => new { e.Id, e.Unit }).ToDictionaryAsync(e => e.Id, e => e.Unit, ct);
        var places = await db.Teams.AsNoTracking().ToDictionaryAsync(t => t.Code, t => (t.BcuCode, t.LocalAuthority), StringComparer.Ordinal, ct);
        return Facts(flags, units, places).ToList();
    }

    private static List<Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry<Flag>> Changed(SafeguardDb db) => db.ChangeTracker.Entries<Flag>()
        .Where(e => e.Entity.Code == Code && e.State is EntityState.Added or EntityState.Modified).ToList();

    private static string? FirstEvent(Flag f) => f.Reasons.OrderBy(r => r.At).SelectMany(r => r.EventIds).FirstOrDefault();

    private static List<string> FirstEvents(IEnumerable<Flag> flags) => flags.Select(FirstEvent).OfType<string>().Distinct().ToList();

    private static IEnumerable<MeasureFact> Facts(IEnumerable<Flag> flags, IReadOnlyDictionary<string, string> units,
        IReadOnlyDictionary<string, (string Bcu, string? LocalAuthority)> places)
    {
        foreach (var f in flags.Where(f => f.Status is not (FlagStatus.Withdrawn or FlagStatus.Merged)))
        {
            var team = FirstEvent(f) is { } e ? units.GetValueOrDefault(e) : null;
            var place = team is null ? default : places.GetValueOrDefault(team);
            yield return new MeasureFact
            {
                Measure = Measure, Stream = StreamOf(f.Id), CaseType = "flag", CaseId = f.Id.ToString(), PersonId = f.PersonId,
                Team = string.IsNullOrEmpty(team) ? null : team, Bcu = place.Bcu, LocalAuthority = place.LocalAuthority,
                At = f.Since, Month = MonthKey.Of(f.Since).Value, Met = f.Status is FlagStatus.Confirmed or FlagStatus.Ended,
            };
        }
    }
}
