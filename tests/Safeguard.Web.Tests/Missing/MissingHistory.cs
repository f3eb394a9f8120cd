using System.Text.Json.Nodes;
using Safeguard.TestKit;

namespace Safeguard.Web.Tests.Missing;

/// <summary>Whole missing histories written through the API, as a force's systems would send them.</summary>
internal static class MissingHistory
{
    public static Task<JsonNode> ReportAsync(this HttpClient api, string id, string childId, string at, string grade = "low", bool lookedAfter = true,
        string? lastSeen = "Town centre") =>
        api.RecordAsync(new
        {
            id, type = "missing-reported", occurredAt = at,
            people = new[] { new { personId = childId, role = "child" } },
            data = new { riskGrade = grade, reportedBy = lookedAfter ? "childrens-home" : "parent", lookedAfter, lastSeenAt = at, lastSeenLocation = lastSeen },
        });

    public static Task<JsonNode> LocateAsync(this HttpClient api, string id, string missingId, string childId, string at, string foundAt,
        string? withId = null, params string[] foundWith) =>
        api.RecordAsync(new
        {
            id, type = "missing-located", occurredAt = at,
            people = withId is null ? new[] { new { personId = childId, role = "child" } }
                : new[] { new { personId = childId, role = "child" }, new { personId = withId, role = "associate" } },
            data = new { missingEventId = missingId, locatedAt = at, foundLocation = foundAt, foundWith },
        });

    public static Task<JsonNode> SafeAndWellAsync(this HttpClient api, string id, string missingId, string childId, string at, params string[] disclosures) =>
        api.RecordAsync(new
        {
            id, type = "safe-and-well-check", occurredAt = at, people = new[] { new { personId = childId, role = "child" } },
            data = new { missingEventId = missingId, disclosures },
        });

    public static Task<JsonNode> ReturnInterviewAsync(this HttpClient api, string id, string missingId, string childId, string at) =>
        api.RecordAsync(new
        {
            id, type = "return-interview", occurredAt = at, people = new[] { new { personId = childId, role = "child" } },
            data = new { missingEventId = missingId, offeredAt = at, heldAt = at, byAgency = "Independent return service" },
        });

    public static IEnumerable<string> Codes(this JsonNode? list) => list!.AsArray().Select(x => x!["code"]!.GetValue<string>());
}
