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
        return api;
    }

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
