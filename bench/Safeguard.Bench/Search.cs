using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Safeguard.Cli;
using Safeguard.Core.Data;
using Safeguard.Core.Records;
using Safeguard.Core.Search;
using Safeguard.Web.Hosting;

namespace Safeguard.Bench;

/// <summary>People search at force and region size (issue 13, point 3): loads a synthetic population of people (names,
/// dates of birth, addresses and aliases, with the typing errors of <see cref="Safeguard.Matching.Synthetic.PopulationGenerator"/>)
/// straight into a fresh database, then times <see cref="PersonSearch.FindAsync"/> as the search page and the import's
/// matcher call it, for the kinds of search a control room makes, beside the same candidate lookup written as plain SQL
/// on one indexed column. Run at two sizes, it shows how the cost grows: a search that read every person would grow with the
/// population.</summary>
public static class Search
{
    public sealed record Timing(string Kind, int Samples, double P50Ms, double P95Ms, double MaxMs, double MeanHits);

    public sealed record Row(string Provider, int People, double LoadSeconds, IReadOnlyList<Timing> Timings, double RawSqlP50Ms, double RawSqlP95Ms);

    public const double GoalP95Ms = 50;

    public static async Task<Row> RunAsync(string provider, string connection, string folder, int people, int samples)
    {
        await using var services = CliServices.Build(provider, connection, folder);
        await services.MigrateDatabaseAsync();
        var population = new Safeguard.Matching.Synthetic.PopulationGenerator(7).Generate(people).Records;
        var load = Stopwatch.StartNew();
        await LoadAsync(services, population);
        load.Stop();

        var random = new Random(11);
        var picks = Enumerable.Range(0, samples).Select(_ => population[random.Next(population.Count)])
            .Where(r => !string.IsNullOrWhiteSpace(r.Forename) && !string.IsNullOrWhiteSpace(r.Surname) && r.Surname!.Length >= 4).ToList();
        var kinds = new (string Kind, Func<Safeguard.Matching.PersonRecord, PersonQuery> Query)[]
        {
            ("full name", r => new PersonQuery($"{r.Forename} {r.Surname}")),
            ("full name and date of birth", r => new PersonQuery($"{r.Forename} {r.Surname}", r.DateOfBirth?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))),
            ("surname misspelt", r => new PersonQuery($"{r.Forename} {r.Surname![..^2]}{r.Surname[^1]}{r.Surname[^2]}")),
            ("start of a surname", r => new PersonQuery(r.Surname![..3])),
            ("alias", r => new PersonQuery($"Jay {r.Surname}")),
        };

        var timings = new List<Timing>();
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SafeguardDb>();
            foreach (var (kind, make) in kinds)
            {
                await PersonSearch.FindAsync(db.People.AsNoTracking(), make(picks[0])); // warm the query cache
                var ms = new List<double>();
                long hits = 0;
                foreach (var pick in picks)
                {
                    var watch = Stopwatch.StartNew();
                    hits += (await PersonSearch.FindAsync(db.People.AsNoTracking(), make(pick))).Count;
                    ms.Add(watch.Elapsed.TotalMilliseconds);
                }
                timings.Add(Summarise(kind, ms, hits));
            }
            var raw = await RawSqlAsync(db, picks);
            return new Row(provider, population.Count, load.Elapsed.TotalSeconds, timings, Percentile(raw, 0.5), Percentile(raw, 0.95));
        }
    }

    /// <summary>Adds the people in chunks, as the demo force does: every tenth gets an alias ("Jay" and their surname), so
    /// that alias search has something to find at every size.</summary>
    private static async Task LoadAsync(IServiceProvider services, IReadOnlyList<Safeguard.Matching.PersonRecord> records)
    {
        var created = DateTimeOffset.UtcNow;
        var n = 0;
        foreach (var chunk in records.Chunk(5000))
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<SafeguardDb>();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            foreach (var r in chunk)
            {
                var person = new Person
                {
                    Id = Guid.NewGuid(), Forename = r.Forename ?? "", Surname = r.Surname ?? "", DateOfBirth = r.DateOfBirth, Gender = r.Gender,
                    AddressLine1 = r.AddressLine, Town = r.Town, Postcode = r.Postcode, CreatedAt = created, CreatedBy = "system:bench", Unit = "N",
                };
                if (n++ % 10 == 0) person.Aliases.Add($"Jay {r.Surname}");
                PersonSearchKeys.Apply(person);
                db.People.Add(person);
            }
            await db.SaveChangesAsync();
        }
        await using var analyse = services.CreateAsyncScope();
        await analyse.ServiceProvider.GetRequiredService<SafeguardDb>().Database.ExecuteSqlRawAsync("ANALYZE");
    }

    /// <summary>The floor under the application's figure: the candidates for one surname read with one indexed equality,
    /// in plain SQL, no ranking.</summary>
    private static async Task<List<double>> RawSqlAsync(SafeguardDb db, IReadOnlyList<Safeguard.Matching.PersonRecord> picks)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        var ms = new List<double>();
        foreach (var pick in picks)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT * FROM people WHERE \"SurnameKey\" = @k LIMIT 3000";
            var parameter = command.CreateParameter();
            parameter.ParameterName = "k";
            parameter.Value = Safeguard.Matching.Text.NameNormaliser.Normalise(pick.Surname);
            command.Parameters.Add(parameter);
            var watch = Stopwatch.StartNew();
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync()) { }
            ms.Add(watch.Elapsed.TotalMilliseconds);
        }
        return ms;
    }

    private static Timing Summarise(string kind, List<double> ms, long hits) =>
        new(kind, ms.Count, Percentile(ms, 0.5), Percentile(ms, 0.95), ms.Max(), (double)hits / ms.Count);

    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
    }
}
