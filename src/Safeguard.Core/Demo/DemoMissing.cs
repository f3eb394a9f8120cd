using System.Text.Json.Nodes;
using Safeguard.Core.Records;

namespace Safeguard.Core.Demo;

/// <summary>Missing children (F1–F5): some go missing once, some again and again, returning to the same
/// places and the same associates (what a trigger plan is built from). Most episodes get a safe and
/// well check and a return interview; some do not, and a few children are missing right now.</summary>
internal static class DemoMissing
{
    private const int Theme = 4;

    private static readonly string[] Places =
    [
        "Bus station, Kelbeck", "Flat above the takeaway on Mill Lane", "Harrowfell retail park car park", "Skate park, Southvale recreation ground",
        "Friend's address on Heron Close", "Wenlow railway station", "Saltmere seafront shelters", "Eastcombe city centre, Market Street",
        "Address of an older male on Tannery Row", "Underpass by the ring road, Brackenstaithe",
    ];
    private static readonly string[] Circumstances =
    [
        "Left the home after an argument about curfew; not answering phone.", "Did not return from school; phone switched off.",
        "Went out to meet friends and did not come back; believed to be with older males.", "Absconded from placement overnight, pattern of previous episodes.",
    ];

    public static void Plan(DemoWorld w)
    {
        var r = w.Stream(Theme);
        var teenagers = w.Children.Where(c => w.AgeOn(c, w.Now) is >= 11 and <= 17).OrderBy(_ => r.Next()).ToList();
        int prone = Math.Max(6, (int)(w.Children.Count * 0.07));
        foreach (var (child, i) in teenagers.Take(prone).Select((c, i) => (c, i)))
        {
            bool repeat = i % 2 == 0;
            if (repeat) w.RepeatMissing.Add(child);
            PlanChild(w, r, child, repeat ? r.Next(3, 9) : r.Next(1, 3), currentlyMissing: i % 17 == 3);
        }
        // Placed in care before the demo's histories begin, so every missing report already sees the flag.
        foreach (var child in w.Children.Where(c => w.LookedAfter.Contains(c.Id)))
            w.Chronicle.Flag(child.Id, "looked-after", $"Looked after by {w.BcuFor(child).LocalAuthority}; placement confirmed with social care.", [],
                w.Start.AddDays(-r.Next(1, 60)));
    }

    private static void PlanChild(DemoWorld w, Random r, Person child, int episodes, bool currentlyMissing)
    {
        bool lookedAfter = w.LookedAfter.Contains(child.Id);
        var home = w.HomeOf.GetValueOrDefault(child.Id);
        var reporter = lookedAfter || home?.FirstAdult is null ? null : home.FirstAdult;
        var favouritePlaces = Enumerable.Range(0, 3).Select(_ => DemoWorld.Pick(r, Places)).Distinct().ToList();
        var associates = Enumerable.Range(0, r.Next(0, 3)).Select(_ => DemoWorld.Pick(r, w.Community)).Distinct().ToList();

        // Repeat episodes bunch together (3 or more within 90 days for most repeat children), the rest are spread out.
        var clusterEnd = r.NextDouble() < 0.5 ? w.DaysAgo(r, 0, 40) : w.AnyTime(r);
        var times = Enumerable.Range(0, episodes)
            .Select(k => k < 3 && episodes >= 3 ? clusterEnd.AddDays(-r.Next(0, 85)) : w.AnyTime(r))
            .Select(t => w.Chronicle.Clamp(t.AddHours(-t.Hour + r.Next(15, 23))))
            .Order().ToList();
        if (currentlyMissing) times[^1] = w.DaysAgo(r, 0.1, 0.9);

        for (int e = 0; e < times.Count; e++)
        {
            var at = times[e];
            if (e > 0 && at < times[e - 1].AddDays(3)) times[e] = at = times[e - 1].AddDays(3).AddHours(r.Next(0, 10));
            if (at >= w.Chronicle.Latest) break;
            var unit = w.Unit(child, "CTRL");
            var people = new List<(Guid, string)> { (child.Id, "child") };
            if (reporter is not null) people.Add((reporter.Id, "reporting-person"));
            var missingId = w.Chronicle.Add("missing-reported", at, unit, DemoWorld.Recorder(r, "CTRL"), people, new JsonObject
            {
                ["riskGrade"] = DemoWorld.Pick(r, new[] { "medium", "medium", "low", "high", "very-low" }),
                ["reportedBy"] = lookedAfter ? (r.Next(2) == 0 ? "foster-carer" : "childrens-home") : reporter is null ? "other" : "parent",
                ["lookedAfter"] = lookedAfter,
                ["lastSeenAt"] = DemoChronicle.Instant(at.AddHours(-r.Next(1, 7))),
                ["lastSeenLocation"] = DemoWorld.Pick(r, Places),
                ["circumstances"] = DemoWorld.Pick(r, Circumstances),
            });
            if (currentlyMissing && e == times.Count - 1) break;

            var located = at.AddHours(r.Next(2, 40));
            if (located >= w.Chronicle.Latest) break;
            var foundWith = associates.Where(_ => r.NextDouble() < 0.6).ToList();
            var locatedPeople = new List<(Guid, string)> { (child.Id, "child") };
            locatedPeople.AddRange(foundWith.Select(a => (a.Id, "associate")));
            var locatedData = new JsonObject
            {
                ["missingEventId"] = missingId,
                ["locatedAt"] = DemoChronicle.Instant(located),
                ["foundLocation"] = DemoWorld.Pick(r, favouritePlaces),
            };
            if (foundWith.Count > 0) locatedData["foundWith"] = new JsonArray(foundWith.Select(a => (JsonNode)a.Id.ToString()).ToArray());
            w.Chronicle.Add("missing-located", located, w.Unit(child, "RESP"), DemoWorld.Recorder(r, "RESP"), locatedPeople, locatedData);

            // The safe and well check and the return interview are mostly done; the gaps are deliberate.
            if (r.NextDouble() < 0.88)
                w.Chronicle.Add("safe-and-well-check", located.AddMinutes(r.Next(30, 600)), w.Unit(child, "RESP"), DemoWorld.Recorder(r, "RESP"),
                    [(child.Id, "child")],
                    new JsonObject { ["missingEventId"] = missingId, ["disclosures"] = r.NextDouble() < 0.3 ? "Says they stayed with friends; would not say where." : null });
            if (r.NextDouble() < 0.75)
            {
                var offered = located.AddHours(r.Next(6, r.NextDouble() < 0.8 ? 70 : 140));
                bool declined = r.NextDouble() < 0.15;
                var data = new JsonObject
                {
                    ["missingEventId"] = missingId, ["offeredAt"] = DemoChronicle.Instant(offered), ["byAgency"] = w.BcuFor(child).LocalAuthority,
                };
                var held = offered.AddHours(r.Next(1, 24));
                if (declined) data["declined"] = true;
                else if (held <= w.Chronicle.Latest)
                {
                    data["heldAt"] = DemoChronicle.Instant(held);
                    data["disclosures"] = DemoWorld.Pick(r, new[]
                    {
                        "Spent the night at a friend's house; no concerns disclosed.", "Was given a lift by older males; received cigarettes and alcohol.",
                        "Does not feel listened to at placement.", "Was at a party; would not name others present.",
                    });
                }
                w.Chronicle.Add("return-interview", offered, w.Unit(child, "MISS"), DemoWorld.Recorder(r, "MISS"), [(child.Id, "child")], data);
            }
        }
    }
}
