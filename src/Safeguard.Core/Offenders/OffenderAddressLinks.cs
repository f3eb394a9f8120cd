using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Calendar;
using Safeguard.Core.Data;
using Safeguard.Core.Records;
using Safeguard.Core.Rules;
using Safeguard.Core.Rules.Offenders;

namespace Safeguard.Core.Offenders;

/// <summary>K4, D3: when a registered sex offender's address becomes known (the registration, or a notification giving an
/// address), every child whose home address is the same (<see cref="AddressKey"/>: normalised first line and postcode) is
/// linked to them by an <c>offender-address-link</c> event recorded by the system, in the same transaction as the event
/// that gave the address. The link is an event like any other, so the rules (K4) alert the offender manager and the child's
/// profile shows it, with the event; and it stays in both chronologies if either moves. A child is someone under 18 on
/// the date, or of unknown age who has been a child in any event. The offender's own address on their record counts too.</summary>
public sealed class OffenderAddressLinks(SafeguardDb db, TimeProvider clock)
{
    /// <summary>The recorder of link events.</summary>
    public const string RecordedBy = "system:address-match";

    private static readonly IReadOnlySet<string> AddressTypes = new HashSet<string> { "offender-registered", "offender-notification" };

    /// <summary>Adds link events for an event just stored (saved, not yet committed); returns how many.</summary>
    public async Task<int> LinkAsync(Event stored, CancellationToken ct = default)
    {
        if (!AddressTypes.Contains(stored.Type)) return 0;
        var e = ChronologyEvent.From(stored);
        int added = 0;
        foreach (var offenderId in e.PeopleInRole("offender"))
        {
            var offender = await db.People.AsNoTracking().FirstOrDefaultAsync(p => p.Id == offenderId, ct);
            var addresses = new List<(string Line, string Postcode)>();
            if (Address(e) is { } given) addresses.Add(given);
            if (offender is { AddressLine1: { } line, Postcode: { } postcode }) addresses.Add((line, postcode));
            var keys = addresses.Select(a => (Address: a, Key: AddressKey.Of(a.Line, a.Postcode))).Where(a => a.Key is not null).ToList();
            if (keys.Count == 0) continue;

            // Postcodes are stored as typed: the ways one is usually written are looked up through the index, the lines compared in memory.
            var postcodes = keys.SelectMany(k => Spellings(k.Key!.Postcode)).Distinct().ToList();
            var candidates = await db.People.AsNoTracking()
                .Where(p => p.Id != offenderId && p.MergedIntoId == null && p.Postcode != null && postcodes.Contains(p.Postcode))
                .ToListAsync(ct);
            var on = SafeguardCalendar.LondonDate(e.OccurredAt);
            foreach (var person in candidates.OrderBy(p => p.Id))
            {
                var match = keys.FirstOrDefault(k => k.Key == AddressKey.Of(person.AddressLine1, person.Postcode));
                if (match.Key is null || !await IsChildAsync(person, on, ct)) continue;
                var id = LinkId(offenderId, person.Id, match.Key);
                if (await db.Events.AnyAsync(x => x.Id == id, ct) || db.Events.Local.Any(x => x.Id == id)) continue;
                var data = JsonSerializer.Serialize(new { address = match.Address.Line.Trim(), postcode = match.Address.Postcode.Trim(), source = stored.Id });
                db.Events.Add(new Event
                {
                    Id = id, Type = "offender-address-link", OccurredAt = stored.OccurredAt, RecordedAt = clock.GetUtcNow(), RecordedBy = RecordedBy,
                    Unit = stored.Unit, Data = data, BodyHash = Hash(data), Outputs = "{}",
                    People =
                    [
                        new EventParticipant { EventId = id, PersonId = offenderId, Role = "offender" },
                        new EventParticipant { EventId = id, PersonId = person.Id, Role = "child" },
                    ],
                });
                added++;
            }
        }
        if (added > 0) await db.SaveChangesAsync(ct);
        return added;
    }

