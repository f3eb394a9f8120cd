using System.Text.Json;
using Safeguard.Core.Recording;
using Safeguard.Core.Rules.DomesticAbuse;
using Safeguard.Core.Settings;

namespace Safeguard.Core.Tests.Rules.DomesticAbuse;

public class DashAssessmentTests
{
    private static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement.Clone();

    [Fact]
    public void There_are_twenty_seven_questions_numbered_in_order()
    {
        Assert.Equal(27, DashQuestions.All.Count);
        Assert.Equal(Enumerable.Range(1, 27), DashQuestions.All.Select(q => q.Number));
        Assert.All(DashQuestions.All, q => Assert.EndsWith("?", q.Text));
    }

    [Theory]
    [InlineData(9, "standard")]
    [InlineData(10, "medium")]
    [InlineData(13, "medium")]
    [InlineData(14, "high")]
    public void Bands_follow_the_yes_count(int yes, string band)
    {
        var dash = DashAssessment.Read(Json($$"""{"yesCount": {{yes}}}"""));
        Assert.Equal(band, dash.Band(RuleSettings.Defaults));
    }

    [Theory]
    [InlineData(7, "standard")]
    [InlineData(8, "medium")]
    [InlineData(13, "medium")]
    public void The_medium_band_starts_where_the_setting_says(int yes, string band) =>
        Assert.Equal(band, DashAssessment.Read(Json($$"""{"yesCount": {{yes}}}""")).Band(RuleSettings.Defaults.With("DA2.mediumRiskYesCount", 8)));

    [Fact]
    public void Judgement_raises_standard_to_medium_but_medium_judgement_does_not_lower_high()
    {
        Assert.Equal("medium", DashAssessment.Read(Json("""{"yesCount": 2, "professionalJudgement": "medium"}""")).Band(RuleSettings.Defaults));
        Assert.Equal("high", DashAssessment.Read(Json("""{"yesCount": 20, "professionalJudgement": "medium"}""")).Band(RuleSettings.Defaults));
    }

    [Fact]
    public void Answers_accept_booleans_null_and_words()
    {
        var dash = DashAssessment.Read(Json("""{"answers": {"q1": true, "q2": "yes", "q3": false, "q4": null, "q5": "not-known"}}"""));
        Assert.Equal(2, dash.YesCount);
        Assert.Equal(2, dash.NotKnownCount);
    }

    [Theory]
    [InlineData("""{"q28": true}""")]
    [InlineData("""{"q1": "maybe"}""")]
    [InlineData("""[true]""")]
    public void Answers_outside_the_checklist_are_refused(string answers) => Assert.NotNull(DashAssessment.AnswersProblem(Json(answers)));

    [Theory]
    [InlineData("""{}""")]
    [InlineData("""{"answers": {}}""")]
    [InlineData("""{"professionalJudgement": "high"}""")]
    public void An_empty_dash_falls_short_of_the_standard(string data)
    {
        var shortfall = Assert.Single(RecordingStandards.Check("dash", Json(data), []));
        Assert.Equal("empty-dash", shortfall.Code);
    }

    [Fact]
    public void A_yes_count_that_disagrees_with_the_answers_falls_short()
    {
        var shortfall = Assert.Single(RecordingStandards.Check("dash", Json("""{"answers": {"q1": true}, "yesCount": 5}"""), []));
        Assert.Equal("dash-yes-count-mismatch", shortfall.Code);
    }
}
