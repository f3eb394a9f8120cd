using System.Text.Json;

namespace Safeguard.Core.Rules.Offenders;

/// <summary>A registered sex offender's management as it stood at an event (K1): the registration, the risk level, the
/// offender manager, MAPPA category and level, the visit frequency set by the risk management plan, and whether they have
/// no fixed abode. Worked out from the offender's own events (<c>offender-registered</c>, <c>offender-plan</c>,
/// <c>offender-notification</c>), the latest value of each field winning. Pure: the rules, the case projection and the
/// offender pages all read it, so there is one definition.</summary>
public sealed record OffenderStanding(
    ChronologyEvent Registration, string RiskLevel, string? Manager, string? MappaCategory, string? MappaLevel, int? PlanVisitMonths,
    bool NoFixedAbode, ChronologyEvent? Plan)
{
    /// <summary>The event types that set or change an offender's management.</summary>
    public static readonly IReadOnlySet<string> SettingTypes = new HashSet<string> { "offender-registered", "offender-plan", "offender-notification" };

    /// <summary>The standing after every event up to and including <paramref name="upTo"/> (in chronology order), or null
    /// when the person was not registered by then. <paramref name="chronology"/> must be sorted.</summary>
    public static OffenderStanding? At(IReadOnlyList<ChronologyEvent> chronology, Guid offenderId, ChronologyEvent? upTo = null)
    {
        ChronologyEvent? registration = null, plan = null;
        string? risk = null, manager = null, category = null, level = null;
        int? visitMonths = null;
        bool noFixedAbode = false;
        foreach (var e in chronology)
        {
            if (upTo is not null && ChronologyEvent.Order.Compare(e, upTo) > 0) break;
            if (!SettingTypes.Contains(e.Type) || !e.HasRole(offenderId, "offender")) continue;
            if (e.Type == "offender-registered") registration ??= e;
            if (e.Type == "offender-plan") plan = e;
            risk = e.Text("riskLevel") ?? risk;
            manager = e.Text("offenderManager") is { Length: > 0 } m ? m.Trim() : manager;
            category = Scalar(e, "mappaCategory") ?? category;
            level = Scalar(e, "mappaLevel") ?? level;
            if (e.Type != "offender-notification" && WholeNumber(e, "visitMonths") is { } months && months > 0) visitMonths = months;
            if (e.Flag("noFixedAbode") is { } nfa) noFixedAbode = nfa;
        }
        return registration is null ? null
            : new OffenderStanding(registration, risk ?? "low", manager, category, level, visitMonths, noFixedAbode, plan);
    }

    /// <summary>Months between home visits: the plan's, else the SO3 default for the risk level.</summary>
    public int VisitMonths(Settings.RuleSettings settings) => PlanVisitMonths ?? settings.OffenderVisitMonths(RiskLevel);

    /// <summary>Where the visit frequency comes from, in words.</summary>
    public string VisitFrequencySource => PlanVisitMonths is null ? $"the default for {RiskWords} risk" : "the risk management plan";

    /// <summary>"very high", "high", ...</summary>
    public string RiskWords => RiskLevel.Replace('-', ' ');

    /// <summary>Who alerts about this offender go to.</summary>
    public string Audience => Audiences.OffenderManagerOf(Manager);

    /// <summary>A field sent as a number or as text (MAPPA category and level), as text.</summary>
    public static string? Scalar(ChronologyEvent e, string field) =>
        e.Data.ValueKind == JsonValueKind.Object && e.Data.TryGetProperty(field, out var v)
            ? v.ValueKind switch { JsonValueKind.String => v.GetString(), JsonValueKind.Number => v.GetRawText(), _ => null }
            : null;

    private static int? WholeNumber(ChronologyEvent e, string field) =>
        e.Data.ValueKind == JsonValueKind.Object && e.Data.TryGetProperty(field, out var v) && v.ValueKind == JsonValueKind.Number
            && v.TryGetInt32(out var n) ? n : null;

    /// <summary>"every month", "every 3 months".</summary>
    public static string Every(int months) => months == 1 ? "every month" : $"every {months} months";
}
