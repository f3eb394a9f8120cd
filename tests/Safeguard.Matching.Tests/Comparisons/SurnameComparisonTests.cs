using Safeguard.Matching.Comparisons;

namespace Safeguard.Matching.Tests.Comparisons;

public class SurnameComparisonTests
{
    private static readonly SurnameComparison Surname = new();

    private static int Level(string? a, string? b, string? forenameA = "ann", string? forenameB = "ann") =>
        A.Level(Surname, A.Person(forenameA, a), A.Person(forenameB, b));

    [Fact] public void Punctuation_and_case_do_not_matter() => Assert.Equal(FieldComparison.Exact, Level("O'Neil", "oneil"));
    [Fact] public void Surname_equal_to_the_other_forename_is_swapped() => Assert.Equal(SurnameComparison.Swapped, Level("ann", "jones", "jones", "ann"));
    [Fact] public void One_transposition_is_a_close_spelling() => Assert.Equal(SurnameComparison.Close, Level("thompson", "thmopson"));
    [Fact] public void Surnames_sounding_alike_are_similar() => Assert.Equal(SurnameComparison.Similar, Level("smith", "smyth-e"));
    [Fact] public void Unrelated_surnames_are_different() => Assert.Equal(Surname.Different, Level("jones", "patel"));
    [Fact] public void A_missing_surname_is_missing() => Assert.Equal(FieldComparison.Missing, Level("jones", null));

    [Fact]
    public void A_full_name_supplies_a_missing_surname()
    {
        var a = A.Person("ann") with { FullName = "Ann Jones" };
        Assert.Equal(FieldComparison.Exact, A.Level(Surname, a, A.Person("ann", "jones")));
    }
}
