namespace Safeguard.Core.Rules.DomesticAbuse;

/// <summary>One question of the domestic abuse risk checklist (DASH, H1) in Safeguard's own words.</summary>
/// <param name="Key">The answer's key in <c>answers</c>: <c>q1</c> … <c>q27</c> (API.md).</param>
/// <param name="Number">1 to 27, the order the questions are asked in.</param>
/// <param name="Section">The part of the checklist it belongs to.</param>
/// <param name="Text">The question as put to the victim.</param>
public sealed record DashQuestion(string Key, int Number, string Section, string Text);

/// <summary>The 27 questions of the domestic abuse risk checklist, asked of the victim in this order. The wording
/// is Safeguard's own; the subjects follow the nationally used checklist so a count of "yes" answers compares
/// with the SafeLives MARAC threshold (DA1). "The other person" is the person the victim says is abusing them.</summary>
public static class DashQuestions
{
    public const string CurrentSituation = "What is happening now";
    public const string Children = "Children and others who depend on the victim";
    public const string History = "How the abuse has gone so far";
    public const string OtherPerson = "About the other person";

    public static readonly IReadOnlyList<DashQuestion> All =
    [
        Q(1, CurrentSituation, "Were you hurt in what happened this time?"),
        Q(2, CurrentSituation, "Are you very scared?"),
        Q(3, CurrentSituation, "Are you afraid of what they will do next (for example that they will hurt or kill you, the children or someone else)?"),
        Q(4, CurrentSituation, "Do you feel cut off from your family or friends, or kept from seeing them?"),
        Q(5, CurrentSituation, "Are you feeling very low, or have you had thoughts of ending your life?"),
        Q(6, CurrentSituation, "Have you split up from them, or tried to, in the last 12 months?"),
        Q(7, CurrentSituation, "Do you and they disagree about contact with the children?"),
        Q(8, CurrentSituation, "Do they keep messaging, ringing or turning up, follow you, or watch where you are?"),
        Q(9, CurrentSituation, "Are you pregnant, or have you had a baby in the last 18 months?"),
        Q(10, Children, "Are there children in the home who are not theirs, or other people who depend on you (for example an older relative)?"),
        Q(11, Children, "Have they ever hurt the children or anyone else who depends on you?"),
        Q(12, Children, "Have they ever threatened to hurt or kill the children or anyone else who depends on you?"),
        Q(13, History, "Is the abuse happening more often than before?"),
        Q(14, History, "Is the abuse getting worse?"),
        Q(15, History, "Do they try to control what you do, or are they extremely jealous?"),
        Q(16, History, "Have they ever used a weapon or an object to hurt you?"),
        Q(17, History, "Have they ever threatened to kill you or someone else, and did you believe them?"),
        Q(18, History, "Have they ever strangled, choked, smothered or tried to drown you?"),
        Q(19, History, "Do they do or say sexual things that hurt you or make you feel bad, or that hurt someone else?"),
        Q(20, History, "Is there anyone else who has threatened you, or whom you are afraid of?"),
        Q(21, OtherPerson, "Do you know whether they have hurt anyone else (a child, a relative, a former partner, a stranger)?"),
        Q(22, OtherPerson, "Have they ever been cruel to an animal or a pet?"),
        Q(23, OtherPerson, "Are there money problems, or do they control the money?"),
        Q(24, OtherPerson, "In the last 12 months have drink, drugs or their mental health made it hard for them to get through ordinary life?"),
        Q(25, OtherPerson, "Have they ever threatened to take their own life, or tried to?"),
        Q(26, OtherPerson, "Have they ever broken bail conditions, a court order or an agreement about seeing the children?"),
        Q(27, OtherPerson, "Do you know whether they have been in trouble with the police or have a criminal record?"),
    ];

    /// <summary>The question keys, <c>q1</c> to <c>q27</c>.</summary>
    public static readonly IReadOnlySet<string> Keys = All.Select(q => q.Key).ToHashSet(StringComparer.Ordinal);

    /// <summary>The sections in the order they are asked.</summary>
    public static IReadOnlyList<string> Sections { get; } = All.Select(q => q.Section).Distinct().ToList();

    private static DashQuestion Q(int number, string section, string text) => new($"q{number}", number, section, text);
}
