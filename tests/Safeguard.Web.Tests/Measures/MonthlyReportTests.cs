using System.Net;
using Safeguard.Core.Data;
using Safeguard.Core.Measures.Framework;
using Safeguard.Core.Measures.Report;
using Safeguard.TestKit;
using Safeguard.Web.Measures;

namespace Safeguard.Web.Tests.Measures;

/// <summary>Issue 12 point 5 (M3): the monthly report for the police and crime commissioner and the safeguarding
/// partnership: words generated from the figures (measures off target, the biggest changes), the charts, and children's
/// views gathered in the month as anonymised extracts, never from a restricted record; audited.</summary>
public sealed class MonthlyReportTests : IDisposable
{
    private readonly SafeguardFactory _factory = new();
    private readonly HttpClient _api;

    public MonthlyReportTests() => _api = _factory.Api();
    public void Dispose() => _factory.Dispose();

    private static readonly MonthKey February = MonthKey.Of(2026, 2), January = MonthKey.Of(2026, 1);

    private static MeasureDefinition Def(string id, string title, MeasureKind kind, bool higherIsBetter = true) =>
        new(id, title, "M1", kind, "n", "d", "c", higherIsBetter, kind == MeasureKind.Duration ? MeasureUnit.Days : MeasureUnit.None);

    private static MeasureCell Rate(MonthKey m, int met, int counted) => new(m, null, counted, met, (double)met / counted, null);

    [Fact]
    public void The_words_name_the_measures_off_target_and_the_three_biggest_changes_with_which_way_is_better()
    {
        // Worked example:
        // - Visits (rate, target 90%): 12 of 16 = 75.0% in February (off target), 9 of 10 = 90.0% in January: −15 points, worse.
        // - Charging (duration, target 3 days, lower is better): 4 days in February (off target), 4.1 in January: −2.4%, too small to name.
        // - Flags (count): 7 in February, 5 in January: +40%, named without "better" or "worse".
        // - Views (rate, target 80%): 9 of 10 = 90.0% (met), 8 of 10 = 80.0% in January: +10 points, better.
        // - Quiet (rate): no cases in February.
        // With a target and cases: Visits, Charging, Views — one met, two did not. Changes by size: Flags 0.40, Visits 0.15, Views 0.10.
        var measures = new List<ReportMeasure>
        {
            new(Def("visits", "Visits on time", MeasureKind.Rate), Rate(February, 12, 16), Rate(January, 9, 10), 0.9),
            new(Def("charging", "Time to charge", MeasureKind.Duration), new(February, null, 2, 0, 0, 4.0), new(January, null, 3, 0, 0, 4.1), 3),
            new(Def("flags", "Flags raised", MeasureKind.Count), new(February, null, 7, 7, 1, null), new(January, null, 5, 5, 1, null), null),
            new(Def("views", "Views recorded", MeasureKind.Rate), Rate(February, 9, 10), Rate(January, 8, 10), 0.8),
            new(Def("quiet", "Quiet measure", MeasureKind.Rate), null, Rate(January, 1, 2), 0.5),
        };

        var words = ReportWords.Write(measures, February);

        Assert.Equal("In February 2026, 1 of the 3 measures with a target and cases met their targets; 2 did not.", words.Summary);
        Assert.Equal(
        [
            "Visits on time: 75.0% (12 of 16), against a target of 90%.",
            "Time to charge: 4 days on average (2 cases), against a target of 3 days or less.",
        ], words.OffTarget);
        Assert.Equal(
        [
            "Flags raised rose from 5 in January 2026 to 7.",
            "Visits on time fell from 90.0% (9 of 10) in January 2026 to 75.0% (12 of 16), which is worse.",
            "Views recorded rose from 80.0% (8 of 10) in January 2026 to 90.0% (9 of 10), which is better.",
        ], words.Changes);
        Assert.Equal(["Quiet measure"], words.NoCases);
    }

