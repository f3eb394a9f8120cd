using System.Text.Json;
using Safeguard.Core.Flags;
using Safeguard.Core.Records;

namespace Safeguard.Core.Profiles;

/// <summary>The people linked to a person on their profile (D3): current relationships, people found with them
/// when they were missing (associates, with the episodes, D4), then everyone else in their events.</summary>
public static class LinkedPeople
{
    /// <summary>People found with the child, by the missing reports of the episodes (oldest first): anyone in a
    /// <c>missing-located</c> record of the child as an associate, or named by id in its <c>foundWith</c>.</summary>
    public static IReadOnlyDictionary<Guid, IReadOnlyList<string>> FoundWith(Guid childId, IEnumerable<Event> events)
    {
        var found = new Dictionary<Guid, List<(DateTimeOffset At, string Episode)>>();
        foreach (var e in events.Where(e => e.Type == "missing-located" && e.People.Any(p => p.PersonId == childId && p.Role == "child")))
        {
            var (episode, named) = Read(e);
            var with = e.People.Where(p => p.Role == "associate" && p.PersonId != childId).Select(p => p.PersonId).Concat(named)
                .Where(id => id != childId).Distinct();
            foreach (var id in with)
            {
                if (!found.TryGetValue(id, out var list)) found[id] = list = [];
                if (list.All(x => x.Episode != episode)) list.Add((e.OccurredAt, episode));
            }
        }
        return found.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<string>)kv.Value.OrderBy(x => x.At).Select(x => x.Episode).ToList());
    }

    /// <summary>Everyone linked to <paramref name="person"/> whom the reader may see (<paramref name="visible"/>).</summary>
    public static IReadOnlyList<LinkedPersonView> Of(Person person, IEnumerable<Event> events, IEnumerable<Relationship> relationships,
        IReadOnlyDictionary<Guid, Person> visible, IReadOnlyDictionary<Guid, List<Flag>> flags)
    {
        var result = new Dictionary<Guid, LinkedPersonView>();
        IReadOnlyList<FlagTag> Tags(Guid id) => FlagViews.Tags(flags.GetValueOrDefault(id, []));
        foreach (var r in relationships.Where(r => r.End is null))
        {
            var other = r.PersonId == person.Id ? r.OtherPersonId : r.PersonId;
            if (visible.TryGetValue(other, out var p))
                result[other] = new(other, p.FullName, p.DateOfBirth, r.Kind, r.SourceEventId, Tags(other), []);
        }
        var ordered = events.OrderBy(e => e.OccurredAt).ThenBy(e => e.Id).ToList();
        foreach (var (id, episodes) in FoundWith(person.Id, ordered))
        {
            if (!visible.TryGetValue(id, out var p)) continue;
            result[id] = result.TryGetValue(id, out var known)
                ? known with { Episodes = episodes }
                : new(id, p.FullName, p.DateOfBirth, "associate", episodes[0], Tags(id), episodes);
        }
        foreach (var e in ordered.AsEnumerable().Reverse())
            foreach (var part in e.People.Where(x => x.PersonId != person.Id && !result.ContainsKey(x.PersonId)))
                if (visible.TryGetValue(part.PersonId, out var p))
                    result[part.PersonId] = new(p.Id, p.FullName, p.DateOfBirth, $"{part.Role} in {Vocabulary.Describe(e.Type).ToLowerInvariant()}",
                        e.Id, Tags(p.Id), []);
        return result.Values.OrderBy(v => v.Relationship.Contains(" in ") ? 1 : 0).ThenBy(v => v.Name).ToList();
    }

    private static (string Episode, IEnumerable<Guid> Named) Read(Event located)
    {
        try
        {
            using var doc = JsonDocument.Parse(string.IsNullOrWhiteSpace(located.Data) ? "{}" : located.Data);
            var d = doc.RootElement;
            var episode = d.ValueKind == JsonValueKind.Object && d.TryGetProperty("missingEventId", out var m) && m.ValueKind == JsonValueKind.String
                ? m.GetString()! : located.Id;
            var named = d.ValueKind == JsonValueKind.Object && d.TryGetProperty("foundWith", out var w) && w.ValueKind == JsonValueKind.Array
                ? w.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => Guid.TryParse(x.GetString(), out var g) ? g : Guid.Empty)
                    .Where(g => g != Guid.Empty).ToList()
                : [];
            return (episode, named);
        }
        catch (JsonException)
        {
            return (located.Id, []);
        }
    }
}
