using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Safeguard.TestKit;

/// <summary>Readable calls to the API from tests.</summary>
public static class ApiExtensions
{
    public static async Task<(HttpStatusCode Status, JsonNode? Body)> PostJsonAsync(this HttpClient client, string url, object body)
    {
        var response = await client.PostAsync(url, new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json"));
        return (response.StatusCode, await ReadAsync(response));
    }

    public static async Task<(HttpStatusCode Status, JsonNode? Body)> PutJsonAsync(this HttpClient client, string url, object body)
    {
        var response = await client.PutAsync(url, new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json"));
        return (response.StatusCode, await ReadAsync(response));
    }

    public static async Task<(HttpStatusCode Status, JsonNode? Body)> PostRawAsync(this HttpClient client, string url, string raw,
        string contentType = "application/json")
    {
        var response = await client.PostAsync(url, new StringContent(raw, Encoding.UTF8, contentType));
        return (response.StatusCode, await ReadAsync(response));
    }

    public static async Task<(HttpStatusCode Status, JsonNode? Body)> GetJsonAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        return (response.StatusCode, await ReadAsync(response));
    }

    public static async Task<(HttpStatusCode Status, JsonNode? Body)> DeleteJsonAsync(this HttpClient client, string url)
    {
        var response = await client.DeleteAsync(url);
        return (response.StatusCode, await ReadAsync(response));
    }

    /// <summary>Creates a person and returns their id; fails the test if it cannot.</summary>
    public static async Task<string> CreatePersonAsync(this HttpClient client, object person)
    {
        var (status, body) = await client.PostJsonAsync("/api/v1/people", person);
        if (status != HttpStatusCode.Created) throw new InvalidOperationException($"Creating a person answered {status}: {body}");
        return body!["id"]!.GetValue<string>();
    }

    /// <summary>Records an event and returns the answer; fails the test unless it was created.</summary>
    public static async Task<JsonNode> RecordAsync(this HttpClient client, object ev)
    {
        var (status, body) = await client.PostJsonAsync("/api/v1/events", ev);
        if (status != HttpStatusCode.Created) throw new InvalidOperationException($"Recording an event answered {status}: {body}");
        return body!;
    }

    private static async Task<JsonNode?> ReadAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        if (string.IsNullOrWhiteSpace(text)) return null;
        try { return JsonNode.Parse(text); } catch (JsonException) { return JsonValue.Create(text); }
    }
}
