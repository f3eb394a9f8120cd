using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Derivation;
using Safeguard.Core.Flags;
using Safeguard.Core.Work;

namespace Safeguard.Core.Data;

/// <summary>The tables and columns of the whole-history engine (migration <c>EngineDerivation</c>): who owns each
/// rule output, its lifecycle, the durable timers and the re-derivation jobs.</summary>
internal static class DerivationModel
{
    public static void ConfigureDerivation(this ModelBuilder b)
    {
        b.Entity<WorkTask>(e => e.HasIndex(t => t.DerivedFor));
        b.Entity<Alert>(e => e.HasIndex(a => a.DerivedFor));
        b.Entity<FlagReason>(e => e.HasIndex(r => r.DerivedFor));
        b.Entity<ClockTimer>(e =>
        {
            e.ToTable("timers");
            e.HasIndex(t => t.Key).IsUnique();
            e.HasIndex(t => new { t.FiredAt, t.DueAt });
            e.HasIndex(t => t.DerivedFor);
            e.Property(t => t.What).HasMaxLength(30);
        });
        b.Entity<DerivationJob>(e =>
        {
            e.ToTable("derivation_jobs");
            e.HasIndex(j => j.FinishedAt);
            e.Property(j => j.Cause).HasMaxLength(500);
        });
    }
}
