using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Xunit.Abstractions;

namespace Safeguard.Cli.Tests.Faults;

/// <summary>Issue 11, point 9 (P4): the server is killed (SIGKILL) while clients record events as fast as it takes
/// them, then started again on the same database. Every event it acknowledged is there exactly once, with everything
/// that goes with it; nothing is half-written; sending every event again after the crash stores nothing twice.
/// Runs on the provider of the run (scripts/test.sh runs this project on SQLite and again on PostgreSQL).</summary>
public sealed class CrashTests(ITestOutputHelper output) : IDisposable
{
    private readonly FreshDatabase _database = new();
    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task After_a_sigkill_mid_flight_every_acknowledged_event_is_stored_once_whole_and_retries_store_nothing_twice()
    {
        EventStorm storm;
        int port;
        await using (var server = await ServerProcess.StartAsync(_database))
        {
            port = server.Address.Port;
            using (var api = server.Api()) storm = await EventStorm.PrepareAsync(api);

            using var stop = new CancellationTokenSource();
            var clients = storm.RunAsync(() => server.Api(TimeSpan.FromSeconds(20)), clients: 4, stop.Token);
            // Kill once the server has acknowledged a fair number (or a few seconds have gone by on a slow machine).
            var clock = Stopwatch.StartNew();
            while (storm.Acknowledged.Count() < 60 && clock.Elapsed < TimeSpan.FromSeconds(20)) await Task.Delay(50);
            server.Kill();
            await Task.Delay(300); // the clients see the connection go and note their requests unanswered
            stop.Cancel();
            await clients;
            Assert.True(server.HasExited);
        }

        var sent = storm.Sent;
        var acknowledged = sent.Where(s => s.Outcome == Outcome.Acknowledged).ToList();
        output.WriteLine($"{_database.Provider}: {sent.Count} sent, {acknowledged.Count} acknowledged, " +
            $"{sent.Count(s => s.Outcome == Outcome.NoAnswer)} unanswered when the server was killed, {sent.Count(s => s.Outcome == Outcome.Refused)} busy.");
        Assert.True(acknowledged.Count >= 10, $"Only {acknowledged.Count} events were acknowledged before the kill; the test proves little.");
        Assert.Contains(sent, s => s.Outcome == Outcome.NoAnswer); // the kill did land mid-flight
        // Nothing was refused for a reason of its own: only "busy, try again" (503) is an acceptable refusal under load.
        Assert.All(sent.Where(s => s.Outcome == Outcome.Refused), s => Assert.Equal(HttpStatusCode.ServiceUnavailable, s.Status));

        // Before anything runs again: what the killed server left on disk.
        await using var services = _database.Services();
        var survived = await StoredEvents.ReadAsync(services, sent);
        Assert.All(acknowledged, a => Assert.True(survived.ContainsKey(a.Id), $"Acknowledged event {a.Id} ({a.Type}) was lost."));
        output.WriteLine($"{survived.Count} stored after the kill ({survived.Count - acknowledged.Count} of them never acknowledged).");
        await StoredEvents.AssertWholeAsync(services, survived, sent);

        // The server starts again on the same database and every event is sent again, acknowledged or not.
        await using (var server = await ServerProcess.StartAsync(_database, port))
        using (var api = server.Api())
        {
            // Four clients at once, as the clients would when they come back.
            await Parallel.ForEachAsync(sent, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (s, ct) =>
            {
                var retry = await EventStorm.SendAsync(api, s.Id, s.Type, s.Body, s.People, ct);
                Assert.True(retry.Outcome == Outcome.Acknowledged, $"Retrying {s.Id} answered {retry.Status}: {retry.Answer}");
                // Stored before the crash: answered as a repeat (200), with the outputs first given, never created again.
                if (survived.ContainsKey(s.Id)) Assert.Equal(HttpStatusCode.OK, retry.Status);
                else Assert.Equal(HttpStatusCode.Created, retry.Status);
                if (s.Outcome == Outcome.Acknowledged)
                    Assert.Equal(Outputs(s.Answer), Outputs(retry.Answer));
            });
        }

        var after = await StoredEvents.ReadAsync(services, sent);
        Assert.Equal(sent.Select(s => s.Id).Order(), after.Keys.Order());
        await StoredEvents.AssertWholeAsync(services, after, sent);
        foreach (var (id, before) in survived) Assert.Equal(before, after[id]); // the retries changed nothing already there
    }

    private static string Outputs(string? answer) => JsonDocument.Parse(answer!).RootElement.GetProperty("outputs").GetRawText();
}
