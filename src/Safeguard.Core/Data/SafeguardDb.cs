using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Safeguard.Core.AccessLog;
using Safeguard.Core.Calendar;
using Safeguard.Core.Flags;
using Safeguard.Core.Import;
using Safeguard.Core.MatchReviews;
using Safeguard.Core.Organisation;
using Safeguard.Core.Recording;
using Safeguard.Core.Records;
using Safeguard.Core.Settings;
using Safeguard.Core.Work;

namespace Safeguard.Core.Data;

/// <summary>The one database of Safeguard. Provider-neutral: SQLite by default, PostgreSQL in production;
/// each provider keeps its own migrations (Safeguard.Data.Sqlite, Safeguard.Data.Postgres).</summary>
public sealed class SafeguardDb(DbContextOptions<SafeguardDb> options) : DbContext(options)
{
    public DbSet<Person> People => Set<Person>();
    public DbSet<PersonSourceRef> PersonSourceRefs => Set<PersonSourceRef>();
    public DbSet<PersonVersion> PersonVersions => Set<PersonVersion>();
    public DbSet<Search.PersonAliasKey> PersonAliasKeys => Set<Search.PersonAliasKey>();
    public DbSet<Event> Events => Set<Event>();
    public DbSet<EventParticipant> EventParticipants => Set<EventParticipant>();
    public DbSet<EventVersion> EventVersions => Set<EventVersion>();
    public DbSet<Relationship> Relationships => Set<Relationship>();
    public DbSet<RestrictedAccess> RestrictedAccess => Set<RestrictedAccess>();
    public DbSet<Sharing.Share> Shares => Set<Sharing.Share>();
    public DbSet<RecordedObject> Objects => Set<RecordedObject>();
    public DbSet<Flag> Flags => Set<Flag>();
    public DbSet<FlagReason> FlagReasons => Set<FlagReason>();
    public DbSet<FlagHistoryEntry> FlagHistory => Set<FlagHistoryEntry>();
    public DbSet<WorkTask> Tasks => Set<WorkTask>();
    public DbSet<Alert> Alerts => Set<Alert>();
    public DbSet<AuditEntry> Audit => Set<AuditEntry>();
    public DbSet<Draft> Drafts => Set<Draft>();
    public DbSet<Bcu> Bcus => Set<Bcu>();
    public DbSet<Team> Teams => Set<Team>();
    public DbSet<PartnerOrganisation> Organisations => Set<PartnerOrganisation>();
    public DbSet<User> Users => Set<User>();
    public DbSet<WorklistLook> WorklistLooks => Set<WorklistLook>();
    public DbSet<ApiClient> ApiClients => Set<ApiClient>();
    public DbSet<SettingValue> Settings => Set<SettingValue>();
    public DbSet<BankHoliday> BankHolidays => Set<BankHoliday>();
    public DbSet<Core.Schools.School> Schools => Set<Core.Schools.School>();
    public DbSet<Core.Schools.SchoolTerm> SchoolTerms => Set<Core.Schools.SchoolTerm>();
    public DbSet<PersonMerge> PersonMerges => Set<PersonMerge>();
    public DbSet<MatchReview> MatchReviews => Set<MatchReview>();
    public DbSet<ImportRun> ImportRuns => Set<ImportRun>();
    public DbSet<Cases.Case> Cases => Set<Cases.Case>();
    public DbSet<Cases.CasePerson> CasePeople => Set<Cases.CasePerson>();
    public DbSet<Cases.CaseAction> CaseActions => Set<Cases.CaseAction>();
    public DbSet<Cases.EventReference> EventReferences => Set<Cases.EventReference>();
    public DbSet<Derivation.ClockTimer> Timers => Set<Derivation.ClockTimer>();
    public DbSet<Derivation.DerivationJob> DerivationJobs => Set<Derivation.DerivationJob>();
    public DbSet<Retention.RetentionDecision> RetentionDecisions => Set<Retention.RetentionDecision>();
    public DbSet<Measures.Framework.MeasureFact> MeasureFacts => Set<Measures.Framework.MeasureFact>();
    public DbSet<CaseAudits.CaseAuditExercise> CaseAuditExercises => Set<CaseAudits.CaseAuditExercise>();
    public DbSet<CaseAudits.CaseAuditCase> CaseAuditCases => Set<CaseAudits.CaseAuditCase>();
    public DbSet<CaseAudits.CaseAuditGrading> CaseAuditGradings => Set<CaseAudits.CaseAuditGrading>();
    public DbSet<CaseAudits.CaseAuditRecommendation> CaseAuditRecommendations => Set<CaseAudits.CaseAuditRecommendation>();

