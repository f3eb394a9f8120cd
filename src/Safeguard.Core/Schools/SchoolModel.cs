using Microsoft.EntityFrameworkCore;

namespace Safeguard.Core.Schools;

/// <summary>The schools and school term tables (Operation Encompass reference data).</summary>
public static class SchoolModel
{
    public static void ConfigureSchools(this ModelBuilder b)
    {
        b.Entity<School>(e =>
        {
            e.ToTable("schools");
            e.HasKey(s => s.Code);
            e.Property(s => s.Code).HasMaxLength(40);
            e.Property(s => s.Name).HasMaxLength(200);
            e.Property(s => s.LocalAuthority).HasMaxLength(200);
            e.Property(s => s.KeyAdultName).HasMaxLength(200);
            e.Property(s => s.KeyAdultContact).HasMaxLength(200);
            e.Property(s => s.Version).IsConcurrencyToken();
            e.HasIndex(s => s.LocalAuthority);
        });
        b.Entity<SchoolTerm>(e =>
        {
            e.ToTable("school_terms");
            e.HasKey(t => t.Id);
            e.Property(t => t.LocalAuthority).HasMaxLength(200);
            e.Property(t => t.Name).HasMaxLength(100);
            e.HasIndex(t => new { t.LocalAuthority, t.StartDate });
        });
    }
}
