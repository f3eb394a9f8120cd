using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Safeguard.Core.Organisation;

namespace Safeguard.Web.Hosting;

/// <summary>Which roles may open which pages: one table, read both by the authorisation policy every page
/// carries and by the navigation and home page, so that a link is shown exactly when its page opens (P1).
/// A page the role may not use answers 403 with the plain "You do not have access to this page"; a record
/// the user may not see still answers 404 from the page itself, so that a refusal never reveals a record.</summary>
public static class PageAccess
{
    /// <summary>Everyone signed in.</summary>
    public static readonly IReadOnlySet<string> SignedIn = Roles.All.ToHashSet();

    /// <summary>Those who see the recording-quality measures (supervisors, leaders, auditors, administrators).</summary>
    public static readonly IReadOnlySet<string> Measures = new HashSet<string> { Roles.Supervisor, Roles.Leader, Roles.Auditor, Roles.Administrator };

    /// <summary>Those who see offender managers' caseloads against SO4 (K2): leaders and supervisors, offender managers themselves,
    /// auditors and administrators.</summary>
    public static readonly IReadOnlySet<string> Caseloads = new HashSet<string>
        { Roles.Leader, Roles.Supervisor, Roles.OffenderManager, Roles.Auditor, Roles.Administrator };

    /// <summary>Those who record offender management: offender managers, supervisors, administrators.</summary>
    public static readonly IReadOnlySet<string> ManageOffenders = new HashSet<string> { Roles.OffenderManager, Roles.Supervisor, Roles.Administrator };

    /// <summary>Those who may decide possible matches and merges (the same as those who decide flags).</summary>
    public static readonly IReadOnlySet<string> MatchReviews = Roles.DecideFlags;

    public static readonly IReadOnlySet<string> Administrators = new HashSet<string> { Roles.Administrator };

    /// <summary>A folder (ending in "/") or a single page, by its Razor Pages path, and the roles that may open it.
    /// The most specific entry wins; a page under no entry is for everyone signed in.</summary>
    public sealed record Rule(string PagePath, IReadOnlySet<string> Roles)
    {
        public string Policy => "page:" + PagePath;
    }

    public static readonly IReadOnlyList<Rule> Rules =
    [
        new("/People/", Roles.ReadPeople),
        new("/People/New", Roles.Record),
        new("/People/Flags/", Roles.Record),
        new("/People/Flags/Decide", Roles.DecideFlags),
        new("/Events/", Roles.ReadPeople),
        new("/Record/", Roles.Record),
        new("/Missing/", Roles.ReadPeople),
        new("/Missing/Report", Roles.Record),
        new("/Missing/Locate", Roles.Record),
        new("/Missing/SafeAndWell", Roles.Record),
        new("/Missing/ReturnInterview", Roles.Record),
        new("/Missing/Now", Roles.Record),
        new("/Exploitation/", Roles.Record),
        new("/Custody/", Roles.Record),
        new("/Worklist/", Roles.ReadPeople),
        new("/Offenders/", Roles.SeeOffenders),
        new("/Offenders/Index", ManageOffenders),
        new("/Offenders/Caseloads", Caseloads),
        new("/Offenders/Register", ManageOffenders),
        new("/Offenders/Visit", ManageOffenders),
        new("/Offenders/Sighting", Roles.Record),
        new("/Offenders/Briefings", Roles.Record),
        new("/Offenders/Brief", ManageOffenders),
        new("/Matching/", MatchReviews),
        new("/Measures/", Measures),
        new("/Admin/", Administrators),
        new("/Referrals/", Roles.ReadPeople),
        new("/Referrals/Make", Roles.Record),
        new("/Referrals/Screening", Roles.Record),
        new("/Encompass/", Roles.ReadPeople),
        new("/Encompass/Notify", Roles.Record),
    ];

    /// <summary>Pages anyone may open, signed in or not.</summary>
    public static readonly IReadOnlySet<string> Anonymous = new HashSet<string> { "/SignIn", "/Error", "/NotFound" };

    /// <summary>A link in the service navigation, or one of the things the home page offers.</summary>
    public sealed record Link(string Text, string Href, string PagePath, string? Description = null);

    /// <summary>The service navigation, in order.</summary>
    public static readonly IReadOnlyList<Link> Navigation =
    [
        new("Search people", "/people", "/People/Index"),
        new("Record", "/record", "/Record/Index"),
        new("Missing", "/missing/report", "/Missing/Report"),
        new("Missing now", "/missing/now", "/Missing/Now"),
        new("Custody", "/custody/now", "/Custody/Now"),
        new("Worklist", "/worklist", "/Worklist/Index"),
        new("Offenders", "/offenders", "/Offenders/Index"),
        new("Match reviews", "/matching/reviews", "/Matching/Reviews/Index"),
        new("Measures", "/measures/recording", "/Measures/Recording"),
        new("Admin", "/admin/settings", "/Admin/Settings/Index"),
    ];

