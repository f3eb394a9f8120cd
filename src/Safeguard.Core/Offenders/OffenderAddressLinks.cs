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

            var postcodes = keys.Select(k => k.Key!.Postcode).Distinct().ToList();
            // Postcodes are stored as typed: compare without spaces, in upper case, in the database; the lines in memory.
            var candidates = await db.People.AsNoTracking()
                .Where(p => p.Id != offenderId && p.MergedIntoId == null && p.Postcode != null
                    && postcodes.Contains(p.Postcode.Replace(" ", "").ToUpper()))
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

    private static string Hash(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text))).ToLowerInvariant();
}
