namespace Safeguard.Core.Rules;

/// <summary>Plain names for rules, for people to read ("Repeat missing (MI5)"); the rule's <see cref="IRule.Name"/>
/// stays the stable identifier in the API. A rule not listed is named from its identifier: the words after the
/// requirement id, then the id in brackets.</summary>
public static class RuleTitles
{
    private static readonly Dictionary<string, string> Titles = new(StringComparer.Ordinal)
    {
        ["MI5-repeat-missing"] = "Repeat missing (MI5)",
        ["WT1-mash-screening"] = "MASH screening decision on a referral (WT1)",
        ["WT5-social-care-assessment"] = "Social care assessment after a referral (WT5)",
        ["F4-trigger-plan"] = "Trigger plan needed (F4)",
        ["MI4-safe-and-well-check"] = "Safe and well check after a missing episode (MI4)",
        ["MI3-return-interview"] = "Return interview after a missing episode (MI3)",
        ["F3-missing-grade-review"] = "Missing risk grade to review (F3)",
        ["F6-missing-with-cse-indicators"] = "Missing with signs of sexual exploitation (F6)",
        ["CS2-cse-screening"] = "CSE screening result (CS2)",
        ["C1-cse-classified-event"] = "Sexual exploitation concern (C1)",
        ["G2-cse-perpetrator"] = "Suspected sexual exploitation perpetrator (G2)",
        ["D4-risk-to-other-children"] = "Risk to other children (D4)",
        ["DA4-operation-encompass"] = "Operation Encompass: tell the school (DA4)",
        ["DA1-marac-high-risk"] = "Domestic abuse high risk: refer to MARAC (DA1)",
        ["DA3-repeat-marac"] = "Repeat MARAC case (DA3)",
        ["B2-child-observation-gap"] = "Child's demeanour not recorded (B2)",
        ["B3-record-outcome"] = "Outcome for the child to record (B3)",
        ["I1-non-specialist-allocation"] = "Investigation allocated without the specialist skill (I1)",
        ["IN1-supervisory-review"] = "Supervisory review of an investigation due (IN1)",
        ["WT3-icpc"] = "Initial child protection conference due (WT3)",
        ["WT2-strategy-discussion"] = "Strategy discussion due after a concern of significant harm (WT2)",
        ["WT4-review-conference"] = "Review child protection conference due (WT4)",
        ["PP1-police-protection-limit"] = "Police protection time limit (PP1)",
        ["PP1-local-authority-informed"] = "Tell the local authority about police protection (PP1)",
        ["IN2-forensic-waiting-time"] = "Digital forensic examination due (IN2)",
        ["IN3-charging-decision"] = "Charging decision due (IN3)",
        ["SO3-offender-visit"] = "Offender home visit due (SO3)",
        ["SO1-offender-notification"] = "Offender notification due (SO1)",
        ["SO1-late-notification"] = "Offender notified late (SO1)",
        ["K1-registered-sex-offender"] = "Registered sex offender (K1)",
        ["K4-offender-contact-with-child"] = "Registered sex offender linked to a child (K4)",
        ["K3-offender-sighting"] = "Offender seen by an officer (K3)",
        ["K3-acknowledge-briefing"] = "Briefing about an offender to acknowledge (K3)",
        [RuleEngine.ClosureRuleName] = "Task done",
        ["by-hand"] = "Raised by hand",
    };

    /// <summary>The plain name of a rule.</summary>
    public static string Of(string rule)
    {
        if (Titles.TryGetValue(rule, out var title)) return title;
        int dash = rule.IndexOf('-');
        if (dash <= 0 || dash == rule.Length - 1) return Sentence(rule);
        var id = rule[..dash];
        return id.Any(char.IsDigit) ? $"{Sentence(rule[(dash + 1)..])} ({id})" : Sentence(rule);
    }

    private static string Sentence(string slug)
    {
        var words = slug.Replace('-', ' ');
        return words.Length == 0 ? words : char.ToUpperInvariant(words[0]) + words[1..];
    }
}
