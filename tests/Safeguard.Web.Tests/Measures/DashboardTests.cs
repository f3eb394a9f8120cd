using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Core.AccessLog;
using Safeguard.Core.Data;
using Safeguard.Core.Organisation;
using Safeguard.TestKit;
using Safeguard.Web.Tests.Exports;

namespace Safeguard.Web.Tests.Measures;

/// <summary>Issue 12 points 1–4 (M1, M2): the measures dashboard shows every measure per month and unit with exact
/// figures, a chart drawn on the server and its definition; every figure opens the cases behind it for the same period
/// and unit, leaving out records the reader may not see; figures and cases download as CSV and Excel, audited; the API
/// gives the same figures.</summary>
/// <remarks>The hand-built data set ("now" is 2 March 2026 09:00): North, February: Amara found 3 February 10:00,
/// interviewed 50 hours later (within 72 hours); Bartek found 10 February 10:00, interviewed 80 hours later (late).
/// South, January: Chloe found 20 January 10:00, interviewed 2 hours later. So North February is 1 of 2 (50.0%), South
/// January 1 of 1 (100.0%), the force 2 of 3 (66.7%), and March has no cases.</remarks>
public sealed class DashboardTests : IDisposable
{
    private const string Measure = "return-interviews-72h";
    private const string Period = "from=2026-01&to=2026-03";
    private readonly SafeguardFactory _factory = new();
    private readonly HttpClient _api;

    public DashboardTests()
    {
        _api = _factory.Api();
        using var scope = _factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SafeguardDb>();
        db.Bcus.AddRange(new Bcu { Code = "north", Name = "North" }, new Bcu { Code = "south", Name = "South" });
        db.Teams.AddRange(
            new Team { Code = "mp-north", Name = "North missing persons unit", BcuCode = "north", Kind = "missing", LocalAuthority = "Northshire Council" },
            // A local authority whose name a spreadsheet would take for a formula.
            new Team { Code = "mp-south", Name = "South missing persons unit", BcuCode = "south", Kind = "missing", LocalAuthority = "=Southshire Council" });
        db.SaveChanges();
    }

    public void Dispose() => _factory.Dispose();

    private async Task<string> EpisodeAsync(string id, string team, string foundAt, double? interviewAfterHours, string forename)
    {
        var child = await _api.CreatePersonAsync(A.Child(forename, "Dashtest").Build());
        var found = DateTimeOffset.Parse(foundAt, System.Globalization.CultureInfo.InvariantCulture);
        await _api.RecordAsync(new { id, type = "missing-reported", occurredAt = found.AddHours(-14), unit = team,
            people = new[] { new { personId = child, role = "child" } },
            data = new { riskGrade = "medium", reportedBy = "parent", lookedAfter = false, lastSeenAt = found.AddHours(-16) } });
        await _api.RecordAsync(new { id = id + "-found", type = "missing-located", occurredAt = found, unit = team,
            people = new[] { new { personId = child, role = "child" } },
            data = new { missingEventId = id, locatedAt = found, foundLocation = "Bus station" } });
        if (interviewAfterHours is { } h)
        {
            var at = found.AddHours(h);
            await _api.RecordAsync(new { id = id + "-ri", type = "return-interview", occurredAt = at, unit = team,
                people = new[] { new { personId = child, role = "child" } },
                data = new { missingEventId = id, offeredAt = at, heldAt = at, byAgency = "LA-ALDER" } });
        }
        return child;
    }

    private async Task<(string Amara, string Bartek, string Chloe)> DataSetAsync() => (
        await EpisodeAsync("m-n1", "mp-north", "2026-02-03T10:00:00Z", 50, "Amara"),
        await EpisodeAsync("m-n2", "mp-north", "2026-02-10T10:00:00Z", 80, "Bartek"),
        await EpisodeAsync("m-s1", "mp-south", "2026-01-20T10:00:00Z", 2, "Chloe"));

