using Safeguard.Matching.Comparisons;

namespace Safeguard.Matching.Tests.Comparisons;

public class ForenameComparisonTests
{
    private static readonly ForenameComparison Forename = new();

    private static int Level(string? a, string? b, string? surnameA = "smith", string? surnameB = "smith") =>
        A.Level(Forename, A.Person(a, surnameA), A.Person(b, surnameB));

    [Fact] public void Same_forename_ignoring_case_and_accents_is_exact() => Assert.Equal(FieldComparison.Exact, Level("Zoë", "ZOE"));
    [Fact] public void Only_the_first_word_of_a_forename_is_compared() => Assert.Equal(FieldComparison.Exact, Level("Mary Ann", "mary"));
    [Fact] public void Nickname_agrees_as_a_variant() => Assert.Equal(ForenameComparison.Variant, Level("Bob", "Robert"));
    [Fact] public void Forename_equal_to_the_other_surname_is_swapped() => Assert.Equal(ForenameComparison.Swapped, Level("smith", "john", "john", "smith"));
    [Fact] public void One_typo_is_a_close_spelling() => Assert.Equal(ForenameComparison.Close, Level("jonathon", "jonathan"));
    [Fact] public void Short_names_one_typo_apart_are_close() => Assert.Equal(ForenameComparison.Close, Level("amy", "ami"));
    [Fact] public void Names_that_sound_alike_are_similar() => Assert.Equal(ForenameComparison.Similar, Level("stephen", "stefan"));
    [Fact] public void An_initial_that_fits_agrees_as_initial() => Assert.Equal(ForenameComparison.Initial, Level("J", "james"));
    [Fact] public void An_initial_that_does_not_fit_is_different() => Assert.Equal(Forename.Different, Level("K", "james"));
    [Fact] public void Unrelated_forenames_are_different() => Assert.Equal(Forename.Different, Level("oliver", "grace"));
    [Fact] public void A_missing_forename_is_missing_not_different() => Assert.Equal(FieldComparison.Missing, Level(null, "grace"));
    [Fact] public void A_blank_forename_is_missing() => Assert.Equal(FieldComparison.Missing, Level("  ", "grace"));
}

public class NameThresholdBoundaryTests
{
    [Fact]
    public void Names_just_below_the_similar_threshold_are_different()
    {
        var similarity = Safeguard.Matching.Text.JaroWinkler.Similarity("oliver", "olga");
        Assert.True(similarity < ForenameComparison.SimilarThreshold);
        Assert.Equal(new ForenameComparison().Different, A.Level(new ForenameComparison(), A.Person("oliver", "x"), A.Person("olga", "x")));
    }

    [Fact]
    public void Names_at_or_above_the_close_threshold_are_close()
    {
        Assert.True(Safeguard.Matching.Text.JaroWinkler.Similarity("christopher", "christophr") >= ForenameComparison.CloseThreshold);
        Assert.Equal(ForenameComparison.Close, A.Level(new ForenameComparison(), A.Person("christopher", "x"), A.Person("christophr", "x")));
    }
}
