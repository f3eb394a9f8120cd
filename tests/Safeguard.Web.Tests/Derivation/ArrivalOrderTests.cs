using FsCheck;
using FsCheck.Fluent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Core.Derivation;
using Safeguard.Core.Flags;
using Safeguard.Core.Rules;
using Safeguard.TestKit;

namespace Safeguard.Web.Tests.Derivation;

/// <summary>E6: the order events arrive in does not matter. A child's history (missing reports, the child found,
/// CSE screenings, incidents, all in the past) is recorded for one child in time order and for another in a random
/// order; both end with the same live outputs — every output the history supports stored with the same status,
/// and nothing live that it does not support.</summary>
public sealed class ArrivalOrderTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2025, 11, 1, 8, 0, 0, TimeSpan.Zero);
    private readonly SafeguardFactory _factory = new();
    private readonly HttpClient _api;
    private int _case;

    public ArrivalOrderTests() => _api = _factory.Api();
    public void Dispose() => _factory.Dispose();

    /// <summary>One planned event: what it is, how many hours after <see cref="Start"/>, and its data choices.</summary>
    public sealed record Planned(string Kind, int Hour, string[] Indicators, bool Cse);

    private static readonly string[] Indicators = ["missing", "older-partner", "gifts-money", "school-absence", "substance-misuse"];

    private static Gen<(List<Planned> Events, int[] Order)> Histories() =>
        from count in Gen.Choose(3, 9)
        from hours in Gen.Shuffle(Enumerable.Range(1, 120 * 24 / 7).Select(h => h * 7).ToArray())
        from kinds in Gen.Elements("missing", "missing", "located", "screening", "incident").ArrayOf(count)
        from picks in Gen.Choose(0, 31).ArrayOf(count)
        from cse in Gen.Elements(true, false).ArrayOf(count)
        from order in Gen.Shuffle(Enumerable.Range(0, count).ToArray())
        select (Enumerable.Range(0, count).Select(i => new Planned(kinds[i], hours[i],
            Indicators.Where((_, bit) => (picks[i] & (1 << bit)) != 0).ToArray(), cse[i])).OrderBy(p => p.Hour).ToList(), order);

    [FsCheck.Xunit.Property(MaxTest = 12)]
    public Property Recording_a_history_in_any_order_ends_in_the_same_outputs_as_in_time_order() =>
        Prop.ForAll(Histories().ToArbitrary(), h => SameOutputsAsync(h.Events, h.Order).GetAwaiter().GetResult());

    private async Task<bool> SameOutputsAsync(List<Planned> events, int[] order)
    {
        var tag = $"ao{++_case}";
        var inTime = Guid.Parse(await _api.CreatePersonAsync(A.Child("Ada", "Timeorder").AgedYears(14).Build()));
        var shuffled = Guid.Parse(await _api.CreatePersonAsync(A.Child("Ada", "Anyorder").AgedYears(14).Build()));

        foreach (var i in Enumerable.Range(0, events.Count)) await RecordAsync(events, i, inTime, $"{tag}-t");
        // A child cannot be found before the report is recorded (the report is referenced): each find waits for its report.
        var arrival = order.ToList();
        foreach (var i in order.Where(i => events[i].Kind == "located"))
            if (ReportFor(events, i) is { } report && arrival.IndexOf(report) > arrival.IndexOf(i)) { arrival.Remove(i); arrival.Insert(arrival.IndexOf(report) + 1, i); }
        foreach (var i in arrival) await RecordAsync(events, i, shuffled, $"{tag}-s");

        var expected = await LiveOutputsAsync(inTime, $"{tag}-t");
        var actual = await LiveOutputsAsync(shuffled, $"{tag}-s");
        Assert.True(expected.SequenceEqual(actual), $"in time order:\n{string.Join("\n", expected)}\nin arrival order {string.Join(",", arrival)}:\n{string.Join("\n", actual)}");
        return true;
    }

    private static int? ReportFor(List<Planned> events, int located)
    {
        for (int i = located - 1; i >= 0; i--) if (events[i].Kind == "missing") return i;
        return null;
    }

    private async Task RecordAsync(List<Planned> events, int i, Guid child, string prefix)
    {
        var e = events[i];
        var at = Start.AddHours(e.Hour).ToString("O");
        var people = new[] { new { personId = child.ToString(), role = "child" } };
        object? body = e.Kind switch
        {
            "missing" => new { id = $"{prefix}-{i}", type = "missing-reported", occurredAt = at, people,
                data = new { riskGrade = "low", reportedBy = "parent", lookedAfter = false, lastSeenAt = at, lastSeenLocation = "Park" } },
            "located" when ReportFor(events, i) is { } report => new { id = $"{prefix}-{i}", type = "missing-located", occurredAt = at, people,
                data = new { missingEventId = $"{prefix}-{report}", locatedAt = at, foundLocation = "Bus station" } },
            "screening" => new { id = $"{prefix}-{i}", type = "cse-screening", occurredAt = at, people, data = new { indicators = e.Indicators } },
            "incident" => new { id = $"{prefix}-{i}", type = "incident", occurredAt = at, people,
                data = new { classifications = e.Cse ? new[] { "cse" } : new[] { "neglect" } } },
            _ => null,
        };
        if (body is not null) await _api.RecordAsync(body);
    }

    /// <summary>Every output the whole history supports, with its stored status, plus anything live it does not
    /// support; keys with the child's id and event-id prefix replaced, so two children's outputs compare.</summary>
    private async Task<List<string>> LiveOutputsAsync(Guid child, string prefix)
    {
        using var scope = _factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<Core.Data.SafeguardDb>();
        var loader = new HistoryLoader(db);
        var histories = await loader.HistoriesAsync([child]);
        var derived = RuleEngine.Default.Derive(histories[child], histories, await loader.SettingsAsync(), await loader.CalendarAsync(), _factory.Clock.GetUtcNow());
        var supported = derived.Outputs.Where(o => o is not TaskClosure).Select(o => o.Key).ToHashSet();

        string Norm(string s) => s.Replace(child.ToString(), "CHILD").Replace(prefix, "EV");
        var tasks = await db.Tasks.AsNoTracking().Where(t => t.PersonId == child).ToListAsync();
        var alerts = await db.Alerts.AsNoTracking().Where(a => a.PersonId == child).ToListAsync();
        var flags = await db.Flags.AsNoTracking().Include(f => f.Reasons).Where(f => f.PersonId == child).ToListAsync();
        return tasks.Where(t => supported.Contains(t.Key) || t.Status == Core.Work.TaskStatus.Open).Select(t => $"task {t.Code} {t.Status} {Norm(t.Key)} due {t.DueAt:O}")
            .Concat(alerts.Where(a => supported.Contains(a.Key) || a.WithdrawnAt is null).Select(a => $"alert {a.Code} {(a.WithdrawnAt is null ? "active" : "withdrawn")} {Norm(a.Key)}"))
            .Concat(flags.Where(f => f.Status is FlagStatus.Suggested or FlagStatus.Confirmed)
                .SelectMany(f => f.Reasons.Where(r => r.WithdrawnAt is null).Select(r => $"flag {f.Code} {f.Status} {Norm(r.Key)}")))
            .Order(StringComparer.Ordinal).ToList();
    }
}