    public bool IsSqlite => Database.ProviderName == "Microsoft.EntityFrameworkCore.Sqlite";

    protected override void ConfigureConventions(ModelConfigurationBuilder builder)
    {
        // Instants are stored in UTC. SQLite has no instant type, so they are stored as UTC ticks,
        // which keeps ordering and comparison in SQL correct; PostgreSQL uses timestamptz.
        if (IsSqlite)
            builder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
        else
            builder.Properties<DateTimeOffset>().HaveConversion<UtcConverter>();
    }

    /// <summary>The facts of CSE flags added or changed are written in the same save (FlagMeasureFacts).
    /// Access-log rows being added are numbered and hash-chained (<see cref="AuditChain"/>) inside the
    /// transaction that saves them; one is begun here if the caller has none.</summary>
    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        Measures.Families.FlagMeasureFacts.BeforeSave(this);
        Search.PersonAliasKeys.BeforeSave(this);
        var added = AddedAuditRows();
        if (added.Count == 0) return base.SaveChanges(acceptAllChangesOnSuccess);
        if (Database.CurrentTransaction is not null)
        {
            AuditChain.Link(this, added);
            return base.SaveChanges(acceptAllChangesOnSuccess);
        }
        using var tx = Database.BeginTransaction();
        AuditChain.Link(this, added);
        var n = base.SaveChanges(acceptAllChangesOnSuccess);
        tx.Commit();
        return n;
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        // CSE flags raised and confirmed (M1) are facts written with the flag itself.
        await Measures.Families.FlagMeasureFacts.BeforeSaveAsync(this, cancellationToken);
        await Search.PersonAliasKeys.BeforeSaveAsync(this, cancellationToken);
        var added = AddedAuditRows();
        if (added.Count == 0) return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        if (Database.CurrentTransaction is not null)
        {
            await AuditChain.LinkAsync(this, added, cancellationToken);
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        await using var tx = await Database.BeginTransactionAsync(cancellationToken);
        await AuditChain.LinkAsync(this, added, cancellationToken);
        var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return saved;
    }

    /// <summary>The access-log rows about to be inserted, in the order they were recorded.</summary>
    private List<Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry<AuditEntry>> AddedAuditRows() =>
        ChangeTracker.Entries<AuditEntry>().Where(e => e.State == EntityState.Added).ToList();

