namespace Safeguard.Core.Cases;

/// <summary>The types of case (API.md "Cases"). Add, never rename.</summary>
public static class CaseTypes
{
    public const string MissingEpisode = "missing-episode";
    public const string Investigation = "investigation";
    public const string Referral = "referral";
    public const string Custody = "custody";
    public const string PoliceProtection = "police-protection";
    public const string Offender = "offender";
    public const string Meeting = "meeting";
    // The queues (issue 9 point 4) project these; the supervisor's workbench reads them. They join All with their builders.
    public const string ForensicRequest = "forensic-request";
    public const string ChargingFile = "charging-file";

    public static readonly IReadOnlyList<string> All = [MissingEpisode, Investigation, Referral, Custody, PoliceProtection, Offender, Meeting];
}
