using System.Text.Json.Nodes;
using Safeguard.Core.Records;

namespace Safeguard.Core.Demo;

/// <summary>Relationship events that tie each household together (A5): parents, carers, partners,
/// siblings and other adults living there.</summary>
internal static class DemoHouseholdHistory
{
    private const int Theme = 2;

    public static void Plan(DemoWorld w)
    {
        var r = w.Stream(Theme);
        foreach (var h in w.Households)
        {
            var at = DemoWorld.Between(r, w.Start, w.Now.AddDays(-60));
            string unit = DemoOrganisation.Team(h.Bcu, "MASH");
            string By() => DemoWorld.Recorder(r, "MASH");

            if (h.Adults.Count == 2)
                Relate(w, "partner", h.Adults[0], "associate", h.Adults[1], "associate", at, unit, By());

            foreach (var child in h.Children)
            {
                if (h.Adults.Count > 0) Relate(w, "parent", h.Adults[0], "parent", child, "child", at, unit, By());
                // A second adult is the other parent or, often enough, a partner living in the home.
                if (h.Adults.Count == 2)
                {
                    if (r.NextDouble() < 0.6) Relate(w, "parent", h.Adults[1], "parent", child, "child", at, unit, By());
                    else Relate(w, "household-member", h.Adults[1], "associate", child, "child", at, unit, By());
                }
            }
            for (int i = 0; i < h.Children.Count; i++)
                for (int j = i + 1; j < h.Children.Count; j++)
                    Relate(w, "sibling", h.Children[i], "child", h.Children[j], "child", at, unit, By());
        }

        // Children in care: a carer from outside the household (a foster carer) for some of them.
        foreach (var child in w.Children.Where(c => w.LookedAfter.Contains(c.Id)))
        {
            if (r.NextDouble() < 0.5 || w.Community.Count == 0) continue;
            var carer = DemoWorld.Pick(r, w.Community);
            Relate(w, "carer", carer, "carer", child, "child", DemoWorld.Between(r, w.Start, w.Now.AddDays(-30)), w.Unit(child, "MASH"), DemoWorld.Recorder(r, "MASH"));
        }
    }

    public static string? Relate(DemoWorld w, string kind, Person a, string roleA, Person b, string roleB, DateTimeOffset at, string unit, string recordedBy) =>
        w.Chronicle.Add("relationship", at, unit, recordedBy, [(a.Id, roleA), (b.Id, roleB)], new JsonObject { ["kind"] = kind });
}
