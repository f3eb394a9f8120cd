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
    /// <summary>DA1–DA3: a victim's referral to the MARAC with its DASH and MARAC meetings; one per referral.</summary>
    public const string Marac = "marac";

    /// <summary>I3: a digital forensic (high-tech crime unit) request, keyed by <c>requestId</c>.</summary>
    public const string ForensicRequest = "forensic-request";
    /// <summary>I4: a charging file sent to the CPS, keyed by <c>fileId</c>.</summary>
    public const string ChargingFile = "charging-file";

    public static readonly IReadOnlyList<string> All = [MissingEpisode, Investigation, Referral, Custody, PoliceProtection, Offender, Meeting, Marac, ForensicRequest, ChargingFile];
}
