using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Safeguard.TestKit;

namespace Safeguard.Cli.Tests.Faults;

/// <summary>What became of one event a client sent.</summary>
public enum Outcome
{
    /// <summary>2xx: the server said it was stored.</summary>
    Acknowledged,
    /// <summary>Any other answer.</summary>
    Refused,
    /// <summary>No answer at all (the connection broke, the server died).</summary>
    NoAnswer,
}

/// <summary>One event sent: its id, the exact body (a retry sends the same bytes), how many distinct people it names,
/// and what came back.</summary>
public sealed record SentEvent(string Id, string Type, string Body, int People, Outcome Outcome, HttpStatusCode? Status, string? Answer);

/// <summary>Several API clients recording events as fast as the server takes them: unique ids, a mix of types, some
/// people shared between clients (so the one-writer-per-person locks are busy). Every event sent is remembered with
/// what came back, so a test can hold the server to what it acknowledged.</summary>
public sealed class EventStorm
{
    private static readonly string[] Types = ["missing-reported", "cse-screening", "operation-encompass", "referral", "relationship"];

    private readonly ConcurrentQueue<SentEvent> _sent = new();
    private readonly IReadOnlyList<string> _children;
    private readonly IReadOnlyList<string> _adults;
    private readonly string _prefix = "storm-" + Guid.NewGuid().ToString("N")[..8];

    private EventStorm(IReadOnlyList<string> children, IReadOnlyList<string> adults)
    {
        _children = children;
        _adults = adults;
    }

    public IReadOnlyList<SentEvent> Sent => [.. _sent];
    public IEnumerable<SentEvent> Acknowledged => _sent.Where(s => s.Outcome == Outcome.Acknowledged);

    /// <summary>Creates the people the events are about (synthetic children and parents) through the API.</summary>
    public static async Task<EventStorm> PrepareAsync(HttpClient api, int children = 8, int adults = 3)
    {
        var c = new List<string>();
        var a = new List<string>();
        for (var i = 0; i < children; i++)
            c.Add(await api.CreatePersonAsync(new { forename = "Storm" + (char)('A' + i), surname = "Child", dateOfBirth = $"201{i % 8}-0{1 + i % 9}-1{i % 9}" }));
        for (var i = 0; i < adults; i++)
            a.Add(await api.CreatePersonAsync(new { forename = "Storm" + (char)('A' + i), surname = "Parent", dateOfBirth = $"198{i}-05-2{i}" }));
        return new EventStorm(c, a);
    }

    /// <summary>Runs <paramref name="clients"/> clients, each sending one event after another, until <paramref name="stop"/>
    /// is cancelled. A client whose request gets no answer notes it and carries on (the server may be gone).</summary>
    public Task RunAsync(Func<HttpClient> api, int clients, CancellationToken stop) =>
        Task.WhenAll(Enumerable.Range(0, clients).Select(n => Task.Run(() => ClientAsync(api(), n, stop))));

    private async Task ClientAsync(HttpClient http, int client, CancellationToken stop)
    {
        using var _ = http;
        var random = new Random(client * 7919 + Environment.TickCount);
        for (var n = 0; !stop.IsCancellationRequested; n++)
        {
            var (id, type, body, people) = NextEvent(random, client, n);
            var sent = await SendAsync(http, id, type, body, people, CancellationToken.None);
            _sent.Enqueue(sent);
            if (sent.Outcome == Outcome.NoAnswer) await Task.Delay(50, CancellationToken.None);
        }
    }

    /// <summary>Sends one event's body and notes what came back.</summary>
    public static async Task<SentEvent> SendAsync(HttpClient http, string id, string type, string body, int people, CancellationToken ct)
    {
        try
        {
            using var response = await http.PostAsync("/api/v1/events", new StringContent(body, Encoding.UTF8, "application/json"), ct);
            var answer = await response.Content.ReadAsStringAsync(ct);
            var outcome = response.IsSuccessStatusCode ? Outcome.Acknowledged : Outcome.Refused;
            return new SentEvent(id, type, body, people, outcome, response.StatusCode, answer);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
        {
            return new SentEvent(id, type, body, people, Outcome.NoAnswer, null, e.GetType().Name);
        }
    }

    private (string Id, string Type, string Body, int People) NextEvent(Random random, int client, int n)
    {
        var id = $"{_prefix}-{client}-{n}";
        var type = Types[random.Next(Types.Length)];
        var child = _children[random.Next(_children.Count)];
        var adult = _adults[random.Next(_adults.Count)];
        // Real time on the server: a little in the past, never in the future.
        var at = DateTimeOffset.UtcNow.AddMinutes(-random.Next(10, 600)).ToString("yyyy-MM-ddTHH:mm:ssZ");
        var people = new JsonArray(new JsonObject { ["personId"] = child, ["role"] = "child" });
        JsonObject data;
        switch (type)
        {
            case "missing-reported":
                people.Add(new JsonObject { ["personId"] = adult, ["role"] = "reporting-person" });
                data = new JsonObject
                {
                    ["riskGrade"] = new[] { "high", "medium", "low" }[random.Next(3)], ["reportedBy"] = "parent", ["lookedAfter"] = random.Next(2) == 0,
                    ["lastSeenAt"] = at, ["lastSeenLocation"] = "Bus station", ["circumstances"] = $"Did not come home (storm {n})",
                };
                break;
            case "cse-screening":
                data = new JsonObject { ["indicators"] = new JsonArray("missing", "older-partner", "gifts-money"), ["notes"] = "New phone" };
                break;
            case "operation-encompass":
                data = new JsonObject { ["school"] = "Alder Primary", ["notifiedAt"] = at };
                break;
            case "referral":
                data = new JsonObject { ["to"] = "LA-ALDER", ["kind"] = "social-care", ["reason"] = $"Concerns after storm event {n}" };
                break;
            default:
                people.Insert(0, new JsonObject { ["personId"] = adult, ["role"] = "parent" });
                data = new JsonObject { ["kind"] = "parent" };
                break;
        }
        var body = new JsonObject
        {
            ["id"] = id, ["type"] = type, ["occurredAt"] = at, ["unit"] = "BCU-N", ["people"] = people, ["data"] = data,
        };
        return (id, type, body.ToJsonString(), people.Select(p => p!["personId"]!.GetValue<string>()).Distinct().Count());
    }
}
