namespace Safeguard.Matching;

/// <summary>One person as a source system describes them. Every field may be missing; missing
/// fields neither count for nor against a match.</summary>
/// <param name="Id">The record's identifier in its source (unique within one matching run).</param>
public sealed record PersonRecord(string Id)
{
    /// <summary>Given name; only its first word is compared as the forename.</summary>
    public string? Forename { get; init; }

    /// <summary>Family name.</summary>
    public string? Surname { get; init; }

    /// <summary>The whole name in one string, used when forename or surname are not given apart.</summary>
    public string? FullName { get; init; }

    /// <summary>Date of birth, when known.</summary>
    public DateOnly? DateOfBirth { get; init; }

    /// <summary>Gender as recorded ("m", "female", ...); only its first letter is compared.</summary>
    public string? Gender { get; init; }

    /// <summary>House number and street, in one line.</summary>
    public string? AddressLine { get; init; }

    /// <summary>Town, city or suburb.</summary>
    public string? Town { get; init; }

    /// <summary>Postcode or zip code.</summary>
    public string? Postcode { get; init; }

    /// <summary>An identifier that should be unique to a person (national number, e-mail, ...).</summary>
    public string? Identifier { get; init; }
}
