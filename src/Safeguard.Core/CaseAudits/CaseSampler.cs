using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Safeguard.Core.CaseAudits;

/// <summary>A case that may be drawn: its stratum (annex case type × BCU) and who it is about.</summary>
public sealed record SampleCandidate(string AuditType, string Bcu, string CaseType, string CaseId, Guid? PersonId, DateTimeOffset OpenedAt);

/// <summary>The stratified random sample of N1, reproducible from a seed (docs/case-audits.md "Sampling"). Pure.
/// <para>Each case is given a sort key: the first eight bytes of SHA-256 of "seed|case type/case id", read as an unsigned
/// number. Within each stratum (annex case type × BCU) the cases are put in order of their keys (ties by case type and id)
/// and the first <c>perStratum</c> are drawn: equal allocation, and a stratum with fewer cases gives all it has. The key
/// depends only on the seed and the case, so the same seed on the same cases draws the same sample whatever order they are
/// read in, another seed draws another, and a case added to one stratum cannot change what another stratum draws.</para></summary>
public static class CaseSampler
{
    public static IReadOnlyList<SampleCandidate> Draw(IEnumerable<SampleCandidate> candidates, long seed, int perStratum)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(perStratum, 1);
        var typeOrder = AuditCaseTypes.Codes.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i);
        return candidates
            .DistinctBy(c => (c.CaseType, c.CaseId))
            .GroupBy(c => (c.AuditType, c.Bcu))
            .OrderBy(g => typeOrder.GetValueOrDefault(g.Key.AuditType, int.MaxValue)).ThenBy(g => g.Key.Bcu, StringComparer.Ordinal)
            .SelectMany(g => g.OrderBy(c => Key(seed, c)).ThenBy(c => c.CaseType, StringComparer.Ordinal).ThenBy(c => c.CaseId, StringComparer.Ordinal)
                .Take(perStratum))
            .ToList();
    }

    /// <summary>The case's sort key under the seed.</summary>
    public static ulong Key(long seed, SampleCandidate c)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes($"{seed}|{c.CaseType}/{c.CaseId}"));
        return BinaryPrimitives.ReadUInt64BigEndian(bytes);
    }
}
