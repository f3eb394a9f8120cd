using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Calendar;
using Safeguard.Core.Data;
using Safeguard.Core.Organisation;
using Safeguard.Core.Problems;
using Safeguard.Core.Records;
using Safeguard.Core.Settings;

namespace Safeguard.Core.Measures.Framework;

/// <summary>A bounded run of whole months, first and last included (at most <see cref="MaxMonths"/>).</summary>
public sealed record MeasurePeriod(MonthKey From, MonthKey To)
{
    public const int MaxMonths = 36;

    public IReadOnlyList<MonthKey> Months => Enumerable.Range(From.Value, To.Value - From.Value + 1).Select(v => new MonthKey(v)).ToList();

    /// <summary>The period named by "yyyy-MM" months, or the <paramref name="defaultMonths"/> months up to the current one;
    /// refused (400, naming the field) when a month is not a month, the period is back to front or longer than
    /// <see cref="MaxMonths"/> months, or starts before 1900 or ends after 2200.</summary>
    public static MeasurePeriod Parse(string? from, string? to, DateTimeOffset now, int defaultMonths = 12)
    {
        MonthKey end = MonthKey.Of(now), start;
        if (!string.IsNullOrWhiteSpace(to) && !MonthKey.TryParse(to, out end)) throw Invalid("to", "Enter the last month as a year and month, like 2026-03");
        if (string.IsNullOrWhiteSpace(from)) start = new MonthKey(end.Value - defaultMonths + 1);
        else if (!MonthKey.TryParse(from, out start)) throw Invalid("from", "Enter the first month as a year and month, like 2026-01");
        if (start.Year < 1900 || end.Year > 2200) throw Invalid(start.Year < 1900 ? "from" : "to", "Enter a month between 1900 and 2200");
        if (start > end) throw Invalid("from", "The first month must not be after the last month");
        if (end.Value - start.Value + 1 > MaxMonths) throw Invalid("from", $"A period may be at most {MaxMonths} months");
        return new MeasurePeriod(start, end);
    }

    private static ProblemException Invalid(string field, string message) => new(Problems.Problems.Invalid(field, message));
}

/// <summary>How figures are split: the whole force, or per BCU, local authority or team.</summary>
public enum MeasureSplit { Force, Bcu, LocalAuthority, Team }

/// <summary>Which part of the force a figure is about: all of it, or one BCU, local authority or team (codes; a local
/// authority by name).</summary>
public sealed record MeasureScope(string? Bcu = null, string? LocalAuthority = null, string? Team = null)
{
    public static readonly MeasureScope Force = new();
}

/// <summary>One figure: a measure for one month and one unit.</summary>
/// <param name="Month">The month (for a period's total, its last month).</param>
/// <param name="Unit">The BCU or team code or local authority name; null for the whole force, or for facts placed in no unit.</param>
/// <param name="Counted">How many facts count (the denominator; for a duration, the items with a time).</param>
/// <param name="Met">How many are in the numerator (for a duration: within the target, when there is one).</param>
/// <param name="Rate">Met over counted, null when nothing counted.</param>
/// <param name="Average">For a duration: the average time taken, in the measure's unit.</param>
public sealed record MeasureCell(MonthKey Month, string? Unit, int Counted, int Met, double? Rate, double? Average);

/// <summary>A measure's figures over a period: one cell per month and unit that had facts, and the whole period per unit.</summary>
public sealed record MeasureFigures(MeasureDefinition Definition, double? Target, double? Limit, IReadOnlyList<MeasureCell> Cells,
    IReadOnlyList<MeasureCell> Totals);

/// <summary>Whether a listed case is in the numerator.</summary>
public enum MeasureSubset { All, Met, NotMet }

/// <summary>A case behind a figure (M2).</summary>
public sealed record MeasureCaseRow(string CaseType, string CaseId, Guid? PersonId, string? Team, string? Bcu, string? LocalAuthority,
    DateTimeOffset At, bool InNumerator, double? Value);

