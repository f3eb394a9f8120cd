namespace Safeguard.Matching.Synthetic;

/// <summary>Makes a synthetic population of people, each with one to five records carrying the
/// errors real systems hold: typos, nicknames, swapped names, missing or mistyped dates of birth,
/// moves of house, missing identifiers. Deterministic for a seed; no real person is described.
/// The errors come from the generator's own <see cref="ErrorTables"/>, written apart from the
/// matcher's nickname table and comparison levels, so that the matcher is not tested on errors it
/// was built to expect. Each copy after the first: given-name variant 12%, forename typo 10%,
/// forename spelt by sound 4%, surname typo 10%, surname spelt by sound 5%, surname double-barrelled
/// 2%, names swapped 3%, initial only 2%, forename missing 4%, surname missing 2%; date of birth
/// missing 15%, else wrong 12% (kinds in <see cref="Corruptions.Date"/>); moved house 20%; address
/// line missing 10%, mistyped 8%; postcode missing 10%, mistyped 5%; town missing 10%; gender
/// missing 10%; identifier on half the records, mistyped on 3% of those.</summary>
public sealed class PopulationGenerator(int seed = 42)
{
    private readonly Random _random = new(seed);
    private readonly Corruptions _corrupt = new(new Random(seed + 1));
    private readonly string[] _surnames = BuildSurnames();

    private sealed record Person(string Forename, string Surname, string Gender, DateOnly DateOfBirth, Address Home, string Identifier);
    private sealed record Address(string Line, string Town, string Postcode);

    /// <summary>About <paramref name="records"/> records (exactly that many) for as many people as it takes.</summary>
    public SyntheticPopulation Generate(int records)
    {
        var list = new List<PersonRecord>(records);
        var personOf = new List<int>(records);
        for (int person = 0; list.Count < records; person++)
        {
            var p = NewPerson();
            int copies = Math.Min(CopiesOfPerson(), records - list.Count);
            for (int c = 0; c < copies; c++)
            {
                list.Add(c == 0 ? Clean(p, list.Count) : Corrupted(p, list.Count));
                personOf.Add(person);
            }
        }
        return new SyntheticPopulation(list, personOf);
    }

    private int CopiesOfPerson()
    {
        double r = _random.NextDouble();
        return r < 0.5 ? 1 : r < 0.75 ? 2 : r < 0.88 ? 3 : r < 0.95 ? 4 : 5;
    }

    private Person NewPerson()
    {
        bool female = _random.Next(2) == 0;
        var forename = Pick(female ? NameLists.Female : NameLists.Male, 1.3);
        var dob = new DateOnly(1935, 1, 1).AddDays(_random.Next(32_000));
        var identifier = (100_000_000 + _random.Next(900_000_000)).ToString();
        return new Person(forename, Pick(_surnames, 1.5), female ? "f" : "m", dob, NewAddress(), identifier);
    }

    private Address NewAddress()
    {
        int town = _random.Next(NameLists.Towns.Length);
        var street = $"{1 + _random.Next(180)} {NameLists.Streets[_random.Next(NameLists.Streets.Length)]} {NameLists.StreetKinds[_random.Next(NameLists.StreetKinds.Length)]}";
        var postcode = $"{(char)('A' + town % 26)}{(char)('A' + town / 26)}{1 + _random.Next(30)} {_random.Next(10)}{(char)('A' + _random.Next(26))}{(char)('A' + _random.Next(26))}";
        return new Address(street, NameLists.Towns[town], postcode);
    }

    private PersonRecord Clean(Person p, int index) => new($"S{index}")
    {
        Forename = p.Forename, Surname = p.Surname, DateOfBirth = p.DateOfBirth, Gender = p.Gender,
        AddressLine = p.Home.Line, Town = p.Home.Town, Postcode = p.Home.Postcode,
        Identifier = _corrupt.Chance(0.5) ? p.Identifier : null,
    };

    private PersonRecord Corrupted(Person p, int index)
    {
        string? forename = p.Forename, surname = p.Surname;
        if (_corrupt.Chance(0.12)) forename = _corrupt.GivenNameVariant(forename);
        if (_corrupt.Chance(0.10)) forename = _corrupt.Typo(forename);
        if (_corrupt.Chance(0.04)) forename = _corrupt.SoundAlike(forename);
        if (_corrupt.Chance(0.10)) surname = _corrupt.Typo(surname);
        if (_corrupt.Chance(0.05)) surname = _corrupt.SoundAlike(surname);
        if (_corrupt.Chance(0.02)) surname = surname + "-" + Pick(_surnames, 1.5);
        if (_corrupt.Chance(0.03)) (forename, surname) = (surname, forename);
        if (_corrupt.Chance(0.02)) forename = forename[..1];
        if (_corrupt.Chance(0.04)) forename = null;
        if (_corrupt.Chance(0.02)) surname = null;

        DateOnly? dob = p.DateOfBirth;
        if (_corrupt.Chance(0.15)) dob = null;
        else if (_corrupt.Chance(0.12)) dob = _corrupt.Date(p.DateOfBirth);

        var home = _corrupt.Chance(0.2) ? NewAddress() : p.Home;
        string? line = _corrupt.Chance(0.1) ? null : _corrupt.Chance(0.08) ? _corrupt.Typo(home.Line) : home.Line;
        string? postcode = _corrupt.Chance(0.1) ? null : _corrupt.Chance(0.05) ? _corrupt.Typo(home.Postcode) : home.Postcode;
        string? identifier = _corrupt.Chance(0.5) ? null : _corrupt.Chance(0.03) ? _corrupt.Typo(p.Identifier) : p.Identifier;

        return new PersonRecord($"S{index}")
        {
            Forename = forename, Surname = surname, DateOfBirth = dob, Gender = _corrupt.Chance(0.1) ? null : p.Gender,
            AddressLine = line, Town = _corrupt.Chance(0.1) ? null : home.Town, Postcode = postcode, Identifier = identifier,
        };
    }

    // Skewed choice: early entries are common, late ones rare, as with real names. With skew s the
    // first k of n entries are drawn (k/n)^(1/s) of the time: for surnames (s = 1.5) the commonest
    // is about 0.6% of people and the top ten about 3%, close to British surname statistics.
    private string Pick(string[] values, double skew)
    {
        double r = Math.Pow(_random.NextDouble(), skew);
        return values[Math.Min(values.Length - 1, (int)(r * values.Length))];
    }

    private static string[] BuildSurnames()
    {
        var names = new List<string>(NameLists.Surnames);
        foreach (var start in NameLists.SurnameStarts)
            foreach (var end in NameLists.SurnameEnds) names.Add(start + end);
        return [.. names];
    }
}
