using Safeguard.Matching.Deduplication;

namespace Safeguard.Matching.Tests.EndToEnd;

public class ExplanationTests
{
    [Fact]
    public void Every_decision_explains_itself_field_by_field()
    {
        var (records, _) = LabelledFiles.Load("dataset1");
        var result = Deduplicator.Run(records);
        var explanation = result.Explain(0, 1);
        Assert.Equal(8, explanation.Fields.Count);
        Assert.InRange(explanation.Probability, 0, 1);
    }
}