/// <summary>Computes the measures from their facts in the database, grouped by month and unit (M1), and lists the cases
/// behind a figure (M2). Restricted records the reader may not see are left out of every count and list (P1).</summary>
public sealed class MeasureService(SafeguardDb db, PersonAccess access, TimeProvider clock)
{
    /// <summary>The measures asked for (all when null) over the period, split as asked, within the scope.</summary>
    public async Task<IReadOnlyList<MeasureFigures>> ComputeAsync(MeasurePeriod period, MeasureSplit split, MeasureScope scope, Actor? reader,
        IReadOnlyCollection<string>? measures = null, CancellationToken ct = default)
    {
        var settings = RuleSettings.From(await db.Settings.AsNoTracking().ToListAsync(ct));
        var hidden = await HiddenAsync(reader, ct);
        var calendar = await CalendarAsync(ct);
        var result = new List<MeasureFigures>();
        foreach (var d in MeasureCatalogue.All.Where(d => measures is null || measures.Contains(d.Id)))
        {
            double? limit = d.LimitSetting is null ? null : settings.Int(d.LimitSetting);
            double? target = d.TargetSetting is null ? null : settings.Int(d.TargetSetting);
            double? high = d.HighPriorityTargetSetting is null ? null : settings.Int(d.HighPriorityTargetSetting);
            var rows = await GroupAsync(d, period, split, scope, hidden, limit, target, high, calendar, ct);
            var cells = rows.Select(r => Cell(d, new MonthKey(r.Month), r.Unit, r.Counted, r.Hits, r.Sum, r.Valued)).ToList();
            var totals = rows.GroupBy(r => r.Unit).Select(g => Cell(d, period.To, g.Key, g.Sum(r => r.Counted), g.Sum(r => r.Hits),
                g.Sum(r => r.Sum ?? 0), g.Sum(r => r.Valued))).OrderBy(c => c.Unit, StringComparer.Ordinal).ToList();
            result.Add(new MeasureFigures(d, d.Kind is MeasureKind.Duration ? target : target / 100.0, limit, cells, totals));
        }
        return result;
    }

    /// <summary>The cases behind one measure's figure, newest first, one page; only people the reader may see.</summary>
    public async Task<(IReadOnlyList<MeasureCaseRow> Rows, int Total)> CasesAsync(MeasureDefinition d, MeasurePeriod period, MeasureScope scope,
        MeasureSubset subset, Actor reader, int page, int pageSize, CancellationToken ct = default)
    {
        var settings = RuleSettings.From(await db.Settings.AsNoTracking().ToListAsync(ct));
        double? limit = d.LimitSetting is null ? null : settings.Int(d.LimitSetting);
        double? target = d.TargetSetting is null ? null : settings.Int(d.TargetSetting);
        double? high = d.HighPriorityTargetSetting is null ? null : settings.Int(d.HighPriorityTargetSetting);
        var visible = access.Visible(reader).Select(p => p.Id);
        var q = Facts(d, period, scope, [], limit, await CalendarAsync(ct)).Where(f => f.PersonId == null || visible.Contains(f.PersonId.Value));
        var hit = Hit(d, limit, target, high);
        if (subset == MeasureSubset.Met) q = q.Where(hit);
        if (subset == MeasureSubset.NotMet) q = q.Where(Negate(hit));
        var total = await q.CountAsync(ct);
        var facts = await q.OrderByDescending(f => f.Month).ThenByDescending(f => f.Id).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        var test = hit.Compile();
        return (facts.Select(f => new MeasureCaseRow(f.CaseType, f.CaseId, f.PersonId, f.Team, f.Bcu, f.LocalAuthority, f.At, test(f), f.Value)).ToList(), total);
    }

    private sealed record Row(int Month, string? Unit, int Counted, int Hits, double? Sum, int Valued);

    private async Task<List<Row>> GroupAsync(MeasureDefinition d, MeasurePeriod period, MeasureSplit split, MeasureScope scope, IReadOnlyCollection<Guid> hidden,
        double? limit, double? target, double? high, SafeguardCalendar calendar, CancellationToken ct)
    {
        int by = (int)split;
        // The same test as Hit, written inline so that the database counts it (a CASE in the grouped query).
        var (deadline, duration, hasTarget, l, t, hasHigh, h) = HitTerms(d, limit, target, high);
        return await Facts(d, period, scope, hidden, limit, calendar)
            .Select(f => new
            {
                f.Month,
                Unit = by == (int)MeasureSplit.Bcu ? f.Bcu : by == (int)MeasureSplit.LocalAuthority ? f.LocalAuthority : by == (int)MeasureSplit.Team ? f.Team : null,
                Hit = (deadline ? f.Value != null && f.Value <= l
                    : duration ? hasTarget && f.Value != null && f.Value <= (hasHigh && f.Met ? h : t) : f.Met) ? 1 : 0,
                f.Value,
            })
            .GroupBy(x => new { x.Month, x.Unit })
            .Select(g => new Row(g.Key.Month, g.Key.Unit, g.Count(), g.Sum(x => x.Hit), g.Sum(x => x.Value), g.Count(x => x.Value != null)))
            .ToListAsync(ct);
    }