    [Fact]
    public void A_lower_is_better_rate_above_its_target_is_off_target_and_a_fall_is_better()
    {
        var d = Def("rereferrals", "Re-referrals within 12 months", MeasureKind.Rate, higherIsBetter: false);
        var words = ReportWords.Write([new(d, Rate(February, 3, 10), Rate(January, 5, 10), 0.2)], February);

        Assert.Equal(["Re-referrals within 12 months: 30.0% (3 of 10), against a target of 20% or less."], words.OffTarget);
        Assert.Equal(["Re-referrals within 12 months fell from 50.0% (5 of 10) in January 2026 to 30.0% (3 of 10), which is better."], words.Changes);
    }

    [Fact]
    public void Names_addresses_postcodes_numbers_emails_and_dates_are_taken_out_of_a_childs_words()
    {
        var words = Anonymiser.Redact(
            "Mum (Ewa Nowak-Kowalska) shouts at Kacper and me. We live at 12 Acacia Road, PL1 4AB; ring 07700 900123 or ewa.n@example.com. " +
            "Since 03/02/2026 I stay at Nan's, 4 Chapel Street. Kacperek is my brother.",
            ["Zofia", "Łukasiewicz", "Ewa", "Nowak-Kowalska", "Kacper", "Nowak"], ["4 Chapel Street"]);

        Assert.Equal(
            "Mum ([name] [name]) shouts at [name] and me. We live at [address], [postcode]; ring [number] or [email]. " +
            "Since [date] I stay at Nan's, [address]. Kacperek is my brother.", words);
    }

    [Fact]
    public void A_long_extract_is_cut_at_a_word()
    {
        var words = Anonymiser.Redact(string.Join(' ', Enumerable.Repeat("school", 100)), [], []);
        Assert.True(words.Length <= Anonymiser.MostCharacters + 1);
        Assert.EndsWith("school…", words);
    }

    private async Task<string> PpnAsync(string id, string forename, string surname, int age, string views, string at)
    {
        var child = await _api.CreatePersonAsync(A.Child(forename, surname).AgedYears(age).Build());
        await _api.RecordAsync(new
        {
            id, type = "ppn", occurredAt = at, people = new[] { new { personId = child, role = "child" } },
            data = new
            {
                concerns = new[] { "neglect" }, demeanour = "Quiet, tired", childViews = views, immediateActions = "Stayed with the child until the social worker came",
                referredToSocialCare = true, riskGrade = "medium",
            },
        });
        return child;
    }

    private async Task EpisodeAsync(string id, string foundAt, double interviewAfterHours)
    {
        var child = await _api.CreatePersonAsync(A.Child("Dafydd", "Reportmissing").Build());
        var found = DateTimeOffset.Parse(foundAt, System.Globalization.CultureInfo.InvariantCulture);
        await _api.RecordAsync(new { id, type = "missing-reported", occurredAt = found.AddHours(-14), people = new[] { new { personId = child, role = "child" } },
            data = new { riskGrade = "medium", reportedBy = "parent", lookedAfter = false, lastSeenAt = found.AddHours(-16) } });
        await _api.RecordAsync(new { id = id + "-found", type = "missing-located", occurredAt = found, people = new[] { new { personId = child, role = "child" } },
            data = new { missingEventId = id, locatedAt = found, foundLocation = "Bus station" } });
        var at = found.AddHours(interviewAfterHours);
        await _api.RecordAsync(new { id = id + "-ri", type = "return-interview", occurredAt = at, people = new[] { new { personId = child, role = "child" } },
            data = new { missingEventId = id, offeredAt = at, heldAt = at, byAgency = "LA-ALDER" } });
    }

