using Safeguard.Core.CaseAudits;
using Safeguard.Core.Cases;

namespace Safeguard.Core.Tests.CaseAudits;

/// <summary>N1–N3 as pure rules: the stratified sample drawn from a seed, the annex case type of a case, the audit tables
/// from hand-entered grades, and the recommendations' due dates.</summary>
public sealed class CaseAuditTests
{
    private static readonly DateTimeOffset Opened = new(2026, 2, 1, 10, 0, 0, TimeSpan.Zero);

    private static IEnumerable<SampleCandidate> Stratum(string type, string bcu, string caseType, int count) =>
        Enumerable.Range(1, count).Select(i => new SampleCandidate(type, bcu, caseType, $"{bcu}-{caseType}-{i}", Guid.NewGuid(), Opened));

    private static List<SampleCandidate> Population() =>
    [
        .. Stratum(AuditCaseTypes.Missing, "BCU-N", CaseTypes.MissingEpisode, 10),
        .. Stratum(AuditCaseTypes.Missing, "BCU-S", CaseTypes.MissingEpisode, 2),
        .. Stratum(AuditCaseTypes.Custody, "BCU-N", CaseTypes.Custody, 5),
    ];

    private static List<string> Ids(IEnumerable<SampleCandidate> drawn) => drawn.Select(d => $"{d.CaseType}/{d.CaseId}").ToList();

    [Fact]
    public void Each_stratum_gets_its_share_and_a_stratum_smaller_than_asked_gives_all_it_has()
    {
        var population = Population();

        var drawn = CaseSampler.Draw(population, seed: 20150601, perStratum: 3);

        Assert.Equal(3, drawn.Count(d => d.AuditType == AuditCaseTypes.Missing && d.Bcu == "BCU-N"));
        // Southvale has only two missing episodes: both are drawn.
        Assert.Equal(["BCU-S-missing-episode-1", "BCU-S-missing-episode-2"],
            drawn.Where(d => d.Bcu == "BCU-S").Select(d => d.CaseId).Order(StringComparer.Ordinal).ToList());
        Assert.Equal(3, drawn.Count(d => d.AuditType == AuditCaseTypes.Custody));
        Assert.Equal(8, drawn.Count);
        // Every case drawn is one of the population's, once; strata come in the annex's order (missing before custody).
        Assert.Equal(drawn.Count, drawn.Select(d => d.CaseId).Distinct().Count());
        Assert.All(drawn, d => Assert.Contains(d, population));
        Assert.Equal(AuditCaseTypes.Custody, drawn[^1].AuditType);
    }

    [Fact]
    public void The_same_seed_on_the_same_cases_draws_the_same_sample_whatever_order_they_are_read_in()
    {
        var population = Population();
        var reversed = Enumerable.Reverse(population).ToList();

        var first = CaseSampler.Draw(population, 42, 3);
        var again = CaseSampler.Draw(reversed, 42, 3);

        Assert.Equal(Ids(first), Ids(again));
    }

    [Fact]
    public void Another_seed_draws_another_sample()
    {
        var population = Stratum(AuditCaseTypes.ChildProtectionEnquiry, "BCU-E", CaseTypes.Investigation, 20).ToList();

        var one = CaseSampler.Draw(population, 1, 5);
        var two = CaseSampler.Draw(population, 2, 5);

        Assert.Equal(5, one.Count);
        Assert.Equal(5, two.Count);
        Assert.NotEqual(Ids(one).Order().ToList(), Ids(two).Order().ToList());
    }

    [Fact]
    public void A_case_added_to_one_stratum_does_not_change_what_another_stratum_draws()
    {
        var population = Population();
        var before = CaseSampler.Draw(population, 7, 3).Where(d => d.AuditType == AuditCaseTypes.Custody);

        population.AddRange(Stratum(AuditCaseTypes.Missing, "BCU-N", "missing-episode-extra", 4));
        var after = CaseSampler.Draw(population, 7, 3).Where(d => d.AuditType == AuditCaseTypes.Custody);

        Assert.Equal(Ids(before), Ids(after));
    }

    [Theory]
    [InlineData(CaseTypes.Investigation, """{"offenceTypes":["physical-abuse"]}""", false, AuditCaseTypes.ChildProtectionEnquiry)]
    [InlineData(CaseTypes.Investigation, """{"offenceTypes":["indecent-images"]}""", false, AuditCaseTypes.OnlineAbuse)]
    [InlineData(CaseTypes.Investigation, """{"offenceTypes":["child-sexual-exploitation"]}""", false, AuditCaseTypes.SexualExploitation)]
    [InlineData(CaseTypes.Investigation, """{"offenceTypes":["indecent-images"]}""", true, AuditCaseTypes.SexualExploitation)]
    [InlineData(CaseTypes.MissingEpisode, "{}", false, AuditCaseTypes.Missing)]
    [InlineData(CaseTypes.MissingEpisode, "{}", true, AuditCaseTypes.SexualExploitation)]
    [InlineData(CaseTypes.Referral, """{"kind":"social-care"}""", false, AuditCaseTypes.GeneralConcern)]
    [InlineData(CaseTypes.Referral, """{"kind":"marac"}""", false, null)]
    [InlineData(CaseTypes.Marac, "{}", false, AuditCaseTypes.DomesticAbuse)]
    [InlineData(CaseTypes.Offender, "{}", true, AuditCaseTypes.SexOffender)]
    [InlineData(CaseTypes.PoliceProtection, "{}", false, AuditCaseTypes.PoliceProtection)]
    [InlineData(CaseTypes.Custody, "{}", true, AuditCaseTypes.Custody)]
    [InlineData(CaseTypes.Meeting, "{}", false, null)]
    [InlineData(CaseTypes.ForensicRequest, "{}", false, null)]
    public void A_case_belongs_to_one_annex_case_type(string caseType, string fields, bool cseRisk, string? expected) =>
        Assert.Equal(expected, AuditCaseTypes.Classify(caseType, fields, cseRisk));

