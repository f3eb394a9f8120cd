using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Safeguard.TestKit;
using Safeguard.Web.Hosting;

namespace Safeguard.Cli.Tests.Faults;

/// <summary>An empty database of the provider the run is for (<c>SAFEGUARD_TEST_PROVIDER</c>, as for
/// <see cref="SafeguardFactory"/>): a SQLite file in a folder of its own, or a new PostgreSQL database on the
/// server <c>SAFEGUARD_TEST_POSTGRES</c> names, dropped at the end. A real server process, the command and the
/// test's own checks all open it by the same settings.</summary>
public sealed class FreshDatabase : IDisposable
{
    private readonly string? _postgresServer;
    private readonly string? _postgresDatabase;

    public TempFolder Folder { get; } = new();
    public string Provider { get; }
    public string ConnectionString { get; }

    /// <param name="provider">sqlite or postgres; by default the run's provider.</param>
    public FreshDatabase(string? provider = null)
    {
        Provider = provider ?? SafeguardFactory.Provider;
        if (Provider == "postgres")
        {
            _postgresServer = Environment.GetEnvironmentVariable("SAFEGUARD_TEST_POSTGRES")
                ?? throw new InvalidOperationException("SAFEGUARD_TEST_PROVIDER=postgres needs SAFEGUARD_TEST_POSTGRES (a connection string without a database).");
            _postgresDatabase = "safeguard_faults_" + Guid.NewGuid().ToString("N")[..16];
            ConnectionString = $"{_postgresServer};Database={_postgresDatabase}";
            using var conn = new NpgsqlConnection(_postgresServer + ";Database=postgres");
            conn.Open();
            using var cmd = new NpgsqlCommand($"CREATE DATABASE {_postgresDatabase}", conn);
            cmd.ExecuteNonQuery();
        }
        else
        {
            ConnectionString = $"Data Source={Folder.File("safeguard.db")}";
        }
    }

    /// <summary>The PostgreSQL database's name (only for the postgres provider).</summary>
    public string PostgresDatabase => _postgresDatabase ?? throw new InvalidOperationException("Not a PostgreSQL database.");

    /// <summary>The SQLite file (only for the sqlite provider).</summary>
    public string SqliteFile => Provider == "sqlite" ? Folder.File("safeguard.db") : throw new InvalidOperationException("Not a SQLite database.");

    /// <summary>The settings a server or command needs to open this database, as <c>Safeguard__...</c> variables.</summary>
    public IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Safeguard__Database__Provider"] = Provider,
        ["ConnectionStrings__Safeguard"] = ConnectionString,
        ["Safeguard__DataFolder"] = Folder.Path,
    };

    /// <summary>The app's own data model on this database, for checking what was stored (read only by the tests).</summary>
    public ServiceProvider Services() => Services(ConnectionString);

    /// <summary>The app's data model on another database of the same provider (a restored copy, say).</summary>
    public ServiceProvider Services(string connectionString)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Safeguard:Database:Provider"] = Provider,
            ["ConnectionStrings:Safeguard"] = connectionString,
        }).Build();
        var services = new ServiceCollection();
        services.AddSafeguardDatabase(config);
        return services.BuildServiceProvider();
    }

    public void Dispose()
    {
        if (_postgresDatabase is not null)
        {
            NpgsqlConnection.ClearAllPools();
            using var conn = new NpgsqlConnection(_postgresServer + ";Database=postgres");
            conn.Open();
            using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_postgresDatabase} WITH (FORCE)", conn);
            cmd.ExecuteNonQuery();
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Folder.Dispose();
    }
}
