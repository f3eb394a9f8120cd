using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Data;
using Safeguard.Core.Measures.Framework;
using Safeguard.Core.Problems;
using Safeguard.Web.Charts;

namespace Safeguard.Web.Measures;

/// <summary>The measures dashboard's words and numbers, shared by the pages, the chart route, the exports and the API:
/// how a split is named in an address, how a figure is written, and the names of the units.</summary>
public sealed class MeasureBoard(SafeguardDb db, Core.Organisation.ActorNames teams)
{
    private static readonly CultureInfo En = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>The split named in an address: force (the default), bcu, local-authority or team; anything else is a 400.</summary>
    public static MeasureSplit ParseSplit(string? split) => split?.Trim().ToLowerInvariant() switch
    {
        null or "" or "force" => MeasureSplit.Force,
        "bcu" => MeasureSplit.Bcu,
        "local-authority" => MeasureSplit.LocalAuthority,
        "team" => MeasureSplit.Team,
        _ => throw new ProblemException(Core.Problems.Problems.Invalid("split", "must be force, bcu, local-authority or team")),
    };

    public static string SplitName(MeasureSplit split) => split switch
    {
        MeasureSplit.Bcu => "bcu",
        MeasureSplit.LocalAuthority => "local-authority",
        MeasureSplit.Team => "team",
        _ => "force",
    };

    /// <summary>The part of the force a unit of a split names.</summary>
    public static MeasureScope Scope(MeasureSplit split, string? unit) => string.IsNullOrWhiteSpace(unit) ? MeasureScope.Force : split switch
    {
        MeasureSplit.Bcu => new MeasureScope(Bcu: unit),
        MeasureSplit.LocalAuthority => new MeasureScope(LocalAuthority: unit),
        MeasureSplit.Team => new MeasureScope(Team: unit),
        _ => MeasureScope.Force,
    };

    /// <summary>The measure named, or a 404 problem.</summary>
    public static MeasureDefinition Find(string? id) => MeasureCatalogue.Find(id)
        ?? throw new ProblemException(Core.Problems.Problems.NotFound("measure"));

    /// <summary>Whether the figure is a percentage (rates and deadlines).</summary>
    public static bool IsPercent(MeasureDefinition d) => d.Kind is MeasureKind.Rate or MeasureKind.Deadline;

    /// <summary>The number a chart draws for a figure: a percentage, an average time, or a count; null when nothing counted.</summary>
    public static double? Value(MeasureDefinition d, MeasureCell c) => d.Kind switch
    {
        MeasureKind.Rate or MeasureKind.Deadline => c.Rate is { } r ? Math.Round(r * 100, 1) : null,
        MeasureKind.Duration => c.Average,
        _ => c.Counted,
    };

    /// <summary>The target as drawn: a percentage for rates and deadlines, a time for durations, a number for counts.</summary>
    public static double? Target(MeasureFigures f) => f.Target is not { } t ? null
        : f.Definition.Kind is MeasureKind.Duration ? t : Math.Round(t * 100, 1);

    public static string Axis(MeasureDefinition d) => d.Kind switch
    {
        MeasureKind.Rate or MeasureKind.Deadline => "Per cent",
        MeasureKind.Duration => d.ValueUnit == MeasureUnit.Hours ? "Average hours" : "Average days",
        _ => "Number",
    };

    public static string UnitWord(MeasureUnit unit, double value) => unit switch
    {
        MeasureUnit.Hours => value == 1 ? "hour" : "hours",
        MeasureUnit.Days => value == 1 ? "day" : "days",
        _ => "",
    };

    /// <summary>A percentage exact to one decimal place: "92.3%".</summary>
    public static string Percent(double rate) => (rate * 100).ToString("0.0", En) + "%";

    /// <summary>The figure in words, exact: "92.3% (12 of 13)", "4.5 days on average (3 cases)", "13"; "No cases" when
    /// nothing counted (never 0%).</summary>
    public static string Text(MeasureDefinition d, MeasureCell? c)
    {
        if (c is null || c.Counted == 0) return "No cases";
        return d.Kind switch
        {
            MeasureKind.Rate or MeasureKind.Deadline => $"{Percent(c.Rate ?? 0)} ({c.Met} of {c.Counted})",
            MeasureKind.Duration => $"{(c.Average ?? 0).ToString("0.#", En)} {UnitWord(d.ValueUnit, c.Average ?? 0)} on average ({c.Counted} {(c.Counted == 1 ? "case" : "cases")})",
            _ => c.Counted.ToString(En),
        };
    }

    /// <summary>The target in words, or null: "90%", "28 days".</summary>
    public static string? TargetText(MeasureFigures f) => Target(f) is not { } t ? null
        : f.Definition.Kind is MeasureKind.Duration ? $"{t.ToString("0.#", En)} {UnitWord(f.Definition.ValueUnit, t)}"
        : IsPercent(f.Definition) ? t.ToString("0.#", En) + "%" : t.ToString("0.#", En);

