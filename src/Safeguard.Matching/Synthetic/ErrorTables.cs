namespace Safeguard.Matching.Synthetic;

/// <summary>The generator's own tables of how names and dates go wrong, written separately from the
/// matcher's tables (<c>Text/Nicknames.cs</c>, the comparison levels) so that the synthetic F1 is not
/// the matcher grading its own homework. Many of the variants here are ones the matcher has never
/// heard of (Kathryn, Jakey, Ollie, Liddy, ...), and the keying errors come from keyboards and
/// scanners, not from the matcher's levels. The frequencies that use these tables are in
/// <see cref="PopulationGenerator"/>'s documentation and in docs/matching.md.</summary>
public static class ErrorTables
{
    /// <summary>Given names as people actually write them down in another record: pet forms, short
    /// forms, spellings. Keyed by the name in <see cref="NameLists"/>; not every name has one.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> GivenNameVariants = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["olivia"] = ["ollie", "liv", "livia"], ["amelia"] = ["millie", "amy", "mia"], ["isla"] = ["isler", "ila"],
        ["isabella"] = ["izzy", "bella", "isabela", "izzie"], ["sophia"] = ["sofia", "sophie", "fia"], ["florence"] = ["flo", "florrie", "floss"],
        ["emily"] = ["em", "emmy", "emilie"], ["charlotte"] = ["lottie", "charly", "lotte"], ["evelyn"] = ["evie", "eve", "evelin"],
        ["matilda"] = ["tilly", "tilda", "mattie"], ["emilia"] = ["milly", "emmie"], ["arabella"] = ["bella", "arbella"],
        ["jessica"] = ["jess", "jessie", "jesica"], ["hannah"] = ["hanna", "han"], ["margaret"] = ["maggie", "peggy", "margret", "greta", "madge"],
        ["elizabeth"] = ["liz", "beth", "lizzy", "elisabeth", "liddy", "betsy"], ["catherine"] = ["cathy", "kate", "katharine", "cath"],
        ["katherine"] = ["kathryn", "kathy", "kat", "katharine"], ["victoria"] = ["vicky", "vikki", "tori"], ["rebecca"] = ["becky", "becca", "rebekah"],
        ["samantha"] = ["sam", "sammie"], ["jennifer"] = ["jenny", "jen", "jenifer"], ["deborah"] = ["debbie", "debra", "debs"],
        ["susan"] = ["sue", "suzie", "susanne"], ["patricia"] = ["pat", "trish", "patsy"], ["christine"] = ["chris", "kristine", "chrissie"],
        ["nicola"] = ["nicky", "nikki", "nichola"], ["abigail"] = ["abbie", "gail", "abi"], ["amanda"] = ["mandy", "manda"],
        ["josephine"] = ["josie", "jo", "jose"], ["theresa"] = ["tess", "teresa", "tessa"], ["eleanor"] = ["ellie", "elinor", "nora"],
        ["caroline"] = ["carol", "carrie", "carolyn"], ["dorothy"] = ["dot", "dottie", "dolly"], ["louise"] = ["lou", "louisa"],
        ["angela"] = ["angie", "angel"], ["valerie"] = ["val", "valery"], ["sarah"] = ["sara", "sally", "sadie"], ["mary"] = ["molly", "polly", "mamie"],
        ["anne"] = ["ann", "annie", "nan"], ["jacqueline"] = ["jackie", "jacquie"], ["stephanie"] = ["steph", "stefanie"],
        ["gillian"] = ["gill", "jill", "gilly"], ["penelope"] = ["penny", "pen"], ["rosemary"] = ["rosie", "rose"], ["natalie"] = ["nat", "nathalie"],
        ["oliver"] = ["ollie", "olly", "noll"], ["george"] = ["georgie", "geordie"], ["harry"] = ["haz", "harri"], ["archie"] = ["arch"],
        ["henry"] = ["hank", "hal", "harry"], ["theodore"] = ["theo", "ted", "teddy"], ["freddie"] = ["freddy", "fred"], ["jack"] = ["jackie", "jak"],
        ["charlie"] = ["charley", "chas"], ["alfie"] = ["alf", "alfy"], ["jacob"] = ["jake", "jakey", "jakob"], ["thomas"] = ["tom", "tommy", "thom"],
        ["william"] = ["will", "bill", "billy", "wills"], ["alexander"] = ["alex", "sandy", "alasdair", "xander"], ["edward"] = ["ed", "ted", "eddie", "ned"],
        ["james"] = ["jim", "jimmy", "jamie", "jas"], ["joshua"] = ["josh", "joss"], ["elijah"] = ["eli", "elija"], ["muhammad"] = ["mohammed", "muhammed", "mohamad"],
        ["mohammed"] = ["muhammad", "mohamed", "mohd"], ["sebastian"] = ["seb", "bastian"], ["robert"] = ["bob", "rob", "robbie", "bobby", "rab"],
        ["richard"] = ["rick", "dick", "rich", "richie"], ["john"] = ["jack", "johnny", "jon", "ian"], ["michael"] = ["mick", "mike", "mikey", "micheal"],
        ["christopher"] = ["chris", "kit", "kristopher"], ["daniel"] = ["dan", "danny", "dani"], ["david"] = ["dave", "davey", "dai"],
        ["joseph"] = ["joe", "joey", "jo"], ["anthony"] = ["tony", "antony", "ant"], ["andrew"] = ["andy", "drew", "andrea"],
        ["benjamin"] = ["ben", "benji", "benny"], ["samuel"] = ["sam", "sammy", "samual"], ["matthew"] = ["matt", "mathew", "matty"],
        ["nicholas"] = ["nick", "nicky", "nicolas"], ["patrick"] = ["pat", "paddy", "patric"], ["peter"] = ["pete", "pietro"],
        ["stephen"] = ["steve", "steven", "stevie"], ["timothy"] = ["tim", "timmy"], ["frederick"] = ["fred", "freddie", "frederic"],
        ["lawrence"] = ["larry", "laurence", "laurie"], ["leonard"] = ["len", "lenny", "leo"], ["raymond"] = ["ray", "raymund"],
        ["ronald"] = ["ron", "ronnie"], ["donald"] = ["don", "donny"], ["kenneth"] = ["ken", "kenny"], ["gerald"] = ["gerry", "jerry"],
        ["terence"] = ["terry", "terrence"], ["nathaniel"] = ["nathan", "nat", "nate"], ["francis"] = ["frank", "fran"], ["gregory"] = ["greg", "gregor"],
        ["jeffrey"] = ["jeff", "geoffrey"], ["philip"] = ["phil", "phillip", "pip"], ["douglas"] = ["doug", "dougie"], ["albert"] = ["bert", "al", "bertie"],
        ["alfred"] = ["alf", "alfie", "fred"], ["vincent"] = ["vince", "vinnie"], ["reginald"] = ["reg", "reggie"], ["stanley"] = ["stan"],
        ["walter"] = ["walt", "wally"], ["callum"] = ["calum", "cal"], ["cameron"] = ["cam"], ["kieran"] = ["kieron", "ciaran"], ["conor"] = ["connor"],
        ["stuart"] = ["stewart", "stu"], ["geoffrey"] = ["geoff", "jeffrey"], ["elliot"] = ["elliott", "eliot"], ["aiden"] = ["aidan", "ayden"],
        ["rhys"] = ["reece", "rees"], ["shaun"] = ["sean", "shawn"], ["owen"] = ["owain"], ["lewis"] = ["louis", "lew"],
    };

    /// <summary>Keys next to each other on a UK QWERTY keyboard, for slips of the finger.</summary>
    public static readonly IReadOnlyDictionary<char, string> KeyboardNeighbours = new Dictionary<char, string>
    {
        ['q'] = "wa", ['w'] = "qes", ['e'] = "wrd", ['r'] = "etf", ['t'] = "ryg", ['y'] = "tuh", ['u'] = "yij", ['i'] = "uok", ['o'] = "ipl",
        ['p'] = "o", ['a'] = "qsz", ['s'] = "awdz", ['d'] = "sefx", ['f'] = "drgc", ['g'] = "fthv", ['h'] = "gyjb", ['j'] = "hukn", ['k'] = "jilm",
        ['l'] = "ko", ['z'] = "asx", ['x'] = "zdc", ['c'] = "xfv", ['v'] = "cgb", ['b'] = "vhn", ['n'] = "bjm", ['m'] = "nk",
        ['1'] = "2", ['2'] = "13", ['3'] = "24", ['4'] = "35", ['5'] = "46", ['6'] = "57", ['7'] = "68", ['8'] = "79", ['9'] = "80", ['0'] = "9",
    };

    /// <summary>What a scanner or a hurried reader of handwriting makes of letters (both directions are listed).</summary>
    public static readonly (string Written, string Read)[] OcrConfusions =
    [
        ("m", "rn"), ("rn", "m"), ("w", "vv"), ("d", "cl"), ("h", "li"), ("u", "ii"), ("n", "ri"), ("e", "c"), ("c", "e"), ("a", "o"), ("o", "a"),
        ("l", "i"), ("i", "l"), ("g", "q"), ("b", "h"), ("0", "o"), ("1", "l"), ("5", "s"), ("8", "b"), ("6", "b"),
    ];

    /// <summary>Spellings that sound the same (an officer writing down what they were told).</summary>
    public static readonly (string Heard, string Written)[] SoundAlikes =
    [
        ("ph", "f"), ("f", "ph"), ("ck", "k"), ("y", "ie"), ("ie", "y"), ("ee", "ea"), ("ou", "ow"), ("son", "sen"), ("ey", "y"),
        ("mc", "mac"), ("ll", "l"), ("tt", "t"), ("nn", "n"), ("s", "z"), ("c", "k"), ("k", "c"), ("ai", "ay"), ("er", "ah"),
    ];
}
