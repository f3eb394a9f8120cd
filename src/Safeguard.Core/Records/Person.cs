namespace Safeguard.Core.Records;

/// <summary>A person in the POLE model: child, adult, suspect, carer, anyone an event involves (A1).</summary>
public sealed class Person
{
    public Guid Id { get; set; }
    public string Forename { get; set; } = "";
    public string Surname { get; set; } = "";
    public DateOnly? DateOfBirth { get; set; }
    public string? Gender { get; set; }
    /// <summary>Other names the person is known by, one per line.</summary>
    public List<string> Aliases { get; set; } = [];
    public string? AddressLine1 { get; set; }
    public string? Town { get; set; }
    public string? Postcode { get; set; }
    /// <summary>Only named users may see a restricted person (P1), e.g. an officer who is a suspect.</summary>
    public bool Restricted { get; set; }
    /// <summary>Set when this record was merged into another; the record stays readable (D2, A3).</summary>
    public Guid? MergedIntoId { get; set; }
    /// <summary>Set when a retention review deleted the record (P5, RT1): the personal data is gone, the row stays as a
    /// tombstone so that ids in events and the access log still resolve, and the person answers as not found to everyone.</summary>
    public DateTimeOffset? DeletedAt { get; set; }

    // Search keys, kept in step with the names by PersonSearchKeys.Apply.
    public string ForenameKey { get; set; } = "";
    public string SurnameKey { get; set; } = "";
    public string ForenamePhonetic { get; set; } = "";
    public string SurnamePhonetic { get; set; } = "";

    public int Version { get; set; } = 1;
    public DateTimeOffset CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
    public string Unit { get; set; } = "";

    public List<PersonSourceRef> SourceRefs { get; set; } = [];

    /// <summary>The alias words search looks people up by, kept in step by <see cref="Search.PersonAliasKeys"/>.</summary>
    public List<Search.PersonAliasKey> AliasKeys { get; set; } = [];

    public string FullName => $"{Forename} {Surname}".Trim();

    /// <summary>Age in whole years on a date, when the date of birth is known.</summary>
    public int? AgeOn(DateOnly date)
    {
        if (DateOfBirth is not { } dob) return null;
        int age = date.Year - dob.Year;
        if (date < dob.AddYears(age)) age--;
        return age;
    }
}

/// <summary>Where a person's record came from in an older system ("sourceRef"): makes creation idempotent.</summary>
public sealed class PersonSourceRef
{
    public long Id { get; set; }
    public Guid PersonId { get; set; }
    public string System { get; set; } = "";
    public string SourceId { get; set; } = "";
}

/// <summary>A superseded version of a person's details (A3): nothing is overwritten silently.</summary>
public sealed class PersonVersion
{
    public long Id { get; set; }
    public Guid PersonId { get; set; }
    public int Version { get; set; }
    /// <summary>The details as they were, as JSON.</summary>
    public string Snapshot { get; set; } = "";
    public DateTimeOffset ChangedAt { get; set; }
    public string ChangedBy { get; set; } = "";
    public string Reason { get; set; } = "";

    /// <summary>The person's details as they stand, to keep before a change makes the next version.</summary>
    public static PersonVersion Of(Person person, DateTimeOffset changedAt, string changedBy, string reason) => new()
    {
        PersonId = person.Id, Version = person.Version, ChangedAt = changedAt, ChangedBy = changedBy, Reason = reason,
        Snapshot = System.Text.Json.JsonSerializer.Serialize(new
        {
            person.Forename, person.Surname, person.DateOfBirth, person.Gender, person.Aliases, person.AddressLine1, person.Town, person.Postcode,
            person.MergedIntoId,
        }),
    };
}
