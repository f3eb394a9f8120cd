using Microsoft.Extensions.DependencyInjection;
using Safeguard.Core.Data;

namespace Safeguard.Core.Derivation;

/// <summary>Derives many people's outputs again from their whole histories (E6), a batch of people per transaction, each
/// batch in its own scope so nothing piles up in memory: for <c>safeguard rederive</c> and after a bulk load.</summary>
public static class Rederivation
{
    /// <summary>People derived per transaction.</summary>
    public const int BatchSize = 50;

    public static async Task RunAsync(IServiceProvider services, IReadOnlyList<Guid> people, string cause, CancellationToken ct = default)
    {
        foreach (var batch in people.Chunk(BatchSize))
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<SafeguardDb>();
            var rules = scope.ServiceProvider.GetRequiredService<RulesRunner>();
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await rules.RederiveAsync(batch, cause, ct: ct);
            await tx.CommitAsync(ct);
        }
    }
}
