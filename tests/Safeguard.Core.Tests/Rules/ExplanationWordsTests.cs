using System.Text.RegularExpressions;
using Safeguard.Core.Profiles;
using Safeguard.Core.Rules;
using Safeguard.Core.Rules.Exploitation;
using Safeguard.Core.Tests.Builders;

namespace Safeguard.Core.Tests.Rules;

/// <summary>E2 / API.md "Explanations": every rule explains itself in plain words; events are cited in <c>EventIds</c>,
/// never in the text; people and times are placeholders that are rendered for the reader.</summary>
public partial class ExplanationWordsTests
{
    private static readonly string[] Types =
        ["missing-reported", "missing-located", "cse-screening", "incident", "ppn", "return-interview", "safe-and-well-check", "strategy-discussion",
         "relationship", "investigation-closed", "custody-released", "police-protection", "cawn-served"];

    private static IEnumerable<RuleOutput> EveryKindOfOutput()
    {
        var random = new Random(7);
        var children = Enumerable.Range(0, 6).Select(i => (PersonFacts)A.Child().AgedYears(9 + i)).ToList();
        var adults = Enumerable.Range(0, 3).Select(_ => (PersonFacts)A.Suspect()).ToList();
        var world = new World().With([.. children, .. adults]);
        var indicators = CseIndicators.All.Keys.ToList();
        var outputs = new List<RuleOutput>();
        var start = Time.At("2025-06-01 10:00");
        var reports = new Dictionary<Guid, string>();
        for (int i = 0; i < 300; i++)
        {
            var type = Types[i % Types.Length];
            var child = children[random.Next(children.Count)];
            var at = start.AddHours(i * 7);
            var e = An.Event(type).Id($"evidence-{i:D4}").At(at).Child(child);
            var missing = reports.GetValueOrDefault(child.PersonId, "evidence-none");
            switch (type)
            {
                case "missing-reported": e.With("riskGrade", i % 3 == 0 ? "low" : "medium"); reports[child.PersonId] = $"evidence-{i:D4}"; break;
                case "missing-located": e.With("missingEventId", missing).With("locatedAt", at).With("foundLocation", "Bus station").With(adults[i % 3], "associate"); break;
                case "cse-screening": e.WithList("indicators", indicators.Take(1 + i % 5).ToArray()); break;
                case "incident": e.WithList("classifications", i % 2 == 0 ? "cse" : "domestic-abuse").Suspect(adults[random.Next(adults.Count)]); break;
                case "ppn": e.WithList("concerns", "online-sexual-abuse").Suspect(adults[random.Next(adults.Count)]); break;
                case "return-interview" or "safe-and-well-check": e.With("missingEventId", missing).WithList("disclosures", indicators.Take(3).ToArray()); break;
                case "strategy-discussion": e.With("section47", true); break;
                case "relationship": e.With(adults[random.Next(adults.Count)], "associate").With("kind", "associate"); break;
                case "cawn-served": e.Suspect(adults[0]); break;
            }
            outputs.AddRange(world.Record(e));
        }
        return outputs.Where(o => o is not TaskClosure);
    }

    [Fact]
    public void No_explanation_names_an_event_id_a_raw_person_id_a_slug_or_utc()
    {
        var outputs = EveryKindOfOutput().ToList();
        Assert.True(outputs.Select(o => o.Rule).Distinct().Count() >= 12, "the history exercises most rules");
        foreach (var o in outputs)
        {
            var outside = Placeholder().Replace(o.Explanation, "");
            Assert.DoesNotContain("evidence-", outside);
            Assert.DoesNotMatch(@"[0-9a-f]{8}-[0-9a-f]{4}-", outside);
            Assert.DoesNotContain("UTC", outside);
            Assert.DoesNotMatch(@"\b(cse-risk|gifts-money|older-partner|missing-reported|cse-screening)\b", outside);
            Assert.NotEmpty(o.EventIds);
        }
    }

    [Fact]
    public void Every_explanation_renders_to_names_and_uk_dates_for_a_reader_who_may_see_everyone()
    {
        var outputs = EveryKindOfOutput().ToList();
        var people = outputs.SelectMany(o => ExplanationText.PeopleIn(o.Explanation)).Distinct().ToList();
        var reader = new ExplanationText(people.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => $"Person Number{x.i}"), new HashSet<Guid>());
        foreach (var o in outputs)
        {
            var text = reader.Render(o.Explanation);
            Assert.DoesNotContain("{", text);
            Assert.DoesNotContain("another person", text, StringComparison.OrdinalIgnoreCase);
        }
        Assert.Contains(outputs, o => DateWords().IsMatch(reader.Render(o.Explanation)));
    }

    [GeneratedRegex(@"\{(person|people|date|time):[^{}]*\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"\b\d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December) 20\d\d\b")]
    private static partial Regex DateWords();
}
