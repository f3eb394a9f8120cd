namespace Safeguard.Core.Rules;

/// <summary>Who an alert is for.</summary>
public static class Audiences
{
    /// <summary>Supervisors (sergeants, inspectors) reviewing decisions.</summary>
    public const string Supervisor = "supervisor";
    /// <summary>The control room, which grades and dispatches missing reports.</summary>
    public const string ControlRoom = "control-room";
    /// <summary>The custody inspector, who answers for every detained child (CU3, CU4).</summary>
    public const string CustodyInspector = "custody-inspector";

    /// <summary>The supervisor of a team: <c>supervisor:missing-persons</c>. Escalations of a team's work go to them.</summary>
    public static string SupervisorOf(string team) => $"{Supervisor}:{team}";

    /// <summary>Alerts about an offender go to their offender manager: <c>offender-manager:user:jones</c> (the manager as
    /// recorded on the registration or plan), or to the offender management unit when none is named.</summary>
    public static string OffenderManagerOf(string? manager) =>
        string.IsNullOrWhiteSpace(manager) ? $"{OffenderManagerPrefix}{Teams.OffenderManagement}" : $"{OffenderManagerPrefix}{manager.Trim()}";

    /// <summary>The start of every offender manager's audience.</summary>
    public const string OffenderManagerPrefix = "offender-manager:";

    /// <summary>An audience's name for people to read.</summary>
    public static string Describe(string audience) => audience switch
    {
        Supervisor => "Supervisors",
        ControlRoom => "Control room",
        CustodyInspector => "Custody inspector",
        _ when audience.StartsWith(OffenderManagerPrefix, StringComparison.Ordinal) => "Offender manager",
        _ when audience.StartsWith(Supervisor + ":", StringComparison.Ordinal) => $"Supervisors of the {Teams.Describe(audience[(Supervisor.Length + 1)..])}",
        _ => Teams.Describe(audience),
    };
}
