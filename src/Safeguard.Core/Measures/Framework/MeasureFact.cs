using Microsoft.EntityFrameworkCore;

namespace Safeguard.Core.Measures.Framework;

/// <summary>One thing a measure counts (a missing episode whose return interview was due, a PPN, a charging file
/// decided…), projected from the event log beside the cases, so that measures are grouped and counted in the
/// database (M1) and every figure can name the cases behind it (M2).</summary>
/// <remarks>Facts are replaced with their stream (<see cref="Stream"/>) whenever its events change, and rebuilt with the
/// cases (<c>safeguard rebuild-cases</c>), so they never disagree with the log. A fact holds what happened, not a
/// verdict that depends on settings or the clock: a deadline measure keeps the time taken (<see cref="Value"/>) and the
/// query compares it with the setting in force and counts the fact only once it is due.</remarks>
public sealed class MeasureFact
{
    public long Id { get; set; }
    /// <summary>The measure's id in <see cref="MeasureCatalogue"/>.</summary>
    public string Measure { get; set; } = "";
    /// <summary>The projection stream the fact came from: it is replaced with the stream.</summary>
    public string Stream { get; set; } = "";
    /// <summary>The case behind the fact (<see cref="Cases.CaseTypes"/>), or for a fact about one event, <c>event</c> and its id.</summary>
    public string CaseType { get; set; } = "";
    public string CaseId { get; set; } = "";
    /// <summary>The child (or person) the fact is about; restricted records are left out of counts for those who may not see them.</summary>
    public Guid? PersonId { get; set; }
    /// <summary>The team that recorded or holds the case, its BCU, and the local authority it serves.</summary>
    public string? Team { get; set; }
    public string? Bcu { get; set; }
    public string? LocalAuthority { get; set; }
    /// <summary>The instant that places the fact in a month (<see cref="Month"/>), e.g. when the child was found.</summary>
    public DateTimeOffset At { get; set; }
    /// <summary>The Europe/London calendar month of <see cref="At"/> as year × 12 + month − 1 (<see cref="MonthKey"/>).</summary>
    public int Month { get; set; }
    /// <summary>For a yes/no measure: whether the fact is in the numerator (views recorded, held overnight…).</summary>
    public bool Met { get; set; }
    /// <summary>For a deadline or duration measure: the time taken in the measure's unit (hours or days); null when not
    /// done (yet).</summary>
    public double? Value { get; set; }
}

/// <summary>The measure facts table.</summary>
public static class MeasureModel
{
    public static void ConfigureMeasures(this ModelBuilder b)
    {
        b.Entity<MeasureFact>(e =>
        {
            e.ToTable("measure_facts");
            e.HasKey(f => f.Id);
            e.Property(f => f.Measure).HasMaxLength(60);
            e.Property(f => f.Stream).HasMaxLength(200);
            e.Property(f => f.CaseType).HasMaxLength(40);
            e.Property(f => f.CaseId).HasMaxLength(200);
            e.Property(f => f.Team).HasMaxLength(40);
            e.Property(f => f.Bcu).HasMaxLength(40);
            e.Property(f => f.LocalAuthority).HasMaxLength(200);
            e.HasIndex(f => new { f.Measure, f.Month });
            e.HasIndex(f => f.Stream);
        });
    }
}
