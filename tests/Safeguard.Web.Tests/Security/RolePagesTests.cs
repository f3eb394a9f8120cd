using System.Net;
using System.Text.RegularExpressions;
using Safeguard.TestKit;

namespace Safeguard.Web.Tests.Security;

/// <summary>Roles shape the pages (issue 8, point 8): the navigation and home page offer only what the role can
/// use, every page offered opens, and a page the role may not use answers 403 with a plain explanation, while a
/// record nobody may see still answers 404. The expectations are written out per role here, not read from the
/// table the application uses, so a change to that table has to be a deliberate one.</summary>
public sealed partial class RolePagesTests : IDisposable
{
    private readonly SafeguardFactory factory = new();
    public void Dispose() => factory.Dispose();

    private static readonly string[] Front = ["/people", "/record", "/missing/report", "/missing/now", "/custody/now", "/worklist"];
    private static readonly string[] Readers = ["/people", "/worklist"];
    private const string Meeting = "/supervision/daily-meeting";
    private const string Workbench = "/supervision/workbench";

    /// <summary>The navigation each role should see, in order.</summary>
    public static readonly TheoryData<string, string[]> Navigation = new()
    {
        { "officer", [.. Front, Meeting] },
        { "control-room", [.. Front, Meeting] },
        { "offender-manager", [.. Front, "/offenders", Meeting] },
        { "custody-officer", [.. Front, Meeting] },
        { "investigator", [.. Front, Meeting, "/matching/reviews"] },
        { "supervisor", [.. Front, "/offenders", Meeting, Workbench, "/matching/reviews", "/measures"] },
        { "leader", [.. Readers, Meeting, Workbench, "/measures", "/case-audits"] },
        { "auditor", [.. Readers, Meeting, Workbench, "/measures", "/case-audits"] },
        { "partner-practitioner", ["/partner"] },
        { "administrator", [.. Front, "/offenders", Meeting, Workbench, "/matching/reviews", "/measures", "/case-audits", "/admin/settings"] },
    };

    /// <summary>Every page that opens without an id, and the roles that may use it.</summary>
    private static readonly Dictionary<string, string[]> Pages = new()
    {
        ["/people"] = ["officer", "control-room", "offender-manager", "custody-officer", "investigator", "supervisor", "leader", "auditor", "administrator"],
        ["/worklist"] = ["officer", "control-room", "offender-manager", "custody-officer", "investigator", "supervisor", "leader", "auditor", "administrator"],
        ["/people/new"] = ["officer", "control-room", "offender-manager", "custody-officer", "investigator", "supervisor", "administrator"],
        ["/record"] = ["officer", "control-room", "offender-manager", "custody-officer", "investigator", "supervisor", "administrator"],
        ["/missing/report"] = ["officer", "control-room", "offender-manager", "custody-officer", "investigator", "supervisor", "administrator"],
        ["/missing/now"] = ["officer", "control-room", "offender-manager", "custody-officer", "investigator", "supervisor", "administrator"],
        ["/exploitation/screening"] = ["officer", "control-room", "offender-manager", "custody-officer", "investigator", "supervisor", "administrator"],
        ["/exploitation/cawn"] = ["officer", "control-room", "offender-manager", "custody-officer", "investigator", "supervisor", "administrator"],
        ["/domestic-abuse/dash"] = ["officer", "control-room", "offender-manager", "custody-officer", "investigator", "supervisor", "administrator"],
        ["/domestic-abuse/marac-referral"] = ["officer", "control-room", "offender-manager", "custody-officer", "investigator", "supervisor", "administrator"],
        ["/custody/now"] = ["officer", "control-room", "offender-manager", "custody-officer", "investigator", "supervisor", "administrator"],
        ["/custody/book"] = ["officer", "control-room", "offender-manager", "custody-officer", "investigator", "supervisor", "administrator"],
        ["/measures/custody-transfers"] = ["supervisor", "leader", "auditor", "administrator"],
        ["/queues/forensic"] = ["officer", "control-room", "offender-manager", "custody-officer", "investigator", "supervisor", "leader", "auditor", "administrator"],
        ["/queues/charging"] = ["officer", "control-room", "offender-manager", "custody-officer", "investigator", "supervisor", "leader", "auditor", "administrator"],
        ["/queues/forensic/request"] = ["officer", "control-room", "offender-manager", "custody-officer", "investigator", "supervisor", "administrator"],
        ["/queues/charging/submit"] = ["officer", "control-room", "offender-manager", "custody-officer", "investigator", "supervisor", "administrator"],
        ["/police-protection/now"] = ["officer", "control-room", "offender-manager", "custody-officer", "investigator", "supervisor", "leader", "auditor", "administrator"],
        ["/police-protection/start"] = ["officer", "control-room", "offender-manager", "custody-officer", "investigator", "supervisor", "administrator"],
        ["/offenders"] = ["offender-manager", "supervisor", "administrator"],
        ["/offenders/caseloads"] = ["offender-manager", "supervisor", "leader", "auditor", "administrator"],
        ["/offenders/briefings"] = ["officer", "control-room", "offender-manager", "custody-officer", "investigator", "supervisor", "administrator"],
        ["/investigations"] = ["officer", "control-room", "offender-manager", "custody-officer", "investigator", "supervisor", "leader", "auditor", "administrator"],
        ["/investigations/open"] = ["officer", "control-room", "offender-manager", "custody-officer", "investigator", "supervisor", "administrator"],
        ["/meetings/strategy-discussion"] = ["officer", "control-room", "offender-manager", "custody-officer", "investigator", "supervisor", "administrator"],
        ["/meetings/record"] = ["officer", "control-room", "offender-manager", "custody-officer", "investigator", "supervisor", "administrator"],
        ["/meetings/actions"] = ["officer", "control-room", "offender-manager", "custody-officer", "investigator", "supervisor", "leader", "auditor", "administrator"],
        ["/supervision/daily-meeting"] = ["officer", "control-room", "offender-manager", "custody-officer", "investigator", "supervisor", "leader", "auditor", "administrator"],
        ["/supervision/workbench"] = ["supervisor", "leader", "auditor", "administrator"],
        ["/matching/reviews"] = ["investigator", "supervisor", "administrator"],
        ["/measures/recording"] = ["supervisor", "leader", "auditor", "administrator"],
        ["/measures"] = ["supervisor", "leader", "auditor", "administrator"],
        ["/measures/report"] = ["supervisor", "leader", "auditor", "administrator"],
        ["/admin/settings"] = ["administrator"],
        ["/admin/users"] = ["administrator"],
        ["/admin/users/new"] = ["administrator"],
        ["/admin/audit"] = ["auditor", "administrator"],
        ["/retention"] = ["supervisor", "administrator"],
        ["/admin/bank-holidays"] = ["administrator"],
        ["/admin/teams"] = ["administrator"],
        ["/admin/organisations"] = ["administrator"],
        ["/partner"] = ["partner-practitioner"],
        ["/admin/schools"] = ["administrator"],
        ["/admin/school-terms"] = ["administrator"],
        ["/referrals"] = ["officer", "control-room", "offender-manager", "custody-officer", "investigator", "supervisor", "leader", "auditor", "administrator"],
        ["/operation-encompass"] = ["officer", "control-room", "offender-manager", "custody-officer", "investigator", "supervisor", "leader", "auditor", "administrator"],
        ["/case-audits"] = ["leader", "auditor", "administrator"],
    };

