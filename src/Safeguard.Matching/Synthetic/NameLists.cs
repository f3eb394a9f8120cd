namespace Safeguard.Matching.Synthetic;

/// <summary>Invented word lists for synthetic people. Common first names and surname parts only;
/// combined at random they describe nobody real.</summary>
internal static class NameLists
{
    public static readonly string[] Female =
    [
        "olivia", "amelia", "isla", "ava", "mia", "ivy", "lily", "isabella", "rosie", "sophia", "grace", "freya", "willow", "florence",
        "emily", "ella", "poppy", "evie", "elsie", "charlotte", "evelyn", "sienna", "sophie", "daisy", "phoebe", "sofia", "alice",
        "harper", "matilda", "ruby", "emilia", "maya", "millie", "isabelle", "eva", "luna", "arabella", "jessica", "hannah",
        "margaret", "elizabeth", "catherine", "katherine", "victoria", "rebecca", "samantha", "jennifer", "deborah", "susan",
        "patricia", "christine", "nicola", "abigail", "amanda", "josephine", "theresa", "eleanor", "caroline", "dorothy", "louise",
        "angela", "valerie", "sarah", "mary", "anne", "emma", "jacqueline", "jane", "janet", "judith", "karen", "lucy", "megan",
        "natalie", "penelope", "rosemary", "stephanie", "gillian", "julia", "lillian", "pamela", "sandra", "wendy", "zoe", "chloe",
        "bethany", "bridget", "claire", "constance", "danielle", "diana", "edith", "harriet", "imogen", "kirsty", "laura", "lauren",
        "leah", "melanie", "michelle", "nicole", "rachel", "ruth", "tamara", "vanessa", "yasmin", "aisha", "fatima", "priya", "zara",
    ];

    public static readonly string[] Male =
    [
        "oliver", "george", "noah", "arthur", "leo", "muhammad", "harry", "oscar", "archie", "henry", "theodore", "freddie", "jack",
        "charlie", "theo", "alfie", "jacob", "thomas", "finley", "arlo", "william", "lucas", "roman", "tommy", "isaac", "teddy",
        "alexander", "luca", "edward", "james", "joshua", "albie", "elijah", "max", "mohammed", "reuben", "mason", "sebastian",
        "robert", "richard", "john", "michael", "christopher", "daniel", "david", "joseph", "anthony", "andrew", "benjamin",
        "samuel", "matthew", "nicholas", "patrick", "peter", "stephen", "timothy", "frederick", "lawrence", "leonard", "raymond",
        "ronald", "donald", "kenneth", "gerald", "terence", "nathaniel", "francis", "gregory", "jeffrey", "philip", "douglas",
        "albert", "alfred", "vincent", "alan", "brian", "callum", "cameron", "colin", "conor", "dennis", "derek", "geoffrey",
        "graham", "ian", "jason", "jeremy", "keith", "kevin", "kieran", "lewis", "malcolm", "martin", "neil", "nigel", "owen",
        "reginald", "rhys", "roger", "russell", "shaun", "simon", "stanley", "stuart", "trevor", "walter", "wesley", "aaron",
        "adam", "adrian", "aiden", "barnaby", "elliot", "ethan", "gareth", "gary", "harvey", "ryan", "victor", "ali", "omar", "ravi",
    ];

