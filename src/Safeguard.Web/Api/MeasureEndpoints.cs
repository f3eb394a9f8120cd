using Microsoft.EntityFrameworkCore;
using Safeguard.Core.AccessLog;
using Safeguard.Core.Measures;
using Safeguard.Core.Problems;
using Safeguard.Core.Records;
using Safeguard.Web.Hosting;

namespace Safeguard.Web.Api;

/// <summary>Measures (B5 now; the performance framework, M, arrives here too).</summary>
public static class MeasureEndpoints
{
    public const string MeasuresPolicy = "measures";
    public const int DefaultChildrenPageSize = 200;
    public const int MaxChildrenPageSize = 1000;

    public static RouteGroupBuilder MapMeasureEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/measures", async (HttpContext http, RecordingQuality quality, PersonAccess access, AuditLog audit,
            DateTimeOffset? from, DateTimeOffset? to, string? unit, int? page, int? pageSize) =>
        {
            var (start, end) = Period(from, to);
            if (page is < 1) throw new ProblemException(Core.Problems.Problems.Invalid("page", "must be 1 or more"));
            if (pageSize is < 1 or > MaxChildrenPageSize)
                throw new ProblemException(Core.Problems.Problems.Invalid("pageSize", $"must be from 1 to {MaxChildrenPageSize}"));
            var actor = http.User.ToActor();
            var rows = await quality.MeasureAsync(start, end, unit, http.RequestAborted, actor);
            var gaps = await VisibleChildrenToNoticeAsync(quality, access, actor, start, end, unit, http.RequestAborted);
            // Without page or pageSize every child to notice is listed, as before paging; with them, one page.
            var shown = page is null && pageSize is null ? gaps
                : gaps.Skip(((page ?? 1) - 1) * (pageSize ?? DefaultChildrenPageSize)).Take(pageSize ?? DefaultChildrenPageSize).ToList();
            await audit.RecordListNowAsync(actor, AuditActions.List, "children-to-notice", shown.Select(g => (Guid?)g.ChildId),
                $"{shown.Count} of {gaps.Count} children to notice", ct: http.RequestAborted);
            return Results.Ok(new { from = start, to = end, unit, recordingQuality = rows, childrenToNotice = shown, childrenToNoticeTotal = gaps.Count });
        }).RequireAuthorization(MeasuresPolicy).WithTags("Measures")
          .WithSummary("Recording quality per unit and month (B5) and the children to notice: a domestic abuse incident with a child and no PPN (B2). "
            + "childrenToNotice is every one unless page (from 1) or pageSize (1-1000, default 200) is given; childrenToNoticeTotal is the true number.");
        api.MapGet("/measures/catalogue", () => Results.Ok(new
        {
            maxMonths = Core.Measures.Framework.MeasurePeriod.MaxMonths,
            measures = Core.Measures.Framework.MeasureCatalogue.All.Select(Definition).ToList(),
        })).RequireAuthorization(MeasuresPolicy).WithTags("Measures")
          .WithSummary("Every measure of the performance framework (M1) with its definition: numerator, denominator, what counts, kind, unit and the settings of its time limit and target.");

        api.MapGet("/measures/{id}", async (HttpContext http, Core.Measures.Framework.MeasureService measures, TimeProvider clock, string id,
            string? from, string? to, string? split) =>
        {
            var d = Measures.MeasureBoard.Find(id);
            var period = Core.Measures.Framework.MeasurePeriod.Parse(from, to, clock.GetUtcNow());
            var by = Measures.MeasureBoard.ParseSplit(split);
            var f = (await measures.ComputeAsync(period, by, Core.Measures.Framework.MeasureScope.Force, http.User.ToActor(), [d.Id], http.RequestAborted)).Single();
            object Cell(Core.Measures.Framework.MeasureCell c) => new
            {
                month = c.Month.ToString(), unit = c.Unit, numerator = c.Met, denominator = c.Counted, value = Measures.MeasureBoard.Value(d, c),
                rate = c.Rate, average = c.Average,
            };
            return Results.Ok(new
            {
                measure = Definition(d), from = period.From.ToString(), to = period.To.ToString(), split = Measures.MeasureBoard.SplitName(by),
                target = Measures.MeasureBoard.Target(f), limit = f.Limit,
                months = f.Cells.OrderBy(c => c.Month).ThenBy(c => c.Unit, StringComparer.Ordinal).Select(Cell).ToList(),
                totals = f.Totals.Select(Cell).ToList(),
            });
        }).RequireAuthorization(MeasuresPolicy).WithTags("Measures")
          .WithSummary("One measure's figures per month and unit over a period (from, to: yyyy-MM, at most 36 months; default the last 12) split by "
            + "force, bcu, local-authority or team: numerator, denominator, value (per cent, average time or count), and the target. Records the "
            + "caller may not see are left out.");

        api.MapGet("/measures/{id}/cases", async (HttpContext http, Measures.MeasureCases cases, AuditLog audit, TimeProvider clock, string id,
            string? from, string? to, string? split, string? unit, string? subset, int? page, int? pageSize) =>
        {
            var d = Measures.MeasureBoard.Find(id);
            var period = Core.Measures.Framework.MeasurePeriod.Parse(from, to, clock.GetUtcNow());
            var by = Measures.MeasureBoard.ParseSplit(split);
            var shown = Measures.MeasureCases.ParseSubset(subset);
            if (page is < 1) throw new ProblemException(Core.Problems.Problems.Invalid("page", "must be 1 or more"));
            if (pageSize is < 1 or > MaxChildrenPageSize)
                throw new ProblemException(Core.Problems.Problems.Invalid("pageSize", $"must be from 1 to {MaxChildrenPageSize}"));
            var actor = http.User.ToActor();
            var (rows, total) = await cases.PageAsync(d, period, Measures.MeasureBoard.Scope(by, unit), shown, actor, page ?? 1,
                pageSize ?? Measures.MeasureCases.PageSize, http.RequestAborted);
            await audit.RecordListNowAsync(actor, AuditActions.List, "measure-cases", rows.Select(r => r.Row.PersonId),
                $"{d.Id}: {rows.Count} of {total} cases, {period.From} to {period.To}", ct: http.RequestAborted);
            return Results.Ok(new
            {
                measure = d.Id, from = period.From.ToString(), to = period.To.ToString(), split = Measures.MeasureBoard.SplitName(by), unit,
                subset = Measures.MeasureCases.SubsetName(shown), page = page ?? 1, total,
                cases = rows.Select(r => new
                {
                    caseType = r.Row.CaseType, caseId = r.Row.CaseId, personId = r.Row.PersonId, name = r.Name, at = r.Row.At,
                    month = Core.Measures.Framework.MonthKey.Of(r.Row.At).ToString(), team = r.Row.Team, bcu = r.Row.Bcu,
                    localAuthority = r.Row.LocalAuthority, met = r.Row.InNumerator, value = r.Row.Value,
                }).ToList(),
            });
        }).RequireAuthorization(MeasuresPolicy).WithTags("Measures")
          .WithSummary("The cases behind a figure (M2): the same period and split, one unit (a BCU or team code, or a local authority's name), "
            + "subset all, met or not-met; newest first, page from 1, pageSize 1-1000 (default 50). Only people the caller may see are listed; "
            + "each is written to the access log.");
        return api;
    }

    private static object Definition(Core.Measures.Framework.MeasureDefinition d) => new
    {
        id = d.Id, title = d.Title, requirement = d.Requirement, kind = d.Kind.ToString().ToLowerInvariant(), numerator = d.Numerator,
        denominator = d.Denominator, counts = d.Counts, higherIsBetter = d.HigherIsBetter,
        valueUnit = d.ValueUnit == Core.Measures.Framework.MeasureUnit.None ? null : d.ValueUnit.ToString().ToLowerInvariant(),
        limitSetting = d.LimitSetting, targetSetting = d.TargetSetting,
    };

    /// <summary>The earliest and latest instants a period may name: far beyond any record, well inside what the
    /// calendar arithmetic of the measures can reach (year 9999 overflows when a PPN window is added).</summary>
    private static readonly DateTimeOffset Earliest = new(1900, 1, 1, 0, 0, 0, TimeSpan.Zero), Latest = new(2200, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The period asked for, or the last 12 months; refused if it is back to front or outside 1900–2200.</summary>
    public static (DateTimeOffset From, DateTimeOffset To) Period(DateTimeOffset? from, DateTimeOffset? to, TimeProvider? clock = null)
    {
        if (from is { } f && (f < Earliest || f > Latest)) throw new ProblemException(Core.Problems.Problems.Invalid("from", "must be between 1900 and 2200"));
        if (to is { } t && (t < Earliest || t > Latest)) throw new ProblemException(Core.Problems.Problems.Invalid("to", "must be between 1900 and 2200"));
        var end = (to ?? (clock ?? TimeProvider.System).GetUtcNow()).ToUniversalTime();
        var start = (from ?? end.AddMonths(-12)).ToUniversalTime();
        if (start >= end) throw new ProblemException(Core.Problems.Problems.Invalid("from", "must be before to"));
        return (start, end);
    }

    public static async Task<IReadOnlyList<ChildToNotice>> VisibleChildrenToNoticeAsync(RecordingQuality quality, PersonAccess access,
        Core.Organisation.Actor actor, DateTimeOffset from, DateTimeOffset to, string? unit, CancellationToken ct)
    {
        var gaps = await quality.ChildrenToNoticeAsync(from, to, unit, ct, actor);
        var ids = gaps.Select(g => g.ChildId).Distinct().ToList();
        var visible = (await access.Visible(actor).Where(p => ids.Contains(p.Id)).Select(p => p.Id).ToListAsync(ct)).ToHashSet();
        return gaps.Where(g => visible.Contains(g.ChildId)).ToList();
    }
}