    [Fact]
    public void The_tables_count_the_overall_grades_as_worked_out_by_hand()
    {
        const string G = AuditGrades.Good, A = AuditGrades.Adequate, R = AuditGrades.RequiresImprovement, I = AuditGrades.Inadequate;
        GradedCase[] cases =
        [
            new(AuditCaseTypes.Missing, G, R),
            new(AuditCaseTypes.Missing, R, I),
            new(AuditCaseTypes.Missing, A, A),
            new(AuditCaseTypes.Custody, A, R),
            new(AuditCaseTypes.Custody, R, R),
            new(AuditCaseTypes.Custody, null, G),
            new(AuditCaseTypes.SexualExploitation, G, null),
        ];

        var t = AuditTables.Compute(cases);

        Assert.Equal(7, t.Sampled);
        // Self: good 2, adequate 2, requires improvement 2, inadequate 0 (6 graded).
        Assert.Equal([2, 2, 2, 0], AuditGrades.All.Select(g => t.Self.ByGrade[g]));
        Assert.Equal(6, t.Self.Graded);
        // Independent: good 1, adequate 1, requires improvement 3, inadequate 1 (6 graded).
        Assert.Equal([1, 1, 3, 1], AuditGrades.All.Select(g => t.Independent.ByGrade[g]));
        Assert.Equal(6, t.Independent.Graded);
        // Five cases were graded both ways; two agree (adequate/adequate, RI/RI); three were graded lower independently.
        Assert.Equal(5, t.GradedBoth);
        Assert.Equal(2, t.Agreed);
        Assert.Equal(3, t.IndependentLower);
        Assert.Equal(0, t.IndependentHigher);
        Assert.Equal(1, t.Agreement[G][R]);
        Assert.Equal(1, t.Agreement[R][I]);
        Assert.Equal(1, t.Agreement[A][A]);
        Assert.Equal(1, t.Agreement[A][R]);
        Assert.Equal(1, t.Agreement[R][R]);
        Assert.Equal(5, t.Agreement.Values.Sum(row => row.Values.Sum()));
        // Per case type, in the annex's order: missing, CSE, custody.
        Assert.Equal([AuditCaseTypes.Missing, AuditCaseTypes.SexualExploitation, AuditCaseTypes.Custody], t.ByCaseType.Select(r => r.AuditType));
        var missing = t.ByCaseType[0];
        Assert.Equal(3, missing.Sampled);
        Assert.Equal([0, 1, 1, 1], AuditGrades.All.Select(g => missing.Independent.ByGrade[g]));
        var custody = t.ByCaseType[2];
        Assert.Equal([1, 0, 2, 0], AuditGrades.All.Select(g => custody.Independent.ByGrade[g]));
        Assert.Equal(2, custody.Self.Graded);
        Assert.Equal(0, t.ByCaseType[1].Independent.Graded);
        Assert.Equal(1, t.ByCaseType[1].Self.Graded);
    }

    [Fact]
    public void The_report_of_2015_self_assessed_33_cases_and_the_tables_give_its_figures_back()
    {
        // The inspection report: the force graded 12 good, 6 adequate, 13 requiring improvement and 2 inadequate;
        // the inspectors graded the same 33 cases 7, 2, 17 and 7.
        var self = Enumerable.Repeat(AuditGrades.Good, 12).Concat(Enumerable.Repeat(AuditGrades.Adequate, 6))
            .Concat(Enumerable.Repeat(AuditGrades.RequiresImprovement, 13)).Concat(Enumerable.Repeat(AuditGrades.Inadequate, 2)).ToList();
        var independent = Enumerable.Repeat(AuditGrades.Good, 7).Concat(Enumerable.Repeat(AuditGrades.Adequate, 2))
            .Concat(Enumerable.Repeat(AuditGrades.RequiresImprovement, 17)).Concat(Enumerable.Repeat(AuditGrades.Inadequate, 7)).ToList();

        var t = AuditTables.Compute(self.Zip(independent, (s, i) => new GradedCase(AuditCaseTypes.DomesticAbuse, s, i)).ToList());

        Assert.Equal([12, 6, 13, 2], AuditGrades.All.Select(g => t.Self.ByGrade[g]));
        Assert.Equal([7, 2, 17, 7], AuditGrades.All.Select(g => t.Independent.ByGrade[g]));
        Assert.Equal(33, t.GradedBoth);
    }

    [Theory]
    [InlineData("2026-04-30", Timescales.Immediately, "2026-06-11")]
    [InlineData("2026-04-30", Timescales.ThreeMonths, "2026-07-30")]
    [InlineData("2026-04-30", Timescales.SixMonths, "2026-10-30")]
    [InlineData("2026-08-31", Timescales.SixMonths, "2027-02-28")]
    [InlineData("2026-11-30", Timescales.ThreeMonths, "2027-02-28")]
    public void A_recommendation_falls_due_six_weeks_three_or_six_months_after_the_report(string report, string timescale, string due) =>
        Assert.Equal(DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture),
            Timescales.DueDate(DateOnly.Parse(report, System.Globalization.CultureInfo.InvariantCulture), timescale));
}