    protected override void OnModelCreating(ModelBuilder b)
    {
        b.Entity<Person>(e =>
        {
            e.ToTable("people");
            e.Property(p => p.Forename).HasMaxLength(100);
            e.Property(p => p.Surname).HasMaxLength(100);
            e.Property(p => p.Gender).HasMaxLength(20);
            e.Property(p => p.Postcode).HasMaxLength(10);
            e.Property(p => p.Unit).HasMaxLength(40);
            // Search reads a surname's start as a range on its folded key (PersonSearch): on PostgreSQL the key is compared by
            // code point whatever the database's locale, so that every key starting with the prefix falls inside the range.
            if (!IsSqlite) e.Property(p => p.SurnameKey).UseCollation("C");
            e.HasIndex(p => p.SurnameKey);
            e.HasIndex(p => p.ForenameKey);
            e.HasIndex(p => p.SurnamePhonetic);
            e.HasIndex(p => p.ForenamePhonetic);
            e.HasIndex(p => p.DateOfBirth);
            e.HasIndex(p => p.Postcode);
            e.Property(p => p.Version).IsConcurrencyToken();
            e.HasMany(p => p.SourceRefs).WithOne().HasForeignKey(r => r.PersonId);
            e.Ignore(p => p.FullName);
        });
        b.Entity<PersonSourceRef>(e =>
        {
            e.ToTable("person_source_refs");
            e.HasIndex(r => new { r.System, r.SourceId }).IsUnique();
        });
        b.Entity<Search.PersonAliasKey>(e =>
        {
            e.ToTable("person_alias_keys");
            e.Property(k => k.Key).HasMaxLength(Search.PersonAliasKeys.MaxLength);
            if (!IsSqlite) e.Property(k => k.Key).UseCollation("C");
            e.HasIndex(k => k.Key);
            e.HasIndex(k => k.PersonId);
            e.HasOne<Person>().WithMany(p => p.AliasKeys).HasForeignKey(k => k.PersonId);
        });
        b.Entity<PersonVersion>(e => { e.ToTable("person_versions"); e.HasIndex(v => new { v.PersonId, v.Version }).IsUnique(); });

        b.Entity<Event>(e =>
        {
            e.ToTable("events");
            e.Property(x => x.Id).HasMaxLength(100);
            e.Property(x => x.Type).HasMaxLength(50);
            e.HasIndex(x => x.Type);
            e.HasIndex(x => x.OccurredAt);
            e.HasIndex(x => x.RecordedAt);
            e.HasMany(x => x.People).WithOne().HasForeignKey(p => p.EventId);
            // A correction based on an older version than the stored one fails rather than overwriting it.
            e.Property(x => x.Version).IsConcurrencyToken();
            if (!IsSqlite) e.Property(x => x.Data).HasColumnType("jsonb");
        });
        b.Entity<EventParticipant>(e =>
        {
            e.ToTable("event_people");
            e.HasIndex(p => new { p.PersonId, p.EventId });
            e.HasIndex(p => new { p.EventId, p.PersonId, p.Role }).IsUnique();
        });
        b.Entity<EventVersion>(e => { e.ToTable("event_versions"); e.HasIndex(v => new { v.EventId, v.Version }).IsUnique(); });
        CaseModel(b);
        CaseAuditModel(b);
        SharingModel(b);
        b.Entity<Relationship>(e => { e.ToTable("relationships"); e.HasIndex(r => r.PersonId); e.HasIndex(r => r.OtherPersonId); });
        b.Entity<RestrictedAccess>(e => { e.ToTable("restricted_access"); e.HasIndex(r => new { r.PersonId, r.ActorId }).IsUnique(); });
        b.Entity<RecordedObject>(e => { e.ToTable("objects"); e.HasIndex(o => o.PersonId); });

        b.Entity<Flag>(e =>
        {
            e.ToTable("flags");
            e.HasIndex(f => new { f.PersonId, f.Code });
            // At most one live flag per person and code (issue 7 point 3, issue 14 point 6).
            e.HasIndex(f => new { f.PersonId, f.Code }, "IX_flags_one_live_per_code").IsUnique()
                .HasFilter("\"Status\" IN ('suggested', 'confirmed')");
            e.HasIndex(f => f.Status);
            e.Property(f => f.Version).IsConcurrencyToken();
            e.HasMany(f => f.Reasons).WithOne().HasForeignKey(r => r.FlagId);
            e.HasMany(f => f.History).WithOne().HasForeignKey(h => h.FlagId);
        });
        b.Entity<FlagReason>(e => { e.ToTable("flag_reasons"); e.HasIndex(r => r.Key); });
        b.Entity<FlagHistoryEntry>(e => e.ToTable("flag_history"));

        b.Entity<WorkTask>(e =>
        {
            e.ToTable("tasks");
            e.HasIndex(t => t.Key).IsUnique();
            e.HasIndex(t => new { t.PersonId, t.Status });
            e.HasIndex(t => new { t.AssignedTo, t.Status, t.DueAt });
            e.Property(t => t.Version).IsConcurrencyToken();
            e.Property(t => t.CompletionNote).HasMaxLength(2000);
        });
        b.Entity<Alert>(e =>
        {
            e.ToTable("alerts");
            e.HasIndex(a => a.Key).IsUnique();
            e.HasIndex(a => a.PersonId);
            e.HasIndex(a => new { a.Audience, a.CreatedAt });
            e.Property(a => a.Version).IsConcurrencyToken();
            e.Property(a => a.AcknowledgeNote).HasMaxLength(2000);
        });

        b.Entity<WorklistLook>(e => { e.ToTable("worklist_looks"); e.HasKey(l => l.ActorId); e.Property(l => l.ActorId).HasMaxLength(200); });

        b.Entity<AuditEntry>(e =>
        {
            e.ToTable("audit");
            // Numbered by AuditChain (1, 2, 3... without gaps) as rows are saved, not by the database.
            e.Property(a => a.PrevHash).HasMaxLength(64);
            e.Property(a => a.Hash).HasMaxLength(64);
            e.HasIndex(a => a.At);
            e.HasIndex(a => a.PersonId);
            e.HasIndex(a => a.ActorId);
        });
        b.Entity<Draft>(e => { e.ToTable("drafts"); e.HasIndex(d => d.OwnerId); });
        // Retention reviews (P5, RT1): append-only decisions; a deletion's row is the person's tombstone.
        b.Entity<Retention.RetentionDecision>(e =>
        {
            e.ToTable("retention_decisions");
            e.HasIndex(d => new { d.PersonId, d.DecidedAt });
            e.Property(d => d.Group).HasMaxLength(40);
            e.Property(d => d.Decision).HasMaxLength(20);
            e.Property(d => d.Reason).HasMaxLength(2000);
            e.Property(d => d.DecidedBy).HasMaxLength(200);
            e.Property(d => d.DecidedByName).HasMaxLength(200);
        });

        b.Entity<Bcu>(e => { e.ToTable("bcus"); e.HasKey(x => x.Code); });
        b.Entity<Team>(e => { e.ToTable("teams"); e.HasKey(x => x.Code); });
        b.Entity<PartnerOrganisation>(e => { e.ToTable("organisations"); e.HasKey(x => x.Code); });
        b.Entity<User>(e => { e.ToTable("users"); e.HasIndex(u => u.Username).IsUnique(); });
        b.Entity<ApiClient>(e => { e.ToTable("api_clients"); e.HasIndex(c => c.TokenHash).IsUnique(); });
        b.Entity<SettingValue>(e => { e.ToTable("settings"); e.HasKey(s => s.Key); });
        b.Entity<BankHoliday>(e => { e.ToTable("bank_holidays"); e.HasKey(h => h.Date); });

        b.Entity<PersonMerge>(e =>
        {
            e.ToTable("person_merges");
            e.HasIndex(m => m.SurvivorId);
            e.HasIndex(m => m.MergedId);
            e.Property(m => m.Reason).HasMaxLength(1000);
            e.Property(m => m.Version).IsConcurrencyToken();
        });
        b.Entity<MatchReview>(e =>
        {
            e.ToTable("match_reviews");
            e.HasIndex(r => new { r.IncomingPersonId, r.CandidatePersonId }).IsUnique();
            e.HasIndex(r => new { r.Status, r.CreatedAt });
            e.Property(r => r.Status).HasMaxLength(20);
            e.Property(r => r.Source).HasMaxLength(120);
            e.Property(r => r.Version).IsConcurrencyToken();
        });
        b.Entity<ImportRun>(e =>
        {
            e.ToTable("import_runs");
            e.HasIndex(r => new { r.System, r.InputHash });
        });
        b.ConfigureDerivation();
        Core.Schools.SchoolModel.ConfigureSchools(b);
        Measures.Framework.MeasureModel.ConfigureMeasures(b);
    }

