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

    /// <summary>Those who see the supervisor's workbench: supervisors and leaders, auditors and administrators.</summary>
    public static readonly IReadOnlySet<string> Workbench = new HashSet<string> { Roles.Supervisor, Roles.Leader, Roles.Auditor, Roles.Administrator };

    /// <summary>Those who record the daily management meeting's decisions: supervisors (who chair it), investigators, administrators.</summary>
    public static readonly IReadOnlySet<string> MeetingDecisions = new HashSet<string> { Roles.Supervisor, Roles.Investigator, Roles.Administrator };

    public static readonly IReadOnlySet<string> Administrators = new HashSet<string> { Roles.Administrator };

    /// <summary>Those who allocate investigations and review them (I1, I2): supervisors and administrators.</summary>
    public static readonly IReadOnlySet<string> SuperviseInvestigations = new HashSet<string> { Roles.Supervisor, Roles.Administrator };

    /// <summary>Those who close investigations with the outcome for the child (B3): investigators, supervisors, administrators.</summary>
    public static readonly IReadOnlySet<string> CloseInvestigations = new HashSet<string> { Roles.Investigator, Roles.Supervisor, Roles.Administrator };
    /// <summary>Those who search the access log (P2, DP1): administrators and auditors.</summary>
    public static readonly IReadOnlySet<string> AuditReaders = new HashSet<string> { Roles.Administrator, Roles.Auditor };

    /// <summary>Those who decide retention reviews (P5, RT1): supervisors and administrators.</summary>
    public static readonly IReadOnlySet<string> RetentionReviewers = new HashSet<string> { Roles.Supervisor, Roles.Administrator };
    /// <summary>Those who read case audits (N1–N3) and mark their recommendations done: auditors, leaders, administrators.</summary>
    public static readonly IReadOnlySet<string> CaseAuditReaders = new HashSet<string> { Roles.Auditor, Roles.Leader, Roles.Administrator };

    /// <summary>Those who run case audits: create exercises, draw samples, grade cases, make recommendations (auditors, administrators).</summary>
    public static readonly IReadOnlySet<string> CaseAuditors = new HashSet<string> { Roles.Auditor, Roles.Administrator };
    /// <summary>Partner practitioners: their portal, and nothing of the police pages (J1).</summary>
    public static readonly IReadOnlySet<string> Partners = new HashSet<string> { Roles.PartnerPractitioner };

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
        new("/People/Share", Roles.Record),
        new("/People/Restriction", Administrators),
        new("/Partner/", Partners),
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
        new("/DomesticAbuse/Dash", Roles.Record),
        new("/DomesticAbuse/MaracReferral", Roles.Record),
        new("/DomesticAbuse/Marac", Roles.ReadPeople),
        new("/Queues/", Roles.ReadPeople),
        new("/Queues/Request", Roles.Record),
        new("/Queues/Complete", Roles.Record),
        new("/Queues/Submit", Roles.Record),
        new("/Queues/Decision", Roles.Record),
        new("/PoliceProtection/", Roles.ReadPeople),
        new("/PoliceProtection/Start", Roles.Record),
        new("/PoliceProtection/Informed", Roles.Record),
        new("/PoliceProtection/End", Roles.Record),
        new("/Worklist/", Roles.ReadPeople),
        new("/Offenders/", Roles.SeeOffenders),
        new("/Offenders/Index", ManageOffenders),
        new("/Offenders/Caseloads", Caseloads),
        new("/Offenders/Register", ManageOffenders),
        new("/Offenders/Visit", ManageOffenders),
        new("/Offenders/Sighting", Roles.Record),
        new("/Offenders/Briefings", Roles.Record),
        new("/Offenders/Brief", ManageOffenders),
        new("/Investigations/", Roles.ReadPeople),
        new("/Investigations/Open", Roles.Record),
        new("/Investigations/Allocate", SuperviseInvestigations),
        new("/Investigations/Review", SuperviseInvestigations),
        new("/Investigations/Close", CloseInvestigations),
        new("/Meetings/", Roles.ReadPeople),
        new("/Meetings/StrategyDiscussion", Roles.Record),
        new("/Meetings/Record", Roles.Record),
        new("/Meetings/ActionDone", Roles.Record),
        new("/Supervision/", Roles.ReadPeople),
        new("/Supervision/Decision", MeetingDecisions),
        new("/Supervision/Workbench", Workbench),
        new("/Matching/", MatchReviews),
        new("/Measures/", Measures),
        new("/Admin/", Administrators),
        new("/Admin/Audit", AuditReaders),
        new("/Retention/", RetentionReviewers),
        new("/Referrals/", Roles.ReadPeople),
        new("/Referrals/Make", Roles.Record),
        new("/Referrals/Screening", Roles.Record),
        new("/Encompass/", Roles.ReadPeople),
        new("/Encompass/Notify", Roles.Record),
        new("/CaseAudits/", CaseAuditReaders),
        new("/CaseAudits/New", CaseAuditors),
        new("/CaseAudits/Recommend", CaseAuditors),
    ];

    /// <summary>Pages anyone may open, signed in or not.</summary>
    public static readonly IReadOnlySet<string> Anonymous = new HashSet<string> { "/SignIn", "/Error", "/NotFound" };

    /// <summary>A link in the service navigation, or one of the things the home page offers.</summary>
    public sealed record Link(string Text, string Href, string PagePath, string? Description = null);

    /// <summary>The service navigation, in order.</summary>
    public static readonly IReadOnlyList<Link> Navigation =
    [
        new("Search people", "/people", "/People/Index"),
        new("Shared with you", "/partner", "/Partner/Index"),
        new("Record", "/record", "/Record/Index"),
        new("Missing", "/missing/report", "/Missing/Report"),
        new("Missing now", "/missing/now", "/Missing/Now"),
        new("Custody", "/custody/now", "/Custody/Now"),
        new("Worklist", "/worklist", "/Worklist/Index"),
        new("Offenders", "/offenders", "/Offenders/Index"),
        new("Daily meeting", "/supervision/daily-meeting", "/Supervision/DailyMeeting"),
        new("Workbench", "/supervision/workbench", "/Supervision/Workbench"),
        new("Match reviews", "/matching/reviews", "/Matching/Reviews/Index"),
        new("Measures", "/measures", "/Measures/Index"),
        new("Case audits", "/case-audits", "/CaseAudits/Index"),
        new("Admin", "/admin/settings", "/Admin/Settings/Index"),
    ];

    /// <summary>What the home page offers, in order; each shown only to the roles that may open it.</summary>
    public static readonly IReadOnlyList<Link> Home =
    [
        new("Search people", "/people", "/People/Index",
            "Find a child or adult by name (misspellings and nicknames are fine) and see their flags, chronology and linked people."),
        new("Shared with you", "/partner", "/Partner/Index",
            "Children and records police have shared with your organisation, referrals sent to you to accept or decline, and the actions your agency owns."),
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
        new("DASH risk checklist", "/domestic-abuse/dash", "/DomesticAbuse/Dash",
            "Ask a victim of domestic abuse the 27 risk questions; a high result raises a MARAC referral."),
        new("Refer to the MARAC", "/domestic-abuse/marac-referral", "/DomesticAbuse/MaracReferral",
            "Refer a high-risk victim of domestic abuse to the multi-agency risk assessment conference."),
        new("Children in custody now", "/custody/now", "/Custody/Now",
            "Every child in custody, with how long they have been held, the next review due and the limit; book a child in and see their flags, plans and social worker at a glance."),
        new("Daily management meeting", "/supervision/daily-meeting", "/Supervision/DailyMeeting",
            "Your BCU's last 24 hours: incidents involving children, missing and found, custody, new flags, high-risk notifications and what is due, with the meeting's decisions for each child."),
        new("Supervisor's workbench", "/supervision/workbench", "/Supervision/Workbench",
            "Your teams' caseloads against capacity, overdue reviews, tasks and meeting actions, forensic and charging queues, and open alerts."),
        new("Custody transfers", "/measures/custody-transfers", "/Measures/CustodyTransfers",
            "Children charged and refused bail per local authority: requests, refusals, transfers, certificates and children held overnight."),
        new("Digital forensic and charging queues", "/queues/forensic", "/Queues/Index",
            "Digital forensic requests and charging files waiting, overdue and high-risk children first, with waiting times against the targets."),
        new("Children in police protection now", "/police-protection/now", "/PoliceProtection/Now",
            "Every child in police protection, the 72-hour limit and whether the local authority has been told; take a child into police protection."),
        new("Record a strategy discussion", "/meetings/strategy-discussion", "/Meetings/StrategyDiscussion",
            "Agencies present, the section 47 decision, and each decision as an action with an owner and a due date."),
        new("Record a meeting", "/meetings/record", "/Meetings/Record",
            "A child protection conference, MARAC, MAPPA or CSE risk meeting: invitations, police attendance, plan category and actions, once for every child."),
        new("Meeting actions", "/meetings/actions", "/Meetings/Actions",
            "Open and overdue actions from strategy discussions and meetings, by owner; mark them done."),
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
        new("Investigations", "/investigations", "/Investigations/Index",
            "Investigations by team and status, each with its supervisory review due; open one, allocate it to the team whose skills match, review and close it."),
        new("Measures dashboard", "/measures", "/Measures/Index",
            "Every measure of the performance framework per month, BCU or local authority, as charts and exact figures; open the cases behind any figure and download them."),
        new("Monthly report", "/measures/report", "/Measures/Report",
            "The month's measures in words and charts for the police and crime commissioner and the safeguarding partnership, with children's views; printable."),
        new("Recording quality", "/measures/recording", "/Measures/Recording",
            "The child's views and demeanour recorded, children at domestic abuse incidents without a PPN, time to record, per team and month."),
        new("Case audits", "/case-audits", "/CaseAudits/Index",
            "The inspection's case audit: draw a stratified random sample of cases, grade each against the areas of practice, compare the force's self-assessment with the independent grading, and track the recommendations."),
        new("Match reviews", "/matching/reviews", "/Matching/Reviews/Index",
            "Decide whether two records are the same person; merges can be undone."),
        new("Access log", "/admin/audit", "/Admin/Audit",
            "Who looked at or changed a record, when and why."),
        new("Retention reviews", "/retention", "/Retention/Index",
            "Records due for review under the force's retention rules: keep them with a new review date, or delete them."),
        new("Settings", "/admin/settings", "/Admin/Settings/Index",
            "The thresholds and time limits the rules use."),
        new("Users", "/admin/users", "/Admin/Users/Index",
            "Add users, change their role or team, and disable them."),
        new("Partner organisations", "/admin/organisations", "/Admin/Organisations/Index",
            "The social care, health and education organisations police share with; their practitioners are added as users."),
        new("API clients", "/admin/clients", "/Admin/Clients/Index",
            "Issue and revoke the tokens other systems use to call the API, each with its own role."),
        new("Teams", "/admin/teams", "/Admin/Teams/Index",
            "Each team's investigation skills and capacity, which allocation matches and counts against."),
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
