using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Flags;
using Safeguard.Core.Problems;
using Safeguard.Core.Profiles;
using Safeguard.Core.Recording;
using Safeguard.Web.Hosting;

namespace Safeguard.Web.Pages.People;

/// <summary>A person's profile (A2, D3): everything known, drawn together, now or as it stood at an
/// instant. Those allowed to (C4) confirm, reject or end a flag from here, on the flag decision page.</summary>
public sealed class ProfileModel(ProfileBuilder profiles, ActorDirectory actors) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    /// <summary>"As at" date and time (local input, treated as UTC when no offset is given).</summary>
    [BindProperty(SupportsGet = true)] public string? AsOf { get; set; }

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
    public string Who(string actorId) => Actors.TryGetValue(actorId, out var name) ? name : ActorDirectory.Describe(actorId);
    public bool CanDecideFlags { get; private set; }
    public bool CanRecord { get; private set; }
    public bool Historic { get; private set; }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : NotFound();

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

    private async Task<bool> LoadAsync()
    {
        DateTimeOffset? at = null;
        if (AsOf is { Length: > 0 })
        {
            if (Shared.UkTime.TryParse(AsOf, out var parsed)) at = parsed;
            else ModelState.AddModelError(nameof(AsOf), "Enter a date and time, for example 2026-03-01T21:00");
        }
        try
        {
            var actor = User.ToActor();
            Profile = await profiles.BuildAsync(actor, Id, at, ct: HttpContext.RequestAborted);
            Historic = at is not null;
            if (at is { } asOf && Profile.Person.DateOfBirth is { } born && DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(asOf, London).DateTime) < born)
            {
                // Nobody has a record before they were born ("aged -10"): say so and show the profile as it is now.
                ModelState.AddModelError(nameof(AsOf), $"The date must be on or after {Profile.Person.Forename} {Profile.Person.Surname}’s date of birth, {born:d MMMM yyyy}");
                Profile = await profiles.BuildAsync(actor, Id, (DateTimeOffset?)null, ct: HttpContext.RequestAborted);
                Historic = false;
            }
            CanDecideFlags = actor.CanDecideFlags && !Historic;
            CanRecord = actor.CanRecord;
            FilterChronology();
            Actors = await actors.NamesAsync(Profile.Flags.SelectMany(f => f.History).Select(h => h.By), HttpContext.RequestAborted);
            return true;
        }
        catch (ProblemException e) when (e.Problem.Status == 404)
        {
            return false;
        }
    }
}
