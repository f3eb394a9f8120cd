using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.AccessLog;
using Safeguard.Core.Data;
using Safeguard.Core.Organisation;
using Safeguard.Core.Problems;

namespace Safeguard.Core.Settings;

/// <summary>A setting as an administrator sees it: its definition, the value in force and where that value comes from.</summary>
public sealed record SettingView(string Key, string Area, string Description, string Unit, int Default, int Min, int Max, int Value,
    bool IsDefault, string Source, bool Local, DateTimeOffset? UpdatedAt, string? UpdatedBy);

/// <summary>Reads and changes a force's settings (E3). A change is validated against the catalogue's range,
/// stored as a <see cref="SettingValue"/> and logged with the old and new value; the rules read settings
/// afresh for every event, so it takes effect at once, without a restart or deployment.</summary>
public sealed class SettingsService(SafeguardDb db, AuditLog audit, TimeProvider clock)
{
    public async Task<IReadOnlyList<SettingView>> ListAsync(CancellationToken ct = default)
    {
        var stored = await db.Settings.AsNoTracking().ToDictionaryAsync(s => s.Key, ct);
        return SettingsCatalogue.All.Select(d => View(d, stored.GetValueOrDefault(d.Key))).ToList();
    }

    public async Task<SettingView> GetAsync(string key, CancellationToken ct = default)
    {
        var definition = SettingsCatalogue.Find(key) ?? throw new ProblemException(Problems.Problems.NotFound("setting"));
        return View(definition, await db.Settings.AsNoTracking().FirstOrDefaultAsync(s => s.Key == key, ct));
    }

    public async Task<SettingView> ChangeAsync(Actor actor, string key, string? value, CancellationToken ct = default)
    {
        if (!actor.IsAdministrator) throw new ProblemException(Problems.Problems.Forbidden("Only administrators may change settings."));
        var definition = SettingsCatalogue.Find(key) ?? throw new ProblemException(Problems.Problems.NotFound("setting"));
        value = value?.Trim();
        if (string.IsNullOrEmpty(value) || definition.Validate(value) is not null)
            throw new ProblemException(Problems.Problems.Invalid("value", $"Enter a whole number from {definition.Min} to {definition.Max}.", ProblemCodes.SettingOutOfRange));

        var row = await db.Settings.FirstOrDefaultAsync(s => s.Key == key, ct);
        var old = row?.Value ?? definition.Default.ToString(CultureInfo.InvariantCulture);
        if (row is null) db.Settings.Add(row = new SettingValue { Key = key });
        row.Value = int.Parse(value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture);
        row.UpdatedAt = clock.GetUtcNow();
        row.UpdatedBy = actor.Id;
        audit.Record(actor, AuditActions.Change, "setting", key, detail: $"{old} -> {row.Value}");
        QueueRederivation(actor, key, old, row.Value);
        await db.SaveChangesAsync(ct);
        return View(definition, row);
    }

    /// <summary>Outputs already stored follow the new value too (E6): the people it can affect are derived again by
    /// the background worker, so the administrator's request answers at once.</summary>
    private void QueueRederivation(Actor actor, string key, string old, string value)
    {
        var types = Derivation.SettingReaders.EventTypesFor(key);
        if (old == value || types.Count == 0) return;
        db.DerivationJobs.Add(new Derivation.DerivationJob
        {
            Id = Guid.NewGuid(), Cause = $"the setting {key} changed from {old} to {value}", EventTypes = string.Join(',', types),
            CreatedAt = clock.GetUtcNow(), CreatedBy = actor.Id,
        });
    }

    private static SettingView View(SettingDefinition d, SettingValue? stored)
    {
        // A stored value that no longer fits the catalogue is ignored by the rules; show what they use.
        var usable = stored is not null && d.Validate(stored.Value) is null;
        return new SettingView(d.Key, AreaOf(d.Key), d.Description, UnitName(d.Unit), d.Default, d.Min, d.Max,
            usable ? int.Parse(stored!.Value, CultureInfo.InvariantCulture) : d.Default, !usable, d.Source, d.Local,
            stored?.UpdatedAt, stored?.UpdatedBy);
    }

    /// <summary>The DOMAIN-RULES area a key belongs to, from its id prefix.</summary>
    public static string AreaOf(string key) => key[..key.IndexOf('.')].TrimEnd('0', '1', '2', '3', '4', '5', '6', '7', '8', '9') switch
    {
        "WT" => "Working Together (referrals, conferences)",
        "PP" => "Police protection",
        "MI" or "F" => "Missing children",
        "CS" => "Child sexual exploitation",
        "DA" => "Domestic abuse",
        "B" => "Recording standards",
        "CU" => "Children in custody",
        "SO" or "K" => "Sex offenders",
        "IN" => "Investigations",
        "RT" => "Retention",
        "M" => "Performance targets",
        var other => other,
    };

    public static string UnitName(SettingUnit unit) => unit switch
    {
        SettingUnit.Count => "count",
        SettingUnit.Hours => "hours",
        SettingUnit.CalendarDays => "calendar-days",
        SettingUnit.WorkingDays => "working-days",
        SettingUnit.Months => "months",
        SettingUnit.Years => "years",
        SettingUnit.MinutesAfterMidnight => "minutes-after-midnight",
        SettingUnit.Percent => "percent",
        _ => unit.ToString(),
    };
}
