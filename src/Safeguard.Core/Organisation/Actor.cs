namespace Safeguard.Core.Organisation;

/// <summary>Who is acting, and for what reason: carried by every change and every read of personal
/// data so that the audit log can say who, when, what and why (A4, P2).</summary>
public sealed record Actor(string Id, string Name, string Role, string? Team, string? Organisation = null)
{
    /// <summary>The system itself (rules engine, demo generator, importer).</summary>
    public static Actor System(string name) => new("system:" + name, name, Roles.Administrator, null);

    public bool Is(string role) => Role == role;
    public bool CanReadPeople => Roles.ReadPeople.Contains(Role);
    public bool CanRecord => Roles.Record.Contains(Role);
    public bool CanDecideFlags => Roles.DecideFlags.Contains(Role);
    public bool IsAdministrator => Role == Roles.Administrator;
}
