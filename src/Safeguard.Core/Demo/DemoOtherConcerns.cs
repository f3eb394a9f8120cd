using System.Text.Json.Nodes;
using Safeguard.Core.Records;

namespace Safeguard.Core.Demo;

/// <summary>The rest of a force's safeguarding work, so that not every child is a DA or CSE case:
/// neglect and physical abuse notifications with referrals and strategy discussions, registered sex
/// offenders with visits and a contact with a child (K1, K4), children in custody (L1, L2), outcomes
/// for children (B3), and old records held against the misspelt duplicates.</summary>
internal static class DemoOtherConcerns
{
    private const int Theme = 6;

    private static readonly (string Concern, string Summary)[] Concerns =
    [
        ("neglect", "Home conditions very poor: no food in the house, children unkempt, dog faeces on floors."),
        ("physical-abuse", "Bruising to the child's upper arm noticed by school; child says they fell."),
        ("emotional-abuse", "Neighbours report constant shouting and the child being locked out of the house."),
        ("online-sexual-abuse", "Child sent indecent images to an unknown adult met through a game."),
        ("neglect", "Young children left alone overnight; parent returned intoxicated."),
    ];

    public static void Plan(DemoWorld w)
    {
        var r = w.Stream(Theme);
        PlanConcerns(w, r);
        PlanOffenders(w, r);
        PlanCustody(w, r);
        PlanDuplicates(w, r);
    }

    private static void PlanConcerns(DemoWorld w, Random r)
    {
        foreach (var child in w.Children.OrderBy(_ => r.Next()).Take(Math.Max(10, w.Children.Count / 6)).ToList())
        {
            var (concern, summary) = DemoWorld.Pick(r, Concerns);
            var at = w.AnyTime(r);
            if (r.NextDouble() < 0.04) at = w.DaysAgo(r, 0, 1);
            var home = w.HomeOf.GetValueOrDefault(child.Id);
            var carer = home?.FirstAdult;
            var people = new List<(Guid, string)> { (child.Id, "child") };
            if (carer is not null) people.Add((carer.Id, concern == "online-sexual-abuse" ? "parent" : "suspect"));
            var grade = DemoWorld.Pick(r, new[] { "standard", "medium", "medium", "high" });
            var incident = w.Chronicle.Add("incident", at, w.Unit(child, "RESP"), DemoWorld.Recorder(r, "RESP"), people,
                new JsonObject { ["classifications"] = new JsonArray(concern), ["summary"] = summary, ["riskGrade"] = grade }, home?.Address, home?.Postcode);
            int age = w.AgeOn(child, at);
            var ppn = new JsonObject
            {
                ["concerns"] = new JsonArray(concern),
                ["demeanour"] = age < 2 ? "Baby unsettled and in a soiled nappy; settled when fed by officers." : "Guarded; answered questions briefly and watched the adult before replying.",
                ["immediateActions"] = grade == "high" ? "Child taken into police protection and placed with emergency foster carer." : "Advice given; welfare visit arranged with social care.",
                ["referredToSocialCare"] = true,
                ["riskGrade"] = grade,
                ["incidentEventId"] = incident,
            };
            if (age < 3) ppn["childViewsNotObtainedReason"] = "Pre-verbal";
            else ppn["childViews"] = "\"I'm fine. Can I stay at nan's?\"";
            w.Chronicle.Add("ppn", at.AddHours(1), w.Unit(child, "RESP"), DemoWorld.Recorder(r, "RESP"), [(child.Id, "child")], ppn);

            var referralAt = at.AddHours(r.Next(2, 30));
            var referral = w.Chronicle.Add("referral", referralAt, w.Unit(child, "MASH"), DemoWorld.Recorder(r, "MASH"), [(child.Id, "child")],
                new JsonObject { ["to"] = w.BcuFor(child).LocalAuthority, ["kind"] = "mash", ["reason"] = summary });
            // Most referrals get an answer; a recent few are still waiting, which keeps the MASH list alive.
            if (r.NextDouble() < 0.85)
                w.Chronicle.Add("referral-response", referralAt.AddHours(r.Next(3, 50)), w.Unit(child, "MASH"), "staff:la-duty", [(child.Id, "child")],
                    r.NextDouble() < 0.8
                        ? new JsonObject { ["referralEventId"] = referral, ["outcome"] = "accepted" }
                        : new JsonObject { ["referralEventId"] = referral, ["outcome"] = "declined", ["reason"] = "Threshold not met; signposted to early help." });
            if (grade == "high")
            {
                w.Chronicle.Add("strategy-discussion", referralAt.AddHours(r.Next(4, 30)), w.Unit(child, "CAIT"), "user:supervisor", people,
                    new JsonObject
                    {
                        ["agencies"] = new JsonArray("police", w.BcuFor(child).LocalAuthority, "NHS-MVH", "EDU-TVP"), ["section47"] = r.NextDouble() < 0.7,
                        ["decisions"] = new JsonArray(new JsonObject { ["text"] = "Joint visit to the child", ["owner"] = "police", ["dueDate"] = DemoChronicle.Date(referralAt.AddDays(2)) }),
                    });
                if (r.NextDouble() < 0.6)
                    w.Chronicle.Add("outcome-recorded", referralAt.AddDays(r.Next(20, 90)), w.Unit(child, "CAIT"), DemoWorld.Recorder(r, "CAIT"), [(child.Id, "child")],
                        new JsonObject { ["outcomeForChild"] = "Child remains at home under a child in need plan; no further police action.", ["childInformed"] = age >= 5, ["howInformed"] = age >= 5 ? "Told in person by the officer with their social worker" : null });
            }
        }
    }

