using System.Net;
using Microsoft.Data.Sqlite;
using Npgsql;
using Safeguard.Core.Records;
using Safeguard.TestKit;

namespace Safeguard.Web.Tests.Concurrency;

/// <summary>API.md "Decisions": when the database is held by other work past the busy timeout, the answer is
/// 503 busy with Retry-After, never a 500, and nothing is written.</summary>
public sealed class BusyTests : IDisposable
{
    private readonly SafeguardFactory _factory = new(new Dictionary<string, string> { ["Safeguard:Database:BusyTimeoutSeconds"] = "1" });
    private readonly HttpClient _api;

    public BusyTests() => _api = _factory.Api();
    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task An_event_for_a_child_whose_lock_is_held_elsewhere_answers_503_busy_with_retry_after_and_is_not_stored()
    {
        var child = await _api.CreatePersonAsync(A.Child("Held", "Elsewhere").Build());
        await using var holder = await HoldLockAsync(Guid.Parse(child));

        var response = await _api.PostAsync("/api/v1/events", new StringContent(
            System.Text.Json.JsonSerializer.Serialize(A.Ppn(child).WithId("while-held").Build()), System.Text.Encoding.UTF8, "application/json"));
        var body = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync());
        await holder.DisposeAsync();
        var (afterwards, _) = await _api.GetJsonAsync("/api/v1/events/while-held");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("busy", body!["code"]!.GetValue<string>());
        Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Equal(HttpStatusCode.NotFound, afterwards);
    }

    /// <summary>Other work holding the child: on SQLite the database's write lock, on PostgreSQL the child's lock.</summary>
    private async Task<IAsyncDisposable> HoldLockAsync(Guid child)
    {
        if (SafeguardFactory.Provider == "postgres")
        {
            var pg = new NpgsqlConnection(_factory.ConnectionString);
            await pg.OpenAsync();
            var tx = await pg.BeginTransactionAsync();
            await using var cmd = new NpgsqlCommand($"SELECT pg_advisory_xact_lock({PersonLocks.KeyOf(child)})", pg, tx);
            await cmd.ExecuteNonQueryAsync();
            return pg;
        }
        var sqlite = new SqliteConnection(_factory.ConnectionString);
        await sqlite.OpenAsync();
        await using (var begin = new SqliteCommand("BEGIN IMMEDIATE", sqlite)) await begin.ExecuteNonQueryAsync();
        return sqlite;
    }
}
