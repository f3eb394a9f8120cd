using System.ComponentModel.DataAnnotations;

namespace Safeguard.Web.Hosting;

/// <summary>The <c>Safeguard</c> configuration section (docs/operations.md). Validated at start-up.</summary>
public sealed class SafeguardOptions
{
    public const string Section = "Safeguard";

    /// <summary>Where the SQLite database and other local files live.</summary>
    [Required] public string DataFolder { get; set; } = "data";

    /// <summary>If set, an administrator API client with exactly this token exists (created if absent).</summary>
    [MinLength(16)] public string? BootstrapToken { get; set; }

    public DatabaseOptions Database { get; set; } = new();

    /// <summary>Largest API request body accepted, in bytes.</summary>
    [Range(1024, 50_000_000)] public long MaxRequestBytes { get; set; } = 1_000_000;

    /// <summary>Seed the synthetic demo force on start if the database is empty.</summary>
    public bool Demo { get; set; }

    /// <summary>The clock worker that fires timers (task deadlines, wake-ups) and queued re-derivations.</summary>
    public ClockOptions Clock { get; set; } = new();

    public sealed class ClockOptions
    {
        /// <summary>Run the clock worker in this host. Off in the <c>Testing</c> environment unless set, so tests
        /// drive <c>ClockWork</c> themselves; run it in exactly the hosts that should fire timers (any number is safe).</summary>
        public bool? Enabled { get; set; }

        /// <summary>Seconds between ticks.</summary>
        [Range(1, 3600)] public int IntervalSeconds { get; set; } = 30;
    }

    public sealed class DatabaseOptions
    {
        /// <summary><c>sqlite</c> (default) or <c>postgres</c>.</summary>
        [RegularExpression("^(sqlite|postgres)$")] public string Provider { get; set; } = "sqlite";
    }
}
