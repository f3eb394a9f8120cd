using Microsoft.AspNetCore.Mvc;
using Safeguard.Core.Offenders;
using Safeguard.Core.Organisation;
using Safeguard.Web.Hosting;

namespace Safeguard.Web.Pages.Offenders;

/// <summary>K1, K3, K4: one registered sex offender's management on one page: risk, MAPPA, manager, plan and notification
/// requirements; visits and notifications due; visits, notifications, briefings and whether they were acknowledged,
/// sightings, and children they are linked to.</summary>
public sealed class ShowModel(OffenderManagement offenders) : OffenderPage(offenders)
{
    public bool MayManage { get; private set; }
    public bool MayRecord { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync()) return NotFound();
        MayManage = User.MayOpen("/Offenders/Visit");
        MayRecord = User.ToActor().CanRecord;
        return Page();
    }

    public static string TaskName(string code) => code switch
    {
        "offender-visit" => "Home visit",
        "offender-notification" => "Notification by the offender",
        "acknowledge-briefing" => "Briefing to acknowledge",
        _ => code.Replace('-', ' '),
    };

    public static string Who(string recordedBy) => recordedBy.StartsWith("system:", StringComparison.Ordinal) ? "Safeguard (address check)"
        : recordedBy.StartsWith("user:", StringComparison.Ordinal) ? recordedBy[5..] : recordedBy;

    public static string Mappa(OffenderView o) =>
        o.MappaCategory is null && o.MappaLevel is null ? "Not given" : $"Category {o.MappaCategory ?? "not given"}, level {o.MappaLevel ?? "not given"}";

    public static bool IsRole(string role, string wanted) => role == wanted || role == Roles.Administrator;
}
