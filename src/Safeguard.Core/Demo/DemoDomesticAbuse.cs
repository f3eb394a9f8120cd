using System.Text.Json.Nodes;
using Safeguard.Core.Records;

namespace Safeguard.Core.Demo;

/// <summary>Domestic abuse households (H1–H3): repeated incidents with children present, each child's
/// demeanour and whether they were seen and spoken to (B2), DASH, a PPN per child (B1) — with a few
/// left out, which is the gap the "child to notice" list exists for — Operation Encompass notices,
/// MARAC referrals and, for some children, a child protection plan.</summary>
internal static class DemoDomesticAbuse
{
    private const int Theme = 3;

    private static readonly string[] Demeanours =
    [
        "Quiet and withdrawn, sat close to the victim throughout.", "Crying and clinging to their older sibling.",
        "Appeared calm but would not make eye contact with officers.", "Hiding in the bedroom when officers arrived; tearful.",
        "Chatty and on edge, asked several times if mum was going to be all right.", "Visibly frightened, flinched at raised voices.",
        "Angry with the suspect, shouting at him to leave.", "Playing with toys, seemingly unaware; startled by the door.",
    ];
    private static readonly string[] NotObserved = ["Asleep upstairs and not woken", "At a grandparent's address at the time", "Not present when officers attended"];
    private static readonly string[] Views =
    [
        "\"I don't like it when they shout. I go to my room and put my music on.\"", "\"He always says sorry after.\"",
        "\"I want it to stop. I want to stay with mum.\"", "\"I heard the banging and I was scared.\"", "\"It's normal, it happens every weekend.\"",
        "\"I don't want to talk about it.\"",
    ];
    private static readonly string[] Actions =
    [
        "Suspect arrested and removed from the address; safety advice given to the victim.", "Victim and children taken to a relative's address for the night.",
        "Suspect left before arrival; circulated as wanted; welfare checks arranged.", "Bail conditions not to contact the victim; refuge details provided.",
    ];
    private static readonly string[] Schools = ["Harrowfell Primary School", "Kelbeck Academy", "Southvale Church of England Primary", "Wenlow High School",
        "Saltmere Community College", "Eastcombe Junior School", "St Aldric's Catholic Primary", "Moorside Free School"];

    public static void Plan(DemoWorld w)
    {
        var r = w.Stream(Theme);
        var candidates = w.Households.Where(h => h.Adults.Count > 0 && h.Children.Count > 0).ToList();
        int count = Math.Max(3, (int)(candidates.Count * 0.22));
        foreach (var h in candidates.OrderBy(_ => r.Next()).Take(count).ToList())
            PlanHousehold(w, r, h);
    }

