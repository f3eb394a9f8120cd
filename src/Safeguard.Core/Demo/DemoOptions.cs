namespace Safeguard.Core.Demo;

/// <summary>How big a demo force to make, and from which seed. The same seed and the same <c>now</c>
/// give the same people, relationships, event ids and event times.</summary>
public sealed record DemoOptions(int Seed = DemoOptions.DefaultSeed, int Children = 2500, int Adults = 1500)
{
    public const int DefaultSeed = 20151;

    /// <summary>A small force for tests: fast, yet with every theme present.</summary>
    public static DemoOptions Small(int seed = DefaultSeed) => new(seed, 200, 120);
}

/// <summary>What the demo seeding produced. <see cref="AlreadyPresent"/> is true when a demo force was
/// found and nothing was written. Hand-raised flags that a rule had already suggested are confirmed
/// instead (<see cref="FlagSuggestionsConfirmed"/>).</summary>
public sealed record DemoSummary(
    bool AlreadyPresent,
    int Bcus,
    int Teams,
    int Organisations,
    int Users,
    int Children,
    int Adults,
    int DuplicateRecords,
    int Events,
    IReadOnlyDictionary<string, int> EventsByType,
    int FlagsRaised,
    int FlagSuggestionsConfirmed,
    int FlagsAlreadyPresent,
    TimeSpan Elapsed)
{
    public static DemoSummary Skipped { get; } = new(true, 0, 0, 0, 0, 0, 0, 0, 0, new Dictionary<string, int>(), 0, 0, 0, TimeSpan.Zero);
}

/// <summary>A demo sign-in the app can print: username (also the role), role, team or organisation.</summary>
public sealed record DemoSignIn(string Username, string Role, string? Team);
