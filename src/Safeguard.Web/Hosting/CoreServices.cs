using Safeguard.Core.Search;
using Safeguard.Core.AccessLog;
using Safeguard.Core.Flags;
using Safeguard.Core.Import;
using Safeguard.Core.MatchReviews;
using Safeguard.Core.Organisation;
using Safeguard.Core.Profiles;
using Safeguard.Core.Records;
using Safeguard.Core.Derivation;
using Safeguard.Core.Rules;

namespace Safeguard.Web.Hosting;

/// <summary>The product's services, one scope per request. The CLI compiles this file too, so the
/// importer builds exactly the services the web host does.</summary>
public static class CoreServices
{
    public static IServiceCollection AddSafeguardCore(this IServiceCollection services)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddScoped<AuditLog>();
        services.AddSingleton<AccessLogWriter>();
        services.AddScoped<Core.AccessLog.AccessLogSearch>();
        services.AddScoped<Core.Retention.RetentionReviews>();
        services.AddScoped<Core.CaseAudits.CaseAuditService>();
        services.AddScoped<PersonAccess>();
        services.AddScoped<Restrictions>();
        services.AddScoped<PeopleService>();
        services.AddScoped<EventService>();
        services.AddScoped<EventChecks>();
        services.AddScoped<Core.Investigations.InvestigationChecks>();
        services.AddScoped<Core.Investigations.InvestigationService>();
        services.AddScoped<Core.Investigations.TeamAdministration>();
        services.AddScoped<Core.Offenders.OffenderAddressLinks>();
        services.AddScoped<Core.Offenders.OffenderManagement>();
        services.AddScoped<Core.Cases.CaseProjector>();
        services.AddScoped<Core.Cases.CaseService>();
        services.AddScoped<Core.DomesticAbuse.MaracCases>();
        services.AddScoped<Core.Meetings.MeetingService>();
        services.AddScoped<RulesRunner>();
        services.AddScoped<ClockWork>();
        services.AddScoped<FlagService>();
        services.AddScoped<ProfileBuilder>();
        services.AddScoped<ExplanationReader>();
        services.AddSingleton(SignInPolicy.Default);
        services.AddScoped<Accounts>();
        services.AddScoped<ActorNames>();
        services.AddScoped<ApiClients>();
        services.AddScoped<UserAdministration>();
        services.AddScoped<Core.Recording.DraftStore>();
        services.AddScoped<Core.Work.Worklist>();
        services.AddScoped<Core.Work.WorkActions>();
        services.AddScoped<Core.Exports.ListExport>();
        services.AddScoped<Core.Missing.MissingHistoryReader>();
        services.AddScoped<Core.Missing.MissingNowReader>();
        services.AddScoped<Core.Custody.CustodyBoard>();
        services.AddScoped<Core.Queues.QueueBoard>();
        services.AddScoped<Core.PoliceProtection.PoliceProtectionBoard>();
        services.AddScoped<Core.Supervision.DailyManagementMeeting>();
        services.AddScoped<Core.Supervision.SupervisorWorkbench>();
        services.AddScoped<Core.Settings.SettingsService>();
        services.AddScoped<Core.Calendar.BankHolidayService>();
        services.AddScoped<Core.Schools.SchoolService>();
        services.AddScoped<Core.Schools.EncompassBoard>();
        services.AddScoped<Core.Referrals.ReferralService>();
        services.AddScoped<MergeService>();
        services.AddScoped<Core.Sharing.Shares>();
        services.AddScoped<Core.Sharing.PartnerPortal>();
        services.AddScoped<Core.Organisation.PartnerOrganisations>();
        services.AddScoped<Core.Flags.FlagJoins>();
        services.AddScoped<PersonMatcher>();
        services.AddScoped<MatchReviewService>();
        services.AddScoped<Importer>();
        services.AddScoped<Core.Search.PeopleFinder>();
        services.AddScoped<Core.Measures.RecordingQuality>();
        services.AddScoped<Core.Measures.Framework.MeasureService>();
        services.AddScoped<Core.Measures.Report.ChildViewsExtracts>();
        return services;
    }
}