    [Fact]
    public async Task The_report_for_last_month_quotes_childrens_views_without_names_leaves_out_restricted_records_and_says_what_is_off_target()
    {
        // "Now" is 2 March 2026, so the report is for February. One episode found 3 February, interviewed 80 hours later:
        // return interviews within 72 hours are 0 of 1 against the 90% target.
        await EpisodeAsync("m-rep", "2026-02-03T10:00:00Z", 80);
        var zofia = await PpnAsync("ppn-zofia", "Zofia", "Łukasiewicz", 14, "Zofia says she wants to stay with her nan at 9 Mill Lane, TR1 2AB, not at home.", "2026-02-10T18:00:00Z");
        var hidden = await PpnAsync("ppn-hidden", "Siân", "Cuddlestone", 9, "I like my teacher.", "2026-02-11T18:00:00Z");
        await PpnAsync("ppn-march", "Olek", "Lateone", 11, "Said in March.", "2026-03-01T18:00:00Z");
        var leader = await PageSignIn.AsUserAsync(_factory, "named-leader", "leader");
        var (restricted, problem) = await _api.PutJsonAsync($"/api/v1/people/{hidden}/restriction", new { allowed = new[] { "user:named-leader" }, reason = "Child of a colleague" });
        Assert.True(restricted == HttpStatusCode.OK, problem?.ToJsonString());

        var (status, html) = await leader.GetAsync("/measures/report");
        var doc = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);
        var views = doc.QuerySelectorAll("[data-testid=view]").Select(v => v.TextContent.Trim()).ToList();

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Monthly report: February 2026", doc.QuerySelector("h1")!.TextContent);
        Assert.Contains("Return interviews within 72 hours: 0.0% (0 of 1), against a target of 90%.", doc.QuerySelector("[data-testid=off-target]")!.TextContent);
        var view = Assert.Single(views); // not the restricted child's (even for a reader named on it), not March's
        Assert.Contains("“[name] says she wants to stay with her nan at [address], [postcode], not at home.”", view);
        Assert.Contains("A child aged 13 to 15, February 2026", view);
        Assert.DoesNotContain("Łukasiewicz", html);
        Assert.DoesNotContain("Cuddlestone", html);
        Assert.NotEmpty(doc.QuerySelectorAll("[data-testid=report-chart] img"));
        Assert.All(doc.QuerySelectorAll("[data-testid=report-chart] img"), img => Assert.Contains("split=bcu", img.GetAttribute("src")));
        using var db = _factory.Db();
        Assert.Contains(db.Audit.ToList(), a => a.Entity == "measures-report" && a.PersonId == Guid.Parse(zofia));
        Assert.DoesNotContain(db.Audit.ToList(), a => a.Entity == "measures-report" && a.PersonId == Guid.Parse(hidden));
    }

    [Fact]
    public async Task The_api_gives_the_same_report_and_refuses_a_month_not_yet_over()
    {
        await EpisodeAsync("m-api", "2026-02-03T10:00:00Z", 20);
        var leader = await _factory.ApiAsAsync("leader");

        var (status, body) = await leader.GetJsonAsync("/api/v1/measures/report?month=2026-02");
        var (current, problem) = await leader.GetJsonAsync("/api/v1/measures/report?month=2026-03");
        var (junk, _) = await leader.GetJsonAsync("/api/v1/measures/report?month=soon");
        var (officer, _) = await (await _factory.ApiAsAsync("officer")).GetJsonAsync("/api/v1/measures/report?month=2026-02");

        Assert.Equal(HttpStatusCode.OK, status);
        var ri = body!["measures"]!.AsArray().Single(m => m!["id"]!.GetValue<string>() == "return-interviews-72h")!;
        Assert.Equal("100.0% (1 of 1)", ri["thisMonthText"]!.GetValue<string>());
        Assert.False(ri["offTarget"]!.GetValue<bool>());
        Assert.Equal((HttpStatusCode.BadRequest, "validation-failed"), (current, problem!["code"]!.GetValue<string>()));
        Assert.Contains("month", problem["errors"]!.AsObject().Select(e => e.Key));
        Assert.Equal(HttpStatusCode.BadRequest, junk);
        Assert.Equal(HttpStatusCode.Forbidden, officer);
    }
}
