using System.Net;
using System.Text.Json.Nodes;
using Safeguard.Core.Organisation;
using Safeguard.TestKit;

namespace Safeguard.Web.Tests.Supervision;

/// <summary>Two BCUs (Northmoor, Southvale) with their teams, and events recorded through the API by a team of either.
/// The factory clock stands at 2 March 2026 09:00 UTC, so the last 24 hours start at 1 March 2026 09:00 UTC.</summary>
internal static class SupervisionTestData
{
    public static async Task AddForceAsync(SafeguardFactory factory)
    {
        using var db = factory.Db();
        db.Bcus.AddRange(new Bcu { Code = "BCU-N", Name = "Northmoor BCU" }, new Bcu { Code = "BCU-S", Name = "Southvale BCU" });
        foreach (var (prefix, bcu) in new[] { ("N", "BCU-N"), ("S", "BCU-S") })
        {
            var place = prefix == "N" ? "Northmoor" : "Southvale";
            db.Teams.AddRange(
                new Team { Code = $"{prefix}-RESP", Name = $"{place} response", BcuCode = bcu, Kind = "response", Capacity = 60 },
                new Team { Code = $"{prefix}-CAIT", Name = $"{place} child abuse investigation team", BcuCode = bcu, Kind = "specialist-child-abuse", Capacity = 2 },
                new Team { Code = $"{prefix}-MASH", Name = $"{place} safeguarding hub", BcuCode = bcu, Kind = "mash", Capacity = 45 },
                new Team { Code = $"{prefix}-MISS", Name = $"{place} missing person coordinator", BcuCode = bcu, Kind = "missing", Capacity = 30 },
                new Team { Code = $"{prefix}-CUST", Name = $"{place} custody", BcuCode = bcu, Kind = "custody", Capacity = 20 });
        }
        await db.SaveChangesAsync();
    }

    public static Task<string> ChildAsync(HttpClient api, string forename, string surname, int age = 13) =>
        api.CreatePersonAsync(A.Child(forename, surname).AgedYears(age).Build());

    public static Task<JsonNode> IncidentAsync(HttpClient api, string child, string at, string unit, string classification = "physical-abuse", string grade = "medium") =>
        api.RecordAsync(new
        {
            id = "inc-" + Guid.NewGuid().ToString("N"), type = "incident", occurredAt = at, unit,
            people = new[] { new { personId = child, role = "child" } },
            data = new { classifications = new[] { classification }, summary = "Neighbour heard shouting", riskGrade = grade },
        });

    public static Task<JsonNode> EventAsync(HttpClient api, string id, string type, string at, string unit, string person, object data, string role = "child") =>
        api.RecordAsync(new { id, type, occurredAt = at, unit, people = new[] { new { personId = person, role } }, data });

    /// <summary>Restricts a person to one named user nobody in the test signs in as.</summary>
    public static async Task RestrictAsync(SafeguardFactory factory, string person)
    {
        var username = "named-" + Guid.NewGuid().ToString("N")[..8];
        await factory.AddUserAsync(username, "investigator", "Named-user-password-1", "N-CAIT");
        var (status, body) = await factory.Api().PutJsonAsync($"/api/v1/people/{person}/restriction", new { allowed = new[] { $"user:{username}" }, reason = "Officer is a suspect" });
        if (status != HttpStatusCode.OK) throw new InvalidOperationException($"Restricting answered {status}: {body}");
    }

    /// <summary>The names in one section of the meeting as the API answers it.</summary>
    public static IReadOnlyList<string> SectionNames(JsonNode meeting, string section) =>
        meeting["sections"]!.AsArray().Single(s => s!["key"]!.GetValue<string>() == section)!["items"]!.AsArray()
            .Select(i => i!["name"]!.GetValue<string>()).ToList();

    public static JsonNode Item(JsonNode meeting, string section, string name) =>
        meeting["sections"]!.AsArray().Single(s => s!["key"]!.GetValue<string>() == section)!["items"]!.AsArray()
            .First(i => i!["name"]!.GetValue<string>() == name)!;
}
