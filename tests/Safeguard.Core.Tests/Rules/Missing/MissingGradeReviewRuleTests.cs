using Safeguard.Core.Rules;
using Safeguard.Core.Tests.Builders;

namespace Safeguard.Core.Tests.Rules.Missing;

public class MissingGradeReviewRuleTests
{
    [Theory]
    [InlineData("low")]
    [InlineData("very-low")]
    public void Low_grade_for_a_child_with_cse_screening_indicators_alerts_a_supervisor(string grade)
    {
        PersonFacts child = A.Child();
        var world = new World().With(child).Given(An.Screening(child, "2026-02-01 10:00", "gifts-money").Id("s1"));
        var alert = world.Record(An.MissingReport(child, "2026-03-01 20:00", grade).Id("m1")).Single<AlertOutput>(child, "missing-grade-review");

        Assert.Equal(Audiences.Supervisor, alert.Audience);
        Assert.Equal(["s1", "m1"], alert.EventIds);
        Assert.Contains("unexplained gifts, money or phones", alert.Explanation);
    }

    [Theory]
    [InlineData("medium")]
    [InlineData("high")]
    public void Medium_or_high_grade_raises_no_alert(string grade)
    {
        PersonFacts child = A.Child().WithFlag("cse-risk");
        new World().With(child).Record(An.MissingReport(child, "2026-03-01 20:00", grade)).None<AlertOutput>(child, "missing-grade-review");
    }

    [Fact]
    public void Low_grade_without_any_concern_raises_no_alert()
    {
        PersonFacts child = A.Child();
        new World().With(child).Record(An.MissingReport(child, "2026-03-01 20:00", "low")).None<AlertOutput>(child, "missing-grade-review");
    }

    [Theory]
    [InlineData("suggested")]
    [InlineData("confirmed")]
    public void Low_grade_for_a_child_with_a_live_cse_risk_flag_alerts(string status)
    {
        PersonFacts child = A.Child().WithFlag("cse-risk", status);
        new World().With(child).Record(An.MissingReport(child, "2026-03-01 20:00", "low")).Single<AlertOutput>(child, "missing-grade-review");
    }

    [Fact]
    public void A_rejected_cse_risk_flag_is_not_a_concern()
    {
        PersonFacts child = A.Child().WithFlag("cse-risk", "rejected");
        new World().With(child).Record(An.MissingReport(child, "2026-03-01 20:00", "low")).None<AlertOutput>(child, "missing-grade-review");
    }

    [Fact]
    public void Low_grade_for_a_repeat_missing_child_alerts()
    {
        PersonFacts child = A.Child();
        var world = new World().With(child).Given(An.MissingReport(child, "2026-01-10 20:00"), An.MissingReport(child, "2026-02-10 20:00"));
        var alert = world.Record(An.MissingReport(child, "2026-03-01 20:00", "very-low")).Single<AlertOutput>(child, "missing-grade-review");
        Assert.Contains("repeat missing (3 episodes", alert.Explanation);
    }

    [Fact]
    public void Low_grade_after_a_cse_classified_incident_alerts()
    {
        PersonFacts child = A.Child();
        var world = new World().With(child).Given(An.Event("incident").At("2026-01-10 20:00").Victim(child).WithList("classifications", "online-sexual-abuse").Id("i1"));
        var alert = world.Record(An.MissingReport(child, "2026-03-01 20:00", "low")).Single<AlertOutput>(child, "missing-grade-review");
        Assert.Contains("i1", alert.EventIds);
    }

    [Fact]
    public void Coded_disclosures_in_a_return_interview_are_cse_indicators()
    {
        PersonFacts child = A.Child();
        var world = new World().With(child).Given(
            An.Event("return-interview").At("2026-02-10 10:00").Child(child).WithList("disclosures", "older-partner").Id("ri1"));
        world.Record(An.MissingReport(child, "2026-03-01 20:00", "low")).Single<AlertOutput>(child, "missing-grade-review");
    }

    [Fact]
    public void Free_text_disclosures_are_not_read_as_indicators()
    {
        PersonFacts child = A.Child();
        var world = new World().With(child).Given(
            An.Event("return-interview").At("2026-02-10 10:00").Child(child).With("disclosures", "said she has an older-partner"));
        world.Record(An.MissingReport(child, "2026-03-01 20:00", "low")).None<AlertOutput>(child, "missing-grade-review");
    }

    [Fact]
    public void Indicators_recorded_after_the_report_happened_do_not_count()
    {
        PersonFacts child = A.Child();
        var world = new World().With(child).Given(An.Screening(child, "2026-03-05 10:00", "gifts-money"));
        world.Record(An.MissingReport(child, "2026-03-01 20:00", "low").RecordedAt("2026-03-06 10:00")).None<AlertOutput>(child, "missing-grade-review");
    }
}
