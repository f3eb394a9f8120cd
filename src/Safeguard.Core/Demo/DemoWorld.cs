using Bogus;
using Safeguard.Core.Records;
using Person = Safeguard.Core.Records.Person;

namespace Safeguard.Core.Demo;

/// <summary>A household: where children live, with the adults who care for them.</summary>
internal sealed class DemoHousehold
{
    public required DemoBcu Bcu { get; init; }
    public required string Street { get; init; }
    public required string Town { get; init; }
    public required string Postcode { get; init; }
    public List<Person> Adults { get; } = [];
    public List<Person> Children { get; } = [];
    public Person? FirstAdult => Adults.Count > 0 ? Adults[0] : null;
    public string Address => $"{Street}, {Town}";
}

/// <summary>Everything the history planners share: the seeded random sources, the clock instant the
/// histories are relative to, the people, and the chronicle the events are written into.
/// Each theme takes its own random stream, so adding to one theme leaves the others unchanged.</summary>
internal sealed class DemoWorld
{
    public DemoWorld(DemoOptions options, DateTimeOffset now)
    {
        Options = options;
        Now = now.ToUniversalTime();
        Chronicle = new DemoChronicle(Now);
        Start = Now.AddYears(-3);
    }

    /// <summary>The same people, households and places as <paramref name="current"/>, with histories planned over the three
    /// years up to <paramref name="monthsBefore"/> months before its now: a bulk load plans a long history as several eras.
    /// Each theme draws from fresh random streams (varied by <paramref name="era"/>); the people are not planned again.</summary>
    public static DemoWorld EarlierEra(DemoWorld current, int era, int monthsBefore)
    {
        var w = new DemoWorld(current.Options with { Seed = unchecked(current.Options.Seed + era * 1_000_003) }, current.Now.AddMonths(-monthsBefore));
        w.Children.AddRange(current.Children);
        w.Adults.AddRange(current.Adults);
        w.Duplicates.AddRange(current.Duplicates);
        w.Households.AddRange(current.Households);
        w.Community.AddRange(current.Community);
        foreach (var (id, home) in current.HomeOf) w.HomeOf[id] = home;
        foreach (var (id, bcu) in current.BcuOf) w.BcuOf[id] = bcu;
        w.LookedAfter.UnionWith(current.LookedAfter);
        return w;
    }

    public DemoOptions Options { get; }
    public DateTimeOffset Now { get; }
    /// <summary>The demo's histories begin three years before <see cref="Now"/>.</summary>
    public DateTimeOffset Start { get; }
    public DemoChronicle Chronicle { get; }
    public DateOnly Today => DateOnly.FromDateTime(Now.UtcDateTime);

    public List<Person> Children { get; } = [];
    public List<Person> Adults { get; } = [];
    /// <summary>Second records of a child, with a spelling variant: the duplicates search and matching should find.</summary>
    public List<(Person Original, Person Duplicate)> Duplicates { get; } = [];
    public List<DemoHousehold> Households { get; } = [];
    /// <summary>Adults outside the households: ex-partners, associates, suspects, offenders.</summary>
    public List<Person> Community { get; } = [];
    public Dictionary<Guid, DemoHousehold> HomeOf { get; } = [];
    public Dictionary<Guid, DemoBcu> BcuOf { get; } = [];
    /// <summary>Children who live in care (foster or children's home), kept for the looked-after flag and missing reports.</summary>
    public HashSet<Guid> LookedAfter { get; } = [];
    /// <summary>Children who go missing again and again: exploitation histories draw on them.</summary>
    public List<Person> RepeatMissing { get; } = [];
    /// <summary>Adults who target several children: each is a suspect with two to five of them (D4).</summary>
    public List<Person> Perpetrators { get; } = [];

    /// <summary>A random stream for one theme, derived from the seed and the theme's number.</summary>
    public Random Stream(int theme) => new(unchecked(Options.Seed * 7919 + theme * 104729));

    /// <summary>A UK-English faker on its own seeded stream.</summary>
    public Faker Faker(int theme) => new("en_GB") { Random = new Randomizer(unchecked(Options.Seed * 6007 + theme * 15485863)) };

    public static Guid NewId(Random random)
    {
        var bytes = new byte[16];
        random.NextBytes(bytes);
        // Mark it as a version 4 (random) UUID so it looks like any other id.
        bytes[7] = (byte)(bytes[7] & 0x0F | 0x40);
        bytes[8] = (byte)(bytes[8] & 0x3F | 0x80);
        return new Guid(bytes);
    }

    public int AgeOn(Person p, DateTimeOffset at) => p.AgeOn(DateOnly.FromDateTime(at.UtcDateTime)) ?? 30;

    /// <summary>An instant between <paramref name="from"/> and <paramref name="to"/>.</summary>
    public static DateTimeOffset Between(Random r, DateTimeOffset from, DateTimeOffset to)
    {
        if (to <= from) return from;
        return from.AddMinutes(r.NextInt64(0, (long)(to - from).TotalMinutes + 1));
    }

    /// <summary>An instant in the demo's three years, leaning towards recent months so worklists look alive.</summary>
    public DateTimeOffset AnyTime(Random r)
    {
        var span = (Now - Start).TotalMinutes;
        var fraction = Math.Sqrt(r.NextDouble()); // more mass near now
        return Start.AddMinutes(span * fraction);
    }

    public DateTimeOffset DaysAgo(Random r, double minDays, double maxDays) =>
        Now.AddMinutes(-r.NextDouble() * (maxDays - minDays) * 1440 - minDays * 1440);

    public string Unit(Person p, string teamSuffix) => DemoOrganisation.Team(BcuOf.TryGetValue(p.Id, out var b) ? b : DemoOrganisation.Bcus[0], teamSuffix);

    public DemoBcu BcuFor(Person p) => BcuOf.TryGetValue(p.Id, out var b) ? b : DemoOrganisation.Bcus[0];

    public static T Pick<T>(Random r, IReadOnlyList<T> items) => items[r.Next(items.Count)];

    public static bool Chance(Random r, double p) => r.NextDouble() < p;

    /// <summary>Fictional staff who record events: collar numbers only, no names.</summary>
    public static string Recorder(Random r, string teamSuffix) => teamSuffix switch
    {
        "CTRL" => $"staff:ctrl-{r.Next(1, 30):D2}",
        "CAIT" => r.Next(3) == 0 ? "user:investigator" : $"staff:dc-{r.Next(2100, 2400)}",
        "MISS" => $"staff:mpc-{r.Next(1, 8):D2}",
        "OM" => r.Next(3) == 0 ? "user:offender-manager" : $"staff:om-{r.Next(1, 15):D2}",
        "MASH" => $"staff:mash-{r.Next(1, 20):D2}",
        _ => r.Next(5) == 0 ? "user:officer" : $"staff:pc-{r.Next(4000, 6000)}",
    };
}