    private static void PlanHousehold(DemoWorld w, Random r, DemoHousehold h)
    {
        var victim = h.Adults[0];
        Person suspect;
        if (h.Adults.Count == 2) suspect = h.Adults[1];
        else
        {
            // An ex-partner who no longer lives there.
            suspect = DemoWorld.Pick(r, w.Community);
            DemoHouseholdHistory.Relate(w, "partner", victim, "associate", suspect, "associate", DemoWorld.Between(r, w.Start, w.Now.AddYears(-2)),
                DemoOrganisation.Team(h.Bcu, "RESP"), DemoWorld.Recorder(r, "RESP"));
        }

        int incidents = r.Next(1, 5) + (r.NextDouble() < 0.2 ? 2 : 0);
        // Escalating households cluster their incidents within the last year; a few are very recent.
        bool escalating = incidents >= 3 && r.NextDouble() < 0.6;
        var times = Enumerable.Range(0, incidents)
            .Select(_ => escalating ? w.DaysAgo(r, 0, 330) : w.AnyTime(r))
            .Select(t => t.Date.AddHours(r.Next(2) == 0 ? r.Next(18, 24) : r.Next(0, 3)).AddMinutes(r.Next(60)))
            .Select(t => new DateTimeOffset(t, TimeSpan.Zero))
            .Order().ToList();
        if (r.NextDouble() < 0.06) times[^1] = w.DaysAgo(r, 0.05, 1);
        else if (r.NextDouble() < 0.2) times[^1] = w.DaysAgo(r, 1, 7);

        foreach (var at in times)
        {
            var unit = DemoOrganisation.Team(h.Bcu, "RESP");
            var officer = DemoWorld.Recorder(r, "RESP");
            var grade = escalating ? "high" : DemoWorld.Pick(r, new[] { "standard", "standard", "medium", "high" });
            var children = new JsonArray();
            var people = new List<(Guid, string)> { (victim.Id, "victim"), (suspect.Id, "suspect") };
            foreach (var c in h.Children)
            {
                people.Add((c.Id, "child"));
                var entry = new JsonObject { ["personId"] = c.Id.ToString() };
                if (r.NextDouble() < 0.85) entry["demeanour"] = DemoWorld.Pick(r, Demeanours);
                else entry["demeanourNotObservedReason"] = DemoWorld.Pick(r, NotObserved);
                entry["seenAndSpokenTo"] = w.AgeOn(c, at) >= 3 && r.NextDouble() < 0.8;
                children.Add(entry);
            }
            var incidentId = w.Chronicle.Add("incident", at, unit, officer, people, new JsonObject
            {
                ["classifications"] = new JsonArray("domestic-abuse"),
                ["summary"] = "Verbal argument escalated to physical assault at the home address; children in the house.",
                ["riskGrade"] = grade,
                ["children"] = children,
            }, h.Address, h.Postcode);

            int yes = grade == "high" ? r.Next(14, 22) : grade == "medium" ? r.Next(10, 14) : r.Next(2, 10);
            var dash = new JsonObject { ["yesCount"] = yes };
            if (grade == "high" && yes < 14) dash["professionalJudgement"] = "high";
            w.Chronicle.Add("dash", at.AddMinutes(r.Next(30, 180)), unit, officer, [(victim.Id, "victim"), (suspect.Id, "suspect")], dash);

            // One incident in ten has no PPN for the children: a recording gap the system should show.
            if (r.NextDouble() >= 0.1)
                foreach (var c in h.Children)
                    AddPpn(w, r, c, victim, at.AddMinutes(r.Next(45, 300)), unit, officer, grade, incidentId);

            foreach (var c in h.Children.Where(c => w.AgeOn(c, at) is >= 4 and <= 16))
                if (r.NextDouble() < 0.75)
                {
                    var nextMorning = new DateTimeOffset(at.UtcDateTime.Date.AddDays(1).AddHours(8).AddMinutes(r.Next(0, 50)), TimeSpan.Zero);
                    w.Chronicle.Add("operation-encompass", nextMorning, DemoOrganisation.Team(h.Bcu, "MASH"), DemoWorld.Recorder(r, "MASH"), [(c.Id, "child")],
                        new JsonObject { ["school"] = DemoWorld.Pick(r, Schools), ["notifiedAt"] = DemoChronicle.Instant(nextMorning) });
                }

            if (grade == "high")
            {
                var referralAt = at.AddHours(r.Next(4, 48));
                w.Chronicle.Add("referral", referralAt, DemoOrganisation.Team(h.Bcu, "MASH"), DemoWorld.Recorder(r, "MASH"),
                    [(victim.Id, "victim"), (suspect.Id, "suspect")],
                    new JsonObject { ["to"] = h.Bcu.LocalAuthority, ["kind"] = "marac", ["reason"] = $"High-risk domestic abuse: DASH {yes} yes answers." });
                if (r.NextDouble() < 0.7)
                {
                    var maracAt = referralAt.AddDays(r.Next(7, 21));
                    var team = DemoOrganisation.Team(h.Bcu, "MASH");
                    var recorder = DemoWorld.Recorder(r, "MASH");
                    var attended = r.NextDouble() < 0.85;
                    var data = new JsonObject
                    {
                        ["kind"] = "marac", ["invitedAgencies"] = new JsonArray("police", h.Bcu.LocalAuthority, "NHS-MVH", "EDU-TVP"),
                        ["policeAttended"] = attended,
                        ["decisions"] = new JsonArray(
                            new JsonObject { ["text"] = "Review the safety plan with the victim", ["owner"] = "IDVA", ["dueDate"] = DemoChronicle.Date(maracAt.AddDays(7)) },
                            new JsonObject { ["text"] = "Target hardening at the address", ["owner"] = "police", ["dueDate"] = DemoChronicle.Date(maracAt.AddDays(14)) }),
                    };
                    if (attended) { data["policeAttendee"] = "DS 2214 Morwenna Trevail"; data["policeAttendeeRank"] = "DS"; }
                    w.Chronicle.Add("meeting", maracAt, team, recorder, [(victim.Id, "victim"), .. h.Children.Select(c => (c.Id, "child"))], data);
                }
            }
        }

        // Repeated harm leads to a child protection plan for some households.
        if (times.Count >= 3 && r.NextDouble() < 0.5)
        {
            var icpcAt = times[^1].AddDays(r.Next(10, 25));
            var team = DemoOrganisation.Team(h.Bcu, "CAIT");
            var recorder = DemoWorld.Recorder(r, "CAIT");
            var attended = r.NextDouble() < 0.7;
            var data = new JsonObject
            {
                ["kind"] = "icpc", ["invitedAgencies"] = new JsonArray("police", h.Bcu.LocalAuthority, "NHS-MVH", "EDU-TVP"),
                ["policeAttended"] = attended,
                ["decisions"] = new JsonArray(new JsonObject
                {
                    ["text"] = "Child protection plan: emotional abuse; core group to meet", ["owner"] = h.Bcu.LocalAuthority, ["dueDate"] = DemoChronicle.Date(icpcAt.AddDays(10)),
                }),
                ["planCategory"] = "emotional-abuse",
            };
            if (attended) { data["policeAttendee"] = "DC 3071 Jago Penrose"; data["policeAttendeeRank"] = "DC"; }
            var meeting = w.Chronicle.Add("meeting", icpcAt, team, recorder, h.Children.Select(c => (c.Id, "child")), data);
            if (meeting is not null)
                foreach (var c in h.Children)
                    w.Chronicle.Flag(c.Id, "child-protection-plan", "Subject to a child protection plan (emotional abuse) from the initial conference.", [meeting],
                        icpcAt.AddHours(r.Next(2, 48)));
        }
    }

