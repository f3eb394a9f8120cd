using System.Text.Json.Nodes;
using Safeguard.TestKit;

namespace Safeguard.Web.Tests.Cases;

/// <summary>Events of every kind of case, written through the API as partner systems would send them.</summary>
internal static class CaseHistory
{
    public static Task<JsonNode> EventAsync(this HttpClient api, string id, string type, string at, object data, params (string PersonId, string Role)[] people) =>
        api.RecordAsync(new { id, type, occurredAt = at, people = people.Select(p => new { personId = p.PersonId, role = p.Role }), data });

    public static async Task InvestigationAsync(this HttpClient api, string child, string suspect)
    {
        await api.EventAsync("inv-open", "investigation-opened", "2026-02-01T10:00:00Z",
            new { investigationId = "INV-7", offenceTypes = new[] { "sexual-assault" }, team = "CAIT" }, (child, "victim"), (suspect, "suspect"));
        await api.EventAsync("inv-alloc", "investigation-allocated", "2026-02-01T12:00:00Z", new { investigationId = "INV-7", team = "CAIT-NORTH" }, (child, "victim"));
        await api.EventAsync("inv-review", "supervisory-review", "2026-02-08T12:00:00Z",
            new { investigationId = "INV-7", @checked = "Lines of enquiry and the safeguarding plan", nextActions = new[] { "Interview the suspect" } }, (child, "victim"));
    }

    public static async Task CustodyAsync(this HttpClient api, string child)
    {
        await api.EventAsync("cus-in", "custody-detained", "2026-02-10T20:00:00Z", new { custodyId = "CUS-3", appropriateAdult = "Mother" }, (child, "child"));
        await api.EventAsync("cus-charged", "custody-charged", "2026-02-11T08:00:00Z", new { custodyId = "CUS-3", bailRefused = false }, (child, "child"));
        await api.EventAsync("cus-out", "custody-released", "2026-02-11T09:00:00Z", new { custodyId = "CUS-3" }, (child, "child"));
    }

    public static async Task PoliceProtectionAsync(this HttpClient api, string child)
    {
        await api.EventAsync("pp-1", "police-protection", "2026-02-12T20:00:00Z",
            new { initiatingOfficer = "PC 101 Shaw", designatedOfficer = "Insp 7 Khan", localAuthorityInformedAt = "2026-02-12T21:00:00Z" }, (child, "child"));
        await api.EventAsync("pp-1-end", "police-protection-ended", "2026-02-13T10:00:00Z", new { }, (child, "child"));
    }

    /// <summary>A digital forensic request completed and a charging file awaiting its decision, both in investigation INV-7;
    /// the local authority told of a second spell of police protection after it started.</summary>
    public static async Task QueuesAsync(this HttpClient api, string child, string suspect)
    {
        await api.EventAsync("dfu-1", "forensic-request", "2026-02-02T10:00:00Z", new { requestId = "DFU-7", device = "Phone", investigationId = "INV-7" },
            (child, "victim"), (suspect, "suspect"));
        await api.EventAsync("dfu-1-done", "forensic-completed", "2026-02-09T10:00:00Z", new { requestId = "DFU-7", findings = "Messages recovered" }, (child, "victim"));
        await api.EventAsync("cps-1", "charging-file-submitted", "2026-02-10T10:00:00Z", new { fileId = "CPS-7", investigationId = "INV-7" },
            (child, "victim"), (suspect, "suspect"));
        await api.EventAsync("pp-2", "police-protection", "2026-02-26T20:00:00Z", new { initiatingOfficer = "PC 101 Shaw", designatedOfficer = "Insp 7 Khan" }, (child, "child"));
        await api.EventAsync("pp-2-la", "police-protection-la-informed", "2026-02-26T21:00:00Z",
            new { localAuthorityInformedAt = "2026-02-26T21:00:00Z", localAuthority = "Northmoor" }, (child, "child"));
    }

    public static async Task ReferralAsync(this HttpClient api, string child)
    {
        await api.EventAsync("ref-1", "referral", "2026-02-14T10:00:00Z", new { to = "LA-CSC", kind = "social-care", reason = "Concerns for the child's safety at home" }, (child, "child"));
        await api.EventAsync("ref-1-answer", "referral-response", "2026-02-15T10:00:00Z", new { referralEventId = "ref-1", outcome = "accepted" }, (child, "child"));
    }

    public static async Task OffenderAsync(this HttpClient api, string offender, string child)
    {
        await api.EventAsync("off-reg", "offender-registered", "2026-01-05T10:00:00Z",
            new { riskLevel = "high", mappaCategory = 1, mappaLevel = 2, offenderManager = "DC Jones" }, (offender, "offender"));
        await api.EventAsync("off-visit", "offender-visit", "2026-02-05T10:00:00Z", new { notes = "Home visit, nothing of note" }, (offender, "offender"));
        await api.EventAsync("off-contact", "offender-contact-with-child", "2026-02-06T10:00:00Z", new { notes = "Seen with a child at the park" },
            (offender, "offender"), (child, "child"));
    }

    /// <summary>A mother's DASH, her referral to the MARAC and the MARAC meeting that heard it (DA1, I6).</summary>
    public static async Task MaracAsync(this HttpClient api, string suspect, string child)
    {
        var mother = await api.CreatePersonAsync(A.Adult("Mara", "Casevictim").Build());
        await api.EventAsync("dash-1", "dash", "2026-02-17T10:00:00Z", new { yesCount = 15 }, (mother, "victim"), (suspect, "suspect"));
        await api.EventAsync("marac-ref-1", "referral", "2026-02-17T15:00:00Z", new { to = "LA-CSC", kind = "marac", reason = "DASH 15 yes" }, (mother, "victim"));
        await api.EventAsync("marac-1", "meeting", "2026-02-19T10:00:00Z", new
        {
            kind = "marac", invitedAgencies = new[] { "police", "IDVA", "housing" }, policeAttended = true, policeAttendee = "DS 77 Ros Tonkin", policeAttendeeRank = "DS",
            decisions = new object[] { new { text = "Target-harden the home", owner = "housing", dueDate = "2026-02-26" } },
        }, (mother, "victim"), (child, "child"));
    }

    public static Task StrategyDiscussionAsync(this HttpClient api, string child, string dueDate) =>
        api.EventAsync("sd-1", "strategy-discussion", "2026-02-16T10:00:00Z", new
        {
            agencies = new[] { "police", "children's social care", "health" }, section47 = true,
            decisions = new object[]
            {
                new { text = "Joint visit to the child", owner = "DS Patel", dueDate },
                new { text = "Health check", owner = "School nurse", dueDate, status = "done" },
            },
        }, (child, "child"));
}
