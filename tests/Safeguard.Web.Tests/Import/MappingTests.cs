using Safeguard.Core.Import;

namespace Safeguard.Web.Tests.Import;

/// <summary>O1: how a mapping turns an older system's row into a person or an event. Pure, no database.</summary>
public sealed class MappingTests
{
    private static SourceRow Row(params (string Column, string? Value)[] cells) =>
        new(2, cells.ToDictionary(c => c.Column, c => c.Value, StringComparer.OrdinalIgnoreCase));

    private static EventsMapping Events(string data) => ImportMapping.Parse($$"""
        { "system": "cms", "events": { "id": "Ref", "type": { "value": "incident" },
          "occurredAt": { "column": "When", "format": "dd/MM/yyyy HH:mm" },
          "people": [ { "column": "Child", "role": "child" }, { "column": "Suspect", "role": "suspect" } ],
          "data": {{data}} } }
        """).Events!;

    [Fact]
    public void Local_times_are_read_in_the_mappings_time_zone_with_summer_time()
    {
        var m = Events("{}");
        var winter = RowMapper.MapEvent(m, "cms", Row(("Ref", "1"), ("When", "15/01/2026 21:30"), ("Child", "C1")));
        var summer = RowMapper.MapEvent(m, "cms", Row(("Ref", "2"), ("When", "15/07/2026 21:30"), ("Child", "C1")));

        Assert.Equal("2026-01-15T21:30:00Z", winter.Body["occurredAt"]!.GetValue<string>());
        Assert.Equal("2026-07-15T20:30:00Z", summer.Body["occurredAt"]!.GetValue<string>());
        Assert.Equal("cms:2", summer.Id);
    }

    [Fact]
    public void Lists_are_split_and_each_code_translated_and_empty_people_columns_are_left_out()
    {
        var m = Events("""
            { "classifications": { "column": "Classes", "as": "list", "values": { "CSE": "cse", "NEG": "neglect" } },
              "summary": { "value": "Imported" }, "urgent": { "column": "Urgent", "as": "boolean" } }
            """);
        var e = RowMapper.MapEvent(m, "cms", Row(("Ref", "1"), ("When", "15/01/2026 21:30"), ("Child", "C1"), ("Suspect", ""),
            ("Classes", "CSE; NEG"), ("Urgent", "Y")));

        Assert.Equal(["cse", "neglect"], e.Body["data"]!["classifications"]!.AsArray().Select(c => c!.GetValue<string>()));
        Assert.Equal("Imported", e.Body["data"]!["summary"]!.GetValue<string>());
        Assert.True(e.Body["data"]!["urgent"]!.GetValue<bool>());
        Assert.Equal([("C1", "child")], e.People.Select(p => (p.SourceId, p.Role)));
    }

    [Fact]
    public void A_bad_value_is_reported_by_column_and_format_without_the_value()
    {
        var m = Events("""{ "urgent": { "column": "Urgent", "as": "boolean" } }""");

        var badDate = Assert.Throws<RowException>(() => RowMapper.MapEvent(m, "cms", Row(("Ref", "1"), ("When", "31/02/2026 10:00"), ("Child", "C1"))));
        var badFlag = Assert.Throws<RowException>(() => RowMapper.MapEvent(m, "cms", Row(("Ref", "1"), ("When", "01/02/2026 10:00"), ("Child", "C1"), ("Urgent", "perhaps"))));
        var nobody = Assert.Throws<RowException>(() => RowMapper.MapEvent(m, "cms", Row(("Ref", "1"), ("When", "01/02/2026 10:00"))));

        Assert.Equal("When is not a real date and time in the format dd/MM/yyyy HH:mm", badDate.Message);
        Assert.Equal("Urgent is not yes/no", badFlag.Message);
        Assert.Equal("the row names no person", nobody.Message);
    }

    [Fact]
    public void A_mapping_with_an_unknown_role_or_a_date_without_format_is_refused()
    {
        Assert.Contains("role", Assert.Throws<MappingException>(() => ImportMapping.Parse("""
            { "system": "cms", "events": { "id": "Ref", "type": { "value": "incident" }, "occurredAt": { "column": "When", "format": "yyyy" },
              "people": [ { "column": "Child", "role": "nephew" } ] } }
            """)).Message);
        Assert.Contains("format", Assert.Throws<MappingException>(() => ImportMapping.Parse("""
            { "system": "cms", "people": { "id": "Ref", "forename": "F", "surname": "S", "dateOfBirth": "DOB" } }
            """)).Message);
    }
}
