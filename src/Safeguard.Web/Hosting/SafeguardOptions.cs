using System.ComponentModel.DataAnnotations;

namespace Safeguard.Web.Hosting;

/// <summary>The <c>Safeguard</c> configuration section (docs/operations.md). Validated at start-up.</summary>
public sealed class SafeguardOptions
{
    public const string Section = "Safeguard";

    /// <summary>Where the SQLite database and other local files live.</summary>
    [Required] public string DataFolder { get; set; } = "data";

    /// <summary>If set, an administrator API client with exactly this token exists (created if absent). Change or
    /// remove it and the old token is refused at once, and its client revoked at the next start.</summary>
    [MinLength(16)] public string? BootstrapToken { get; set; }

    public DatabaseOptions Database { get; set; } = new();

    /// <summary>Largest API request body accepted, in bytes.</summary>
    [Range(1024, 50_000_000)] public long MaxRequestBytes { get; set; } = 1_000_000;

    /// <summary>Seed the synthetic demo force on start if the database is empty.</summary>
    public bool Demo { get; set; }

    /// <summary>The clock worker that fires timers (task deadlines, wake-ups) and queued re-derivations.</summary>
    public ClockOptions Clock { get; set; } = new();

    /// <summary>Sign-in, sessions, rate limits and the proxy in front (docs/operations.md, docs/security.md).</summary>
    public SecurityOptions Security { get; set; } = new();

    public sealed class SecurityOptions
    {
        /// <summary>Wrong passwords in a row that lock an account.</summary>
        [Range(3, 100)] public int MaxFailedSignIns { get; set; } = 5;

        /// <summary>Minutes a locked account stays locked; the lock always ends by itself.</summary>
        [Range(1, 1440)] public int LockoutMinutes { get; set; } = 15;

        /// <summary>Hours a signed-in session lasts at most, however busy, before signing in again (absolute lifetime).</summary>
        [Range(1, 24)] public int SessionHours { get; set; } = 12;

        /// <summary>Minutes without a request after which a session ends (sliding; never beyond <see cref="SessionHours"/>).</summary>
        [Range(5, 1440)] public int IdleMinutes { get; set; } = 540;

        /// <summary>Sign-in attempts (form posts) accepted per client address per minute.</summary>
        [Range(1, 100_000)] public int SignInsPerAddressPerMinute { get; set; } = 30;

        /// <summary>Sign-in attempts accepted per username per minute, from any address.</summary>
        [Range(1, 100_000)] public int SignInsPerAccountPerMinute { get; set; } = 10;

        /// <summary>API requests accepted per API client (token) per minute.</summary>
        [Range(1, 1_000_000)] public int ApiRequestsPerClientPerMinute { get; set; } = 3000;

        /// <summary>Refused bearer tokens accepted per client address per minute; beyond it every API request from that
        /// address is refused (429) until the minute ends, so tokens cannot be guessed quickly.</summary>
        [Range(1, 1_000_000)] public int FailedTokensPerAddressPerMinute { get; set; } = 20;

        /// <summary>Addresses of the reverse proxies (TLS terminators) whose X-Forwarded-For and X-Forwarded-Proto are
        /// believed, e.g. <c>10.0.0.5</c>. Loopback is always believed. Headers from anyone else are ignored.</summary>
        public string[] KnownProxies { get; set; } = [];

        /// <summary>Networks of such proxies in CIDR form, e.g. <c>10.0.0.0/24</c>.</summary>
        public string[] KnownNetworks { get; set; } = [];
    }

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
