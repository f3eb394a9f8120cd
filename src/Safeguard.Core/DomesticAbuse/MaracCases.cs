using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Cases;
using Safeguard.Core.Data;
using Safeguard.Core.Organisation;
using Safeguard.Core.Problems;
using Safeguard.Core.Profiles;
using Safeguard.Core.Settings;

namespace Safeguard.Core.DomesticAbuse;

/// <summary>One MARAC case as its page shows it: the referral (a <c>marac</c> case), the DASH it rests on, the MARAC
/// meetings that heard it with their owned actions (the meeting cases, kept up to date as actions are done), and
/// whether it is a repeat case (DA3: referred within <c>DA3.repeatMaracMonths</c> of the victim's previous referral).</summary>
public sealed record MaracCaseDetail(CaseView Case, DashView? Dash, IReadOnlyList<CaseView> Meetings, bool Repeat, string? ReferredTo)
{
    /// <summary>Every action of every meeting, with the meeting it came from.</summary>
    public IEnumerable<(CaseView Meeting, CaseActionView Action)> Actions => Meetings.SelectMany(m => m.Actions.Select(a => (m, a)));
}

/// <summary>A victim's domestic abuse picture for the MARAC page: their profile (DASH checklists and band, tasks and
/// alerts) and every MARAC case, newest first.</summary>
public sealed record MaracPage(ProfileView Profile, IReadOnlyList<MaracCaseDetail> Cases);

/// <summary>Reads what the domestic abuse pages need (DA1–DA3, H1): the settings for the bands, the local authority
/// areas a MARAC sits in, and a victim's MARAC cases. Reading is logged by the services it uses (P2).</summary>
public sealed class MaracCases(SafeguardDb db, ProfileBuilder profiles, CaseService cases)
{
    /// <summary>The settings in force (DA1, DA2 bands).</summary>
    public async Task<RuleSettings> SettingsAsync(CancellationToken ct = default) =>
        RuleSettings.From(await db.Settings.AsNoTracking().ToListAsync(ct));

    /// <summary>The areas a MARAC can be held in: each local authority's children's social care, by name.</summary>
    public async Task<IReadOnlyList<PartnerOrganisation>> AreasAsync(CancellationToken ct = default) =>
        await db.Organisations.AsNoTracking().Where(o => o.Kind == "social-care").OrderBy(o => o.Name).ToListAsync(ct);

    /// <summary>An organisation's name, or the code when unknown.</summary>
    public async Task<string> OrganisationNameAsync(string? code, CancellationToken ct = default) =>
        code is null ? "" : await db.Organisations.AsNoTracking().Where(o => o.Code == code).Select(o => o.Name).FirstOrDefaultAsync(ct) ?? code;

    /// <summary>The victim's MARAC page; 404 when the victim is not visible.</summary>
    public async Task<MaracPage> ForVictimAsync(Actor actor, Guid victimId, CancellationToken ct = default)
    {
        var profile = await profiles.BuildAsync(actor, victimId, reason: "MARAC case", ct: ct);
        var settings = await SettingsAsync(ct);
        var list = await cases.ListAsync(actor, new CaseFilter(Type: CaseTypes.Marac, PersonId: victimId, PageSize: CaseService.MaxPageSize), ct);
        var names = await db.Organisations.AsNoTracking().ToDictionaryAsync(o => o.Code, o => o.Name, ct);
        var result = new List<MaracCaseDetail>();
        foreach (var c in list.Items.Where(c => Guid.TryParse(Field(c, "victimId"), out var v) && v == victimId))
        {
            var meetings = new List<CaseView>();
            foreach (var id in List(c, "meetings"))
            {
                try { meetings.Add(await cases.GetAsync(actor, CaseTypes.Meeting, id, ct)); }
                catch (ProblemException e) when (e.Problem.Status == 404) { /* a meeting naming someone the reader may not see is left out */ }
            }
            var dash = Field(c, "dashEventId") is { } dashId ? profile.DomesticAbuse.Dashes.FirstOrDefault(d => d.EventId == dashId) : null;
            bool repeat = Field(c, "previousReferralAt") is { } previous && DateTimeOffset.TryParse(previous, out var at)
                && c.OpenedAt <= Calendar.SafeguardCalendar.Default.AddMonths(at, settings.Int("DA3.repeatMaracMonths"));
            var to = Field(c, "to");
            result.Add(new(c, dash, meetings, repeat, to is null ? null : names.GetValueOrDefault(to, to)));
        }
        return new(profile, result);
    }

    private static string? Field(CaseView c, string name) =>
        c.Fields.ValueKind == JsonValueKind.Object && c.Fields.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static IReadOnlyList<string> List(CaseView c, string name) =>
        c.Fields.ValueKind == JsonValueKind.Object && c.Fields.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Array
            ? v.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()!).ToList() : [];
}