    /// <summary>Cases and event references (Core/Cases): projections of the event log, rebuildable from it.</summary>
    /// <summary>Shares of records with partner organisations (J1): kept after they end, found by person and by organisation.</summary>
    private static void SharingModel(ModelBuilder b)
    {
        b.Entity<Sharing.Share>(e =>
        {
            e.ToTable("shares");
            e.Property(s => s.Scope).HasMaxLength(20);
            e.Property(s => s.EventId).HasMaxLength(100);
            e.Property(s => s.OrganisationCode).HasMaxLength(40);
            e.Property(s => s.LawfulBasis).HasMaxLength(60);
            e.Property(s => s.Purpose).HasMaxLength(1000);
            e.Property(s => s.SharedBy).HasMaxLength(200);
            e.Property(s => s.SharedByName).HasMaxLength(200);
            e.Property(s => s.EndedBy).HasMaxLength(200);
            e.Property(s => s.EndedByName).HasMaxLength(200);
            e.Property(s => s.EndReason).HasMaxLength(1000);
            e.HasIndex(s => s.PersonId);
            e.HasIndex(s => new { s.OrganisationCode, s.EndedAt });
        });
    }

    /// <summary>Case audits (N1–N3): exercises, their sampled cases, gradings and recommendations.</summary>
    private static void CaseAuditModel(ModelBuilder b)
    {
        b.Entity<CaseAudits.CaseAuditExercise>(e =>
        {
            e.ToTable("case_audit_exercises");
            e.Property(x => x.Name).HasMaxLength(200);
            e.Property(x => x.CreatedBy).HasMaxLength(200);
            e.Property(x => x.CreatedByName).HasMaxLength(200);
            e.HasIndex(x => x.CreatedAt);
        });
        b.Entity<CaseAudits.CaseAuditCase>(e =>
        {
            e.ToTable("case_audit_cases");
            e.Property(x => x.AuditType).HasMaxLength(40);
            e.Property(x => x.Bcu).HasMaxLength(100);
            e.Property(x => x.CaseType).HasMaxLength(40);
            e.Property(x => x.CaseId).HasMaxLength(200);
            e.HasIndex(x => new { x.ExerciseId, x.Number }).IsUnique();
            e.HasIndex(x => new { x.ExerciseId, x.CaseType, x.CaseId }).IsUnique();
            e.HasOne<CaseAudits.CaseAuditExercise>().WithMany().HasForeignKey(x => x.ExerciseId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<CaseAudits.CaseAuditGrading>(e =>
        {
            e.ToTable("case_audit_gradings");
            e.Property(x => x.Kind).HasMaxLength(20);
            e.Property(x => x.Overall).HasMaxLength(40);
            e.Property(x => x.Findings).HasMaxLength(4000);
            e.Property(x => x.GradedBy).HasMaxLength(200);
            e.Property(x => x.GradedByName).HasMaxLength(200);
            e.HasIndex(x => new { x.AuditCaseId, x.Kind }).IsUnique();
            e.HasIndex(x => x.ExerciseId);
            e.HasOne<CaseAudits.CaseAuditCase>().WithMany().HasForeignKey(x => x.AuditCaseId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<CaseAudits.CaseAuditRecommendation>(e =>
        {
            e.ToTable("case_audit_recommendations");
            e.Property(x => x.Text).HasMaxLength(4000);
            e.Property(x => x.Owner).HasMaxLength(200);
            e.Property(x => x.Timescale).HasMaxLength(20);
            e.Property(x => x.Status).HasMaxLength(20);
            e.Property(x => x.DoneByName).HasMaxLength(200);
            e.Property(x => x.DoneNote).HasMaxLength(4000);
            e.HasIndex(x => new { x.ExerciseId, x.Number }).IsUnique();
            e.HasOne<CaseAudits.CaseAuditExercise>().WithMany().HasForeignKey(x => x.ExerciseId).OnDelete(DeleteBehavior.Cascade);
        });
    }

    private void CaseModel(ModelBuilder b)
    {
        b.Entity<Cases.Case>(e =>
        {
            e.ToTable("cases");
            e.HasKey(c => new { c.Type, c.Id });
            e.Property(c => c.Type).HasMaxLength(40);
            e.Property(c => c.Id).HasMaxLength(200);
            e.Property(c => c.Stream).HasMaxLength(240);
            e.Property(c => c.Status).HasMaxLength(40);
            e.Property(c => c.Team).HasMaxLength(100);
            e.HasIndex(c => c.Stream);
            e.HasIndex(c => new { c.Type, c.Status });
            e.HasIndex(c => new { c.Team, c.Status });
            e.HasIndex(c => c.OpenedAt);
            if (!IsSqlite) e.Property(c => c.Fields).HasColumnType("jsonb");
            e.HasMany(c => c.People).WithOne().HasForeignKey(p => new { p.CaseType, p.CaseId }).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(c => c.Actions).WithOne().HasForeignKey(a => new { a.CaseType, a.CaseId }).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<Cases.CasePerson>(e =>
        {
            e.ToTable("case_people");
            e.HasIndex(p => new { p.PersonId, p.CaseType });
            e.HasIndex(p => new { p.CaseType, p.CaseId, p.PersonId, p.Role }).IsUnique();
        });
        b.Entity<Cases.CaseAction>(e =>
        {
            e.ToTable("case_actions");
            e.HasIndex(a => new { a.CaseType, a.CaseId, a.Number }).IsUnique();
            e.HasIndex(a => new { a.Owner, a.Status, a.DueDate });
        });
        b.Entity<Cases.EventReference>(e =>
        {
            e.ToTable("event_references");
            e.Property(r => r.Field).HasMaxLength(40);
            e.Property(r => r.Value).HasMaxLength(200);
            e.HasIndex(r => new { r.Value, r.Field });
            e.HasIndex(r => r.EventId);
        });
    }

    private sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
        v => v.UtcTicks, v => new DateTimeOffset(v, TimeSpan.Zero));

    private sealed class UtcConverter() : ValueConverter<DateTimeOffset, DateTimeOffset>(
        v => v.ToUniversalTime(), v => v.ToUniversalTime());
}