    public static readonly string[] Surnames =
    [
        "smith", "jones", "williams", "taylor", "brown", "davies", "evans", "wilson", "thomas", "johnson", "roberts", "robinson",
        "thompson", "wright", "walker", "white", "edwards", "hughes", "green", "hall", "lewis", "harris", "clarke", "patel",
        "jackson", "wood", "turner", "martin", "cooper", "hill", "ward", "morris", "moore", "clark", "lee", "king", "baker",
        "harrison", "morgan", "allen", "james", "scott", "phillips", "watson", "davis", "parker", "price", "bennett", "young",
        "griffiths", "mitchell", "kelly", "cook", "carter", "richardson", "bailey", "collins", "bell", "shaw", "murphy", "miller",
        "cox", "richards", "khan", "marshall", "anderson", "simpson", "ellis", "adams", "singh", "begum", "wilkinson", "foster",
        "chapman", "powell", "webb", "rogers", "gray", "mason", "ali", "hunt", "hussain", "campbell", "matthews", "owen", "palmer",
        "holmes", "mills", "barnes", "knight", "lloyd", "butler", "russell", "barker", "fisher", "stevens", "jenkins", "murray",
        "dixon", "harvey", "graham", "pearson", "ahmed", "fletcher", "walsh", "kaur", "gibson", "howard", "andrews", "stewart",
        "elliott", "reynolds", "saunders", "payne", "fox", "ford", "pearce", "day", "brooks", "west", "lawrence", "cole", "atkinson",
        "bradley", "spencer", "gill", "dawson", "ball", "burton", "obrien", "watts", "rose", "booth", "perry", "ryan", "grant",
        "wells", "armstrong", "francis", "rees", "hayes", "hart", "hudson", "newman", "barrett", "webster", "hunter", "gregory",
    ];

    // Surname parts for a long tail of rarer names ("ash" + "ford" → "ashford").
    public static readonly string[] SurnameStarts =
    [
        "ash", "black", "brad", "bram", "brook", "cal", "chat", "church", "clay", "cran", "dal", "dun", "east", "elm", "fair",
        "farn", "fen", "gold", "green", "hal", "ham", "hart", "hay", "hol", "hum", "kent", "kirk", "lang", "lin", "long", "mar",
        "mid", "mor", "new", "north", "oak", "pen", "red", "rock", "rom", "sand", "shel", "south", "stan", "stock", "thorn", "tre",
        "wake", "wal", "war", "wes", "whit", "wil", "win", "wood", "wor", "ald", "bar", "bel", "bur", "car", "cor", "dor", "ever",
    ];

    public static readonly string[] SurnameEnds =
    [
        "ford", "ley", "ton", "wood", "field", "well", "by", "worth", "ham", "stone", "more", "hurst", "land", "bridge", "brook",
        "combe", "dale", "den", "ridge", "wick", "cott", "shaw", "lock", "man", "son", "er", "ington", "ings", "wright", "ward",
    ];

    public static readonly string[] Streets =
    [
        "church", "station", "victoria", "park", "green", "manor", "mill", "school", "queens", "kings", "new", "grange", "north",
        "south", "west", "east", "highfield", "orchard", "meadow", "chestnut", "willow", "oak", "elm", "beech", "cedar", "birch",
        "york", "windsor", "albert", "alexandra", "springfield", "chapel", "brook", "hill", "river", "castle", "abbey", "priory",
        "market", "bridge", "garden", "cherry", "holly", "ivy", "laurel", "maple", "poplar", "rowan", "hazel", "juniper",
    ];

    public static readonly string[] StreetKinds = ["road", "street", "lane", "close", "avenue", "drive", "way", "gardens", "crescent", "place", "court", "grove"];

    public static readonly string[] Towns =
    [
        "ashbury", "bramford", "castlewick", "dunmore", "eastfield", "fernleigh", "glenholm", "harrowgate", "ivybridge", "kingsmere",
        "lowerby", "millbrook", "northcott", "oakhampton", "pennington", "queensford", "redcliffe", "southwold", "thornbury",
        "upperton", "valemouth", "westerham", "yarmouth", "aldermoor", "beckford", "coldridge", "dalesby", "elmstead", "foxhill",
        "greystone", "hollybank", "kirkdale", "longmead", "marshfield", "newhaven", "overton", "parkgate", "rosedale", "stanwick",
        "tenbury", "westbury", "whitecliff", "ambleside", "burnham", "clayton", "denholme", "everton", "fairhaven", "hartley",
    ];
}
