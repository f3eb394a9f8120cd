using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Flags;
using Safeguard.Core.Organisation;
using Safeguard.Core.Problems;
using Safeguard.Core.Profiles;
using Safeguard.Core.Recording;
using Safeguard.Web.Hosting;

namespace Safeguard.Web.Pages.People;

/// <summary>A person's profile (A2, D3): everything known, drawn together, now or as it stood at an
/// instant. Those allowed to (C4) confirm, reject or end a flag from here, on the flag decision page.</summary>
public sealed class ProfileModel(ProfileBuilder profiles, ActorNames actors, Core.Exports.ListExport export, TimeProvider clock,
    Core.AccessLog.AccessLogSearch accessLog) : PageModel
{
    /// <summary>"Who viewed this record" (P2, DP1): the latest access-log entries about the person, for administrators and auditors.</summary>
    public Core.AccessLog.AccessLogPage? WhoViewed { get; private set; }
    public const int WhoViewedRows = 20;

    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    /// <summary>"As at" date and time in links ("2026-03-01T21:00", UK time; an offset is honoured when given). The form
    /// asks for it in the GOV.UK date input (<c>AsOf.Day</c> … <c>AsOf.Minute</c>, the time optional) and links carry it on.</summary>
    [BindProperty(SupportsGet = true)] public string? AsOf { get; set; }
    /// <summary>The "as at" date and time as typed into the date input, or drawn from <see cref="AsOf"/>.</summary>
    public Shared.DateTimeParts AsOfParts { get; private set; } = new();

    /// <summary>Chronology filter (GET, works without JavaScript): one event type, a date range (GOV.UK date input), a page.</summary>
    [BindProperty(SupportsGet = true)] public string? Type { get; set; }
    [BindProperty(SupportsGet = true)] public string? FromDay { get; set; }
    [BindProperty(SupportsGet = true)] public string? FromMonth { get; set; }
    [BindProperty(SupportsGet = true)] public string? FromYear { get; set; }
    [BindProperty(SupportsGet = true)] public string? ToDay { get; set; }
    [BindProperty(SupportsGet = true)] public string? ToMonth { get; set; }
    [BindProperty(SupportsGet = true)] public string? ToYear { get; set; }
    [BindProperty(SupportsGet = true)] public int ChronologyPage { get; set; } = 1;

    public const int EntriesPerPage = 20;

    public ProfileView Profile { get; private set; } = null!;
    /// <summary>The chronology entries that pass the filter (all pages).</summary>
    public IReadOnlyList<ChronologyEntry> Filtered { get; private set; } = [];
    /// <summary>The entries on the page shown.</summary>
    public IReadOnlyList<ChronologyEntry> Entries { get; private set; } = [];
    public int PageCount => Math.Max(1, (Filtered.Count + EntriesPerPage - 1) / EntriesPerPage);
    public bool Filtering => !string.IsNullOrEmpty(Type) || From is not null || To is not null;
    public DateOnly? From { get; private set; }
    public DateOnly? To { get; private set; }
    /// <summary>Who decided each flag step, in words.</summary>
    public IReadOnlyDictionary<string, string> Actors { get; private set; } = new Dictionary<string, string>();
    public string Who(string actorId) => Actors.TryGetValue(actorId, out var name) ? name : ActorNames.Describe(actorId);
    public bool CanDecideFlags { get; private set; }
    public bool CanRecord { get; private set; }
    public bool Historic { get; private set; }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : NotFound();

    /// <summary>The chronology as filtered (every page, up to 1,000 records, newest first) as CSV or an Excel workbook,
    /// written to the access log for the export, for this person and for everyone else named in it. A filter with a
    /// mistake shows the profile with the error instead.</summary>
    public async Task<IActionResult> OnGetChronologyExportAsync(string? format)
    {
        var fileFormat = Shared.ExportDownload.Format(format);
        if (!await LoadAsync()) return NotFound();
        if (!ModelState.IsValid) return Page();
        var entries = Filtered.Take(Core.Exports.ListExport.MaxRows).ToList();
        var person = Profile.Person;
        return await Shared.ExportDownload.SendAsync(HttpContext, export, fileFormat, "chronology", $"chronology-{person.Surname}-{person.Forename}".ToLowerInvariant(),
            ["When", "What", $"{person.Forename} {person.Surname} as", "Summary", "With", "Recorded", "Recorded by", "Version", "Reference"],
            entries.Select(e => (IReadOnlyList<string?>)[Shared.UkTime.Show(e.OccurredAt), e.Description, EventDetails.Phrase(e.Role), e.Summary,
                string.Join("; ", e.People.Select(o => $"{o.Name} ({EventDetails.Phrase(o.Role)})")), Shared.UkTime.Show(e.RecordedAt), e.Unit,
                e.Version.ToString(System.Globalization.CultureInfo.InvariantCulture), e.EventId]).ToList(),
            entries.SelectMany(e => e.People.Select(o => (Guid?)o.PersonId)).Prepend(person.Id),
            string.Join(", ", new[] { ("type", Type), ("as at", AsOf) }.Where(f => !string.IsNullOrEmpty(f.Item2)).Select(f => $"{f.Item1} {f.Item2}")
                .Concat(From is { } f ? [$"from {f:yyyy-MM-dd}"] : []).Concat(To is { } t ? [$"to {t:yyyy-MM-dd}"] : [])));
    }

    /// <summary>The address of the chronology's download in a format, with the filter shown.</summary>
    public string ChronologyExportHref(string format)
    {
        var query = ChronologyQuery(1);
        return $"/people/{Id}{(query.Length == 0 ? "?" : query + "&")}handler=ChronologyExport&format={format}";
    }

    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    /// <summary>The query string for another page of the same filtered chronology.</summary>
    public string ChronologyQuery(int page)
    {
        var q = new List<string>();
        void Add(string name, string? value) { if (!string.IsNullOrEmpty(value)) q.Add($"{name}={Uri.EscapeDataString(value)}"); }
        Add(nameof(AsOf), AsOf); Add(nameof(Type), Type);
        Add(nameof(FromDay), FromDay); Add(nameof(FromMonth), FromMonth); Add(nameof(FromYear), FromYear);
        Add(nameof(ToDay), ToDay); Add(nameof(ToMonth), ToMonth); Add(nameof(ToYear), ToYear);
        if (page > 1) q.Add($"{nameof(ChronologyPage)}={page}");
        return q.Count == 0 ? "" : "?" + string.Join("&", q);
    }

    private void FilterChronology()
    {
        From = DateFrom("From", "from", FromDay, FromMonth, FromYear);
        To = DateFrom("To", "to", ToDay, ToMonth, ToYear);
        if (From is { } f && To is { } t && t < f) ModelState.AddModelError("ToDay", "The 'to' date must be the same as or after the 'from' date");
        IEnumerable<ChronologyEntry> entries = Profile.Chronology;
        if (!string.IsNullOrEmpty(Type)) entries = entries.Where(e => e.Type == Type);
        if (From is { } from) entries = entries.Where(e => Core.Calendar.SafeguardCalendar.LondonDate(e.OccurredAt) >= from);
        if (To is { } to) entries = entries.Where(e => Core.Calendar.SafeguardCalendar.LondonDate(e.OccurredAt) <= to);
        Filtered = entries.ToList();
        ChronologyPage = Math.Clamp(ChronologyPage, 1, PageCount);
        Entries = Filtered.Skip((ChronologyPage - 1) * EntriesPerPage).Take(EntriesPerPage).ToList();
    }

    /// <summary>A GOV.UK date input's three parts as a date; blank is no limit; anything else not a real date is an error.</summary>
    private DateOnly? DateFrom(string prefix, string label, string? day, string? month, string? year)
    {
        if (string.IsNullOrWhiteSpace(day) && string.IsNullOrWhiteSpace(month) && string.IsNullOrWhiteSpace(year)) return null;
        if (int.TryParse(day, out var d) && int.TryParse(month, out var m) && int.TryParse(year, out var y) && y is >= 1900 and <= 2100
            && m is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, m))
            return new DateOnly(y, m, d);
        ModelState.AddModelError($"{prefix}Day", $"The '{label}' date must be a real date, for example 27 3 2026");
        return null;
    }

    /// <summary>The instant to show the profile at, or null for now. A date without a time is the end of that day (or now,
    /// for today). Anything that is not a real date, or is in the future, is refused naming the field.</summary>
    private DateTimeOffset? ReadAsOf()
    {
        var now = clock.GetUtcNow();
        if (Shared.DateTimeParts.Posted(Request.Query, nameof(AsOf)))
        {
            AsOfParts = Shared.DateTimeParts.From(Request.Query, nameof(AsOf));
            AsOf = null;
            if (AsOfParts.IsEmpty) return null;
            DateTimeOffset at;
            string? problem;
            if (string.IsNullOrWhiteSpace(AsOfParts.Hour) && string.IsNullOrWhiteSpace(AsOfParts.Minute))
            {
                if (!AsOfParts.TryReadDate("the date", out var date, out problem)) { ModelState.AddModelError(nameof(AsOf), problem!); return null; }
                var endOfDay = Shared.DateTimeParts.From(date);
                (endOfDay.Hour, endOfDay.Minute) = ("23", "59");
                endOfDay.TryRead("the date", out at, out _);
                if (at > now) at = now;
            }
            else if (!AsOfParts.TryRead("the date", out at, out problem)) { ModelState.AddModelError(nameof(AsOf), problem!); return null; }
            if (at > now.AddMinutes(5)) { ModelState.AddModelError(nameof(AsOf), AsOfParts.Refuse("The date must be now or in the past")); return null; }
            AsOf = Shared.DateTimeParts.From(at).ToText(withTime: true);
            return at;
        }
        if (AsOf is not { Length: > 0 }) return null;
        if (Shared.UkTime.TryParse(AsOf, out var parsed))
        {
            AsOfParts = Shared.DateTimeParts.From(parsed);
            return parsed;
        }
        AsOfParts = Shared.DateTimeParts.FromText(AsOf);
        ModelState.AddModelError(nameof(AsOf), AsOfParts.Refuse("The date must be a real date, for example 1 3 2026"));
        AsOf = null;
        return null;
    }

    private async Task<bool> LoadAsync()
    {
        var at = ReadAsOf();
        try
        {
            var actor = User.ToActor();
            Profile = await profiles.BuildAsync(actor, Id, at, ct: HttpContext.RequestAborted);
            Historic = at is not null;
            if (at is { } asOf && Profile.Person.DateOfBirth is { } born && DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(asOf, London).DateTime) < born)
            {
                // Nobody has a record before they were born ("aged -10"): say so and show the profile as it is now.
                ModelState.AddModelError(nameof(AsOf), AsOfParts.Refuse($"The date must be on or after {Profile.Person.Forename} {Profile.Person.Surname}’s date of birth, {born:d MMMM yyyy}"));
                AsOf = null;
                Profile = await profiles.BuildAsync(actor, Id, (DateTimeOffset?)null, ct: HttpContext.RequestAborted);
                Historic = false;
            }
            CanDecideFlags = actor.CanDecideFlags && !Historic;
            CanRecord = actor.CanRecord;
            FilterChronology();
            Actors = await actors.NamesAsync(Profile.Flags.SelectMany(f => f.History).Select(h => h.By), HttpContext.RequestAborted);
            if (Core.AccessLog.AccessLogSearch.MayRead(actor)) WhoViewed = await accessLog.AboutPersonAsync(actor, Id, WhoViewedRows, HttpContext.RequestAborted);
            return true;
        }
        catch (ProblemException e) when (e.Problem.Status == 404)
        {
            return false;
        }
    }
}
