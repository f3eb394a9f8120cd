namespace Safeguard.Core.Rules.Investigations;

/// <summary>The skills a team can hold for investigations (I1), as stored on <see cref="Organisation.Team.Skills"/>. Add, never rename.</summary>
public static class TeamSkills
{
    /// <summary>Specialist child abuse investigation (trained to investigate sexual and serious physical abuse of children).</summary>
    public const string ChildAbuse = "child-abuse";
    /// <summary>Child sexual exploitation.</summary>
    public const string Cse = "cse";
    /// <summary>Online abuse of children: grooming, sexual communication, sharing of images.</summary>
    public const string OnlineAbuse = "online-abuse";
    /// <summary>High-tech crime: digital devices, indecent images of children.</summary>
    public const string HighTechCrime = "high-tech-crime";

    public static IReadOnlyList<string> All { get; } = [ChildAbuse, Cse, OnlineAbuse, HighTechCrime];

    /// <summary>A skill in words: "specialist child abuse investigation".</summary>
    public static string Describe(string skill) => skill switch
    {
        ChildAbuse => "specialist child abuse investigation",
        Cse => "child sexual exploitation",
        OnlineAbuse => "online abuse",
        HighTechCrime => "high-tech crime",
        _ => Teams.Words(skill).ToLowerInvariant(),
    };
}
