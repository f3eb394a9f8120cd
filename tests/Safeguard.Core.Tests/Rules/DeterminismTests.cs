using Safeguard.Core.Calendar;
using Safeguard.Core.Rules;
using Safeguard.Core.Rules.Exploitation;
using Safeguard.Core.Settings;
using Safeguard.Core.Tests.Builders;

namespace Safeguard.Core.Tests.Rules;

/// <summary>E4: replaying the same events gives the same outputs.</summary>
public class DeterminismTests
{
    private static readonly string[] Types =
        ["missing-reported", "missing-located", "cse-screening", "incident", "ppn", "return-interview", "safe-and-well-check", "strategy-discussion", "relationship",
         "investigation-closed", "police-protection", "police-protection-ended", "outcome-recorded", "meeting"];

    private static IReadOnlyList<ChronologyEvent> SyntheticHistory(int seed, int count)
    {
        var random = new Random(seed);
        var children = Enumerable.Range(1, 12).Select(i => (PersonFacts)A.Child().AgedYears(8 + i % 9)).ToList();
        var adults = Enumerable.Range(1, 5).Select(_ => (PersonFacts)A.Suspect()).ToList();
        var indicators = CseIndicators.All.Keys.ToList();
        var start = Time.At("2025-01-01 00:00");
        var events = new List<ChronologyEvent>();
        for (int i = 0; i < count; i++)
        {
            var type = Types[random.Next(Types.Length)];
            var child = children[random.Next(children.Count)];
            var at = start.AddMinutes(random.Next(0, 60 * 24 * 420));
            var builder = An.Event(type).Id($"syn-{seed}-{i}").At(at).RecordedAt(at.AddHours(random.Next(0, 24 * 40)).ToString("O")).Child(child);
            var missing = events.LastOrDefault(e => e.Type == "missing-reported" && e.Involves(child.PersonId))?.Id ?? "none";
            switch (type)
            {
                case "missing-reported": builder.With("riskGrade", new[] { "high", "medium", "low", "very-low" }[random.Next(4)]); break;
                case "missing-located": builder.With("missingEventId", missing).With("locatedAt", at).With("foundLocation", $"Place {random.Next(5)}"); break;
                case "cse-screening": builder.WithList("indicators", indicators.OrderBy(_ => random.Next()).Take(random.Next(0, 5)).ToArray()); break;
                case "incident":
                case "ppn":
                    builder.WithList(type == "incident" ? "classifications" : "concerns", new[] { "cse", "neglect", "domestic-abuse" }[random.Next(3)]);
                    if (random.Next(2) == 0) builder.Suspect(adults[random.Next(adults.Count)]);
                    break;
                case "return-interview":
                case "safe-and-well-check":
                    builder.With("missingEventId", missing).WithList("disclosures", indicators.OrderBy(_ => random.Next()).Take(random.Next(0, 3)).ToArray());
                    break;
                case "strategy-discussion": builder.With("section47", random.Next(2) == 0); break;
                case "meeting": builder.With("kind", random.Next(2) == 0 ? "icpc" : "marac"); break;
                case "relationship": builder.With(adults[random.Next(adults.Count)], "associate").With("kind", "associate"); break;
            }
            events.Add(builder.Build());
        }
        return events.OrderBy(e => e.RecordedAt).ThenBy(e => e.Id, StringComparer.Ordinal).ToList();
    }

    /// <summary>Stores each event in recording order and runs the engine on it, as ingestion does; histories are
    /// handed over in a shuffled order to show the engine does not depend on it.</summary>
    private static List<string> Replay(IReadOnlyList<ChronologyEvent> history, int shuffleSeed)
    {
        var shuffle = new Random(shuffleSeed);
        var stored = new List<ChronologyEvent>();
        var lines = new List<string>();
        foreach (var e in history)
        {
            stored.Add(e);
            var people = stored.SelectMany(s => s.People).Select(p => p.PersonId).Distinct().ToDictionary(id => id, id => new PersonHistory(
                PersonFacts.Unknown(id) with { DateOfBirth = Time.Today.AddYears(-14) },
                stored.Where(s => s.Involves(id)).OrderBy(_ => shuffle.Next()).ToList()));
            foreach (var o in RuleEngine.Default.Evaluate(e, people, RuleSettings.Defaults, SafeguardCalendar.Default, e.RecordedAt))
                lines.Add(Describe(o));
        }
        return lines;
    }

    private static string Describe(RuleOutput o) => o switch
    {
        TaskOutput t => $"task|{t.Key}|{t.Rule}|{t.Explanation}|{string.Join(",", t.EventIds)}|{t.DueAt:O}|{t.AssignedTo}|{t.ClosesWhen}",
        AlertOutput a => $"alert|{a.Key}|{a.Rule}|{a.Explanation}|{string.Join(",", a.EventIds)}|{a.Audience}",
        TaskClosure c => $"closure|{c.Key}|{c.ClosedByEventId}|{c.ClosedAt:O}",
        _ => $"{o.Kind}|{o.Key}|{o.Rule}|{o.Explanation}|{string.Join(",", o.EventIds)}",
    };

    [Fact]
    public void Replaying_a_synthetic_history_twice_gives_identical_outputs()
    {
        var history = SyntheticHistory(seed: 20260301, count: 400);
        var first = Replay(history, shuffleSeed: 1);
        var second = Replay(history, shuffleSeed: 2);

        Assert.NotEmpty(first);
        Assert.Contains(first, l => l.StartsWith("task|", StringComparison.Ordinal));
        Assert.Contains(first, l => l.StartsWith("alert|", StringComparison.Ordinal));
        Assert.Contains(first, l => l.StartsWith("flag|", StringComparison.Ordinal));
        Assert.Contains(first, l => l.StartsWith("closure|", StringComparison.Ordinal));
        Assert.Equal(first, second);
    }
}
