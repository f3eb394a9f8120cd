using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Data;
using Safeguard.Core.Measures.Framework;
using Safeguard.Core.Organisation;
using Safeguard.Core.Records;

namespace Safeguard.Core.Measures.Report;

/// <summary>A child's views, in their own words with identifying details taken out, for the monthly report: who (an
/// age band, never a name) and when (the month).</summary>
public sealed record ChildViewsExtract(string Words, string Child, MonthKey Month, Guid PersonId);

/// <summary>The children's views gathered in a month (M3: "children's views gathered in the period as anonymised
/// extracts, as the inspection asked"): the child's views in their own words on public protection notices (B1
/// <c>childViews</c>), where they are recorded.</summary>
/// <remarks>Only children the reader may see are quoted, and never a restricted record, even for a reader named on it:
/// a report leaves the force. The newest first, at most <see cref="Most"/>; the events of one month are read, at most
/// <see cref="MostRead"/>, never the whole log.</remarks>
public sealed class ChildViewsExtracts(SafeguardDb db, PersonAccess access)
{
    public const int Most = 12;
    public const int MostRead = 2000;

    /// <summary>The extracts of the month, and how many children's views were recorded in it in all.</summary>
    public async Task<(IReadOnlyList<ChildViewsExtract> Extracts, int Total)> ForMonthAsync(MonthKey month, Actor reader, CancellationToken ct)
    {
        DateTimeOffset from = month.Start, to = month.Next.Start;
        var events = await db.Events.AsNoTracking().Include(e => e.People)
            .Where(e => e.Type == "ppn" && e.OccurredAt >= from && e.OccurredAt < to)
            .OrderByDescending(e => e.OccurredAt).ThenBy(e => e.Id).Take(MostRead).ToListAsync(ct);
        var found = new List<(Event Event, Guid Child, string Words)>();
        foreach (var e in events)
            found.AddRange(Views(e).Select(v => (e, v.Child, v.Words)));
        if (found.Count == 0) return ([], 0);

        var ids = events.SelectMany(e => e.People.Select(p => p.PersonId)).Distinct().ToList();
        var visible = (await access.Visible(reader).Where(p => ids.Contains(p.Id) && !p.Restricted).Select(p => p.Id).ToListAsync(ct)).ToHashSet();
        var quotable = found.Where(f => visible.Contains(f.Child)).ToList();
        // Everyone in the event is named for the redaction, whether or not the reader may see them.
        var people = await db.People.AsNoTracking().Where(p => ids.Contains(p.Id))
            .Select(p => new { p.Id, p.Forename, p.Surname, p.Aliases, p.AddressLine1, p.DateOfBirth }).ToDictionaryAsync(p => p.Id, ct);
        var extracts = quotable.Take(Most).Select(f =>
        {
            var inEvent = f.Event.People.Select(p => people.GetValueOrDefault(p.PersonId)).Where(p => p is not null).ToList();
            var words = Anonymiser.Redact(f.Words,
                inEvent.SelectMany(p => new[] { p!.Forename, p.Surname }.Concat(p.Aliases)),
                inEvent.Select(p => p!.AddressLine1).Append(f.Event.LocationName));
            var child = people.GetValueOrDefault(f.Child);
            int? age = child?.DateOfBirth is { } dob ? AgeOn(dob, Calendar.SafeguardCalendar.LondonDate(f.Event.OccurredAt)) : null;
            return new ChildViewsExtract(words, AgeBand(age), month, f.Child);
        }).ToList();
        return (extracts, quotable.Count);
    }

    /// <summary>"A child aged 13 to 15"; "A child of unknown age".</summary>
    public static string AgeBand(int? age) => age switch
    {
        null => "A child of unknown age",
        < 5 => "A child under 5",
        < 10 => "A child aged 5 to 9",
        < 13 => "A child aged 10 to 12",
        < 16 => "A child aged 13 to 15",
        _ => "A young person aged 16 or over",
    };

    private static int AgeOn(DateOnly dob, DateOnly on)
    {
        var age = on.Year - dob.Year;
        return on < dob.AddYears(age) ? age - 1 : age;
    }

    /// <summary>The views in a PPN: its <c>childViews</c>, for its child.</summary>
    private static IEnumerable<(Guid Child, string Words)> Views(Event e)
    {
        using var doc = JsonDocument.Parse(e.Data);
        var data = doc.RootElement;
        var child = e.People.FirstOrDefault(p => p.Role == "child")?.PersonId;
        if (data.ValueKind == JsonValueKind.Object && child is { } c && Text(data, "childViews") is { } words) return [(c, words)];
        return [];
    }

    private static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(v.GetString()) ? v.GetString() : null;
}