    /// <summary>The units' names for a split: BCU names, team names, local authorities as they are; "Whole force" for the
    /// force and "Not known" for facts placed in no unit.</summary>
    public async Task<Func<string?, string>> UnitNamesAsync(MeasureSplit split, IEnumerable<string?> units, CancellationToken ct)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        if (split == MeasureSplit.Bcu) names = await db.Bcus.AsNoTracking().ToDictionaryAsync(b => b.Code, b => b.Name, StringComparer.Ordinal, ct);
        if (split == MeasureSplit.Team)
            foreach (var u in units.OfType<string>().Distinct()) names[u] = await teams.TeamAsync(u, ct);
        return unit => split == MeasureSplit.Force ? "Whole force" : unit is null ? "Not known" : names.GetValueOrDefault(unit, unit);
    }

    /// <summary>The chart of one measure's figures: one line per unit, the target dashed.</summary>
    public static string Chart(MeasureFigures f, MeasurePeriod period, Func<string?, string> unitName)
    {
        var d = f.Definition;
        var series = f.Cells.GroupBy(c => c.Unit).OrderBy(g => unitName(g.Key), StringComparer.Ordinal)
            .Select(g => new ChartSeries(unitName(g.Key), g.Where(c => c.Counted > 0 && Value(d, c) is not null)
                .Select(c => new ChartPoint(c.Month, Value(d, c)!.Value, Text(d, c))).ToList()))
            .ToList();
        return ChartRenderer.Trend(d.Title, Describe(f, period, unitName), period.Months, series, Target(f), Axis(d), IsPercent(d));
    }

    /// <summary>The chart's text alternative: what it shows, over which months, each unit's figure for the whole period and the target.</summary>
    public static string Describe(MeasureFigures f, MeasurePeriod period, Func<string?, string> unitName)
    {
        var d = f.Definition;
        var parts = f.Totals.Select(t => $"{unitName(t.Unit)} {Text(d, t)}").ToList();
        var target = TargetText(f) is { } tt ? $" Target {tt}." : "";
        return $"Trend of {d.Title.ToLowerInvariant()} per month from {period.From.Long} to {period.To.Long}. "
            + (parts.Count == 0 ? "No cases in this period." : "Over the whole period: " + string.Join("; ", parts) + ".") + target
            + " The exact figures are in the table below the chart.";
    }

    /// <summary>Where a case behind a figure opens: a missing episode's page, otherwise the child's profile.</summary>
    public static string? CaseHref(MeasureCaseRow row) => row.CaseType switch
    {
        Core.Cases.CaseTypes.MissingEpisode => "/missing/" + Uri.EscapeDataString(row.CaseId),
        _ => row.PersonId is { } p ? "/people/" + p : null,
    };

    /// <summary>The case type in words: "missing episode".</summary>
    public static string CaseTypeText(string caseType) => caseType.Replace('-', ' ');

    /// <summary>The time taken in words ("50 hours"), or "Not yet".</summary>
    public static string TimeTaken(MeasureDefinition d, double? value) => value is { } v
        ? $"{v.ToString("0.#", En)} {UnitWord(d.ValueUnit, v)}".Trim() : "Not yet";
}

/// <summary>The cases behind a figure with the children's names (only people the reader may see are listed at all).</summary>
public sealed record NamedCaseRow(MeasureCaseRow Row, string Name);

/// <summary>The cases behind a figure, named, for the drill-down page, its export and the API.</summary>
public sealed class MeasureCases(MeasureService measures, Core.Records.PersonAccess access)
{
    public const int PageSize = 50;

    /// <summary>"all", "met" or "not-met"; anything else is a 400.</summary>
    public static MeasureSubset ParseSubset(string? subset) => subset?.Trim().ToLowerInvariant() switch
    {
        null or "" or "all" => MeasureSubset.All,
        "met" => MeasureSubset.Met,
        "not-met" => MeasureSubset.NotMet,
        _ => throw new ProblemException(Core.Problems.Problems.Invalid("subset", "must be all, met or not-met")),
    };

    public static string SubsetName(MeasureSubset subset) => subset switch { MeasureSubset.Met => "met", MeasureSubset.NotMet => "not-met", _ => "all" };

    public async Task<(IReadOnlyList<NamedCaseRow> Rows, int Total)> PageAsync(MeasureDefinition d, MeasurePeriod period, MeasureScope scope,
        MeasureSubset subset, Core.Organisation.Actor reader, int page, int pageSize, CancellationToken ct)
    {
        var (rows, total) = await measures.CasesAsync(d, period, scope, subset, reader, page, pageSize, ct);
        var ids = rows.Select(r => r.PersonId).OfType<Guid>().Distinct().ToList();
        var names = await access.Visible(reader).Where(p => ids.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, p => (p.Forename + " " + p.Surname).Trim(), ct);
        return (rows.Select(r => new NamedCaseRow(r, r.PersonId is { } id ? names.GetValueOrDefault(id, "") : "")).ToList(), total);
    }
}
