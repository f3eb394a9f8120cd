namespace Safeguard.Core.Rules.Offenders;

/// <summary>SO2, SO3: refuses an offender registration or plan the law and guidance do not allow, before it is stored.
/// A registration names the MAPPA category (1 registered sexual offenders, 2 violent and other sexual offenders, 3 other
/// dangerous offenders) and level (1 ordinary agency management, 2 multi-agency, 3 senior multi-agency), each 1 to 3;
/// a plan may change the level. A plan's home visit frequency is 1 to 36 months.</summary>
public static class OffenderRegistrationCheck
{
    /// <summary>Null when the event may be stored, else the refusal.</summary>
    public static RuleRefusal? Check(ChronologyEvent e)
    {
        if (e.Type == "offender-registered")
        {
            if (Problem(e, "mappaCategory", "MAPPA category", required: true) is { } category) return category;
            if (Problem(e, "mappaLevel", "MAPPA level", required: true) is { } level) return level;
        }
        if (e.Type == "offender-plan" && Problem(e, "mappaLevel", "MAPPA level", required: false) is { } planLevel) return planLevel;
        if (e.Type is "offender-registered" or "offender-plan" && e.Data.TryGetProperty("visitMonths", out var v)
            && (!v.TryGetInt32(out var months) || months is < 1 or > 36))
            return new RuleRefusal(Problems.ProblemCodes.VisitFrequencyInvalid, "data.visitMonths",
                "Home visits must be planned every 1 to 36 months");
        return null;
    }

    private static RuleRefusal? Problem(ChronologyEvent e, string field, string words, bool required)
    {
        var value = OffenderStanding.Scalar(e, field);
        if (value is null && !required) return null;
        return value is "1" or "2" or "3" ? null
            : new RuleRefusal(Problems.ProblemCodes.MappaInvalid, "data." + field, $"Give the {words}: 1, 2 or 3");
    }
}
