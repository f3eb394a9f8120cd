namespace Safeguard.Core.Demo;

/// <summary>Common British first names and surnames, combined at random, and invented street names.
/// Bogus's en_GB locale has UK postcodes but borrows US-sounding names, which would not look like a
/// UK force's records. No combination is meant to be, or to describe, a real person.</summary>
internal static class DemoNames
{
    public static readonly string[] Surnames =
    [
        "Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Robinson", "Wright", "Thompson", "Evans",
        "Walker", "White", "Roberts", "Green", "Hall", "Wood", "Jackson", "Clarke", "Patel", "Khan", "Lewis", "James", "Phillips",
        "Mason", "Mitchell", "Rose", "Davis", "Rodgers", "Hughes", "Edwards", "Turner", "Hill", "Moore", "Cooper", "Ward", "Morris",
        "King", "Watson", "Harrison", "Morgan", "Baker", "Young", "Allen", "Bell", "Carter", "Parker", "Shaw", "Price", "Bennett",
        "Griffiths", "Kelly", "Cook", "Richardson", "Murphy", "Marshall", "Collins", "Bailey", "Gray", "Cox", "Adams", "Chapman",
        "Holmes", "Webb", "Begum", "Hussain", "Ali", "Ahmed", "Singh", "Kaur", "Nowak", "Kowalski", "O'Brien", "McDonald", "Fletcher",
        "Atkinson", "Pearson", "Hewitt", "Dixon", "Barker", "Lawson", "Sutcliffe", "Brennan", "Foster", "Haworth", "Pritchard",
        "Duffy", "Connolly", "Okafor", "Mensah", "Campbell", "Stewart", "Macleod", "Booth", "Heaton", "Ashton", "Whitehead", "Lockwood",
    ];

    private static readonly string[] GirlsNow =
    [
        "Olivia", "Amelia", "Isla", "Ava", "Mia", "Ivy", "Lily", "Isabella", "Rosie", "Sophia", "Grace", "Freya", "Evie", "Poppy",
        "Ella", "Florence", "Willow", "Sienna", "Phoebe", "Daisy", "Harper", "Millie", "Ruby", "Chloe", "Jessica", "Emily", "Maisie",
        "Charlotte", "Aaliyah", "Maryam", "Zara", "Amber", "Leah", "Holly", "Megan", "Lacey", "Courtney", "Kayla", "Tia", "Skye",
    ];
    private static readonly string[] BoysNow =
    [
        "Oliver", "George", "Noah", "Arthur", "Leo", "Muhammad", "Harry", "Oscar", "Archie", "Jack", "Charlie", "Freddie", "Theo",
        "Alfie", "Thomas", "Jacob", "Henry", "Joshua", "Riley", "Mason", "Logan", "Tyler", "Kai", "Callum", "Liam", "Ethan", "Dylan",
        "Jayden", "Kyle", "Reece", "Harrison", "Samuel", "William", "Daniel", "James", "Finley", "Louie", "Bobby", "Tommy", "Ibrahim",
    ];
    private static readonly string[] Women =
    [
        "Sarah", "Emma", "Laura", "Lisa", "Claire", "Michelle", "Nicola", "Rebecca", "Kelly", "Gemma", "Amy", "Hayley", "Donna",
        "Joanne", "Stacey", "Rachel", "Victoria", "Katherine", "Elizabeth", "Louise", "Natalie", "Samantha", "Leanne", "Kirsty",
        "Jennifer", "Zoe", "Charlotte", "Danielle", "Aisha", "Fatima", "Shabana", "Agnieszka", "Siobhan", "Margaret", "Tracey", "Julie",
    ];
    private static readonly string[] Men =
    [
        "David", "Paul", "Mark", "Andrew", "Richard", "Daniel", "Christopher", "Michael", "James", "Lee", "Craig", "Gary", "Darren",
        "Stephen", "Matthew", "Jason", "Wayne", "Dean", "Scott", "Carl", "Anthony", "Robert", "Thomas", "Jonathan", "Ryan", "Adam",
        "Nicholas", "Imran", "Tariq", "Piotr", "Sean", "Kevin", "Neil", "Shaun", "William", "Benjamin", "Samuel", "Joseph", "Alexander",
    ];

    private static readonly string[] StreetStems =
    [
        "Mill", "Church", "Station", "Victoria", "Albert", "Heron", "Kestrel", "Tannery", "Larch", "Rowan", "Foundry", "Weavers",
        "Bracken", "Moorside", "Vale", "Bishops", "Quarry", "Chapel", "Orchard", "Willow", "Cobbler", "Ropewalk", "Saxon", "Lapwing",
        "Meadow", "Furnace", "Hawthorn", "Cotton", "Linnet", "Beacon", "Sandpiper", "Ferry", "Marsh", "Gravel", "Colliery", "Pinfold",
    ];
    private static readonly string[] StreetKinds = ["Street", "Road", "Lane", "Close", "Avenue", "Way", "Gardens", "Court", "Row", "Crescent", "Drive", "Walk"];

    /// <summary>A first name fitting the generation: children get names popular since 2008, adults older ones.</summary>
    public static string Forename(Random r, bool male, bool child) =>
        DemoWorld.Pick(r, child ? (male ? BoysNow : GirlsNow) : (male ? Men : Women));

    public static string Surname(Random r) => DemoWorld.Pick(r, Surnames);

    public static string Street(Random r) => $"{DemoWorld.Pick(r, StreetStems)} {DemoWorld.Pick(r, StreetKinds)}";
}