    private static void PlanOffenders(DemoWorld w, Random r)
    {
        int count = Math.Max(3, w.Adults.Count / 100);
        var offenders = w.Community.Where(a => a.Gender == "male" && !w.Perpetrators.Contains(a)).OrderBy(_ => r.Next()).Take(count).ToList();
        foreach (var offender in offenders)
        {
            var unit = w.Unit(offender, "OM");
            var registeredAt = DemoWorld.Between(r, w.Start.AddYears(-1), w.Now.AddDays(-90));
            var registered = w.Chronicle.Add("offender-registered", registeredAt, unit, DemoWorld.Recorder(r, "OM"), [(offender.Id, "offender")],
                new JsonObject
                {
                    ["riskLevel"] = DemoWorld.Pick(r, new[] { "low", "medium", "medium", "high", "very-high" }), ["mappaCategory"] = 1, ["mappaLevel"] = r.Next(1, 3),
                    ["offenderManager"] = "user:offender-manager",
                });
            // Visits every few months, some now overdue.
            for (var visit = registeredAt.AddDays(r.Next(30, 120)); visit < w.Now.AddDays(-r.Next(0, 200)); visit = visit.AddDays(r.Next(60, 200)))
                w.Chronicle.Add("offender-visit", visit, unit, DemoWorld.Recorder(r, "OM"), [(offender.Id, "offender")],
                    new JsonObject { ["notes"] = "Home visit; compliant with notification requirements." });
            var flagEvents = new List<string?> { registered };
            if (r.NextDouble() < 0.35 && w.Children.Count > 0)
            {
                var child = DemoWorld.Pick(r, w.Children);
                flagEvents.Add(w.Chronicle.Add("offender-contact-with-child", w.DaysAgo(r, 0, 60), unit, DemoWorld.Recorder(r, "RESP"),
                    [(offender.Id, "offender"), (child.Id, "child")], new JsonObject { ["notes"] = "Seen by a neighbourhood officer walking with the child near a park." }));
            }
            w.Chronicle.Flag(offender.Id, "registered-sex-offender", "On the sex offenders register; managed under MAPPA.", [registered], registeredAt.AddDays(1));
        }
    }

    private static void PlanCustody(DemoWorld w, Random r)
    {
        var teens = w.Children.Where(c => w.AgeOn(c, w.Now) is >= 14 and <= 17).OrderBy(_ => r.Next()).Take(Math.Max(3, w.Children.Count / 80)).ToList();
        foreach (var (child, i) in teens.Select((c, i) => (c, i)))
        {
            var unit = w.Unit(child, "CUST");
            var at = i % 5 == 0 ? w.DaysAgo(r, 0.2, 1) : w.AnyTime(r);
            var custodyId = $"cust-{w.BcuFor(child).Prefix}-{i + 1:D4}";
            w.Chronicle.Add("custody-detained", at, unit, "user:custody-officer", [(child.Id, "child")],
                new JsonObject { ["custodyId"] = custodyId, ["appropriateAdult"] = r.NextDouble() < 0.8 ? "Parent" : "Volunteer appropriate adult scheme" });
            w.Chronicle.Add("custody-review", at.AddHours(r.Next(3, 7)), unit, "user:custody-officer", [(child.Id, "child")], new JsonObject { ["custodyId"] = custodyId });
            var charged = at.AddHours(r.Next(7, 14));
            bool refused = r.NextDouble() < 0.35;
            w.Chronicle.Add("custody-charged", charged, unit, "user:custody-officer", [(child.Id, "child")], new JsonObject { ["custodyId"] = custodyId, ["bailRefused"] = refused });
            if (refused)
            {
                // Some refused-bail children wait overnight without a transfer request: the L2 gap.
                if (r.NextDouble() < 0.7)
                {
                    w.Chronicle.Add("custody-transfer-requested", charged.AddMinutes(r.Next(20, 120)), unit, "user:custody-officer", [(child.Id, "child")],
                        new JsonObject { ["custodyId"] = custodyId, ["accommodation"] = r.NextDouble() < 0.3 ? "secure" : "non-secure" });
                    w.Chronicle.Add("custody-transfer-outcome", charged.AddHours(r.Next(2, 6)), unit, "user:custody-officer", [(child.Id, "child")],
                        r.NextDouble() < 0.6
                            ? new JsonObject { ["custodyId"] = custodyId, ["outcome"] = "transferred" }
                            : new JsonObject { ["custodyId"] = custodyId, ["outcome"] = "impracticable-certified", ["reason"] = "No local authority placement available overnight." });
                }
            }
            else
                w.Chronicle.Add("custody-released", charged.AddHours(1), unit, "user:custody-officer", [(child.Id, "child")], new JsonObject { ["custodyId"] = custodyId });
        }
    }

    /// <summary>Each duplicate carries an older record, so merging the two brings a real history together.</summary>
    private static void PlanDuplicates(DemoWorld w, Random r)
    {
        foreach (var (_, dup) in w.Duplicates)
        {
            var at = DemoWorld.Between(r, w.Start, w.Start.AddYears(1));
            w.Chronicle.Add("ppn", at, w.Unit(dup, "RESP"), DemoWorld.Recorder(r, "RESP"), [(dup.Id, "child")], new JsonObject
            {
                ["concerns"] = new JsonArray("neglect"),
                ["demeanourNotObservedReason"] = "Not present; at school",
                ["childViewsNotObtainedReason"] = "Not present; at school",
                ["immediateActions"] = "Welfare check requested via school.",
                ["referredToSocialCare"] = false,
                ["notReferredReason"] = "Concern resolved at the scene; family engaging with health visitor",
                ["riskGrade"] = "standard",
            });
        }
    }
}
