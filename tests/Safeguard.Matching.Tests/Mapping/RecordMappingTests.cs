using Safeguard.Matching.Mapping;

namespace Safeguard.Matching.Tests.Mapping;

public class RecordMappingTests
{
    private const string Febrl = """
        {"id":"rec_id","fields":{"forename":"given_name","surname":"surname",
         "dateOfBirth":{"column":"date_of_birth","format":"yyyyMMdd"},
         "addressLine":["street_number","address_1"],"postcode":"postcode","identifier":"soc_sec_id"}}
        """;

    private static Func<string, string?> Row(params (string Column, string? Value)[] values) =>
        name => values.FirstOrDefault(v => v.Column == name).Value;

    [Fact]
    public void Columns_map_to_person_fields_with_whitespace_trimmed()
    {
        var person = RecordMapping.Parse(Febrl).Map(Row(("rec_id", "rec-1-org"), ("given_name", " lachlan"), ("surname", " berry "),
            ("date_of_birth", " 19990219"), ("street_number", " 69"), ("address_1", " giblin street"), ("postcode", "4814")));
        Assert.Equal("rec-1-org", person.Id);
        Assert.Equal("lachlan", person.Forename);
        Assert.Equal(new DateOnly(1999, 2, 19), person.DateOfBirth);
        Assert.Equal("69 giblin street", person.AddressLine);
        Assert.Null(person.Identifier);
    }

    [Fact]
    public void An_unparseable_date_becomes_missing()
    {
        var person = RecordMapping.Parse(Febrl).Map(Row(("rec_id", "x"), ("date_of_birth", "19991302")));
        Assert.Null(person.DateOfBirth);
    }

    [Fact]
    public void Empty_names_and_missing_columns_become_missing()
    {
        var person = RecordMapping.Parse(Febrl).Map(Row(("rec_id", "x"), ("given_name", "   ")));
        Assert.Null(person.Forename);
        Assert.Null(person.Surname);
        Assert.Null(person.AddressLine);
    }

    [Fact]
    public void Dates_without_a_format_accept_common_layouts()
    {
        var mapping = RecordMapping.Parse("""{"id":"id","fields":{"dateOfBirth":"dob"}}""");
        Assert.Equal(new DateOnly(1980, 5, 3), mapping.Map(Row(("id", "1"), ("dob", "1980-05-03"))).DateOfBirth);
        Assert.Equal(new DateOnly(1980, 5, 3), mapping.Map(Row(("id", "1"), ("dob", "03/05/1980"))).DateOfBirth);
    }

    [Fact]
    public void Unmapped_columns_are_ignored() =>
        Assert.Equal(["rec_id", "given_name", "surname", "date_of_birth", "street_number", "address_1", "postcode", "soc_sec_id"],
            RecordMapping.Parse(Febrl).Columns.ToArray());

    [Theory]
    [InlineData("not json")]
    [InlineData("""{"fields":{}}""")]
    [InlineData("""{"id":"id","fields":{"nickname":"x"}}""")]
    [InlineData("""{"id":"id","fields":{"forename":42}}""")]
    [InlineData("""{"id":"id","fields":{"addressLine":[]}}""")]
    public void A_malformed_mapping_is_refused_with_a_reason(string json) =>
        Assert.False(string.IsNullOrWhiteSpace(Assert.Throws<FormatException>(() => RecordMapping.Parse(json)).Message));
}
