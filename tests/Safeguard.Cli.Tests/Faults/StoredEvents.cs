using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Core.Data;
using Safeguard.Core.Profiles;

namespace Safeguard.Cli.Tests.Faults;

/// <summary>What a database holds for one event sent: its people, its access-log rows and its outputs as first answered.</summary>
public sealed record StoredEvent(int People, int AuditRows, string Outputs, string BodyHash);

/// <summary>Reads back, straight from a database, what it holds for the events an <see cref="EventStorm"/> sent, and checks
/// that each one is whole: everything the one transaction that stores an event writes is there together.</summary>
public static class StoredEvents
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<Dictionary<string, StoredEvent>> ReadAsync(ServiceProvider services, IEnumerable<SentEvent> sent)
    {
        var ids = sent.Select(s => s.Id).ToList();
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SafeguardDb>();
        var events = await db.Events.AsNoTracking().Where(e => ids.Contains(e.Id)).Select(e => new { e.Id, e.Outputs, e.BodyHash }).ToListAsync();
        var people = await db.EventParticipants.AsNoTracking().Where(p => ids.Contains(p.EventId)).GroupBy(p => p.EventId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);
        var audit = await db.Audit.AsNoTracking().Where(a => a.Entity == "event" && a.Action == "create" && ids.Contains(a.EntityId!))
            .GroupBy(a => a.EntityId!).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);
        return events.ToDictionary(e => e.Id, e => new StoredEvent(people.GetValueOrDefault(e.Id), audit.GetValueOrDefault(e.Id), e.Outputs, e.BodyHash));
    }

    /// <summary>Each stored event has every part one transaction writes: one participant row per person named, one
    /// access-log row per person, and the rules' outputs; and every flag, task and alert those outputs name exists.</summary>
    public static async Task AssertWholeAsync(ServiceProvider services, Dictionary<string, StoredEvent> stored, IEnumerable<SentEvent> sent)
    {
        var byId = sent.ToDictionary(s => s.Id);
        foreach (var (id, s) in stored)
        {
            var expected = byId[id].People;
            Assert.True(s.People == expected, $"Event {id} has {s.People} people stored, not {expected}.");
            Assert.True(s.AuditRows == expected, $"Event {id} has {s.AuditRows} access-log rows, not one per person ({expected}).");
            Assert.NotEqual("", s.BodyHash);
        }
        var outputs = stored.Values.Select(s => JsonSerializer.Deserialize<EventOutputs>(s.Outputs, Json)).ToList();
        Assert.All(outputs, o => Assert.True(o?.Flags is not null && o.Tasks is not null && o.Alerts is not null, "An event's outputs were never written."));
        var flags = outputs.SelectMany(o => o!.Flags.Select(f => f.Id)).Distinct().ToList();
        var tasks = outputs.SelectMany(o => o!.Tasks.Select(t => t.Id)).Distinct().ToList();
        var alerts = outputs.SelectMany(o => o!.Alerts.Select(a => a.Id)).Distinct().ToList();
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SafeguardDb>();
        Assert.Equal(flags.Count, await db.Flags.CountAsync(f => flags.Contains(f.Id)));
        Assert.Equal(tasks.Count, await db.Tasks.CountAsync(t => tasks.Contains(t.Id)));
        Assert.Equal(alerts.Count, await db.Alerts.CountAsync(a => alerts.Contains(a.Id)));
    }
}
