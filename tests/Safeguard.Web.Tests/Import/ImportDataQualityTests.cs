using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Organisation;
using Safeguard.TestKit;

namespace Safeguard.Web.Tests.Import;

/// <summary>O3 and issue 13: a person is never lost for want of one detail. A missing name part or an impossible
/// date of birth is imported empty with a data-quality note (line and field, never the value); only a row naming
/// nobody is refused.</summary>
public sealed class ImportDataQualityTests : IDisposable
{
    private readonly SafeguardFactory _factory = new();
    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task A_row_with_an_empty_forename_is_imported_with_a_note_and_shows_its_surname()
    {
        const string people = """
            Ref,First,Last,DOB,Sex,Postcode
            Q1,,Qualityone,03/04/2014,F,ZZ1 1AA
            """;

        var outcome = await ImportRunner.RunAsync(_factory, ImportRunner.PeopleMapping, "people.csv", people);

        Assert.Empty(outcome.Errors);
        Assert.Equal((1, 0), (outcome.Run.PeopleCreated, outcome.Run.BadRows));
        var note = Assert.Single(outcome.Notes);
        Assert.Equal((2, "First"), (note.Line, note.Field));
        Assert.Contains("without a forename", note.Reason);
        using var db = _factory.Db();
        var person = await db.People.SingleAsync();
        Assert.Equal(("", "Qualityone", new DateOnly(2014, 4, 3), "ZZ1 1AA"), (person.Forename, person.Surname, person.DateOfBirth, person.Postcode));

        var officer = await PageSignIn.AsAsync(_factory, Roles.Officer);
        var (status, page) = await officer.GetAsync($"/people/{person.Id}");
        Assert.Equal(System.Net.HttpStatusCode.OK, status);
        Assert.Contains("<h1 class=\"govuk-heading-l\">Qualityone</h1>", page);
    }

    [Theory]
    [InlineData("31/02/2012", "is not a real date")]
    [InlineData("11/09/2212", "in the past")]
    [InlineData("11/09/1812", "in the past")]
    public async Task An_impossible_date_of_birth_is_imported_empty_with_a_note_that_never_shows_the_value(string dob, string why)
    {
        var people = $"""
            Ref,First,Last,DOB,Sex,Postcode
            Q1,Testa,Qualitytwo,{dob},M,ZZ1 1AB
            """;

        var outcome = await ImportRunner.RunAsync(_factory, ImportRunner.PeopleMapping, "people.csv", people);

        Assert.Empty(outcome.Errors);
        var note = Assert.Single(outcome.Notes);
        Assert.Equal((2, "DOB"), (note.Line, note.Field));
        Assert.Contains(why, note.Reason);
        Assert.DoesNotContain(dob, note.Reason);
        Assert.DoesNotContain("Qualitytwo", note.Reason);
        using var db = _factory.Db();
        var person = await db.People.SingleAsync();
        // Only the date is lost: the row's other fields are stored as they came.
        Assert.Equal(("Testa", "Qualitytwo", null, "male", "ZZ1 1AB"),
            (person.Forename, person.Surname, person.DateOfBirth, person.Gender, person.Postcode));
    }

    [Fact]
    public async Task A_row_with_no_name_at_all_is_refused_and_one_with_a_surname_only_is_not()
    {
        const string people = """
            Ref,First,Last,DOB,Sex,Postcode
            Q1,,,03/04/2014,F,ZZ1 1AA
            Q2,?,-,03/04/2014,F,ZZ1 1AA
            Q3,?,Qualitythree,03/04/2014,F,ZZ1 1AA
            """;

        var outcome = await ImportRunner.RunAsync(_factory, ImportRunner.PeopleMapping, "people.csv", people);

        Assert.Equal([2, 3], outcome.Errors.Select(e => e.Line));
        Assert.All(outcome.Errors, e => Assert.Contains("names nobody", e.Reason));
        Assert.Equal((4, "First"), (Assert.Single(outcome.Notes).Line, outcome.Notes[0].Field));
        Assert.Equal((1, 2), (outcome.Run.PeopleCreated, outcome.Run.BadRows));
        using var db = _factory.Db();
        Assert.Equal("Qualitythree", (await db.People.SingleAsync()).Surname);
    }

    [Fact]
    public async Task A_name_with_control_characters_is_still_refused()
    {
        var people = "Ref,First,Last,DOB,Sex,Postcode\nQ1,Te\u0007sta,Qualityfour,03/04/2014,F,ZZ1 1AA\n";

        var outcome = await ImportRunner.RunAsync(_factory, ImportRunner.PeopleMapping, "people.csv", people);

        Assert.Contains("control characters", Assert.Single(outcome.Errors).Reason);
        using var db = _factory.Db();
        Assert.Equal(0, await db.People.CountAsync());
    }
}
