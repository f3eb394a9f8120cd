namespace Safeguard.Matching.Text;

/// <summary>Common English given-name variants and nicknames, grouped so that any two names in
/// one group are treated as the same name said differently ("Bob" ~ "Robert" ~ "Rob").</summary>
public static class Nicknames
{
    private static readonly string[] Groups =
    [
        "robert rob bob bobby robbie robby bert", "william will bill billy willie liam", "richard rich rick ricky dick richie",
        "james jim jimmy jamie", "john jon johnny jack", "jonathan jon jonny", "thomas tom tommy", "michael mike mick mickey micky",
        "christopher chris kit", "christine chris chrissy christina tina", "daniel dan danny", "david dave davy", "joseph joe joey",
        "edward ed eddie ted teddy ned", "anthony tony ant", "andrew andy drew", "alexander alex alec sandy xander", "alexandra alex sandra lexi",
        "benjamin ben benny", "samuel sam sammy", "samantha sam sammy", "matthew matt matty", "nicholas nick nicky", "nicola nicky nikki",
        "patrick pat paddy", "patricia pat patty trish tricia", "peter pete", "stephen steve stevie", "steven steve stevie", "timothy tim timmy",
        "charles charlie chas chuck", "charlotte charlie lottie", "elizabeth liz lizzie beth betty eliza libby bess", "margaret maggie meg peggy marge",
        "katherine kate katie kath kathy kat", "catherine cath cathy kate katie", "jennifer jen jenny", "rebecca becky becca", "jessica jess jessie",
        "victoria vicky tori", "deborah debbie deb", "susan sue susie", "suzanne sue suzy", "abigail abby abi", "amanda mandy", "olivia liv livvy",
        "sophia sophie", "isabella bella izzy isabel", "isabelle bella izzy", "gabriel gabe", "gabriella gabby ella", "frederick fred freddie",
        "henry harry hal", "harold harry hal", "lawrence larry laurie", "leonard len lenny leo", "raymond ray", "ronald ron ronnie", "donald don donnie",
        "kenneth ken kenny", "gerald gerry", "geraldine gerry", "terence terry", "theresa terry tess tessa", "josephine jo josie", "joanne jo jo-anne",
        "zachary zach zack", "nathaniel nat nate nathan", "jacob jake", "joshua josh", "dominic dom", "francis frank frankie", "frances fran frankie",
        "gregory greg", "jeffrey jeff", "philip phil pip", "phillip phil", "douglas doug", "albert al bert", "alfred alf alfie", "arthur art artie",
        "eleanor ellie nell nora", "helen nell", "ellen ellie nell", "caroline carol carrie", "dorothy dot dotty", "louise lou lulu", "louis lou",
        "angela angie", "valerie val", "vincent vince vinny", "archibald archie", "mohammed muhammad mohammad mohamed", "yusuf yousef joseph",
    ];

    private static readonly Dictionary<string, int[]> GroupsByName = Build();

    private static Dictionary<string, int[]> Build()
    {
        var map = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (int g = 0; g < Groups.Length; g++)
            foreach (var name in Groups[g].Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var key = NameNormaliser.Normalise(name);
                if (!map.TryGetValue(key, out var list)) map[key] = list = [];
                list.Add(g);
            }
        return map.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal);
    }

    /// <summary>The group numbers a normalised name belongs to (empty when none), for callers
    /// that precompute features once per distinct name.</summary>
    internal static int[] GroupsOfNormalised(string normalisedName) =>
        GroupsByName.TryGetValue(normalisedName, out var groups) ? groups : [];

    /// <summary>True when the two given names are known variants of one another (not when equal).</summary>
    public static bool AreVariants(string? a, string? b)
    {
        var x = NameNormaliser.Normalise(a);
        var y = NameNormaliser.Normalise(b);
        if (x.Length == 0 || y.Length == 0 || x == y) return false;
        if (!GroupsByName.TryGetValue(x, out var gx) || !GroupsByName.TryGetValue(y, out var gy)) return false;
        foreach (var g in gx) if (Array.IndexOf(gy, g) >= 0) return true;
        return false;
    }

    /// <summary>Every known variant of a given name, itself included, normalised.</summary>
    public static IReadOnlyCollection<string> VariantsOf(string? name)
    {
        var n = NameNormaliser.Normalise(name);
        var result = new HashSet<string>(StringComparer.Ordinal) { n };
        if (GroupsByName.TryGetValue(n, out var groups))
            foreach (var g in groups)
                foreach (var v in Groups[g].Split(' ', StringSplitOptions.RemoveEmptyEntries)) result.Add(NameNormaliser.Normalise(v));
        result.Remove("");
        return result;
    }
}
