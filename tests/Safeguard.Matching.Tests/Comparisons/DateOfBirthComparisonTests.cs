using Safeguard.Matching.Comparisons;

namespace Safeguard.Matching.Tests.Comparisons;

public class DateOfBirthComparisonTests
{
    private static readonly DateOfBirthComparison Dob = new();

    [Fact] public void Same_date_is_exact() => Assert.Equal(FieldComparison.Exact, Dob.Compare(20010304, 20010304));
    [Fact] public void One_mistyped_digit_agrees_partially() => Assert.Equal(DateOfBirthComparison.OneDigit, Dob.Compare(20010304, 20010904));
    [Fact] public void Year_with_two_digits_transposed_is_one_digit() => Assert.Equal(DateOfBirthComparison.OneDigit, Dob.Compare(19710624, 19170624));
    [Fact] public void Day_month_swapped_dates_of_birth_agree_partially() => Assert.Equal(DateOfBirthComparison.DayMonthSwapped, Dob.Compare(19800305, 19800503));
    [Fact] public void Dates_three_weeks_apart_are_within_a_month() => Assert.Equal(DateOfBirthComparison.WithinMonth, Dob.Compare(19800301, 19800322));
    [Fact] public void Dates_eleven_months_apart_are_within_a_year() => Assert.Equal(DateOfBirthComparison.WithinYear, Dob.Compare(19800115, 19801220));
    [Fact] public void Dates_years_apart_are_different() => Assert.Equal(Dob.Different, Dob.Compare(19800115, 19901220));
    [Fact] public void A_missing_date_is_missing() => Assert.Equal(FieldComparison.Missing, Dob.Compare(0, 19901220));

    [Fact]
    public void Records_compare_their_dates_of_birth()
    {
        var a = A.Person("ann", "lee").Born(1990, 3, 4);
        var b = A.Person("ann", "lee").Born(1990, 4, 3);
        Assert.Equal(DateOfBirthComparison.DayMonthSwapped, A.Level(Dob, a, b));
    }
}

public class DateOfBirthBoundaryTests
{
    private static readonly DateOfBirthComparison Dob = new();

    [Fact] public void Dates_four_weeks_apart_in_different_months_are_within_a_month() => Assert.Equal(DateOfBirthComparison.WithinMonth, Dob.Compare(19800315, 19800412));
    [Fact] public void Dates_forty_days_apart_are_only_within_a_year() => Assert.Equal(DateOfBirthComparison.WithinYear, Dob.Compare(19800301, 19800410));
    [Fact] public void Dates_a_year_and_a_month_apart_are_different() => Assert.Equal(Dob.Different, Dob.Compare(19800315, 19810425));
    [Fact] public void Swapped_day_and_month_in_different_years_is_not_a_swap() => Assert.NotEqual(DateOfBirthComparison.DayMonthSwapped, Dob.Compare(19800305, 19810503));
}
