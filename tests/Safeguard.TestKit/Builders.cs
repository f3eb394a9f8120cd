namespace Safeguard.TestKit;

/// <summary>Builders for test data that read like the domain: <c>A.Child("Ava", "Moss").AgedYears(14)</c>.</summary>
public static class A
{
    public static PersonBuilder Child(string forename = "Ava", string surname = "Testchild") => new PersonBuilder(forename, surname).AgedYears(12);
    public static PersonBuilder Adult(string forename = "Sam", string surname = "Testadult") => new PersonBuilder(forename, surname).AgedYears(34);
    public static PpnBuilder Ppn(string childId) => new(childId);

    /// <summary>A fixed "today" for ages, matching the factory's fake clock.</summary>
    public static readonly DateOnly Today = new(2026, 3, 2);
}

public sealed class PersonBuilder(string forename, string surname)
{
    private string? _dob;
    private string? _postcode;
    private string[] _aliases = [];

    public PersonBuilder AgedYears(int years) { _dob = A.Today.AddYears(-years).AddDays(-40).ToString("yyyy-MM-dd"); return this; }
    public PersonBuilder BornOn(string date) { _dob = date; return this; }
    public PersonBuilder LivingAt(string postcode) { _postcode = postcode; return this; }
    public PersonBuilder KnownAs(params string[] aliases) { _aliases = aliases; return this; }

    public object Build() => new
    {
        forename, surname, dateOfBirth = _dob, aliases = _aliases,
        address = _postcode is null ? null : new { line1 = "1 Test Street", town = "Testtown", postcode = _postcode },
    };
}

/// <summary>A complete public protection notification; remove or change parts to test the standards.</summary>
public sealed class PpnBuilder(string childId)
{
    private readonly Dictionary<string, object?> _data = new()
    {
        ["concerns"] = new[] { "neglect" },
        ["demeanour"] = "Quiet, watchful, flinched when the door banged",
        ["childViews"] = "I want to stay with my nan",
        ["immediateActions"] = "Child taken to grandmother with mother's agreement",
        ["referredToSocialCare"] = true,
        ["riskGrade"] = "medium",
    };
    private string _id = "ppn-" + Guid.NewGuid().ToString("N");
    private string _occurredAt = "2026-03-01T21:14:00Z";

    public PpnBuilder WithId(string id) { _id = id; return this; }
    public PpnBuilder At(string instant) { _occurredAt = instant; return this; }
    public PpnBuilder Without(string field) { _data.Remove(field); return this; }
    public PpnBuilder With(string field, object? value) { _data[field] = value; return this; }

    public object Build() => new
    {
        id = _id, type = "ppn", occurredAt = _occurredAt,
        people = new[] { new { personId = childId, role = "child" } },
        data = _data,
    };
}