    private static AngleSharp.Dom.IDocument Parse(string html) => new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);

    /// <summary>The figures table of a measure: each row's cells' text, the header row first.</summary>
    private static List<List<string>> Table(string html, string measure = Measure) =>
        Parse(html).QuerySelector($"[data-measure='{measure}'] [data-testid=figures]")!.QuerySelectorAll("tr")
            .Select(r => r.Children.Select(c => c.TextContent.Trim()).ToList()).ToList();

    private List<AuditEntry> Audit(string action, string entity)
    {
        using var db = _factory.Db();
        return db.Audit.Where(a => a.Action == action && a.Entity == entity).ToList();
    }

    [Fact]
    public async Task The_dashboard_shows_each_bcu_per_month_exactly_with_the_definition_chart_and_no_cases_said_plainly()
    {
        await DataSetAsync();
        var leader = await PageSignIn.AsAsync(_factory, "leader");

        var (status, html) = await leader.GetAsync($"/measures?{Period}&split=bcu");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(
        [
            ["Month", "North", "South"],
            ["January 2026", "No cases", "100.0% (1 of 1)"],
            ["February 2026", "50.0% (1 of 2)", "No cases"],
            ["March 2026", "No cases", "No cases"],
            ["Whole period", "50.0% (1 of 2)", "100.0% (1 of 1)"],
        ], Table(html));
        var section = Parse(html).QuerySelector($"[data-measure='{Measure}']")!;
        Assert.Contains("whose return interview was offered or held within the time limit", section.TextContent);
        Assert.Equal("90%", section.QuerySelector("[data-testid=target]")!.TextContent);
        var chart = section.QuerySelector("img[data-testid=chart]")!;
        Assert.Contains("North 50.0% (1 of 2); South 100.0% (1 of 1)", chart.GetAttribute("alt"));
        Assert.StartsWith("/measures?handler=Chart&measure=return-interviews-72h&from=2026-01&to=2026-03&split=bcu", chart.GetAttribute("src"));
        var link = section.QuerySelectorAll("[data-testid=figures] a").First(a => a.TextContent == "50.0% (1 of 2)");
        Assert.Equal("/measures/return-interviews-72h/cases?from=2026-02&to=2026-02&split=bcu&unit=north", link.GetAttribute("href"));

        var (_, force) = await leader.GetAsync($"/measures?{Period}");
        Assert.Equal(["Whole period", "66.7% (2 of 3)"], Table(force)[^1]);
    }

    [Fact]
    public async Task The_chart_is_an_svg_with_the_exact_values_and_a_dashed_target_line()
    {
        await DataSetAsync();
        var leader = await PageSignIn.AsAsync(_factory, "leader");

        var response = await leader.Client.GetAsync($"/measures?handler=Chart&measure={Measure}&{Period}&split=bcu");
        var svg = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/svg+xml", response.Content.Headers.ContentType?.MediaType);
        var doc = System.Xml.Linq.XDocument.Parse(svg);
        System.Xml.Linq.XNamespace ns = "http://www.w3.org/2000/svg";
        var titles = doc.Descendants(ns + "title").Select(t => t.Value).ToList();
        Assert.Contains("North, February 2026: 50.0% (1 of 2)", titles);
        Assert.Contains("South, January 2026: 100.0% (1 of 1)", titles);
        Assert.Contains("Target: 90%", titles);
        Assert.Contains(doc.Descendants(ns + "desc"), d => d.Value.Contains("Target 90%", StringComparison.Ordinal));
        // The figures written beside the points, the units named, and the target named.
        var texts = doc.Descendants(ns + "text").Select(t => t.Value.Trim()).ToList();
        Assert.Contains("50%", texts);
        Assert.Contains("100%", texts);
        Assert.Contains("North", texts);
        Assert.Contains("Feb 2026", texts);
        Assert.Contains("Target 90%", texts);
        // Skia's SVG writer bakes the dash pattern into the target line's path (many short segments), so there is no
        // stroke-dasharray to look for; the legend's "Target 90%" above names the line.
    }

    [Fact]
    public async Task A_figure_opens_its_cases_for_the_same_month_and_unit_and_the_names_listed_are_logged()
    {
        var (amara, bartek, _) = await DataSetAsync();
        var leader = await PageSignIn.AsAsync(_factory, "leader");

        var (status, html) = await leader.GetAsync($"/measures/{Measure}/cases?from=2026-02&to=2026-02&split=bcu&unit=north");
        var (_, late) = await leader.GetAsync($"/measures/{Measure}/cases?from=2026-02&to=2026-02&split=bcu&unit=north&subset=not-met");
        var (_, january) = await leader.GetAsync($"/measures/{Measure}/cases?from=2026-01&to=2026-01&split=bcu&unit=north");

        Assert.Equal(HttpStatusCode.OK, status);
        var rows = Parse(html).QuerySelectorAll("[data-testid=measure-cases] tbody tr").Select(r => r.Children.Select(c => c.TextContent.Trim()).ToList()).ToList();
        Assert.Equal([["Bartek Dashtest", "missing episode", rows[0][2], "No", "80 hours"], ["Amara Dashtest", "missing episode", rows[1][2], "Yes", "50 hours"]], rows);
        Assert.Contains("10 February 2026", rows[0][2]);
        Assert.Contains("North", Parse(html).QuerySelector(".govuk-caption-l")!.TextContent);
        Assert.Contains("href=\"/missing/m-n2\"", html);
        Assert.Equal(["Bartek Dashtest"], Parse(late).QuerySelectorAll("[data-testid=measure-cases] tbody tr td:first-child").Select(c => c.TextContent.Trim()));
        Assert.Contains("No cases.", january);
        var listed = Audit(AuditActions.List, "measure-cases").Where(a => a.PersonId is not null).Select(a => a.PersonId!.Value).ToList();
        Assert.Equal([Guid.Parse(bartek), Guid.Parse(amara), Guid.Parse(bartek)], listed);
    }

    [Fact]
    public async Task A_restricted_child_is_left_out_of_the_figures_and_the_cases_for_those_who_may_not_see_them()
    {
        var (_, bartek, _) = await DataSetAsync();
        var named = await PageSignIn.AsUserAsync(_factory, "named-sup", "supervisor");
        var other = await PageSignIn.AsUserAsync(_factory, "other-sup", "supervisor");
        var (restricted, problem) = await _api.PutJsonAsync($"/api/v1/people/{bartek}/restriction", new { allowed = new[] { "user:named-sup" }, reason = "Protected witness" });
        Assert.True(restricted == HttpStatusCode.OK, problem?.ToJsonString());
        var cases = $"/measures/{Measure}/cases?from=2026-02&to=2026-02&split=bcu&unit=north";

        var (_, namedBoard) = await named.GetAsync($"/measures?{Period}&split=bcu");
        var (_, otherBoard) = await other.GetAsync($"/measures?{Period}&split=bcu");
        var (_, namedCases) = await named.GetAsync(cases);
        var (_, otherCases) = await other.GetAsync(cases);

        Assert.Equal("50.0% (1 of 2)", Table(namedBoard)[2][1]);
        Assert.Equal("100.0% (1 of 1)", Table(otherBoard)[2][1]);
        Assert.Contains("Bartek Dashtest", namedCases);
        Assert.DoesNotContain("Bartek", otherCases);
        Assert.Contains("Amara Dashtest", otherCases);
        Assert.Contains("1 case, newest first", otherCases);
    }

    [Fact]
    public async Task Figures_and_cases_download_as_csv_and_excel_formula_safe_and_audited()
    {
        var (_, _, chloe) = await DataSetAsync();
        var leader = await PageSignIn.AsAsync(_factory, "leader");

        var figures = await Workbook.RowsAsync(await leader.Client.GetAsync($"/measures?handler=Export&format=csv&{Period}&split=local-authority"));
        var xlsx = await Workbook.RowsAsync(await leader.Client.GetAsync($"/measures?handler=Export&format=xlsx&{Period}&split=bcu"));
        var cases = await Workbook.RowsAsync(await leader.Client.GetAsync(
            $"/measures/{Measure}/cases?from=2026-01&to=2026-01&split=local-authority&unit=%3DSouthshire%20Council&handler=Export&format=xlsx"));

        Assert.Equal(["Measure", "Measure id", "Unit", "Month", "Numerator", "Denominator", "Figure", "Target"], figures[0]);
        Assert.Contains(["Return interviews within 72 hours", Measure, "Northshire Council", "February 2026", "1", "2", "50.0% (1 of 2)", "90%"], figures);
        Assert.Contains(["Return interviews within 72 hours", Measure, "'=Southshire Council", "January 2026", "1", "1", "100.0% (1 of 1)", "90%"], figures);
        Assert.Contains(["Return interviews within 72 hours", Measure, "North", "January 2026 to March 2026", "1", "2", "50.0% (1 of 2)", "90%"], xlsx);
        Assert.Equal(2, cases.Count);
        Assert.Equal(("Chloe Dashtest", "missing episode", "m-s1", "'=Southshire Council", "Yes", "2 hours"), (cases[1][0], cases[1][1], cases[1][2], cases[1][6], cases[1][8], cases[1][9]));
        Assert.Equal(2, Audit(AuditActions.Export, "measures").Count);
        var exported = Audit(AuditActions.Export, "measure-cases");
        Assert.Equal([Guid.Parse(chloe)], exported.Where(a => a.PersonId is not null).Select(a => a.PersonId!.Value));
        Assert.Contains(exported, a => a.PersonId is null && a.Detail!.StartsWith("1 rows as XLSX", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_api_gives_the_catalogue_the_figures_per_month_and_unit_and_the_cases()
    {
        var (amara, bartek, _) = await DataSetAsync();

        var (_, catalogue) = await _api.GetJsonAsync("/api/v1/measures/catalogue");
        var (status, body) = await _api.GetJsonAsync($"/api/v1/measures/{Measure}?{Period}&split=bcu");
        var (_, cases) = await _api.GetJsonAsync($"/api/v1/measures/{Measure}/cases?from=2026-02&to=2026-02&split=bcu&unit=north&subset=met");

        var definition = catalogue!["measures"]!.AsArray().Single(m => m!["id"]!.GetValue<string>() == Measure)!;
        Assert.Equal(("deadline", "hours", "M1.returnInterviewTargetPercent"),
            (definition["kind"]!.GetValue<string>(), definition["valueUnit"]!.GetValue<string>(), definition["targetSetting"]!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal((90.0, 72.0), (body!["target"]!.GetValue<double>(), body["limit"]!.GetValue<double>()));
        var north = body["months"]!.AsArray().Single(m => m!["unit"]!.GetValue<string>() == "north")!;
        Assert.Equal(("2026-02", 1, 2, 50.0), (north["month"]!.GetValue<string>(), north["numerator"]!.GetValue<int>(), north["denominator"]!.GetValue<int>(), north["value"]!.GetValue<double>()));
        Assert.Equal(2, body["totals"]!.AsArray().Count);
        var listed = cases!["cases"]!.AsArray().Single()!;
        Assert.Equal((amara, "Amara Dashtest", "m-n1", true, 1), (listed["personId"]!.GetValue<string>(), listed["name"]!.GetValue<string>(),
            listed["caseId"]!.GetValue<string>(), listed["met"]!.GetValue<bool>(), cases["total"]!.GetValue<int>()));
        Assert.DoesNotContain(bartek, cases.ToJsonString());
    }

    [Theory]
    [InlineData("/api/v1/measures/no-such-measure", 404, null)]
    [InlineData("/api/v1/measures/return-interviews-72h?split=galaxy", 400, "split")]
    [InlineData("/api/v1/measures/return-interviews-72h?from=2026-13", 400, "from")]
    [InlineData("/api/v1/measures/return-interviews-72h?from=2026-03&to=2026-01", 400, "from")]
    [InlineData("/api/v1/measures/return-interviews-72h?from=2020-01&to=2026-01", 400, "from")]
    [InlineData("/api/v1/measures/return-interviews-72h/cases?subset=some", 400, "subset")]
    [InlineData("/api/v1/measures/return-interviews-72h/cases?pageSize=0", 400, "pageSize")]
    [InlineData("/api/v1/measures/no-such-measure/cases", 404, null)]
    public async Task The_api_refuses_an_unknown_measure_and_a_bad_period_split_or_page_with_a_problem(string url, int expected, string? field)
    {
        var (status, body) = await _api.GetJsonAsync(url);

        Assert.Equal(expected, (int)status);
        Assert.NotNull(body!["code"]);
        if (field is not null) Assert.NotNull(body["errors"]![field]);
    }

    [Theory]
    [InlineData("officer")]
    [InlineData("partner-practitioner")]
    public async Task Roles_that_may_not_see_measures_are_refused_the_dashboard_the_cases_and_the_api(string role)
    {
        await DataSetAsync();
        await Sharing.SharingTests.OrganisationsAsync(_api);
        var organisation = role == "partner-practitioner" ? Sharing.SharingTests.Org : null;
        var session = await PageSignIn.AsUserAsync(_factory, "user-" + role, role, organisation: organisation);
        var api = await _factory.ApiAsAsync(role, organisation: organisation);

        var (page, _) = await session.GetAsync($"/measures?{Period}");
        var (cases, _) = await session.GetAsync($"/measures/{Measure}/cases?{Period}");
        var (export, _) = await session.GetAsync($"/measures?handler=Export&format=csv&{Period}");
        var (figures, _) = await api.GetJsonAsync($"/api/v1/measures/{Measure}?{Period}");

        Assert.Equal([HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden], new[] { page, cases, export, figures });
        Assert.Empty(Audit(AuditActions.List, "measure-cases"));
    }

    [Fact]
    public async Task A_bad_period_on_the_page_is_explained_and_nothing_is_shown()
    {
        var leader = await PageSignIn.AsAsync(_factory, "leader");

        var (status, html) = await leader.GetAsync("/measures?from=2026-03&to=2026-01");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("There is a problem", html);
        Assert.Contains("The first month must not be after the last month", html);
        Assert.DoesNotContain("data-testid=\"figures\"", html);
    }
}
