using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Data;
using Safeguard.Core.Organisation;
using Safeguard.Core.Records;

namespace Safeguard.Core.Profiles;

/// <summary>Renders the explanations of rule outputs for one reader (API.md "Explanations"): finds who they mention,
/// asks <see cref="PersonAccess"/> which of them the reader may see, and renders the text with <see cref="ExplanationText"/>.
/// Used wherever explanations are read: profile, worklists, flag answers, the outputs of a recorded event.</summary>
public sealed class ExplanationReader(SafeguardDb db, PersonAccess access)
{
    /// <summary>A renderer for these texts, as <paramref name="actor"/> may read them.</summary>
    public async Task<ExplanationText> ForAsync(Actor actor, IEnumerable<string> texts, CancellationToken ct = default)
    {
        var ids = texts.SelectMany(ExplanationText.PeopleIn).Distinct().ToList();
        if (ids.Count == 0) return new ExplanationText(new Dictionary<Guid, string>(), new HashSet<Guid>());
        var visible = (await access.Visible(actor).AsNoTracking().Where(p => ids.Contains(p.Id)).ToListAsync(ct))
            .ToDictionary(p => p.Id, p => p.FullName);
        var rest = ids.Where(id => !visible.ContainsKey(id)).ToList();
        var hidden = rest.Count == 0 ? [] : (await db.People.AsNoTracking().Where(p => rest.Contains(p.Id)).Select(p => p.Id).ToListAsync(ct)).ToHashSet();
        return new ExplanationText(visible, hidden);
    }

    /// <summary>A profile with every explanation rendered for the reader.</summary>
    public async Task<ProfileView> RenderAsync(Actor actor, ProfileView profile, CancellationToken ct = default)
    {
        var householdFlags = profile.DomesticAbuse.Households.SelectMany(h => h.Adults).SelectMany(a => a.Flags);
        var text = await ForAsync(actor, profile.Flags.SelectMany(Texts).Concat(profile.Tasks.Select(t => t.Reason.Explanation))
            .Concat(profile.Alerts.Select(a => a.Reason.Explanation)).Concat(profile.RisksToOtherChildren.Select(r => r.Explanation))
            .Concat(householdFlags.SelectMany(Texts)), ct);
        return profile with
        {
            Flags = profile.Flags.Select(f => Render(text, f)).ToList(),
            Tasks = profile.Tasks.Select(t => t with { Reason = text.Render(t.Reason) }).ToList(),
            Alerts = profile.Alerts.Select(a => a with { Reason = text.Render(a.Reason) }).ToList(),
            RisksToOtherChildren = profile.RisksToOtherChildren.Select(r => r with { Explanation = text.Render(r.Explanation) }).ToList(),
            DomesticAbuse = profile.DomesticAbuse with
            {
                Households = profile.DomesticAbuse.Households.Select(h => h with
                {
                    Adults = h.Adults.Select(a => a with { Flags = a.Flags.Select(f => Render(text, f)).ToList() }).ToList(),
                }).ToList(),
            },
        };
    }

    /// <summary>A flag with its reasons rendered for the reader.</summary>
    public async Task<FlagView?> RenderAsync(Actor actor, FlagView? flag, CancellationToken ct = default)
    {
        if (flag is null) return null;
        return Render(await ForAsync(actor, Texts(flag), ct), flag);
    }

    /// <summary>Tasks with their reasons rendered for the reader.</summary>
    public async Task<IReadOnlyList<TaskView>> RenderAsync(Actor actor, IReadOnlyList<TaskView> tasks, CancellationToken ct = default)
    {
        var text = await ForAsync(actor, tasks.Select(t => t.Reason.Explanation), ct);
        return tasks.Select(t => t with { Reason = text.Render(t.Reason) }).ToList();
    }

    /// <summary>Alerts with their reasons rendered for the reader.</summary>
    public async Task<IReadOnlyList<AlertView>> RenderAsync(Actor actor, IReadOnlyList<AlertView> alerts, CancellationToken ct = default)
    {
        var text = await ForAsync(actor, alerts.Select(a => a.Reason.Explanation), ct);
        return alerts.Select(a => a with { Reason = text.Render(a.Reason) }).ToList();
    }

    /// <summary>What the rules produced for an event, as the recorder may read it: outputs about people they may not see
    /// (an alert on another child linked to the same suspect, D4) are left out, and explanations are rendered.</summary>
    public async Task<EventOutputs> RenderAsync(Actor actor, EventOutputs outputs, CancellationToken ct = default)
    {
        var about = outputs.Tasks.Select(t => t.PersonId).Concat(outputs.Alerts.Select(a => a.PersonId)).Distinct().ToList();
        var seen = (await access.Visible(actor).Where(p => about.Contains(p.Id)).Select(p => p.Id).ToListAsync(ct)).ToHashSet();
        var tasks = outputs.Tasks.Where(t => seen.Contains(t.PersonId)).ToList();
        var alerts = outputs.Alerts.Where(a => seen.Contains(a.PersonId)).ToList();
        var text = await ForAsync(actor, outputs.Flags.SelectMany(Texts).Concat(tasks.Select(t => t.Reason.Explanation))
            .Concat(alerts.Select(a => a.Reason.Explanation)), ct);
        return new EventOutputs(outputs.Flags.Select(f => Render(text, f)).ToList(),
            tasks.Select(t => t with { Reason = text.Render(t.Reason) }).ToList(),
            alerts.Select(a => a with { Reason = text.Render(a.Reason) }).ToList());
    }

    // A suggested flag's first history step carries the rule's explanation as its reason.
    private static FlagView Render(ExplanationText text, FlagView flag) => flag with
    {
        Reasons = flag.Reasons.Select(text.Render).ToList(),
        History = flag.History.Select(h => h with { Reason = text.Render(h.Reason) }).ToList(),
    };

    private static IEnumerable<string> Texts(FlagView flag) => flag.Reasons.Select(r => r.Explanation).Concat(flag.History.Select(h => h.Reason));
}