    /// <summary>What the home page offers, in order; each shown only to the roles that may open it.</summary>
    public static readonly IReadOnlyList<Link> Home =
    [
        new("Search people", "/people", "/People/Index",
            "Find a child or adult by name (misspellings and nicknames are fine) and see their flags, chronology and linked people."),
        new("Record", "/record", "/Record/Index",
            "A public protection notification, or a domestic abuse incident with children present."),
        new("Report a child missing", "/missing/report", "/Missing/Report",
            "See every earlier episode and the child's trigger plan as you report; record when they are found, the safe-and-well check and the return interview."),
        new("Children missing now", "/missing/now", "/Missing/Now",
            "Every child reported missing and not yet found, highest risk first, with their flags and how long they have been missing."),
        new("CSE screening", "/exploitation/screening", "/Exploitation/Screening",
            "Screen a child for sexual exploitation against the regional indicators."),
        new("Child abduction warning notice", "/exploitation/cawn", "/Exploitation/Cawn",
            "Record a notice served on an adult who poses a risk to a child."),
        new("Children in custody now", "/custody/now", "/Custody/Now",
            "Every child in custody, with how long they have been held, the next review due and the limit; book a child in and see their flags, plans and social worker at a glance."),
        new("Custody transfers", "/measures/custody-transfers", "/Measures/CustodyTransfers",
            "Children charged and refused bail per local authority: requests, refusals, transfers, certificates and children held overnight."),
        new("Referrals", "/referrals", "/Referrals/Index",
            "Referrals to and from partners: received, screened by the MASH, answered, overdue, and how long partners take to answer."),
        new("Operation Encompass", "/operation-encompass", "/Encompass/Index",
            "Schools to tell after a domestic abuse incident with children, before the next school day, and notifications sent."),
        new("Worklist", "/worklist", "/Worklist/Index",
            "Open and overdue tasks and alerts for your team, most urgent first, each explaining itself."),
        new("Offender caseload", "/offenders", "/Offenders/Index",
            "Registered sex offenders you manage, overdue home visits first; record a visit, register an offender, brief a neighbourhood team."),
        new("Offender managers' caseloads", "/offenders/caseloads", "/Offenders/Caseloads",
            "Offenders per offender manager and per unit against the caseload guidance, units over it first."),
        new("Briefings about offenders", "/offenders/briefings", "/Offenders/Briefings",
            "Briefings sent to your neighbourhood team to acknowledge, and where to record seeing an offender."),
        new("Recording quality", "/measures/recording", "/Measures/Recording",
            "The child's views and demeanour recorded, children at domestic abuse incidents without a PPN, time to record, per team and month."),
        new("Match reviews", "/matching/reviews", "/Matching/Reviews/Index",
            "Decide whether two records are the same person; merges can be undone."),
        new("Access log", "/admin/audit", "/Admin/Audit",
            "Who looked at or changed a record, when and why."),
        new("Settings", "/admin/settings", "/Admin/Settings/Index",
            "The thresholds and time limits the rules use."),
        new("Users", "/admin/users", "/Admin/Users/Index",
            "Add users, change their role or team, and disable them."),
        new("API clients", "/admin/clients", "/Admin/Clients/Index",
            "Issue and revoke the tokens other systems use to call the API, each with its own role."),
        new("Bank holidays", "/admin/bank-holidays", "/Admin/BankHolidays",
            "The days the working-day time limits skip."),
        new("Schools", "/admin/schools", "/Admin/Schools/Index",
            "Schools and their Operation Encompass key adults."),
        new("School term dates", "/admin/school-terms", "/Admin/SchoolTerms",
            "Each local authority's terms: Operation Encompass deadlines follow school days."),
    ];

    /// <summary>The entry that decides who may open <paramref name="pagePath"/>: an exact page entry, else the deepest folder.</summary>
    public static Rule? RuleFor(string pagePath) =>
        Rules.FirstOrDefault(r => r.PagePath == pagePath)
        ?? Rules.Where(r => r.PagePath.EndsWith('/') && pagePath.StartsWith(r.PagePath, StringComparison.Ordinal))
            .MaxBy(r => r.PagePath.Length);

    /// <summary>Whether someone holding <paramref name="role"/> may open the page.</summary>
    public static bool MayOpen(string? role, string pagePath) =>
        Anonymous.Contains(pagePath) || (role is not null && (RuleFor(pagePath)?.Roles ?? SignedIn).Contains(role));

    public static bool MayOpen(this ClaimsPrincipal user, string pagePath) =>
        user.Identity?.IsAuthenticated == true ? MayOpen(user.FindFirstValue(ClaimTypes.Role), pagePath) : Anonymous.Contains(pagePath);

    /// <summary>One policy per entry, plus the signed-in policy for pages under none.</summary>
    public static AuthorizationBuilder AddPagePolicies(this AuthorizationBuilder builder)
    {
        foreach (var rule in Rules) builder.AddPolicy(rule.Policy, p => p.RequireRole(rule.Roles));
        return builder.AddPolicy("page:signed-in", p => p.RequireRole(SignedIn));
    }

    /// <summary>Gives every page the policy of its entry in <see cref="Rules"/>; the anonymous pages none.</summary>
    public static void Apply(PageConventionCollection conventions)
    {
        conventions.AddFolderApplicationModelConvention("/", model =>
        {
            if (Anonymous.Contains(model.ViewEnginePath))
            {
                model.EndpointMetadata.Add(new AllowAnonymousAttribute());
                return;
            }
            model.EndpointMetadata.Add(new AuthorizeAttribute(RuleFor(model.ViewEnginePath)?.Policy ?? "page:signed-in"));
        });
    }
}
