using Microsoft.Data.Sqlite;
using Npgsql;

namespace Safeguard.Web.Hosting;

/// <summary>Recognises the database being briefly busy, which is answered <c>503 busy</c> with
/// <c>Retry-After</c> (API.md "Decisions"), never a 500: SQLite's BUSY and LOCKED past the busy timeout;
/// PostgreSQL's serialisation failure (40001), deadlock (40P01) and lock timeout (55P03); and no free
/// connection in the pool. Nothing of the request was written: its transaction rolled back.</summary>
public static class DatabaseBusy
{
    /// <summary>Seconds a client is asked to wait before trying again.</summary>
    public const int RetryAfterSeconds = 2;

    private const int SqliteBusy = 5, SqliteLocked = 6;
    private static readonly string[] PostgresBusyStates = ["40001", "40P01", "55P03"];

    public static bool Is(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case SqliteException s when (s.SqliteErrorCode & 0xff) is SqliteBusy or SqliteLocked:
                case PostgresException p when PostgresBusyStates.Contains(p.SqlState):
                case NpgsqlException { InnerException: TimeoutException }: // the pool had no free connection in time
                    return true;
            }
        }
        return false;
    }

    /// <summary>Asks the client to come back shortly.</summary>
    public static void AddRetryAfter(HttpResponse response) => response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
