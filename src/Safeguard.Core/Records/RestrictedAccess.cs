namespace Safeguard.Core.Records;

/// <summary>A named user who may see a restricted person (P1). Nobody else can, whatever their role.</summary>
public sealed class RestrictedAccess
{
    public long Id { get; set; }
    public Guid PersonId { get; set; }
    /// <summary>The user or API client id (<see cref="Organisation.Actor.Id"/>).</summary>
    public string ActorId { get; set; } = "";
}