    /// <summary>The facts that count for a measure in the period and scope: in its months, already happened, and for a
    /// deadline, done or past the limit.</summary>
    private IQueryable<MeasureFact> Facts(MeasureDefinition d, MeasurePeriod period, MeasureScope scope, IReadOnlyCollection<Guid> hidden, double? limit,
        SafeguardCalendar calendar)
    {
        var now = clock.GetUtcNow();
        int from = period.From.Value, to = period.To.Value;
        var q = db.MeasureFacts.AsNoTracking().Where(f => f.Measure == d.Id && f.Month >= from && f.Month <= to && f.At <= now);
        if (scope.Bcu is { } bcu) q = q.Where(f => f.Bcu == bcu);
        if (scope.LocalAuthority is { } la) q = q.Where(f => f.LocalAuthority == la);
        if (scope.Team is { } team) q = q.Where(f => f.Team == team);
        if (hidden.Count > 0) q = q.Where(f => f.PersonId == null || !hidden.Contains(f.PersonId.Value));
        if (d.Kind == MeasureKind.Deadline && limit is { } l)
        {
            var dueBy = DueBy(d.ValueUnit, l, now, calendar);
            q = q.Where(f => f.Value != null || f.At <= dueBy);
        }
        if (d.Kind == MeasureKind.Duration) q = q.Where(f => f.Value != null);
        return q;
    }

    /// <summary>The latest start of the clock at which an item not yet done is past its limit now. For working days: the end
    /// of the latest London day whose <c>AddWorkingDays</c> deadline has passed.</summary>
    private static DateTimeOffset DueBy(MeasureUnit unit, double limit, DateTimeOffset now, SafeguardCalendar calendar)
    {
        if (unit != MeasureUnit.WorkingDays) return now - (unit == MeasureUnit.Days ? TimeSpan.FromDays(limit) : TimeSpan.FromHours(limit));
        int days = (int)Math.Max(0, limit);
        for (var date = SafeguardCalendar.LondonDate(now); ; date = date.AddDays(-1))
            if (calendar.AddWorkingDays(SafeguardCalendar.ToInstant(date, TimeOnly.MinValue), days) < now)
                return SafeguardCalendar.ToInstant(date.AddDays(1), TimeOnly.MinValue).AddTicks(-1);
    }

    /// <summary>The working-day calendar: the bank holidays held in the database (the built-in ones when none are).</summary>
    private async Task<SafeguardCalendar> CalendarAsync(CancellationToken ct)
    {
        var holidays = await db.BankHolidays.AsNoTracking().Select(h => h.Date).ToListAsync(ct);
        return holidays.Count == 0 ? SafeguardCalendar.Default : new SafeguardCalendar(holidays);
    }

    /// <summary>Whether a fact is in the numerator.</summary>
    private static System.Linq.Expressions.Expression<Func<MeasureFact, bool>> Hit(MeasureDefinition d, double? limit, double? target, double? high)
    {
        var (deadline, duration, hasTarget, l, t, hasHigh, h) = HitTerms(d, limit, target, high);
        return f => deadline ? f.Value != null && f.Value <= l : duration ? hasTarget && f.Value != null && f.Value <= (hasHigh && f.Met ? h : t) : f.Met;
    }

    /// <summary>What decides whether a fact is in the numerator: a deadline's time within the limit, a duration's time
    /// within the target (when there is one; a high priority item's own target when the measure has one), otherwise
    /// <see cref="MeasureFact.Met"/>.</summary>
    private static (bool Deadline, bool Duration, bool HasTarget, double Limit, double Target, bool HasHigh, double High) HitTerms(MeasureDefinition d,
        double? limit, double? target, double? high) =>
        (d.Kind == MeasureKind.Deadline && limit is not null, d.Kind == MeasureKind.Duration, target is not null, limit ?? 0, target ?? 0,
            high is not null, high ?? 0);

    private static System.Linq.Expressions.Expression<Func<MeasureFact, bool>> Negate(System.Linq.Expressions.Expression<Func<MeasureFact, bool>> e) =>
        System.Linq.Expressions.Expression.Lambda<Func<MeasureFact, bool>>(System.Linq.Expressions.Expression.Not(e.Body), e.Parameters);

    private static MeasureCell Cell(MeasureDefinition d, MonthKey month, string? unit, int counted, int hits, double? sum, int valued) =>
        new(month, unit, d.Kind == MeasureKind.Duration ? valued : counted, hits,
            counted == 0 ? null : Math.Round((double)hits / counted, 4),
            d.Kind == MeasureKind.Duration && valued > 0 ? Math.Round((sum ?? 0) / valued, 2) : null);

    /// <summary>Restricted people the reader may not see (none for the system and administrators).</summary>
    private async Task<IReadOnlyCollection<Guid>> HiddenAsync(Actor? reader, CancellationToken ct)
    {
        if (reader is null or { IsAdministrator: true }) return [];
        var id = reader.Id;
        return await db.People.AsNoTracking().Where(p => p.Restricted && !db.RestrictedAccess.Any(r => r.PersonId == p.Id && r.ActorId == id))
            .Select(p => p.Id).ToListAsync(ct);
    }
}
