namespace Safeguard.Core.Organisation;

/// <summary>A person who signs in to the browser.</summary>
public sealed class User
{
    public Guid Id { get; set; }
    public string Username { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public string PasswordHash { get; set; } = "";
    public string Role { get; set; } = "";
    public string? TeamCode { get; set; }
    /// <summary>For partner practitioners: their organisation (J1).</summary>
    public string? OrganisationCode { get; set; }
    public int FailedSignIns { get; set; }
    public DateTimeOffset? LockedUntil { get; set; }
    public bool Disabled { get; set; }
}

/// <summary>A system that calls the API with a bearer token. Only a hash of the token is stored.</summary>
public sealed class ApiClient
{
    public Guid Id { get; set; }
    public string Name { get; set; } = "";
    public string TokenHash { get; set; } = "";
    public string Role { get; set; } = "";
    public string? TeamCode { get; set; }
    /// <summary>For partner systems: the organisation whose shares the client sees (J1).</summary>
    public string? OrganisationCode { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
}
