using Bogus;
using Bogus.DataSets;
using Safeguard.Core.Records;
using Person = Safeguard.Core.Records.Person;

namespace Safeguard.Core.Demo;

/// <summary>Makes the demo's people: households of adults and children with invented UK-style names,
/// dates of birth and addresses, adults outside the households, some nicknames and aliases, and some
/// children recorded twice with a spelling variant.</summary>
internal static class DemoPeople
{
    private const int Theme = 1;

    private static readonly Dictionary<string, string[]> Nicknames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Thomas"] = ["Tom", "Tommy"], ["William"] = ["Will", "Billy"], ["James"] = ["Jim", "Jamie"], ["Daniel"] = ["Dan", "Danny"],
        ["Joseph"] = ["Joe"], ["Samuel"] = ["Sam"], ["Benjamin"] = ["Ben"], ["Matthew"] = ["Matt"], ["Alexander"] = ["Alex"],
        ["Elizabeth"] = ["Beth", "Lizzie"], ["Charlotte"] = ["Charlie", "Lottie"], ["Jessica"] = ["Jess"], ["Rebecca"] = ["Becky"],
        ["Katherine"] = ["Kate", "Katie"], ["Olivia"] = ["Liv"], ["Amelia"] = ["Millie"], ["Isabella"] = ["Izzy", "Bella"],
        ["Margaret"] = ["Maggie"], ["Jennifer"] = ["Jen"], ["Victoria"] = ["Vicky"], ["Michael"] = ["Mike", "Micky"],
        ["Christopher"] = ["Chris"], ["Jonathan"] = ["Jon"], ["Nicholas"] = ["Nick"], ["Anthony"] = ["Tony"], ["Robert"] = ["Rob", "Bob"],
    };

    private static readonly string[] StreetNicknames = ["Smudge", "Tiny", "Red", "Bash", "Chalky", "Dink", "Scouse", "Lanky", "Moz", "Kez"];

    public static void Plan(DemoWorld w)
    {
        var r = w.Stream(Theme);
        var f = w.Faker(Theme);
        int children = Math.Max(4, w.Options.Children);
        int adults = Math.Max(4, w.Options.Adults);
        int reserve = Math.Max(6, adults / 8);
        int householdCount = Math.Max(2, Math.Min((int)(children / 2.5), (int)(adults * 0.65)));

        for (int i = 0; i < householdCount; i++)
        {
            var bcu = DemoOrganisation.Bcus[i % DemoOrganisation.Bcus.Length];
            w.Households.Add(new DemoHousehold
            {
                Bcu = bcu, Street = $"{r.Next(1, 140)} {DemoNames.Street(r)}", Town = DemoWorld.Pick(r, bcu.Towns), Postcode = f.Address.ZipCode(),
            });
        }

        // Every household has a first adult; those left over (minus the reserve) become second adults.
        int adultIndex = 0;
        foreach (var h in w.Households)
        {
            if (adultIndex >= adults - reserve) break;
            h.Adults.Add(NewAdult(w, r, h, null));
            adultIndex++;
        }
        var withOne = w.Households.Where(h => h.Adults.Count == 1).ToList();
        while (adultIndex < adults - reserve && withOne.Count > 0)
        {
            var h = withOne[r.Next(withOne.Count)];
            withOne.Remove(h);
            h.Adults.Add(NewAdult(w, r, h, h.Adults[0]));
            adultIndex++;
        }
        for (; adultIndex < adults; adultIndex++)
        {
            var bcu = DemoOrganisation.Bcus[adultIndex % DemoOrganisation.Bcus.Length];
            var p = NewPerson(w, r, f.Random.Bool() ? Name.Gender.Male : Name.Gender.Female, null, DobForAge(w, r, 19, 58),
                $"{r.Next(1, 200)} {DemoNames.Street(r)}", DemoWorld.Pick(r, bcu.Towns), f.Address.ZipCode(), bcu);
            w.Community.Add(p);
            w.Adults.Add(p);
        }

        // Each household gets one child, the rest are spread at random (2-3 on average).
        for (int c = 0; c < children; c++)
        {
            var h = c < w.Households.Count ? w.Households[c] : w.Households[r.Next(w.Households.Count)];
            var surname = h.FirstAdult is { } a && r.NextDouble() < 0.85 ? a.Surname : DemoNames.Surname(r);
            var oldest = h.Adults.Count > 0 ? h.Adults.Min(x => x.DateOfBirth!.Value) : w.Today.AddYears(-40);
            var dob = DobForAge(w, r, 0, 17);
            if (dob < oldest.AddYears(17)) dob = oldest.AddYears(17).AddDays(r.Next(0, 3000));
            if (dob > w.Today) dob = w.Today.AddDays(-r.Next(30, 2000));
            var child = NewPerson(w, r, f.Random.Bool() ? Name.Gender.Male : Name.Gender.Female, surname, dob, h.Street, h.Town, h.Postcode, h.Bcu);
            h.Children.Add(child);
            w.Children.Add(child);
            w.HomeOf[child.Id] = h;
            // Children with no adult at home live in care.
            if (h.Adults.Count == 0) w.LookedAfter.Add(child.Id);
        }

        // Some older children live in foster care or a children's home.
        foreach (var child in w.Children.Where(c => w.AgeOn(c, w.Now) >= 8))
            if (r.NextDouble() < 0.05) w.LookedAfter.Add(child.Id);

        // A few children were recorded a second time by another system with a spelling variant.
        int duplicates = Math.Max(3, children / 50);
        foreach (var original in w.Children.OrderBy(_ => r.Next()).Take(duplicates).ToList())
        {
            var dup = NewPersonRecord(DemoWorld.NewId(r), Misspell(r, original.Forename), r.Next(3) == 0 ? Misspell(r, original.Surname) : original.Surname,
                r.Next(6) == 0 ? SwapDayMonth(original.DateOfBirth!.Value) : original.DateOfBirth, original.Gender,
                r.Next(3) == 0 ? null : original.AddressLine1, original.Town, original.Postcode, w.BcuFor(original), w.AnyTime(r));
            w.Duplicates.Add((original, dup));
            w.BcuOf[dup.Id] = w.BcuFor(original);
        }
    }

    private static Person NewAdult(DemoWorld w, Random r, DemoHousehold h, Person? partner)
    {
        var gender = partner is null ? (r.NextDouble() < 0.75 ? Name.Gender.Female : Name.Gender.Male)
            : partner.Gender == "female" ? Name.Gender.Male : Name.Gender.Female;
        var surname = partner is not null && r.NextDouble() < 0.5 ? partner.Surname : null;
        var p = NewPerson(w, r, gender, surname, DobForAge(w, r, 24, 52), h.Street, h.Town, h.Postcode, h.Bcu);
        // Some adults were known by an earlier surname.
        if (r.NextDouble() < 0.08) p.Aliases.Add($"{p.Forename} {DemoNames.Surname(r)}");
        w.Adults.Add(p);
        w.HomeOf[p.Id] = h;
        return p;
    }

    private static Person NewPerson(DemoWorld w, Random r, Name.Gender gender, string? surname, DateOnly dob,
        string? street, string town, string postcode, DemoBcu bcu)
    {
        var forename = DemoNames.Forename(r, gender == Name.Gender.Male, child: dob > w.Today.AddYears(-18));
        var p = NewPersonRecord(DemoWorld.NewId(r), forename, surname ?? DemoNames.Surname(r), dob, gender == Name.Gender.Male ? "male" : "female",
            street, town, postcode, bcu, w.AnyTime(r));
        if (r.NextDouble() < 0.07 && Nicknames.TryGetValue(forename, out var nick)) p.Aliases.Add($"{DemoWorld.Pick(r, nick)} {p.Surname}");
        else if (r.NextDouble() < 0.02) p.Aliases.Add(DemoWorld.Pick(r, StreetNicknames));
        w.BcuOf[p.Id] = bcu;
        return p;
    }

    private static Person NewPersonRecord(Guid id, string forename, string surname, DateOnly? dob, string? gender, string? street, string? town,
        string? postcode, DemoBcu bcu, DateTimeOffset createdAt)
    {
        var p = new Person
        {
            Id = id, Forename = forename, Surname = surname, DateOfBirth = dob, Gender = gender, AddressLine1 = street, Town = town, Postcode = postcode,
            CreatedAt = createdAt, CreatedBy = "system:demo", Unit = bcu.Code,
        };
        PersonSearchKeys.Apply(p);
        return p;
    }

    private static DateOnly DobForAge(DemoWorld w, Random r, int minAge, int maxAge) =>
        w.Today.AddYears(-maxAge - 1).AddDays(r.Next(1, (maxAge - minAge + 1) * 365));

    /// <summary>The kinds of slip a person typing a name makes: a doubled or dropped letter, two letters swapped, a sound-alike.</summary>
    internal static string Misspell(Random r, string name)
    {
        if (name.Length < 4) return name + name[^1];
        int i = r.Next(1, name.Length - 2);
        return r.Next(4) switch
        {
            0 => name[..i] + name[i + 1] + name[i] + name[(i + 2)..],
            1 => name[..i] + name[(i + 1)..],
            2 => name[..i] + name[i] + name[i..],
            _ => name.Replace("ph", "f").Replace("y", "i") is var s && s != name ? s : name[..i] + name[(i + 1)..],
        };
    }

    private static DateOnly SwapDayMonth(DateOnly d) => d.Day <= 12 && d.Day != d.Month ? new DateOnly(d.Year, d.Day, Math.Min(d.Month, DateTime.DaysInMonth(d.Year, d.Day))) : d;
}