    /// <summary>Where the role starts: a partner practitioner's start page is the partner portal (the start page sends them there).</summary>
    private static string Home(string role) => role == "partner-practitioner" ? "/partner" : "/";

    [Theory]
    [MemberData(nameof(Navigation))]
    public async Task The_navigation_offers_only_the_pages_the_role_can_use_and_each_opens(string role, string[] expected)
    {
        var session = await PageSignIn.AsAsync(factory, role);

        var (status, home) = await session.GetAsync(Home(role));
        var links = NavigationLink().Matches(home).Select(m => m.Groups[1].Value).ToArray();

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(expected, links);
        foreach (var link in links)
            Assert.Equal((link, HttpStatusCode.OK), (link, (await session.GetAsync(link)).Status));
    }

    [Theory]
    [MemberData(nameof(Navigation))]
    public async Task Each_page_opens_for_its_roles_and_tells_anyone_else_plainly_they_do_not_have_access(string role, string[] _)
    {
        var session = await PageSignIn.AsAsync(factory, role);

        foreach (var (path, roles) in Pages)
        {
            var response = await session.Client.GetAsync(path);
            var html = await response.Content.ReadAsStringAsync();
            if (roles.Contains(role))
            {
                // A journey's start may send the user straight to its first step.
                Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Redirect, $"{role} {path}: {(int)response.StatusCode}");
                if (response.StatusCode == HttpStatusCode.Redirect) Assert.NotEqual("/sign-in", response.Headers.Location!.AbsolutePath);
            }
            else
            {
                Assert.Equal((role, path, HttpStatusCode.Forbidden), (role, path, response.StatusCode));
                Assert.Contains("You do not have access to this page", html);
                Assert.Contains("ask your supervisor or a Safeguard administrator", html);
                Assert.DoesNotContain("Page not found", html);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Navigation))]
    public async Task The_home_page_offers_only_pages_the_role_can_use(string role, string[] _)
    {
        var session = await PageSignIn.AsAsync(factory, role);

        var (_, home) = await session.GetAsync(Home(role));
        var main = home[home.IndexOf("<main", StringComparison.Ordinal)..];
        var offered = HomeLink().Matches(main).Select(m => m.Groups[1].Value).Where(Pages.ContainsKey).ToList();

        Assert.All(offered, path => Assert.Contains(role, Pages[path]));
        Assert.All(Pages.Where(p => p.Value.Contains(role) && p.Key is not ("/people/new" or "/admin/users/new" or "/custody/book" or "/queues/charging"
            or "/queues/forensic/request" or "/queues/charging/submit" or "/police-protection/start"
            or "/investigations/open" or "/partner")), p => Assert.Contains(p.Key, offered));
        if (role == "partner-practitioner") Assert.Contains("Nothing is shared with you yet", main);
    }

    [Fact]
    public async Task A_record_that_does_not_exist_is_still_not_found_not_forbidden()
    {
        var officer = await PageSignIn.AsAsync(factory, "officer");

        var (status, html) = await officer.GetAsync($"/people/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Contains("Page not found", html);
        Assert.DoesNotContain("You do not have access", html);
    }

    [Fact]
    public async Task Someone_not_signed_in_is_sent_to_sign_in_not_told_about_roles()
    {
        var anonymous = PageSignIn.Anonymous(factory);

        var response = await anonymous.Client.GetAsync("/admin/settings");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/sign-in", response.Headers.Location!.AbsolutePath);
    }

    [GeneratedRegex("class=\"govuk-service-navigation__link\" href=\"([^\"]+)\"")]
    private static partial Regex NavigationLink();

    [GeneratedRegex("<a class=\"govuk-link\" href=\"(/[^\"]*)\"")]
    private static partial Regex HomeLink();
}
