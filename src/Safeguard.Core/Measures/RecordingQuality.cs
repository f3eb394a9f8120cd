using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Calendar;
using Safeguard.Core.Data;
using Safeguard.Core.Recording;

namespace Safeguard.Core.Measures;

/// <summary>Recording quality for one unit in one month (B5): measured from what was recorded, never guessed.
/// Rates are null when there was nothing to measure.</summary>
public sealed record RecordingQualityRow(
    string Unit, string Month,
    int Ppns, double? ChildViewsObtainedRate, double? DemeanourObservedRate,
    int ChildrenAtDomesticAbuse, double? SeenAndSpokenToRate, double? PpnForChildAtDomesticAbuseRate,
    int InvestigationsClosed, double? ChildInformedRate,
    int SupervisoryReviews, double? MedianHoursToRecord);

/// <summary>A child at a domestic abuse incident with no PPN about them: the "child to notice" gap (B2).</summary>
public sealed record ChildToNotice(string IncidentEventId, Guid ChildId, DateTimeOffset OccurredAt, string Unit);

/// <summary>Measures recording quality per unit and month (B5), and lists the children to notice (B2).
/// Months are Europe/London calendar months of when things happened.</summary>
public sealed class RecordingQuality(SafeguardDb db)
{
    /// <summary>How long after a domestic abuse incident a PPN about the child still counts as its PPN: setting
    /// <c>B2.ppnWithinDays</c> (7 days by default), as the <c>children-to-notice</c> measure reads it.</summary>
    public async Task<int> PpnWithinDaysAsync(CancellationToken ct = default) =>
        Settings.RuleSettings.From(await db.Settings.AsNoTracking().ToListAsync(ct)).PpnWithinDays;

    private async Task<TimeSpan> PpnWindowAsync(CancellationToken ct) => TimeSpan.FromDays(await PpnWithinDaysAsync(ct));

    private static readonly string[] Types = ["ppn", "incident", "investigation-closed", "supervisory-review"];

    /// <param name="from">Start of the period.</param>
    /// <param name="to">End of the period.</param>
    /// <param name="unit">One unit, or all.</param>
    /// <param name="ct">Cancellation.</param>
    /// <param name="reader">Who reads: an event about a restricted person they may not see is left out of every count (P1), so
    /// that a measure never reveals the restricted record. Null (the system) and administrators count everything.</param>
    public async Task<IReadOnlyList<RecordingQualityRow>> MeasureAsync(DateTimeOffset from, DateTimeOffset to, string? unit, CancellationToken ct = default,
        Organisation.Actor? reader = null)
    {
        var window = await PpnWindowAsync(ct);
        var events = await LoadAsync(from, to + window, unit, reader, ct);
        var inRange = events.Where(e => e.OccurredAt >= from && e.OccurredAt < to).ToList();
        var gaps = ChildrenToNotice(events, from, to, window).ToLookup(g => g.IncidentEventId);

        return inRange.GroupBy(e => (e.Unit, Month: Month(e.OccurredAt))).OrderBy(g => g.Key.Unit).ThenBy(g => g.Key.Month).Select(g =>
        {
            var ppns = g.Where(e => e.Type == "ppn").ToList();
            var da = g.Where(e => e.Type == "incident" && RecordingStandards.HasClassification(e.Data, "domestic-abuse")).ToList();
            var daChildren = da.SelectMany(e => e.People.Where(p => p.Role == "child").Select(p => (Event: e, Child: p.PersonId))).ToList();
            var closed = g.Where(e => e.Type == "investigation-closed").ToList();
            return new RecordingQualityRow(g.Key.Unit, g.Key.Month,
                ppns.Count, Rate(ppns, e => Has(e.Data, "childViews")), Rate(ppns, e => Has(e.Data, "demeanour")),
                daChildren.Count, Rate(daChildren, c => SeenAndSpokenTo(c.Event.Data, c.Child)),
                Rate(daChildren, c => !gaps[c.Event.Id].Any(x => x.ChildId == c.Child)),
                closed.Count, Rate(closed, e => e.Data.TryGetProperty("childInformed", out var v) && v.ValueKind == JsonValueKind.True),
                g.Count(e => e.Type == "supervisory-review"),
                Median(g.Select(e => (e.RecordedAt - e.OccurredAt).TotalHours).ToList()));
        }).ToList();
    }