    /// <summary>The other way round: a child recorded (or corrected) at a home a registered sex offender gave in their latest
    /// registration or notification giving an address, or holds on their own record. Adds the links (saved, in the caller's
    /// unit of work) and answers the offenders linked, for the caller to derive again.</summary>
    public async Task<IReadOnlyList<Guid>> LinkPersonAsync(Person person, CancellationToken ct = default)
    {
        if (person.MergedIntoId is not null || AddressKey.Of(person.AddressLine1, person.Postcode) is not { } home) return [];
        var now = clock.GetUtcNow();
        if (!await IsChildAsync(person, SafeguardCalendar.LondonDate(now), ct)) return [];

        var found = new List<(Guid Offender, string Source, string Unit, string Line, string Postcode)>();
        // Registrations and notifications that gave this home (indexed by CaseStreams.References), if still the offender's latest.
        var eventIds = await db.EventReferences.AsNoTracking().Where(r => r.Field == AddressKey.ReferenceField && r.Value == home.Reference)
            .Select(r => r.EventId).ToListAsync(ct);
        var giving = await db.Events.AsNoTracking().Include(e => e.People).Where(e => eventIds.Contains(e.Id)).ToListAsync(ct);
        foreach (var e in giving)
        {
            foreach (var offender in e.People.Where(p => p.Role == "offender").Select(p => p.PersonId).Distinct())
            {
                var theirs = await db.Events.AsNoTracking().Include(x => x.People)
                    .Where(x => (x.Type == "offender-registered" || x.Type == "offender-notification")
                        && db.EventParticipants.Any(p => p.EventId == x.Id && p.PersonId == offender && p.Role == "offender"))
                    .ToListAsync(ct);
                var latest = theirs.Select(ChronologyEvent.From).Where(x => AddressKey.OfferedBy(x) is not null).Order(ChronologyEvent.Order).LastOrDefault();
                if (latest?.Id == e.Id && Address(latest) is { } given) found.Add((offender, e.Id, e.Unit, given.Line, given.Postcode));
            }
        }
        // Registered offenders whose own record holds this home.
        var spellings = Spellings(home.Postcode);
        var samePostcode = await db.People.AsNoTracking()
            .Where(p => p.Id != person.Id && p.MergedIntoId == null && p.Postcode != null && spellings.Contains(p.Postcode))
            .ToListAsync(ct);
        var sameHome = samePostcode.Where(p => AddressKey.Of(p.AddressLine1, p.Postcode) == home).ToDictionary(p => p.Id);
        if (sameHome.Count > 0)
        {
            var ids = sameHome.Keys.ToList();
            var registrations = await db.EventParticipants.AsNoTracking().Where(p => ids.Contains(p.PersonId) && p.Role == "offender")
                .Join(db.Events.Where(e => e.Type == "offender-registered"), p => p.EventId, e => e.Id, (p, e) => new { p.PersonId, e.Id, e.Unit, e.OccurredAt })
                .ToListAsync(ct);
            foreach (var r in registrations.OrderBy(r => r.OccurredAt).DistinctBy(r => r.PersonId))
                found.Add((r.PersonId, r.Id, r.Unit, sameHome[r.PersonId].AddressLine1!, sameHome[r.PersonId].Postcode!));
        }

        var linked = new List<Guid>();
        foreach (var f in found.DistinctBy(f => f.Offender).Where(f => f.Offender != person.Id))
        {
            var id = LinkId(f.Offender, person.Id, home);
            if (await db.Events.AnyAsync(x => x.Id == id, ct) || db.Events.Local.Any(x => x.Id == id)) continue;
            var data = JsonSerializer.Serialize(new { address = f.Line.Trim(), postcode = f.Postcode.Trim(), source = f.Source });
            db.Events.Add(new Event
            {
                Id = id, Type = "offender-address-link", OccurredAt = now, RecordedAt = now, RecordedBy = RecordedBy, Unit = f.Unit, Data = data,
                BodyHash = Hash(data), Outputs = "{}",
                People =
                [
                    new EventParticipant { EventId = id, PersonId = f.Offender, Role = "offender" },
                    new EventParticipant { EventId = id, PersonId = person.Id, Role = "child" },
                ],
            });
            linked.Add(f.Offender);
        }
        if (linked.Count == 0) return [];
        await db.SaveChangesAsync(ct);
        await new Cases.CaseProjector(db).ProjectStreamsAsync(linked.Select(o => Cases.CaseStreams.Key(Cases.CaseTypes.Offender, o.ToString())).ToList(), ct);
        return linked;
    }

    /// <summary>One link per offender, child and home: recording the same address again adds nothing.</summary>
    public static string LinkId(Guid offender, Guid child, AddressKey key) =>
        $"addr-{offender:N}-{child:N}-{Hash(key.Line + "|" + key.Postcode)[..8]}";

    private async Task<bool> IsChildAsync(Person person, DateOnly on, CancellationToken ct) =>
        person.AgeOn(on) is { } age ? age < 18 : await db.EventParticipants.AnyAsync(p => p.PersonId == person.Id && p.Role == "child", ct);

    private static (string Line, string Postcode)? Address(ChronologyEvent e)
    {
        if (e.Data.ValueKind != JsonValueKind.Object || !e.Data.TryGetProperty("address", out var a) || a.ValueKind != JsonValueKind.Object) return null;
        string? Str(string name) => a.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        return Str("line1") is { } line && Str("postcode") is { } postcode ? (line, postcode) : null;
    }

    /// <summary>How a postcode key is usually written: "PL1 4AB", "PL14AB", "pl1 4ab", "pl14ab", "Pl1 4ab".</summary>
    public static IReadOnlyList<string> Spellings(string key)
    {
        var spaced = key[..^3] + " " + key[^3..];
        return new[] { spaced, key }.SelectMany(v => new[] { v, v.ToLowerInvariant(), char.ToUpperInvariant(v[0]) + v[1..].ToLowerInvariant() })
            .Distinct(StringComparer.Ordinal).ToList();
    }

    private static string Hash(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text))).ToLowerInvariant();
}
