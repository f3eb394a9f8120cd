using System.Text.Json;
using Safeguard.Core.Cases;
using Safeguard.Core.Rules.Investigations;

namespace Safeguard.Core.CaseAudits;

/// <summary>The nine case types of the inspection report's annex A, and which of Safeguard's cases each is drawn from
/// (docs/case-audits.md). A case belongs to one type only: a case about a child with a live "at risk of child sexual
/// exploitation" flag is a CSE case whatever else it is; an investigation of an online offence is online sexual abuse;
/// otherwise its case type decides.</summary>
public static class AuditCaseTypes
{
    public const string ChildProtectionEnquiry = "s47-enquiry";
    public const string DomesticAbuse = "domestic-abuse";
    public const string GeneralConcern = "general-concern";
    public const string SexOffender = "sex-offender";
    public const string Missing = "missing";
    public const string PoliceProtection = "police-protection";
    public const string SexualExploitation = "cse";
    public const string OnlineAbuse = "online-abuse";
    public const string Custody = "custody";

    /// <summary>Code, the annex's name, and where the cases come from, in the annex's order.</summary>
    public static readonly IReadOnlyList<(string Code, string Name, string Source)> All =
    [
        (ChildProtectionEnquiry, "Child protection enquiry (s. 47)", "Investigations (other than online abuse or child sexual exploitation)"),
        (DomesticAbuse, "Domestic abuse", "MARAC cases: a victim's referral to the MARAC with its DASH and meetings. Domestic abuse incidents below the MARAC threshold are events, not cases, and are not sampled"),
        (GeneralConcern, "General concerns with a child where a referral to children's social care services was made", "Referrals (other than MARAC referrals)"),
        (SexOffender, "Sex offender enquiry", "Offender management cases of registered sex offenders"),
        (Missing, "Missing children", "Missing episodes"),
        (PoliceProtection, "Police protection", "Police protection cases"),
        (SexualExploitation, "At risk of sexual exploitation", "Missing episodes, investigations and referrals about a child with a live \"at risk of child sexual exploitation\" flag, or investigations of a CSE offence"),
        (OnlineAbuse, "Online sexual abuse", "Investigations of an offence committed online (indecent images, grooming, sexual communication, sextortion)"),
        (Custody, "Child in custody", "Custody detentions"),
    ];

    public static IReadOnlyList<string> Codes { get; } = All.Select(t => t.Code).ToList();

    public static string Describe(string code) => All.FirstOrDefault(t => t.Code == code).Name ?? code;

    /// <summary>The Safeguard case types any annex type is drawn from (the rest are never sampled).</summary>
    public static readonly IReadOnlyList<string> SourceCaseTypes =
    [
        CaseTypes.Investigation, CaseTypes.Marac, CaseTypes.Referral, CaseTypes.Offender, CaseTypes.MissingEpisode, CaseTypes.PoliceProtection,
        CaseTypes.Custody,
    ];

    /// <summary>The annex type of a case, or null when it is none of them (a meeting, a forensic request...).</summary>
    /// <param name="caseType">The case's type.</param>
    /// <param name="fields">The case's type-specific fields (JSON).</param>
    /// <param name="cseRisk">Whether the person the case is about has a live "at risk of child sexual exploitation" flag.</param>
    public static string? Classify(string caseType, string fields, bool cseRisk)
    {
        var offences = caseType == CaseTypes.Investigation ? TextList(fields, "offenceTypes") : [];
        if (cseRisk && caseType is CaseTypes.MissingEpisode or CaseTypes.Investigation or CaseTypes.Referral) return SexualExploitation;
        if (offences.Any(SpecialistNeed.CseOffences.Contains)) return SexualExploitation;
        if (offences.Any(SpecialistNeed.OnlineOffences.Contains)) return OnlineAbuse;
        return caseType switch
        {
            CaseTypes.Investigation => ChildProtectionEnquiry,
            CaseTypes.Marac => DomesticAbuse,
            CaseTypes.Referral when Text(fields, "kind") != "marac" => GeneralConcern,
            CaseTypes.Offender => SexOffender,
            CaseTypes.MissingEpisode => Missing,
            CaseTypes.PoliceProtection => PoliceProtection,
            CaseTypes.Custody => Custody,
            _ => null,
        };
    }

    /// <summary>The roles of the person a case is about, in order of preference: the child, else the victim, else the offender.</summary>
    public static readonly IReadOnlyList<string> SubjectRoles = ["child", "victim", "missing-person", "detainee", "subject", "offender"];

    private static IReadOnlyList<string> TextList(string json, string name)
    {
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Array
            ? v.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()!).ToList() : [];
    }

    private static string? Text(string json, string name)
    {
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String
            ? v.GetString() : null;
    }
}