    public async Task<IReadOnlyList<ChildToNotice>> ChildrenToNoticeAsync(DateTimeOffset from, DateTimeOffset to, string? unit, CancellationToken ct = default,
        Organisation.Actor? reader = null)
    {
        var window = await PpnWindowAsync(ct);
        return ChildrenToNotice(await LoadAsync(from, to + window, unit, reader, ct), from, to, window);
    }

    private static IReadOnlyList<ChildToNotice> ChildrenToNotice(IReadOnlyList<Loaded> events, DateTimeOffset from, DateTimeOffset to, TimeSpan window)
    {
        var ppnsByChild = events.Where(e => e.Type == "ppn")
            .SelectMany(e => e.People.Where(p => p.Role == "child").Select(p => (p.PersonId, e.OccurredAt)))
            .ToLookup(x => x.PersonId, x => x.OccurredAt);
        return events.Where(e => e.Type == "incident" && e.OccurredAt >= from && e.OccurredAt < to && RecordingStandards.HasClassification(e.Data, "domestic-abuse"))
            .SelectMany(e => e.People.Where(p => p.Role == "child").Select(p => (Event: e, Child: p.PersonId)))
            .Where(c => !ppnsByChild[c.Child].Any(t => t >= c.Event.OccurredAt.AddDays(-1) && t <= c.Event.OccurredAt + window))
            .Select(c => new ChildToNotice(c.Event.Id, c.Child, c.Event.OccurredAt, c.Event.Unit))
            .OrderByDescending(c => c.OccurredAt).ToList();
    }

    private sealed record Loaded(string Id, string Type, DateTimeOffset OccurredAt, DateTimeOffset RecordedAt, string Unit,
        JsonElement Data, IReadOnlyList<(Guid PersonId, string Role)> People);

    private async Task<IReadOnlyList<Loaded>> LoadAsync(DateTimeOffset from, DateTimeOffset to, string? unit, Organisation.Actor? reader, CancellationToken ct)
    {
        var q = db.Events.AsNoTracking().Include(e => e.People).Where(e => Types.Contains(e.Type) && e.OccurredAt >= from.AddDays(-1) && e.OccurredAt < to);
        if (!string.IsNullOrWhiteSpace(unit)) q = q.Where(e => e.Unit == unit);
        var rows = await q.ToListAsync(ct);
        if (reader is { IsAdministrator: false })
        {
            var id = reader.Id;
            var hidden = (await db.People.AsNoTracking().Where(p => p.Restricted && !db.RestrictedAccess.Any(r => r.PersonId == p.Id && r.ActorId == id))
                .Select(p => p.Id).ToListAsync(ct)).ToHashSet();
            if (hidden.Count > 0) rows = rows.Where(e => e.People.All(p => !hidden.Contains(p.PersonId))).ToList();
        }
        return rows.Select(e => new Loaded(e.Id, e.Type, e.OccurredAt, e.RecordedAt, e.Unit, JsonDocument.Parse(e.Data).RootElement,
            e.People.Select(p => (p.PersonId, p.Role)).ToList())).ToList();
    }

    private static string Month(DateTimeOffset at) =>
        SafeguardCalendar.LondonDate(at).ToString("yyyy-MM", CultureInfo.InvariantCulture);

    private static bool Has(JsonElement d, string name) =>
        d.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(v.GetString());

    private static bool SeenAndSpokenTo(JsonElement d, Guid child) =>
        d.TryGetProperty("children", out var list) && list.ValueKind == JsonValueKind.Array && list.EnumerateArray().Any(c =>
            c.TryGetProperty("personId", out var id) && id.GetString() == child.ToString()
            && c.TryGetProperty("seenAndSpokenTo", out var seen) && seen.ValueKind == JsonValueKind.True);

    private static double? Rate<T>(IReadOnlyCollection<T> items, Func<T, bool> counted) =>
        items.Count == 0 ? null : Math.Round((double)items.Count(counted) / items.Count, 3);

    private static double? Median(List<double> values)
    {
        if (values.Count == 0) return null;
        values.Sort();
        var mid = values.Count / 2;
        return Math.Round(values.Count % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2, 1);
    }
}