    private static void AddPpn(DemoWorld w, Random r, Person child, Person victim, DateTimeOffset at, string unit, string officer, string grade, string? incidentId)
    {
        int age = w.AgeOn(child, at);
        var data = new JsonObject { ["concerns"] = new JsonArray("domestic-abuse", "emotional-abuse") };
        if (r.NextDouble() < 0.88) data["demeanour"] = DemoWorld.Pick(r, Demeanours);
        else data["demeanourNotObservedReason"] = DemoWorld.Pick(r, NotObserved);
        if (age < 3) data["childViewsNotObtainedReason"] = "Pre-verbal";
        else if (r.NextDouble() < 0.8) data["childViews"] = DemoWorld.Pick(r, Views);
        else data["childViewsNotObtainedReason"] = "Child did not want to speak to officers; to be revisited by social worker";
        data["immediateActions"] = DemoWorld.Pick(r, Actions);
        bool referred = grade != "standard" || r.NextDouble() < 0.5;
        data["referredToSocialCare"] = referred;
        if (!referred) data["notReferredReason"] = "Single standard-risk incident; family already open to early help";
        data["riskGrade"] = grade;
        data["incidentEventId"] = incidentId;
        w.Chronicle.Add("ppn", at, unit, officer, [(child.Id, "child"), (victim.Id, "parent")], data);
    }
}
