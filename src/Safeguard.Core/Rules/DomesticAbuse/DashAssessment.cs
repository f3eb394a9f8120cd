using System.Text.Json;
using Safeguard.Core.Settings;

namespace Safeguard.Core.Rules.DomesticAbuse;

/// <summary>A DASH risk checklist as recorded (H1): each question's answer (yes, no or not known), the count of
/// "yes" answers, the officer's professional judgement and the victim's own view of their risk. Read from a
/// <c>dash</c> event's data: <c>answers</c> (<c>{"q1": true | false | null | "yes" | "no" | "not-known"}</c>) or,
/// from older systems, a bare <c>yesCount</c>; <c>professionalJudgement</c>; <c>victimRiskView</c>; <c>victimAssessment</c>.</summary>
public sealed record DashAssessment(
    IReadOnlyDictionary<string, string> Answers, int YesCount, string? ProfessionalJudgement, string? VictimRiskView, string? VictimAssessment)
{
    public const string Yes = "yes";
    public const string No = "no";
    public const string NotKnown = "not-known";

    /// <summary>The DA2 bands, highest first.</summary>
    public const string High = "high";
    public const string Medium = "medium";
    public const string Standard = "standard";

    /// <summary>Levels a professional judgement or the victim's view may take.</summary>
    public static readonly IReadOnlyList<string> Levels = [High, Medium, Standard];

    /// <summary>Questions answered "not known".</summary>
    public int NotKnownCount => Answers.Values.Count(a => a == NotKnown);

    /// <summary>True when the checklist records nothing: no answer to any question and no count.</summary>
    public bool IsEmpty => Answers.Count == 0 && YesCount == 0;

    /// <summary>The DA2 band from the "yes" count alone.</summary>
    public string BandFromCount(RuleSettings settings) =>
        YesCount >= settings.Int("DA1.highRiskYesCount") ? High : YesCount >= settings.Int("DA2.mediumRiskYesCount") ? Medium : Standard;

    /// <summary>The band the victim is in (DA1, DA2): the count's band, raised (never lowered) by professional judgement.</summary>
    public string Band(RuleSettings settings)
    {
        var fromCount = BandFromCount(settings);
        return Rank(ProfessionalJudgement) > Rank(fromCount) ? ProfessionalJudgement! : fromCount;
    }

    /// <summary>True when professional judgement put the victim in a higher band than the count did.</summary>
    public bool RaisedByJudgement(RuleSettings settings) => Rank(ProfessionalJudgement) > Rank(BandFromCount(settings));

    /// <summary>0 standard, 1 medium, 2 high; -1 for none.</summary>
    public static int Rank(string? level) => level switch { High => 2, Medium => 1, Standard => 0, _ => -1 };

    /// <summary>Reads a <c>dash</c> event's data. Unreadable parts read as unanswered (the schema refuses them at the door).</summary>
    public static DashAssessment Read(JsonElement data)
    {
        var answers = new SortedDictionary<string, string>(Comparer<string>.Create(CompareKeys));
        int? count = null;
        if (data.ValueKind == JsonValueKind.Object)
        {
            if (data.TryGetProperty("answers", out var a) && a.ValueKind == JsonValueKind.Object)
                foreach (var p in a.EnumerateObject())
                    if (DashQuestions.Keys.Contains(p.Name) && Answer(p.Value) is { } answer) answers[p.Name] = answer;
            if (data.TryGetProperty("yesCount", out var y) && y.ValueKind == JsonValueKind.Number && y.TryGetInt32(out var n)) count = n;
        }
        int yes = answers.Count > 0 ? answers.Values.Count(v => v == Yes) : Math.Clamp(count ?? 0, 0, DashQuestions.All.Count);
        return new(answers, yes, Str(data, "professionalJudgement"), Str(data, "victimRiskView"), Str(data, "victimAssessment"));
    }

    /// <summary>Reads a DASH from a chronology event.</summary>
    public static DashAssessment Read(ChronologyEvent e) => Read(e.Data);

    /// <summary>One answer as yes / no / not-known, or null when it is not one of the accepted forms.</summary>
    public static string? Answer(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.True => Yes,
        JsonValueKind.False => No,
        JsonValueKind.Null => NotKnown,
        JsonValueKind.String => value.GetString() switch { Yes => Yes, No => No, NotKnown => NotKnown, _ => null },
        _ => null,
    };

    /// <summary>Problems with the shape of <c>answers</c> (keys other than q1–q27, answers not yes/no/not known), or null.</summary>
    public static string? AnswersProblem(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Object) return "must be an object of answers keyed q1 to q27";
        foreach (var p in value.EnumerateObject())
        {
            if (!DashQuestions.Keys.Contains(p.Name)) return $"has '{p.Name}': questions are q1 to q27";
            if (Answer(p.Value) is null) return $"{p.Name} must be true (yes), false (no), null or \"not-known\"";
        }
        return null;
    }

    private static int CompareKeys(string a, string b) =>
        int.TryParse(a.AsSpan(1), out var x) && int.TryParse(b.AsSpan(1), out var y) ? x.CompareTo(y) : string.CompareOrdinal(a, b);

    private static string? Str(JsonElement data, string field) =>
        data.ValueKind == JsonValueKind.Object && data.TryGetProperty(field, out var v) && v.ValueKind == JsonValueKind.String
        && !string.IsNullOrWhiteSpace(v.GetString()) ? v.GetString()!.Trim() : null;
}
