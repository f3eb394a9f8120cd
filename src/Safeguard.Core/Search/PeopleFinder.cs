using Safeguard.Core.AccessLog;
using Safeguard.Core.Organisation;
using Safeguard.Core.Records;

namespace Safeguard.Core.Search;

/// <summary>Every search for people a user makes, wherever it is made (search page, person pickers in
/// journeys, the API): only people the actor may see, a summary access-log entry and one per person found (P2).
/// The search terms are not logged: they are personal data the results already identify.</summary>
public sealed class PeopleFinder(PersonAccess access, AuditLog audit)
{
    public async Task<IReadOnlyList<PersonHit>> FindAsync(Actor actor, PersonQuery query, int limit, string purpose, CancellationToken ct = default)
    {
        var hits = await PersonSearch.FindAsync(access.Visible(actor), query, limit, ct);
        await audit.RecordListNowAsync(actor, AuditActions.Search, "people", hits.Select(h => (Guid?)h.Person.Id), $"{purpose}: {hits.Count} results", ct: ct);
        return hits;
    }

    /// <summary>One page of everyone found (likeliest first), with the true number found: nothing is silently cut
    /// off at a fixed number. The access-log entry names the people on the page shown.</summary>
    public async Task<(IReadOnlyList<PersonHit> Hits, int Total)> FindPageAsync(Actor actor, PersonQuery query, int page, int pageSize,
        string purpose, CancellationToken ct = default)
    {
        var skip = (int)Math.Min(int.MaxValue, (Math.Max(1L, page) - 1) * Math.Max(0, pageSize));
        var (hits, total) = await PersonSearch.FindPageAsync(access.Visible(actor), query, skip, pageSize, ct);
        await audit.RecordListNowAsync(actor, AuditActions.Search, "people", hits.Select(h => (Guid?)h.Person.Id),
            $"{purpose}: {total} results, page {Math.Max(1, page)}", ct: ct);
        return (hits, total);
    }
}
