using System.Net;
using System.Text.Json.Nodes;
using Safeguard.Core.Organisation;
using Safeguard.TestKit;

namespace Safeguard.Web.Tests.Investigations;

/// <summary>Teams and investigation events as a test force has them, written through the API as partner systems send them.</summary>
internal static class InvestigationApi
{
    /// <summary>Northmoor's child abuse team (child abuse, CSE, online), its CID (no skills) and Eastcombe's child abuse team
    /// (child abuse, online, high-tech crime, not CSE).</summary>
    public static async Task AddTeamsAsync(this SafeguardFactory factory)
    {
        using var db = factory.Db();
        db.Teams.AddRange(
            new Team { Code = "N-CAIT", Name = "Northmoor child abuse investigation team", BcuCode = "BCU-N", Kind = "specialist-child-abuse", Capacity = 25,
                Skills = ["child-abuse", "cse", "online-abuse"] },
            new Team { Code = "N-CID", Name = "Northmoor criminal investigation department", BcuCode = "BCU-N", Kind = "investigation", Capacity = 40 },
            new Team { Code = "E-CAIT", Name = "Eastcombe child abuse investigation team", BcuCode = "BCU-E", Kind = "specialist-child-abuse", Capacity = 25,
                Skills = ["child-abuse", "online-abuse", "high-tech-crime"] });
        await db.SaveChangesAsync();
    }

    public static Task<(HttpStatusCode Status, JsonNode? Body)> InvestigationEventAsync(this HttpClient api, string id, string type, string at, string child, object data) =>
        api.PostJsonAsync("/api/v1/events", new { id, type, occurredAt = at, people = new[] { new { personId = child, role = "victim" } }, data });

    public static async Task OpenAsync(this HttpClient api, string investigationId, string child, string at, params string[] offences)
    {
        var (status, body) = await api.InvestigationEventAsync($"open-{investigationId}", "investigation-opened", at, child,
            new { investigationId, offenceTypes = offences, team = "N-CID" });
        if (status != HttpStatusCode.Created) throw new InvalidOperationException($"Opening answered {status}: {body}");
    }

    public static Task<(HttpStatusCode Status, JsonNode? Body)> AllocateAsync(this HttpClient api, string investigationId, string child, string at, string team,
        string? reason = null) =>
        api.InvestigationEventAsync($"alloc-{investigationId}-{team}", "investigation-allocated", at, child,
            reason is null ? new { investigationId, team } : new { investigationId, team, nonSpecialistReason = reason });

    public static Task<(HttpStatusCode Status, JsonNode? Body)> ReviewAsync(this HttpClient api, string investigationId, string child, string at) =>
        api.InvestigationEventAsync($"review-{investigationId}-{at}", "supervisory-review", at, child,
            new { investigationId, @checked = "Lines of enquiry, safeguarding plan, contact with the family", nextActions = new[] { "Achieving best evidence interview" } });

    /// <summary>The ids of the investigations in a list answer, in order.</summary>
    public static string[] Ids(JsonNode? rows) => rows!.AsArray().Select(r => r!["id"]!.GetValue<string>()).ToArray();
}
