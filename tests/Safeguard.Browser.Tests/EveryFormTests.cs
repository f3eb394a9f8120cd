using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;
using static Safeguard.Browser.Tests.FormFiller;

namespace Safeguard.Browser.Tests;

/// <summary>
/// Issue 8 point 1: every form in the application submitted in a real browser, as the demo role that uses it, with
/// valid answers. Any 4xx or 5xx answer, an error summary on a page that should have moved on, or a page that
/// does not say what the user expects fails the recipe that names the form. The sessions are 320 CSS pixels wide,
/// so every page these journeys show is also measured for sideways scrolling (point 11, WCAG 1.4.10) and run
/// through axe, by the session itself.
/// <para>A form added to a page without a recipe here fails <see cref="Every_form_in_the_app_has_a_browser_recipe"/>,
/// which names it: add it to <see cref="Recipes"/> and submit it in the recipe named there.</para>
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class EveryFormTests(WebAppFixture fixture)
{
    private const string Password = RecordingJourneyTests.DemoPassword;

    /// <summary>Each form (as <see cref="FormCatalogue"/> names it) and the test here that submits it.</summary>
    public static readonly IReadOnlyDictionary<string, string> Recipes = new Dictionary<string, string>
    {
        ["SignIn.cshtml · Sign in"] = nameof(An_officer_signs_in_searches_adds_a_person_and_signs_out),
        ["Shared/_Layout.cshtml · Sign out"] = nameof(An_officer_signs_in_searches_adds_a_person_and_signs_out),
        ["People/Index.cshtml · Search"] = nameof(An_officer_signs_in_searches_adds_a_person_and_signs_out),
        ["People/New.cshtml · Continue"] = nameof(An_officer_signs_in_searches_adds_a_person_and_signs_out),
        ["People/New.cshtml · None of these: add a new person"] = nameof(An_officer_signs_in_searches_adds_a_person_and_signs_out),

        ["Record/Ppn/Step.cshtml · Search"] = nameof(An_officer_records_a_ppn_finding_the_child_by_name),
        ["Record/Ppn/Step.cshtml · Continue"] = nameof(An_officer_records_a_ppn_finding_the_child_by_name),
        ["Record/Ppn/Step.cshtml · Continue #2"] = nameof(An_officer_records_a_ppn_finding_the_child_by_name),
        ["Record/Ppn/Step.cshtml · Continue #3"] = nameof(An_officer_records_a_ppn_finding_the_child_by_name),
        ["Record/Ppn/Step.cshtml · Continue #4"] = nameof(An_officer_records_a_ppn_finding_the_child_by_name),
        ["Record/Ppn/Step.cshtml · Submit notification"] = nameof(An_officer_records_a_ppn_finding_the_child_by_name),

        ["Record/DomesticAbuse/Step.cshtml · Remove"] = nameof(An_officer_records_a_domestic_abuse_incident_adding_and_removing_people),
        ["Record/DomesticAbuse/Step.cshtml · Search"] = nameof(An_officer_records_a_domestic_abuse_incident_adding_and_removing_people),
        ["Record/DomesticAbuse/Step.cshtml · [Add]"] = nameof(An_officer_records_a_domestic_abuse_incident_adding_and_removing_people),
        ["Record/DomesticAbuse/Step.cshtml · Continue"] = nameof(An_officer_records_a_domestic_abuse_incident_adding_and_removing_people),
        ["Record/DomesticAbuse/Step.cshtml · Continue #2"] = nameof(An_officer_records_a_domestic_abuse_incident_adding_and_removing_people),
        ["Record/DomesticAbuse/Step.cshtml · Continue #3"] = nameof(An_officer_records_a_domestic_abuse_incident_adding_and_removing_people),
        ["Record/DomesticAbuse/Step.cshtml · Submit incident"] = nameof(An_officer_records_a_domestic_abuse_incident_adding_and_removing_people),

        ["Shared/_PersonPicker.cshtml · Search"] = nameof(The_control_room_reports_a_child_missing_and_an_officer_records_her_found_checked_interviewed_with_a_trigger_plan),
        ["Missing/Report.cshtml · Continue"] = nameof(The_control_room_reports_a_child_missing_and_an_officer_records_her_found_checked_interviewed_with_a_trigger_plan),
        ["Missing/Report.cshtml · Accept and send"] = nameof(The_control_room_reports_a_child_missing_and_an_officer_records_her_found_checked_interviewed_with_a_trigger_plan),
        ["Missing/Locate.cshtml · Continue"] = nameof(The_control_room_reports_a_child_missing_and_an_officer_records_her_found_checked_interviewed_with_a_trigger_plan),
        ["Missing/Locate.cshtml · Accept and send"] = nameof(The_control_room_reports_a_child_missing_and_an_officer_records_her_found_checked_interviewed_with_a_trigger_plan),
        ["Missing/SafeAndWell.cshtml · Continue"] = nameof(The_control_room_reports_a_child_missing_and_an_officer_records_her_found_checked_interviewed_with_a_trigger_plan),
        ["Missing/SafeAndWell.cshtml · Accept and send"] = nameof(The_control_room_reports_a_child_missing_and_an_officer_records_her_found_checked_interviewed_with_a_trigger_plan),
        ["Missing/ReturnInterview.cshtml · Continue"] = nameof(The_control_room_reports_a_child_missing_and_an_officer_records_her_found_checked_interviewed_with_a_trigger_plan),
        ["Missing/ReturnInterview.cshtml · Accept and send"] = nameof(The_control_room_reports_a_child_missing_and_an_officer_records_her_found_checked_interviewed_with_a_trigger_plan),
        ["People/TriggerPlan/Index.cshtml · Record trigger plan"] = nameof(The_control_room_reports_a_child_missing_and_an_officer_records_her_found_checked_interviewed_with_a_trigger_plan),

        ["Custody/Book.cshtml · Continue"] = nameof(A_custody_officer_books_a_child_in_and_records_the_charge),
        ["Custody/Book.cshtml · Book in"] = nameof(A_custody_officer_books_a_child_in_and_records_the_charge),
        ["Custody/Record.cshtml · Record"] = nameof(A_custody_officer_books_a_child_in_and_records_the_charge),

        ["Queues/Request.cshtml · Continue"] = nameof(An_investigator_requests_a_forensic_examination_and_sends_a_charging_file_and_records_both_done),
        ["Queues/Request.cshtml · Send request"] = nameof(An_investigator_requests_a_forensic_examination_and_sends_a_charging_file_and_records_both_done),
        ["Queues/Complete.cshtml · Continue"] = nameof(An_investigator_requests_a_forensic_examination_and_sends_a_charging_file_and_records_both_done),
        ["Queues/Complete.cshtml · Record completed"] = nameof(An_investigator_requests_a_forensic_examination_and_sends_a_charging_file_and_records_both_done),
        ["Queues/Submit.cshtml · Continue"] = nameof(An_investigator_requests_a_forensic_examination_and_sends_a_charging_file_and_records_both_done),
        ["Queues/Submit.cshtml · Record file sent"] = nameof(An_investigator_requests_a_forensic_examination_and_sends_a_charging_file_and_records_both_done),
        ["Queues/Decision.cshtml · Continue"] = nameof(An_investigator_requests_a_forensic_examination_and_sends_a_charging_file_and_records_both_done),
        ["Queues/Decision.cshtml · Record decision"] = nameof(An_investigator_requests_a_forensic_examination_and_sends_a_charging_file_and_records_both_done),
        ["PoliceProtection/Start.cshtml · Continue"] = nameof(An_officer_takes_a_child_into_police_protection_tells_the_local_authority_and_ends_it),
        ["PoliceProtection/Start.cshtml · Record police protection"] = nameof(An_officer_takes_a_child_into_police_protection_tells_the_local_authority_and_ends_it),
        ["PoliceProtection/Informed.cshtml · Continue"] = nameof(An_officer_takes_a_child_into_police_protection_tells_the_local_authority_and_ends_it),
        ["PoliceProtection/Informed.cshtml · Record local authority told"] = nameof(An_officer_takes_a_child_into_police_protection_tells_the_local_authority_and_ends_it),
        ["PoliceProtection/End.cshtml · Continue"] = nameof(An_officer_takes_a_child_into_police_protection_tells_the_local_authority_and_ends_it),
        ["PoliceProtection/End.cshtml · Record the end"] = nameof(An_officer_takes_a_child_into_police_protection_tells_the_local_authority_and_ends_it),

        ["Offenders/Register.cshtml · Continue"] = nameof(An_offender_manager_registers_an_offender_records_a_visit_and_a_sighting_and_briefs_a_team_who_acknowledge),
        ["Offenders/Register.cshtml · Register offender"] = nameof(An_offender_manager_registers_an_offender_records_a_visit_and_a_sighting_and_briefs_a_team_who_acknowledge),
        ["Offenders/Visit.cshtml · Continue"] = nameof(An_offender_manager_registers_an_offender_records_a_visit_and_a_sighting_and_briefs_a_team_who_acknowledge),
        ["Offenders/Visit.cshtml · Record home visit"] = nameof(An_offender_manager_registers_an_offender_records_a_visit_and_a_sighting_and_briefs_a_team_who_acknowledge),
        ["Offenders/Sighting.cshtml · Continue"] = nameof(An_offender_manager_registers_an_offender_records_a_visit_and_a_sighting_and_briefs_a_team_who_acknowledge),
        ["Offenders/Sighting.cshtml · Record sighting"] = nameof(An_offender_manager_registers_an_offender_records_a_visit_and_a_sighting_and_briefs_a_team_who_acknowledge),
        ["Offenders/Brief.cshtml · Continue"] = nameof(An_offender_manager_registers_an_offender_records_a_visit_and_a_sighting_and_briefs_a_team_who_acknowledge),
        ["Offenders/Brief.cshtml · Send briefing"] = nameof(An_offender_manager_registers_an_offender_records_a_visit_and_a_sighting_and_briefs_a_team_who_acknowledge),
        ["Offenders/Briefings.cshtml · Acknowledge the briefing about"] = nameof(An_offender_manager_registers_an_offender_records_a_visit_and_a_sighting_and_briefs_a_team_who_acknowledge),

        ["Investigations/Open.cshtml · Continue"] = nameof(A_supervisor_opens_allocates_reviews_and_closes_an_investigation_and_an_administrator_sets_a_teams_capacity),
        ["Investigations/Open.cshtml · Open the investigation"] = nameof(A_supervisor_opens_allocates_reviews_and_closes_an_investigation_and_an_administrator_sets_a_teams_capacity),
        ["Investigations/Allocate.cshtml · Continue"] = nameof(A_supervisor_opens_allocates_reviews_and_closes_an_investigation_and_an_administrator_sets_a_teams_capacity),
        ["Investigations/Allocate.cshtml · Allocate the investigation"] = nameof(A_supervisor_opens_allocates_reviews_and_closes_an_investigation_and_an_administrator_sets_a_teams_capacity),
        ["Investigations/Review.cshtml · Continue"] = nameof(A_supervisor_opens_allocates_reviews_and_closes_an_investigation_and_an_administrator_sets_a_teams_capacity),
        ["Investigations/Review.cshtml · Record the review"] = nameof(A_supervisor_opens_allocates_reviews_and_closes_an_investigation_and_an_administrator_sets_a_teams_capacity),
        ["Investigations/Close.cshtml · Continue"] = nameof(A_supervisor_opens_allocates_reviews_and_closes_an_investigation_and_an_administrator_sets_a_teams_capacity),
        ["Investigations/Close.cshtml · Close the investigation"] = nameof(A_supervisor_opens_allocates_reviews_and_closes_an_investigation_and_an_administrator_sets_a_teams_capacity),
        ["Investigations/Index.cshtml · Show investigations"] = nameof(A_supervisor_opens_allocates_reviews_and_closes_an_investigation_and_an_administrator_sets_a_teams_capacity),
        ["Admin/Teams/Edit.cshtml · Save the team"] = nameof(A_supervisor_opens_allocates_reviews_and_closes_an_investigation_and_an_administrator_sets_a_teams_capacity),

        ["Admin/Clients/New.cshtml · Issue token"] = nameof(An_administrator_issues_a_token_to_another_system_and_revokes_it),
        ["Admin/Clients/Index.cshtml · Revoke the token of"] = nameof(An_administrator_issues_a_token_to_another_system_and_revokes_it),

        ["Exploitation/Screening.cshtml · Continue"] = nameof(An_officer_screens_a_child_for_exploitation_and_serves_a_warning_notice),
        ["Exploitation/Screening.cshtml · Record screening"] = nameof(An_officer_screens_a_child_for_exploitation_and_serves_a_warning_notice),
        ["Exploitation/Cawn.cshtml · Continue"] = nameof(An_officer_screens_a_child_for_exploitation_and_serves_a_warning_notice),
        ["Exploitation/Cawn.cshtml · Record notice served"] = nameof(An_officer_screens_a_child_for_exploitation_and_serves_a_warning_notice),

        ["DomesticAbuse/Dash.cshtml · Continue"] = nameof(An_officer_asks_a_victim_the_dash_questions_and_refers_her_to_the_marac),
        ["DomesticAbuse/Dash.cshtml · Record checklist"] = nameof(An_officer_asks_a_victim_the_dash_questions_and_refers_her_to_the_marac),
        ["DomesticAbuse/MaracReferral.cshtml · Continue"] = nameof(An_officer_asks_a_victim_the_dash_questions_and_refers_her_to_the_marac),
        ["DomesticAbuse/MaracReferral.cshtml · Record referral"] = nameof(An_officer_asks_a_victim_the_dash_questions_and_refers_her_to_the_marac),
        ["Meetings/StrategyDiscussion.cshtml · Continue"] = nameof(An_investigator_records_a_strategy_discussion_and_a_conference_marks_an_action_done_and_lists_actions),
        ["Meetings/StrategyDiscussion.cshtml · Record strategy discussion"] = nameof(An_investigator_records_a_strategy_discussion_and_a_conference_marks_an_action_done_and_lists_actions),
        ["Meetings/Record.cshtml · Continue"] = nameof(An_investigator_records_a_strategy_discussion_and_a_conference_marks_an_action_done_and_lists_actions),
        ["Meetings/Record.cshtml · Record meeting"] = nameof(An_investigator_records_a_strategy_discussion_and_a_conference_marks_an_action_done_and_lists_actions),
        ["Meetings/ActionDone.cshtml · Mark as done"] = nameof(An_investigator_records_a_strategy_discussion_and_a_conference_marks_an_action_done_and_lists_actions),
        ["Meetings/Actions.cshtml · Show actions"] = nameof(An_investigator_records_a_strategy_discussion_and_a_conference_marks_an_action_done_and_lists_actions),

        ["People/Flags/New.cshtml · Continue"] = nameof(An_officer_suggests_flags_and_a_supervisor_confirms_rejects_and_ends_them),
        ["People/Flags/New.cshtml · Raise flag"] = nameof(An_officer_suggests_flags_and_a_supervisor_confirms_rejects_and_ends_them),
        ["People/Flags/Decide.cshtml · Continue"] = nameof(An_officer_suggests_flags_and_a_supervisor_confirms_rejects_and_ends_them),
        // The decision button reads "Confirm flag", "Reject flag" or "End flag"; the catalogue sees its fixed word.
        ["People/Flags/Decide.cshtml · flag"] = nameof(An_officer_suggests_flags_and_a_supervisor_confirms_rejects_and_ends_them),
        ["People/Profile.cshtml · Show the profile then"] = nameof(An_officer_suggests_flags_and_a_supervisor_confirms_rejects_and_ends_them),
        ["People/Profile.cshtml · Filter the chronology"] = nameof(An_officer_suggests_flags_and_a_supervisor_confirms_rejects_and_ends_them),

        ["Worklist/Index.cshtml · Filter"] = nameof(A_supervisor_filters_the_worklist_assigns_and_completes_a_task_acknowledges_an_alert_and_marks_all_seen),
        ["Worklist/Index.cshtml · Mark everything as seen"] = nameof(A_supervisor_filters_the_worklist_assigns_and_completes_a_task_acknowledges_an_alert_and_marks_all_seen),
        ["Worklist/Index.cshtml · Complete task"] = nameof(A_supervisor_filters_the_worklist_assigns_and_completes_a_task_acknowledges_an_alert_and_marks_all_seen),
        ["Worklist/Index.cshtml · Assign task"] = nameof(A_supervisor_filters_the_worklist_assigns_and_completes_a_task_acknowledges_an_alert_and_marks_all_seen),
        ["Worklist/Index.cshtml · Acknowledge alert"] = nameof(A_supervisor_filters_the_worklist_assigns_and_completes_a_task_acknowledges_an_alert_and_marks_all_seen),

        ["Matching/Reviews/Review.cshtml · Different people: keep apart"] = nameof(A_supervisor_keeps_one_possible_match_apart_merges_another_and_filters_the_measures),
        ["Matching/Reviews/Review.cshtml · Same person: link merge"] = nameof(A_supervisor_keeps_one_possible_match_apart_merges_another_and_filters_the_measures),
        ["Measures/Recording.cshtml · Show"] = nameof(A_supervisor_keeps_one_possible_match_apart_merges_another_and_filters_the_measures),
        ["Measures/Index.cshtml · Show measures"] = nameof(A_leader_reads_the_measures_by_bcu_opens_the_cases_behind_a_figure_and_downloads_them),
        ["Measures/Report.cshtml · Show the report"] = nameof(A_leader_chooses_a_month_and_prints_the_monthly_report_with_its_charts),

        ["Supervision/DailyMeeting.cshtml · Show the meeting"] = nameof(A_supervisor_records_a_decision_at_the_daily_management_meeting_and_opens_the_workbench),
        ["Supervision/Decision.cshtml · Continue"] = nameof(A_supervisor_records_a_decision_at_the_daily_management_meeting_and_opens_the_workbench),
        ["Supervision/Decision.cshtml · Record decision"] = nameof(A_supervisor_records_a_decision_at_the_daily_management_meeting_and_opens_the_workbench),
        ["Supervision/Workbench.cshtml · Show the team"] = nameof(A_supervisor_records_a_decision_at_the_daily_management_meeting_and_opens_the_workbench),

        ["Admin/Settings/Edit.cshtml · Save"] = nameof(An_administrator_changes_a_setting_adds_a_bank_holiday_and_searches_and_exports_the_access_log),
        ["Admin/BankHolidays.cshtml · Add"] = nameof(An_administrator_changes_a_setting_adds_a_bank_holiday_and_searches_and_exports_the_access_log),
        ["Admin/Audit.cshtml · Search"] = nameof(An_administrator_changes_a_setting_adds_a_bank_holiday_and_searches_and_exports_the_access_log),

        ["CaseAudits/New.cshtml · Continue"] = nameof(CaseAuditJourneyTests.An_auditor_creates_an_exercise_draws_the_sample_grades_a_case_and_tracks_a_recommendation),
        ["CaseAudits/New.cshtml · Create exercise"] = nameof(CaseAuditJourneyTests.An_auditor_creates_an_exercise_draws_the_sample_grades_a_case_and_tracks_a_recommendation),
        ["CaseAudits/Show.cshtml · Draw the sample"] = nameof(CaseAuditJourneyTests.An_auditor_creates_an_exercise_draws_the_sample_grades_a_case_and_tracks_a_recommendation),
        ["CaseAudits/Grade.cshtml · Save grading"] = nameof(CaseAuditJourneyTests.An_auditor_creates_an_exercise_draws_the_sample_grades_a_case_and_tracks_a_recommendation),
        ["CaseAudits/Recommend.cshtml · Add recommendation"] = nameof(CaseAuditJourneyTests.An_auditor_creates_an_exercise_draws_the_sample_grades_a_case_and_tracks_a_recommendation),
        ["CaseAudits/Recommendations.cshtml · Mark done recommendation"] = nameof(CaseAuditJourneyTests.An_auditor_creates_an_exercise_draws_the_sample_grades_a_case_and_tracks_a_recommendation),
        ["Retention/Review.cshtml · Continue"] = nameof(A_supervisor_reviews_a_records_retention_changes_the_answers_and_keeps_it),
        ["Retention/Review.cshtml · Record decision"] = nameof(A_supervisor_reviews_a_records_retention_changes_the_answers_and_keeps_it),
        ["Admin/Schools/Index.cshtml · Add school"] = nameof(An_administrator_adds_a_school_changes_its_key_adult_and_adds_and_removes_a_term),
        ["Admin/Schools/Edit.cshtml · Save changes"] = nameof(An_administrator_adds_a_school_changes_its_key_adult_and_adds_and_removes_a_term),
        ["Admin/SchoolTerms.cshtml · Add term"] = nameof(An_administrator_adds_a_school_changes_its_key_adult_and_adds_and_removes_a_term),
        ["Admin/SchoolTerms.cshtml · Show terms"] = nameof(An_administrator_adds_a_school_changes_its_key_adult_and_adds_and_removes_a_term),
        ["Admin/SchoolTerms.cshtml · Remove"] = nameof(An_administrator_adds_a_school_changes_its_key_adult_and_adds_and_removes_a_term),
        ["Encompass/Notify.cshtml · Continue"] = nameof(An_officer_records_that_a_childs_school_was_told_under_operation_encompass),
        ["Encompass/Notify.cshtml · Record notification"] = nameof(An_officer_records_that_a_childs_school_was_told_under_operation_encompass),
        ["Referrals/Index.cshtml · Show referrals"] = nameof(An_officer_refers_a_child_to_the_mash_and_takes_the_referral_through_screening_answer_assessment_and_closing),
        ["Referrals/Make.cshtml · Continue"] = nameof(An_officer_refers_a_child_to_the_mash_and_takes_the_referral_through_screening_answer_assessment_and_closing),
        ["Referrals/Make.cshtml · Record referral"] = nameof(An_officer_refers_a_child_to_the_mash_and_takes_the_referral_through_screening_answer_assessment_and_closing),
        ["Referrals/Show.cshtml · Record that it was received"] = nameof(An_officer_refers_a_child_to_the_mash_and_takes_the_referral_through_screening_answer_assessment_and_closing),
        ["Referrals/Show.cshtml · Record the answer"] = nameof(An_officer_refers_a_child_to_the_mash_and_takes_the_referral_through_screening_answer_assessment_and_closing),
        ["Referrals/Show.cshtml · Record the assessment as done"] = nameof(An_officer_refers_a_child_to_the_mash_and_takes_the_referral_through_screening_answer_assessment_and_closing),
        ["Referrals/Show.cshtml · Close the referral"] = nameof(An_officer_refers_a_child_to_the_mash_and_takes_the_referral_through_screening_answer_assessment_and_closing),
        ["Referrals/Screening.cshtml · Continue"] = nameof(An_officer_refers_a_child_to_the_mash_and_takes_the_referral_through_screening_answer_assessment_and_closing),
        ["Referrals/Screening.cshtml · Record decision"] = nameof(An_officer_refers_a_child_to_the_mash_and_takes_the_referral_through_screening_answer_assessment_and_closing),

        ["Admin/Users/New.cshtml · Add user"] = nameof(An_administrator_adds_a_user_changes_their_role_resets_their_password_disables_and_enables_them),
        ["Admin/Users/Manage.cshtml · Change role"] = nameof(An_administrator_adds_a_user_changes_their_role_resets_their_password_disables_and_enables_them),
        ["Admin/Users/Manage.cshtml · Reset password"] = nameof(An_administrator_adds_a_user_changes_their_role_resets_their_password_disables_and_enables_them),
        ["Admin/Users/Manage.cshtml · Disable"] = nameof(An_administrator_adds_a_user_changes_their_role_resets_their_password_disables_and_enables_them),
        ["Admin/Users/Manage.cshtml · Enable"] = nameof(An_administrator_adds_a_user_changes_their_role_resets_their_password_disables_and_enables_them),

        ["People/Share.cshtml · Continue"] = nameof(An_officer_shares_a_child_with_social_care_whose_practitioner_sees_that_child_not_another_and_declines_a_referral),
        ["People/Share.cshtml · Share"] = nameof(An_officer_shares_a_child_with_social_care_whose_practitioner_sees_that_child_not_another_and_declines_a_referral),
        ["People/Share.cshtml · End this share"] = nameof(An_officer_shares_a_child_with_social_care_whose_practitioner_sees_that_child_not_another_and_declines_a_referral),
        ["Partner/Referral.cshtml · Send answer"] = nameof(An_officer_shares_a_child_with_social_care_whose_practitioner_sees_that_child_not_another_and_declines_a_referral),
        ["Admin/Organisations/Index.cshtml · Add organisation"] = nameof(An_administrator_adds_a_partner_organisation_and_restricts_a_record_then_lifts_the_restriction),
        ["People/Restriction.cshtml · Save who may see this person"] = nameof(An_administrator_adds_a_partner_organisation_and_restricts_a_record_then_lifts_the_restriction),
        ["People/Restriction.cshtml · Lift the restriction"] = nameof(An_administrator_adds_a_partner_organisation_and_restricts_a_record_then_lifts_the_restriction),
    };

    [Fact]
    public void Every_form_in_the_app_has_a_browser_recipe()
    {
        var forms = FormCatalogue.FormsInTheApp();
        Assert.True(forms.Count > 20, $"Only {forms.Count} forms found: is the page folder where the catalogue looks?");
        var missing = forms.Where(f => !Recipes.ContainsKey(f)).ToList();
        var stale = Recipes.Keys.Where(k => !forms.Contains(k)).ToList();
        Assert.True(missing.Count == 0 && stale.Count == 0,
            (missing.Count == 0 ? "" : "Forms no browser test submits (add a recipe to EveryFormTests.Recipes and submit the form there):\n  " + string.Join("\n  ", missing) + "\n")
            + (stale.Count == 0 ? "" : "Recipes for forms no longer in the app (rename or remove them):\n  " + string.Join("\n  ", stale)));
    }

    [Fact]
    public async Task An_officer_signs_in_searches_adds_a_person_and_signs_out()
    {
        await CreatePersonAsync("Nell", "Everyform", "2015-05-06");
        await using var session = await NarrowSessionAsync();
        var page = session.Page;

        await session.GotoAsync("/sign-in");
        await SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }),
            new Dictionary<string, string> { ["Username"] = "officer", ["Password"] = Password });
        await Expect(page.Locator(".app-account")).ToContainTextAsync("PC Demo Ashworth");

        await session.GotoAsync("/people");
        await SubmitAsync(page, Content(page).GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true }), new Dictionary<string, string>
        {
            ["Name"] = "Nell Everyform", ["Postcode"] = Empty, ["DateOfBirth"] = "6 5 2015",
        });
        await Expect(Content(page).GetByRole(AriaRole.Link, new() { Name = "Nell Everyform" }).First).ToBeVisibleAsync();

        // The same name and date of birth again: the page shows the possible match first, and a new record only on request.
        await session.GotoAsync("/people/new");
        await SubmitAsync(page, Content(page).GetByRole(AriaRole.Button, new() { Name = "Continue" }), new Dictionary<string, string>
        {
            ["Forename"] = "Nell", ["Surname"] = "Everyform", ["DateOfBirth"] = "6 5 2015",
            ["Gender"] = "female", ["AddressLine1"] = "4 Mill Lane", ["Town"] = "Northmoor",
        }, expectErrors: true);
        await SubmitAsync(page, Content(page).GetByRole(AriaRole.Button, new() { Name = "None of these: add a new person" }));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Nell Everyform");

        await SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Sign in");
    }

    [Fact]
    public async Task An_officer_records_a_ppn_finding_the_child_by_name()
    {
        var childId = await CreatePersonAsync("Orla", "Everyformppn", "2014-02-03");
        await using var session = await SignedInAsync("officer");
        var page = session.Page;

        await session.GotoAsync("/record");
        await Content(page).GetByRole(AriaRole.Link, new() { Name = "Public protection notification (PPN)" }).ClickAsync();
        await SubmitAsync(page, Content(page).GetByRole(AriaRole.Button, new() { Name = "Search" }), new Dictionary<string, string> { ["Name"] = "Orla Everyformppn" });
        await SubmitAsync(page, Content(page).GetByRole(AriaRole.Button, new() { Name = "Continue" }), new Dictionary<string, string> { ["ChildId"] = childId });
        await SubmitAsync(page, Content(page).GetByRole(AriaRole.Button, new() { Name = "Continue" }), new Dictionary<string, string> { ["Concerns"] = "neglect" });
        await SubmitAsync(page, Content(page).GetByRole(AriaRole.Button, new() { Name = "Continue" }), new Dictionary<string, string>
        {
            ["Demeanour"] = "Withdrawn, would not make eye contact", ["ChildViews"] = "I want to stay at my nan's",
        });
        await SubmitAsync(page, Content(page).GetByRole(AriaRole.Button, new() { Name = "Continue" }), new Dictionary<string, string>
        {
            ["ImmediateActions"] = "Took Orla to her grandmother with social care's agreement", ["Referred"] = "yes", ["RiskGrade"] = "medium",
        });
        await Expect(page.Locator("[data-testid=check-answers]")).ToContainTextAsync("Withdrawn, would not make eye contact");
        await SubmitAsync(page, Content(page).GetByRole(AriaRole.Button, new() { Name = "Submit notification" }));
        await Expect(page.Locator("[data-testid=confirmation]")).ToContainTextAsync("Public protection notification recorded");
        await Expect(page.Locator("[data-testid=confirmation]")).ToContainTextAsync("Orla Everyformppn");
    }

    [Fact]
    public async Task An_officer_records_a_domestic_abuse_incident_adding_and_removing_people()
    {
        await CreatePersonAsync("Pia", "Everyformda", "2016-08-09");
        await CreatePersonAsync("Rhona", "Everyformda", "1991-03-04");
        await CreatePersonAsync("Saul", "Everyformda", "1989-11-12");
        await using var session = await SignedInAsync("officer");
        var page = session.Page;

        await session.GotoAsync("/record/domestic-abuse/start");
        foreach (var (name, role) in new[] { ("Rhona Everyformda", "victim"), ("Pia Everyformda", "child"), ("Saul Everyformda", "suspect") })
        {
            await SubmitAsync(page, Content(page).GetByRole(AriaRole.Button, new() { Name = "Search" }), new Dictionary<string, string> { ["Name"] = name });
            await SubmitAsync(page, Content(page).GetByRole(AriaRole.Button, new() { Name = $"{role} ({name})", Exact = true }));
        }
        var people = page.Locator("[data-testid=incident-people]");
        await Expect(people).ToContainTextAsync("Saul Everyformda");
        await SubmitAsync(page, people.GetByRole(AriaRole.Button, new() { Name = "Remove Saul Everyformda" }));
        await Expect(people).Not.ToContainTextAsync("Saul Everyformda");

        await SubmitAsync(page, Content(page).GetByRole(AriaRole.Button, new() { Name = "Continue" }));
        await SubmitAsync(page, Content(page).GetByRole(AriaRole.Button, new() { Name = "Continue" }), new Dictionary<string, string>
        {
            ["Summary"] = "Argument in the kitchen; Rhona pushed against the door", ["RiskGrade"] = "medium",
        });
        await SubmitAsync(page, Content(page).GetByRole(AriaRole.Button, new() { Name = "Continue" }), new Dictionary<string, string>
        {
            ["Demeanour"] = "Pia was crying in her room and held her rabbit", ["SeenAndSpokenTo"] = "yes",
        });
        await SubmitAsync(page, Content(page).GetByRole(AriaRole.Button, new() { Name = "Submit incident" }));
        await Expect(page.Locator("[data-testid=confirmation]")).ToContainTextAsync("Domestic abuse");
    }

    [Fact]
    public async Task The_control_room_reports_a_child_missing_and_an_officer_records_her_found_checked_interviewed_with_a_trigger_plan()
    {
        var childId = await CreatePersonAsync("Tess", "Everyformmissing", "2011-10-11");
        string episode;
        await using (var control = await SignedInAsync("control-room"))
        {
            var page = control.Page;
            await control.GotoAsync("/missing/report");
            await SubmitAsync(page, Content(page).GetByRole(AriaRole.Button, new() { Name = "Search" }), new Dictionary<string, string> { ["Name"] = "Tess Everyformmissing" });
            await page.Locator("[data-testid=person-candidates] a").First.ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex($"personId={childId}"));
            await SubmitAsync(page, PrimaryButton(page), new Dictionary<string, string>
            {
                ["RiskGrade"] = "medium", ["ReportedBy"] = "childrens-home", ["LookedAfter"] = "yes", ["LastSeenAt"] = At(8),
                ["LastSeenLocation"] = "Northmoor bus station", ["Circumstances"] = "Left the home after an argument with staff",
            });
            await ConfirmIfCheckingAnswersAsync(page);
            await Expect(page.Locator("main")).ToContainTextAsync("Tess Everyformmissing");
            // The episode's page, or a confirmation page linking to it.
            episode = Regex.Match(page.Url, @"/missing/(?!report|now)([^/?#]+)").Groups[1].Value;
            if (episode.Length == 0)
            {
                var links = await Content(page).Locator("a[href^='/missing/']").EvaluateAllAsync<string[]>("links => links.map(l => l.getAttribute('href'))");
                episode = links.Select(h => Regex.Match(h, @"^/missing/(?!report|now)([^/?#]+)").Groups[1].Value).FirstOrDefault(e => e.Length > 0) ?? "";
            }
            Assert.False(string.IsNullOrEmpty(episode), $"No missing episode in {page.Url}");

            // The control room's list of children missing now, which has no form, shown at 320 px as well.
            await control.GotoAsync("/missing/now");
            await Expect(Content(page)).ToContainTextAsync("Tess Everyformmissing");
        }

        await using var session = await SignedInAsync("officer");
        var officer = session.Page;
        await session.GotoAsync($"/missing/{episode}/locate");
        await SubmitAsync(officer, PrimaryButton(officer), new Dictionary<string, string>
        {
            ["LocatedAt"] = At(11), ["FoundLocation"] = "Kelbeck retail park", ["FoundWithNames"] = "An older boy called Dex",
        });
        await ConfirmIfCheckingAnswersAsync(officer);
        await session.GotoAsync($"/missing/{episode}/safe-and-well");
        await SubmitAsync(officer, PrimaryButton(officer), new Dictionary<string, string>
        {
            ["CheckedAt"] = At(12), ["Officer"] = "PC Demo Ashworth 4127", ["Disclosures"] = Empty,
            ["Narrative"] = "Tess said she had been at the retail park all night and was cold and hungry",
        });
        await ConfirmIfCheckingAnswersAsync(officer);
        await session.GotoAsync($"/missing/{episode}/return-interview");
        await SubmitAsync(officer, PrimaryButton(officer), new Dictionary<string, string>
        {
            ["OfferedAt"] = At(13), ["Outcome"] = "held", ["HeldAt"] = At(14), ["ByAgency"] = "Northmoor independent return service",
            ["Disclosures"] = Empty,
        });
        await ConfirmIfCheckingAnswersAsync(officer);
        await session.GotoAsync($"/missing/{episode}");
        var main = Content(officer);
        await Expect(main).ToContainTextAsync("Kelbeck retail park");
        await Expect(main.GetByRole(AriaRole.Link, new() { Name = "Record the safe-and-well check" })).ToHaveCountAsync(0);

        await session.GotoAsync($"/people/{childId}/trigger-plan");
        await SubmitAsync(officer, Content(officer).GetByRole(AriaRole.Button, new() { Name = "Record trigger plan" }), new Dictionary<string, string>
        {
            ["Description"] = "Slim, shoulder-length brown hair, usually wears a green parka", ["Phones"] = "07700 900123",
            ["ReviewDate"] = DateTime.UtcNow.AddMonths(3).ToString("yyyy-MM-dd"),
        });
        await Expect(Content(officer)).ToContainTextAsync("Slim, shoulder-length brown hair");

        // The pages the profile leads to, which have no form, at 320 px: a record, its versions, the printable profile.
        await session.GotoAsync($"/people/{childId}");
        await Content(officer).Locator("[data-testid=chronology] a[href^='/events/']").First.ClickAsync();
        await Expect(officer).ToHaveURLAsync(new Regex("/events/"));
        await Content(officer).GetByRole(AriaRole.Link, new() { Name = "Full history of this record" }).ClickAsync();
        await Expect(officer).ToHaveURLAsync(new Regex("/versions$"));
        await session.GotoAsync($"/people/{childId}/print");
        await Expect(officer.GetByTestId("print-chronology")).ToContainTextAsync("Reported missing");
    }

    [Fact]
    public async Task A_custody_officer_books_a_child_in_and_records_the_charge()
    {
        var childId = await CreatePersonAsync("Ivo", "Everyformcustody", "2010-02-03");
        await using var session = await SignedInAsync("custody-officer");
        var page = session.Page;
        await session.GotoAsync($"/custody/book?personId={childId}");
        await SubmitAsync(page, Content(page).GetByRole(AriaRole.Button, new() { Name = "Continue" }), new Dictionary<string, string>
        {
            ["AppropriateAdult"] = "His aunt, Mirela Ionescu", ["Offence"] = "Criminal damage", ["Station"] = "Northmoor custody suite",
        });
        await Expect(page.Locator("main")).ToContainTextAsync("His aunt, Mirela Ionescu");
        await SubmitAsync(page, Content(page).GetByRole(AriaRole.Button, new() { Name = "Book in" }));
        await Expect(page).ToHaveURLAsync(new Regex("/custody/CUS-"));
        await Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("Ivo Everyformcustody booked into custody");

        await session.GotoAsync(page.Url + "/record/charge");
        await SubmitAsync(page, Content(page).GetByRole(AriaRole.Button, new() { Name = "Record", Exact = true }), new Dictionary<string, string> { ["BailRefused"] = "yes" });
        await Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("Recorded: a charge");
    }

    [Fact]
    public async Task An_investigator_requests_a_forensic_examination_and_sends_a_charging_file_and_records_both_done()
    {
        var childId = await CreatePersonAsync("Øyvind", "Everyformqueue", "2011-04-05");
        var suffix = Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        await using var session = await SignedInAsync("investigator");
        var page = session.Page;

        await session.GotoAsync($"/queues/forensic/request?personId={childId}");
        await SubmitAsync(page, Content(page).GetByRole(AriaRole.Button, new() { Name = "Continue" }), new Dictionary<string, string>
        {
            ["RequestId"] = $"DFU-EF-{suffix}", ["Device"] = "Phone, Samsung, cracked screen", ["Examination"] = "Messages with an older man",
            ["Priority"] = "high", ["InvestigationId"] = $"INV-EF-{suffix}", ["RequestedAt"] = At(9),
        });
        await Expect(page.Locator("[data-testid=check-answers]")).ToContainTextAsync("Phone, Samsung, cracked screen");
        await SubmitAsync(page, Content(page).GetByRole(AriaRole.Button, new() { Name = "Send request" }));
        await Expect(page.Locator("[data-testid=confirmation]")).ToContainTextAsync("Øyvind Everyformqueue");

        await session.GotoAsync("/queues/forensic");
        await Expect(page.Locator("[data-testid=queue]")).ToContainTextAsync($"DFU-EF-{suffix}");
        await session.GotoAsync($"/queues/forensic/DFU-EF-{suffix}/complete");
        await SubmitAsync(page, Content(page).GetByRole(AriaRole.Button, new() { Name = "Continue" }), new Dictionary<string, string>
        {
            ["CompletedAt"] = At(11), ["Findings"] = "Messages recovered and exhibited",
        });
        await SubmitAsync(page, Content(page).GetByRole(AriaRole.Button, new() { Name = "Record completed" }));
        await Expect(page.Locator("[data-testid=confirmation]")).ToContainTextAsync("completed");

        await session.GotoAsync($"/queues/charging/submit?personId={childId}");
        await SubmitAsync(page, Content(page).GetByRole(AriaRole.Button, new() { Name = "Continue" }), new Dictionary<string, string>
        {
            ["FileId"] = $"CPS-EF-{suffix}", ["Offence"] = "Sexual communication with a child", ["InvestigationId"] = Empty, ["SubmittedAt"] = At(9),
            ["Notes"] = "Full file",
        });
        await SubmitAsync(page, Content(page).GetByRole(AriaRole.Button, new() { Name = "Record file sent" }));
        await Expect(page.Locator("[data-testid=confirmation]")).ToContainTextAsync("Charging file recorded as sent");

        await session.GotoAsync($"/queues/charging/CPS-EF-{suffix}/decision");
        await SubmitAsync(page, Content(page).GetByRole(AriaRole.Button, new() { Name = "Continue" }), new Dictionary<string, string>
        {
            ["Decision"] = "charge", ["DecidedAt"] = At(12), ["Notes"] = "Charged with sexual communication with a child",
        });
        await SubmitAsync(page, Content(page).GetByRole(AriaRole.Button, new() { Name = "Record decision" }));
        await Expect(page.Locator("[data-testid=confirmation]")).ToContainTextAsync("Charging decision recorded");
        await session.GotoAsync("/queues/charging?status=done");
        await Expect(page.Locator("[data-testid=queue]")).ToContainTextAsync($"CPS-EF-{suffix}");
    }

    [Fact]
    public async Task An_officer_takes_a_child_into_police_protection_tells_the_local_authority_and_ends_it()
    {
        var childId = await CreatePersonAsync("Nadia", "Everyformprotection", "2019-07-08");
        await using var session = await SignedInAsync("officer");
        var page = session.Page;

        await session.GotoAsync($"/police-protection/start?personId={childId}");
        await SubmitAsync(page, Content(page).GetByRole(AriaRole.Button, new() { Name = "Continue" }), new Dictionary<string, string>
        {
            ["StartedAt"] = At(8), ["InitiatingOfficer"] = "PC 12 Ana Díaz", ["DesignatedOfficer"] = "pc12 ana díaz", ["Informed"] = "no",
            ["Circumstances"] = "Found alone at home overnight", ["Accommodation"] = "Emergency foster carer", ["LocalAuthority"] = Empty,
        }, expectErrors: true);
        await Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("must be a different officer");
        await SubmitAsync(page, Content(page).GetByRole(AriaRole.Button, new() { Name = "Continue" }), new Dictionary<string, string>
        {
            ["DesignatedOfficer"] = "Insp 3 Bo Li",
        });
        await Expect(page.Locator("[data-testid=check-answers]")).ToContainTextAsync("Insp 3 Bo Li");
        await SubmitAsync(page, Content(page).GetByRole(AriaRole.Button, new() { Name = "Record police protection" }));
        await Expect(page.Locator("[data-testid=confirmation]")).ToContainTextAsync("Nadia Everyformprotection");
        await Content(page).GetByRole(AriaRole.Link, new() { Name = "Go to this police protection" }).ClickAsync();
        await Expect(page.Locator("[data-testid=police-protection]")).ToContainTextAsync("Not yet");
        var spell = page.Url;

        await session.GotoAsync(spell + "/informed");
        await SubmitAsync(page, Content(page).GetByRole(AriaRole.Button, new() { Name = "Continue" }), new Dictionary<string, string>
        {
            ["InformedAt"] = At(9), ["LocalAuthority"] = "Northmoor Council", ["InformedPerson"] = "Emergency duty team",
        });
        await SubmitAsync(page, Content(page).GetByRole(AriaRole.Button, new() { Name = "Record local authority told" }));
        await Expect(page.Locator("[data-testid=confirmation]")).ToContainTextAsync("Local authority recorded as told");

        await session.GotoAsync(spell + "/end");
        await SubmitAsync(page, Content(page).GetByRole(AriaRole.Button, new() { Name = "Continue" }), new Dictionary<string, string>
        {
            ["EndedAt"] = At(12), ["Outcome"] = "returned-home", ["Reason"] = "Mother returned home; social worker visited",
        });
        await SubmitAsync(page, Content(page).GetByRole(AriaRole.Button, new() { Name = "Record the end" }));
        await Expect(page.Locator("[data-testid=confirmation]")).ToContainTextAsync("recorded as ended");
        await session.GotoAsync("/police-protection/now");
        await Expect(page.Locator("main")).Not.ToContainTextAsync("Nadia Everyformprotection");
    }

    [Fact]
    public async Task An_offender_manager_registers_an_offender_records_a_visit_and_a_sighting_and_briefs_a_team_who_acknowledge()
    {
        var offenderId = await CreatePersonAsync("Ștefan", "Everyformoffender", "1979-08-09");
        await using (var session = await SignedInAsync("offender-manager"))
        {
            var page = session.Page;
            await session.GotoAsync($"/offenders/register?personId={offenderId}");
            await SubmitAsync(page, Content(page).GetByRole(AriaRole.Button, new() { Name = "Continue" }), new Dictionary<string, string>
            {
                ["RegisteredAt"] = At(9), ["RiskLevel"] = "high", ["MappaCategory"] = "1", ["MappaLevel"] = "2", ["Manager"] = "user:offender-manager",
                ["VisitMonths"] = "6", ["RequirementStarted"] = At(9), ["NoFixedAbode"] = "no", ["AddressLine1"] = "12 Canal Street",
                ["Town"] = "Northmoor", ["Postcode"] = "NM1 4AB", ["Notes"] = "Registered after release on licence",
            });
            // Change answers goes back to the form with everything kept; the answers are then sent.
            await SubmitAsync(page, Content(page).GetByRole(AriaRole.Button, new() { Name = "Change answers" }));
            await Expect(page.Locator("#AddressLine1")).ToHaveValueAsync("12 Canal Street");
            await SubmitAsync(page, Content(page).GetByRole(AriaRole.Button, new() { Name = "Continue" }));
            await SubmitAsync(page, Content(page).GetByRole(AriaRole.Button, new() { Name = "Register offender" }));
            await Expect(page.Locator("[data-testid=confirmation]")).ToContainTextAsync("Offender registered");

            await session.GotoAsync($"/offenders/{offenderId}/visit");
            await SubmitAsync(page, Content(page).GetByRole(AriaRole.Button, new() { Name = "Continue" }), new Dictionary<string, string>
            {
                ["VisitedAt"] = At(10), ["Notes"] = "Seen at home; no children at the address",
            });
            await SubmitAsync(page, Content(page).GetByRole(AriaRole.Button, new() { Name = "Record home visit" }));
            await Expect(page.Locator("[data-testid=confirmation]")).ToContainTextAsync("Ștefan Everyformoffender");

            await session.GotoAsync($"/offenders/{offenderId}/sighting");
            await SubmitAsync(page, Content(page).GetByRole(AriaRole.Button, new() { Name = "Continue" }), new Dictionary<string, string>
            {
                ["Kind"] = "sighting", ["SeenAt"] = At(11), ["Location"] = "Outside Northmoor primary school", ["Notes"] = "Standing by the gate at home time",
            });
            await SubmitAsync(page, Content(page).GetByRole(AriaRole.Button, new() { Name = "Record sighting" }));
            await Expect(page.Locator("[data-testid=confirmation]")).ToContainTextAsync("Ștefan Everyformoffender");

            await session.GotoAsync($"/offenders/{offenderId}/brief");
            await SubmitAsync(page, Content(page).GetByRole(AriaRole.Button, new() { Name = "Continue" }), new Dictionary<string, string>
            {
                ["Team"] = "N-RESP", ["Summary"] = "Registered sex offender living at 12 Canal Street; report any contact with children",
            });
            await SubmitAsync(page, Content(page).GetByRole(AriaRole.Button, new() { Name = "Send briefing" }));
            await Expect(page.Locator("[data-testid=confirmation]")).ToContainTextAsync("Ștefan Everyformoffender");
        }

        // The neighbourhood team's officer acknowledges the briefing.
        await using var officer = await SignedInAsync("officer");
        await officer.GotoAsync("/offenders/briefings");
        var acknowledge = Content(officer.Page).GetByRole(AriaRole.Button, new() { Name = "Acknowledge the briefing about Ștefan Everyformoffender" });
        await SubmitAsync(officer.Page, acknowledge.First);
        await Expect(acknowledge).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_supervisor_opens_allocates_reviews_and_closes_an_investigation_and_an_administrator_sets_a_teams_capacity()
    {
        var childId = await CreatePersonAsync("Ștefania", "Everforminvestigation", "2013-02-03");
        var id = "INV-EF-" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        await using (var session = await SignedInAsync("supervisor"))
        {
            var page = session.Page;
            await session.GotoAsync($"/investigations/open?personId={childId}");
            await SubmitAsync(page, Content(page).GetByRole(AriaRole.Button, new() { Name = "Continue" }), new Dictionary<string, string>
            {
                ["InvestigationId"] = id, ["When"] = At(9), ["OffenceTypes"] = "sexual-assault,grooming", ["Team"] = "N-CID",
            });
            await SubmitAsync(page, Content(page).GetByRole(AriaRole.Button, new() { Name = "Change answers" }));
            await Expect(page.Locator("#InvestigationId")).ToHaveValueAsync(id);
            await SubmitAsync(page, Content(page).GetByRole(AriaRole.Button, new() { Name = "Continue" }));
            await SubmitAsync(page, Content(page).GetByRole(AriaRole.Button, new() { Name = "Open the investigation" }));
            await Expect(page.Locator("[data-testid=confirmation]")).ToContainTextAsync("Investigation opened");

            await session.GotoAsync($"/investigations/{id}/allocate");
            await SubmitAsync(page, Content(page).GetByRole(AriaRole.Button, new() { Name = "Continue" }), new Dictionary<string, string>
            {
                ["Team"] = "N-CAIT", ["NonSpecialistReason"] = Empty, ["When"] = At(10),
            });
            await SubmitAsync(page, Content(page).GetByRole(AriaRole.Button, new() { Name = "Allocate the investigation" }));
            await Expect(page.Locator("[data-testid=confirmation]")).ToContainTextAsync("Ștefania Everforminvestigation");

            await session.GotoAsync($"/investigations/{id}/review");
            await SubmitAsync(page, Content(page).GetByRole(AriaRole.Button, new() { Name = "Continue" }), new Dictionary<string, string>
            {
                ["When"] = At(11), ["Checked"] = "Lines of enquiry, the safeguarding plan and contact with the family", ["NextActions"] = "Visit the school\nChase the phone download",
            });
            await SubmitAsync(page, Content(page).GetByRole(AriaRole.Button, new() { Name = "Record the review" }));
            await Expect(page.Locator("[data-testid=confirmation]")).ToContainTextAsync("Supervisory review recorded");

            await session.GotoAsync($"/investigations/{id}/close");
            await SubmitAsync(page, Content(page).GetByRole(AriaRole.Button, new() { Name = "Continue" }), new Dictionary<string, string>
            {
                ["When"] = At(12), ["OutcomeForChild"] = "Suspect charged; the child is supported by an ISVA", ["ChildInformed"] = "yes",
                ["HowInformed"] = "Told at home by the officer in the case with her social worker",
            });
            await SubmitAsync(page, Content(page).GetByRole(AriaRole.Button, new() { Name = "Close the investigation" }));
            await Expect(page.Locator("[data-testid=confirmation]")).ToContainTextAsync("Investigation closed");

            await session.GotoAsync("/investigations");
            await SubmitAsync(page, Content(page).GetByRole(AriaRole.Button, new() { Name = "Show investigations" }), new Dictionary<string, string>
            {
                ["Team"] = "N-CAIT", ["Status"] = "closed",
            });
            await Expect(Content(page).GetByRole(AriaRole.Link, new() { Name = "Ștefania Everforminvestigation" })).ToBeVisibleAsync();
        }

        await using var admin = await SignedInAsync("administrator");
        await admin.GotoAsync("/admin/teams/N-CID");
        await SubmitAsync(admin.Page, Content(admin.Page).GetByRole(AriaRole.Button, new() { Name = "Save the team" }), new Dictionary<string, string>
        {
            ["Capacity"] = "40", ["Skills"] = Empty,
        });
        await Expect(admin.Page.Locator(".govuk-notification-banner")).ToContainTextAsync("capacity 40");
    }

    [Fact]
    public async Task An_administrator_issues_a_token_to_another_system_and_revokes_it()
    {
        await using var session = await SignedInAsync("administrator");
        var page = session.Page;
        await session.GotoAsync("/admin/clients/new");
        await SubmitAsync(page, Content(page).GetByRole(AriaRole.Button, new() { Name = "Issue token" }), new Dictionary<string, string>
        {
            ["Name"] = "northmoor-case-system-everyform", ["Role"] = "investigator", ["Team"] = Empty, ["Organisation"] = Empty,
        });
        await Expect(page.Locator(".govuk-panel")).ToContainTextAsync("Token issued to northmoor-case-system-everyform");
        Assert.False(string.IsNullOrWhiteSpace(await page.GetByTestId("token").TextContentAsync()), "The token is shown once, on this page.");

        await session.GotoAsync("/admin/clients");
        await SubmitAsync(page, Content(page).GetByRole(AriaRole.Button, new() { Name = "Revoke the token of northmoor-case-system-everyform" }));
        await Expect(Content(page).Locator("tr", new() { HasText = "northmoor-case-system-everyform" })).ToContainTextAsync("Revoked");
    }

    [Fact]
    public async Task An_officer_screens_a_child_for_exploitation_and_serves_a_warning_notice()
    {
        var childId = await CreatePersonAsync("Uma", "Everyformcse", "2012-01-02");
        var adultId = await CreatePersonAsync("Vince", "Everyformcse", "1985-06-07");
        await using var session = await SignedInAsync("officer");
        var page = session.Page;

        await session.GotoAsync("/exploitation/screening");
        await SubmitAsync(page, Content(page).GetByRole(AriaRole.Button, new() { Name = "Search" }), new Dictionary<string, string> { ["Name"] = "Uma Everyformcse" });
        await page.Locator("[data-testid=person-candidates] a").First.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"personId={childId}"));
        await SubmitAsync(page, Content(page).GetByRole(AriaRole.Button, new() { Name = "Continue" }),
            new Dictionary<string, string> { ["Notes"] = "Seen getting into cars with older men outside school" });
        await Expect(page.Locator("[data-testid=check-answers]")).ToContainTextAsync("Seen getting into cars");
        await SubmitAsync(page, Content(page).GetByRole(AriaRole.Button, new() { Name = "Record screening" }));
        await Expect(page.Locator("[data-testid=screening-result]")).ToContainTextAsync("Screening recorded");

        await session.GotoAsync($"/exploitation/cawn?personId={childId}&suspectId={adultId}");
        await SubmitAsync(page, Content(page).GetByRole(AriaRole.Button, new() { Name = "Continue" }), new Dictionary<string, string>
        {
            ["ChildStatus"] = "none", ["Notes"] = "Served at his flat in Kelbeck",
        });
        await SubmitAsync(page, Content(page).GetByRole(AriaRole.Button, new() { Name = "Record notice served" }));
        await Expect(page.Locator("[data-testid=confirmation]")).ToContainTextAsync("Child abduction warning notice recorded");
    }

    /// <summary>H1, DA1: a DASH in which the victim answers yes to every question is high risk; the confirmation offers the
    /// MARAC referral, which is checked and recorded, and the MARAC page shows the referral resting on that DASH.
    /// Every page is run through axe by the session.</summary>
    [Fact]
    public async Task An_officer_asks_a_victim_the_dash_questions_and_refers_her_to_the_marac()
    {
        var victimId = await CreatePersonAsync("Łucja", "Everyformdash", "1990-04-05");
        var suspectId = await CreatePersonAsync("Darren", "Everyformdash", "1986-09-10");
        await using var session = await SignedInAsync("officer");
        var page = session.Page;

        await session.GotoAsync("/domestic-abuse/dash");
        await SubmitAsync(page, Content(page).GetByRole(AriaRole.Button, new() { Name = "Search" }), new Dictionary<string, string> { ["Name"] = "Łucja Everyformdash" });
        await page.Locator("[data-testid=person-candidates] a").First.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"personId={victimId}"));
        await session.GotoAsync($"/domestic-abuse/dash?personId={victimId}&suspectId={suspectId}");
        // The filler answers each unanswered question with its first choice, "Yes": 27 "yes" answers.
        await SubmitAsync(page, Content(page).GetByRole(AriaRole.Button, new() { Name = "Continue" }), new Dictionary<string, string>
        {
            ["Answers[q27]"] = "not-known", ["ProfessionalJudgement"] = "none", ["VictimRiskView"] = "high",
            ["VictimAssessment"] = "Łucja says he told her she would not see Christmas",
        });
        await Expect(page.Locator("[data-testid=dash-counts]")).ToContainTextAsync("26 “yes”, 0 “no”, 1 not known");
        await Expect(page.Locator("[data-testid=dash-band]")).ToContainTextAsync("high risk");
        await SubmitAsync(page, Content(page).GetByRole(AriaRole.Button, new() { Name = "Record checklist" }));
        await Expect(page.Locator("[data-testid=confirmation]")).ToContainTextAsync("DASH risk checklist recorded");
        await Expect(page.Locator("main")).ToContainTextAsync("MARAC referral");

        await Content(page).GetByRole(AriaRole.Link, new() { Name = "Refer to the MARAC now" }).ClickAsync();
        await SubmitAsync(page, Content(page).GetByRole(AriaRole.Button, new() { Name = "Continue" }), new Dictionary<string, string>
        {
            ["Area"] = "LA-NMR", ["Reason"] = "DASH: 26 yes answers; she fears for her life",
        });
        await Expect(page.Locator("[data-testid=check-answers]")).ToContainTextAsync("she fears for her life");
        await SubmitAsync(page, Content(page).GetByRole(AriaRole.Button, new() { Name = "Record referral" }));
        await Expect(page.Locator("[data-testid=confirmation]")).ToContainTextAsync("Referral to the MARAC recorded");

        await session.GotoAsync($"/domestic-abuse/marac/{victimId}");
        await Expect(page.Locator("[data-testid=marac-case]")).ToContainTextAsync("26 “yes”, high risk");
        await Expect(page.Locator("[data-testid=marac-tasks]")).ToContainTextAsync("Done");
    }

    [Fact]
    public async Task An_investigator_records_a_strategy_discussion_and_a_conference_marks_an_action_done_and_lists_actions()
    {
        var childId = await CreatePersonAsync("Zoë", "Everyformmeeting", "2016-05-04");
        await using var session = await SignedInAsync("investigator");
        var page = session.Page;
        var due = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow.AddDays(14), TimeZoneInfo.FindSystemTimeZoneById("Europe/London"));
        var dueText = $"{due.Day} {due.Month} {due.Year}";
        Dictionary<string, string> Decisions(string text, string owner)
        {
            var answers = new Dictionary<string, string> { ["Decisions[0].Text"] = text, ["Decisions[0].Owner"] = owner, ["Decisions[0].Due"] = dueText };
            for (var i = 1; i < 5; i++)
            {
                answers[$"Decisions[{i}].Text"] = Empty;
                foreach (var part in new[] { "Day", "Month", "Year" }) answers[$"Decisions[{i}].Due.{part}"] = Empty;
            }
            return answers;
        }

        await session.GotoAsync($"/meetings/strategy-discussion?personId={childId}");
        await SubmitAsync(page, Content(page).GetByRole(AriaRole.Button, new() { Name = "Continue" }), new Dictionary<string, string>(Decisions("Joint visit to Zoë at home with her social worker", "police"))
        {
            ["Agencies"] = "police", ["Section47"] = "yes", ["HeldAt"] = At(10),
        });
        await Expect(page.Locator("[data-testid=check-answers]")).ToContainTextAsync("Joint visit to Zoë");
        await SubmitAsync(page, Content(page).GetByRole(AriaRole.Button, new() { Name = "Record strategy discussion" }));
        await Expect(page.Locator("[data-testid=confirmation]")).ToContainTextAsync("Strategy discussion recorded");
        await Expect(page.Locator("[data-testid=confirmation-next]")).ToContainTextAsync("Initial child protection conference");

        await Content(page).GetByRole(AriaRole.Link, new() { NameRegex = new Regex("Go to the meeting page") }).ClickAsync();
        await Expect(page.Locator("[data-testid=meeting-actions]")).ToContainTextAsync("Open");
        await Content(page).GetByRole(AriaRole.Link, new() { NameRegex = new Regex("Mark as done") }).First.ClickAsync();
        await SubmitAsync(page, Content(page).GetByRole(AriaRole.Button, new() { Name = "Mark as done" }), new Dictionary<string, string>
        {
            ["Note"] = "Visited with Ms Nguyễn; Zoë seen alone",
        });
        await Expect(page.Locator("[data-testid=action-done-banner]")).ToContainTextAsync("Action 1 marked done");
        await Expect(page.Locator("[data-testid=meeting-actions]")).ToContainTextAsync("Visited with Ms Nguyễn");

        await session.GotoAsync($"/meetings/record?personId={childId}");
        await SubmitAsync(page, Content(page).GetByRole(AriaRole.Button, new() { Name = "Continue" }), new Dictionary<string, string>(Decisions("Core group meeting within ten working days", "police"))
        {
            ["Kind"] = "icpc", ["HeldAt"] = At(11), ["InvitedAgencies"] = "police", ["AttendedAgencies"] = "police", ["PoliceAttended"] = "yes",
            ["PoliceAttendee"] = "DS 2041 Ama Owusu", ["PoliceRank"] = "DS", ["PlanCategory"] = "neglect",
        });
        await Expect(page.Locator("[data-testid=check-answers]")).ToContainTextAsync("Detective sergeant (DS)");
        await SubmitAsync(page, Content(page).GetByRole(AriaRole.Button, new() { Name = "Record meeting" }));
        await Expect(page.Locator("[data-testid=confirmation]")).ToContainTextAsync("Initial child protection conference recorded");
        await Expect(page.Locator("[data-testid=confirmation-next]")).ToContainTextAsync("Review conference");

        await session.GotoAsync("/meetings/actions");
        await SubmitAsync(page, Content(page).GetByRole(AriaRole.Button, new() { Name = "Show actions" }), new Dictionary<string, string> { ["Owner"] = "police" });
        await Expect(page.Locator("[data-testid=actions-list]")).ToContainTextAsync("Core group meeting within ten working days");
    }

    [Fact]
    public async Task An_officer_suggests_flags_and_a_supervisor_confirms_rejects_and_ends_them()
    {
        var childId = await CreatePersonAsync("Wren", "Everyformflag", "2013-12-01");
        await using (var officer = await SignedInAsync("officer"))
        {
            var page = officer.Page;
            foreach (var code in new[] { "cce-risk", "looked-after" })
            {
                await officer.GotoAsync($"/people/{childId}/flags/new");
                await SubmitAsync(page, Content(page).GetByRole(AriaRole.Button, new() { Name = "Continue" }), new Dictionary<string, string>
                {
                    ["Code"] = code, ["Reason"] = "Told by her school's safeguarding lead on the phone", ["EventIds"] = Empty,
                });
                await SubmitAsync(page, Content(page).GetByRole(AriaRole.Button, new() { Name = "Raise flag" }));
                await Expect(page.Locator("[data-testid=confirmation]")).ToContainTextAsync("Wren Everyformflag");
            }
        }

        await using var session = await SignedInAsync("supervisor");
        var supervisor = session.Page;
        await session.GotoAsync($"/people/{childId}");
        await DecideFlagAsync(supervisor, "Confirm At risk of child criminal exploitation", "Matches what the school told us");
        await DecideFlagAsync(supervisor, "Reject Looked-after child", "She lives at home with her mother");
        await DecideFlagAsync(supervisor, "End At risk of child criminal exploitation", "Moved away from the group; review at the strategy meeting");
        await Expect(Content(supervisor).GetByRole(AriaRole.Button, new() { Name = "End At risk of child criminal exploitation" })).ToHaveCountAsync(0);

        await Content(supervisor).GetByText("See the profile as it stood at an earlier time").ClickAsync();
        await SubmitAsync(supervisor, Content(supervisor).GetByRole(AriaRole.Button, new() { Name = "Show the profile then" }), new Dictionary<string, string>
        {
            ["AsOf"] = At(9),
        });
        await SubmitAsync(supervisor, Content(supervisor).GetByRole(AriaRole.Button, new() { Name = "Filter the chronology" }));
        await Expect(supervisor.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Wren Everyformflag");
    }

    [Fact]
    public async Task A_supervisor_filters_the_worklist_assigns_and_completes_a_task_acknowledges_an_alert_and_marks_all_seen()
    {
        await using var session = await SignedInAsync("supervisor");
        var page = session.Page;
        await session.GotoAsync("/worklist");
        await SubmitAsync(page, Content(page).GetByRole(AriaRole.Button, new() { Name = "Filter" }));

        var tasks = Content(page).Locator("tr[id^='task-']");
        Assert.True(await tasks.CountAsync() >= 2, "The demo force gives the supervisor's team at least two open tasks.");
        var first = await tasks.First.GetAttributeAsync("id");
        await page.Locator($"#{first} summary", new() { HasText = "Complete or assign" }).ClickAsync();
        var assignTeam = page.Locator($"#{first} select[name=assignTeam]");
        var other = await assignTeam.Locator("option:not([selected])").First.GetAttributeAsync("value");
        await SubmitAsync(page, page.Locator($"#{first}").GetByRole(AriaRole.Button, new() { Name = "Assign task" }), new Dictionary<string, string>
        {
            ["assignTeam"] = other!, ["assignUser"] = Empty,
        });
        await Expect(page.Locator(".govuk-notification-banner")).ToBeVisibleAsync();

        await session.GotoAsync("/worklist");
        var second = await tasks.First.GetAttributeAsync("id");
        await page.Locator($"#{second} summary", new() { HasText = "Complete or assign" }).ClickAsync();
        await SubmitAsync(page, page.Locator($"#{second}").GetByRole(AriaRole.Button, new() { Name = "Complete task" }),
            new Dictionary<string, string> { ["note"] = "Spoke to the allocated social worker; strategy discussion booked" });
        await Expect(page.Locator(".govuk-notification-banner")).ToBeVisibleAsync();
        await Expect(page.Locator($"#{second}")).ToHaveCountAsync(0);

        var acknowledge = Content(page).GetByRole(AriaRole.Button, new() { Name = "Acknowledge alert" });
        Assert.True(await acknowledge.CountAsync() > 0, "The demo force gives the supervisor at least one alert to acknowledge.");
        await SubmitAsync(page, acknowledge.First, new Dictionary<string, string> { ["note"] = "Read; the child's social worker knows" });
        await Expect(page.Locator(".govuk-notification-banner")).ToBeVisibleAsync();

        var download = await page.RunAndWaitForDownloadAsync(() =>
            Content(page).GetByRole(AriaRole.Button, new() { Name = "Download these tasks (CSV)" }).ClickAsync());
        var csv = (await File.ReadAllLinesAsync((await download.PathAsync())!)).Where(l => l.Length > 0).ToList();
        Assert.Contains("Child,Task,Status", csv[0]);
        Assert.True(csv.Count >= 2, "The export of the supervisor's open tasks has at least one task in it.");

        await SubmitAsync(page, Content(page).GetByRole(AriaRole.Button, new() { Name = "Mark everything as seen" }));
        await Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("marked as seen");
    }

    [Fact]
    public async Task A_supervisor_keeps_one_possible_match_apart_merges_another_and_filters_the_measures()
    {
        // Two pairs of records that may be the same child: the second of each, added on the page past its warning
        // ("None of these"), is queued for a decision.
        await CreatePersonAsync("Yusuf", "Everyformmatch", "2010-04-05");
        await CreatePersonAsync("Zara", "Everyformmerge", "2009-07-08");
        await using var session = await SignedInAsync("supervisor");
        var page = session.Page;
        foreach (var (forename, surname, dateOfBirth) in new[] { ("Yusef", "Everyformmatch", "5 4 2010"), ("Zarah", "Everyformmerge", "8 7 2009") })
        {
            await session.GotoAsync("/people/new");
            await SubmitAsync(page, Content(page).GetByRole(AriaRole.Button, new() { Name = "Continue" }), new Dictionary<string, string>
            {
                ["Forename"] = forename, ["Surname"] = surname, ["DateOfBirth"] = dateOfBirth,
            }, expectErrors: true);
            await SubmitAsync(page, Content(page).GetByRole(AriaRole.Button, new() { Name = "None of these: add a new person" }));
        }

        await session.GotoAsync("/matching/reviews");
        var apart = await Content(page).Locator("a[href^='/matching/reviews/']", new() { HasText = "Everyformmatch" }).First.GetAttributeAsync("href");
        var merge = await Content(page).Locator("a[href^='/matching/reviews/']", new() { HasText = "Everyformmerge" }).First.GetAttributeAsync("href");

        await session.GotoAsync(apart!);
        await SubmitAsync(page, Content(page).GetByRole(AriaRole.Button, new() { Name = "Different people: keep apart" }),
            new Dictionary<string, string> { ["KeepApartReason"] = "Different mothers and schools; the dates of birth are a year apart" });
        await Expect(page.Locator("[data-testid=decision]")).ToBeVisibleAsync();

        await session.GotoAsync(merge!);
        await SubmitAsync(page, Content(page).GetByRole(AriaRole.Button, new() { Name = "Same person: link (merge)" }),
            new Dictionary<string, string> { ["LinkReason"] = "Same address, school and mother; the surname was misspelt at custody" });
        await Expect(page).ToHaveURLAsync(new Regex(@"/people/[0-9a-f-]{36}"));

        await session.GotoAsync("/measures/recording");
        await SubmitAsync(page, Content(page).GetByRole(AriaRole.Button, new() { Name = "Show" }), new Dictionary<string, string> { ["Unit"] = "N-RESP", ["Months"] = "6" });
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_leader_reads_the_measures_by_bcu_opens_the_cases_behind_a_figure_and_downloads_them()
    {
        await using var session = await SignedInAsync("leader");
        var page = session.Page;

        await session.GotoAsync("/measures");
        await Content(page).Locator("#Split").SelectOptionAsync("bcu");
        await SubmitAsync(page, Content(page).GetByRole(AriaRole.Button, new() { Name = "Show measures" }));
        var measure = Content(page).Locator("[data-measure='return-interviews-72h']");
        await Expect(measure.GetByRole(AriaRole.Heading, new() { Name = "Return interviews within 72 hours" })).ToBeVisibleAsync();
        // The chart is an SVG from the server that loads under the content security policy, with a text alternative.
        var chart = measure.Locator("img[data-testid=chart]");
        await Expect(chart).ToHaveJSPropertyAsync("complete", true);
        Assert.True(await chart.EvaluateAsync<int>("img => img.naturalWidth") > 0, "The chart's SVG loaded and drew.");
        Assert.StartsWith("Trend of return interviews within 72 hours", await chart.GetAttributeAsync("alt"));

        var figures = measure.Locator("[data-testid=figures] td a");
        Assert.True(await figures.CountAsync() > 0, "The demo force has return interviews due in the last 12 months.");
        await figures.First.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Return interviews within 72 hours: the cases");
        await Expect(Content(page).Locator("[data-testid=measure-cases] tbody tr").First).ToBeVisibleAsync();

        var download = await page.RunAndWaitForDownloadAsync(() =>
            Content(page).GetByRole(AriaRole.Button, new() { Name = "Download these cases (CSV)" }).ClickAsync());
        var csv = (await File.ReadAllLinesAsync((await download.PathAsync())!)).Where(l => l.Length > 0).ToList();
        Assert.StartsWith("Child,Case,Case reference,Date", csv[0].TrimStart('\uFEFF'));
        Assert.True(csv.Count >= 2, "The cases behind a figure download with at least one case.");
    }

    [Fact]
    public async Task A_leader_chooses_a_month_and_prints_the_monthly_report_with_its_charts()
    {
        await using var session = await SignedInAsync("leader");
        var page = session.Page;

        await session.GotoAsync("/measures/report");
        var month = Content(page).Locator("#Month option").Nth(1);
        var chosen = (await month.TextContentAsync())!.Trim();
        await Content(page).Locator("#Month").SelectOptionAsync((await month.GetAttributeAsync("value"))!);
        await SubmitAsync(page, Content(page).GetByRole(AriaRole.Button, new() { Name = "Show the report" }));

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Monthly report: {chosen}");
        await Expect(Content(page).Locator("[data-testid=summary]")).ToContainTextAsync(chosen);
        // The charts are the dashboard's own server-drawn SVGs, loaded under the content security policy.
        var chart = Content(page).Locator("[data-testid=report-chart] img").First;
        await Expect(chart).ToHaveJSPropertyAsync("complete", true);
        Assert.True(await chart.EvaluateAsync<int>("img => img.naturalWidth") > 0, "The report's chart loaded and drew.");
        // Printed, the navigation and the month form are left out and the report remains.
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Expect(page.Locator("[data-testid=report-month]")).ToBeHiddenAsync();
        await Expect(page.Locator(".govuk-header")).ToBeHiddenAsync();
        await Expect(Content(page).Locator("[data-testid=report-figures]")).ToBeVisibleAsync();
        await page.EmulateMediaAsync(new() { Media = Media.Screen });
    }

    [Fact]
    public async Task An_administrator_changes_a_setting_adds_a_bank_holiday_and_searches_and_exports_the_access_log()
    {
        await using var session = await SignedInAsync("administrator");
        var page = session.Page;

        await session.GotoAsync("/admin/settings");
        var setting = Content(page).Locator("a[href^='/admin/settings/']").First;
        var href = await setting.GetAttributeAsync("href");
        await session.GotoAsync(href!);
        await SubmitAsync(page, Content(page).GetByRole(AriaRole.Button, new() { Name = "Save" }));
        await Expect(page).ToHaveURLAsync(new Regex("/admin/settings$"));

        await session.GotoAsync("/admin/bank-holidays");
        await SubmitAsync(page, Content(page).GetByRole(AriaRole.Button, new() { Name = "Add" }), new Dictionary<string, string>
        {
            ["Date"] = "2031-06-02", ["Name"] = "Browser test extra bank holiday",
        });
        await Expect(Content(page)).ToContainTextAsync("Browser test extra bank holiday");

        await session.GotoAsync("/admin/audit");
        await SubmitAsync(page, Content(page).GetByRole(AriaRole.Button, new() { Name = "Search" }), new Dictionary<string, string>
        {
            ["Person"] = Empty, ["Actor"] = "administrator", ["FromDay"] = Empty, ["FromMonth"] = Empty, ["FromYear"] = Empty,
            ["ToDay"] = Empty, ["ToMonth"] = Empty, ["ToYear"] = Empty,
        });
        await Expect(Content(page).Locator("table")).ToContainTextAsync("Demo Mercer");
        var download = await page.RunAndWaitForDownloadAsync(() => Content(page).GetByRole(AriaRole.Button, new() { Name = "Download these entries (CSV)" }).ClickAsync());
        var csv = await File.ReadAllTextAsync((await download.PathAsync())!);
        Assert.Contains("Demo Mercer", csv);
    }

    [Fact]
    public async Task A_supervisor_reviews_a_records_retention_changes_the_answers_and_keeps_it()
    {
        var personId = await CreatePersonAsync("Ștefania", "Everyformretain", "2012-04-05");
        await using var session = await SignedInAsync("supervisor");
        var page = session.Page;
        var nextYear = (DateTime.UtcNow.Year + 2).ToString(System.Globalization.CultureInfo.InvariantCulture);

        await session.GotoAsync("/retention");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Retention reviews");
        await session.GotoAsync($"/retention/{personId}");
        await SubmitAsync(page, Content(page).GetByRole(AriaRole.Button, new() { Name = "Continue" }), new Dictionary<string, string>
        {
            ["Decision"] = "keep", ["NextReview"] = $"1 6 {nextYear}", ["Reason"] = "Family case still open with children's services",
        });
        await Expect(Content(page).Locator("[data-testid=check-answers]")).ToContainTextAsync($"1 June {nextYear}");
        // Change answers goes back to the form with everything kept.
        await SubmitAsync(page, Content(page).GetByRole(AriaRole.Button, new() { Name = "Change answers" }));
        await SubmitAsync(page, Content(page).GetByRole(AriaRole.Button, new() { Name = "Continue" }));
        await SubmitAsync(page, Content(page).GetByRole(AriaRole.Button, new() { Name = "Record decision" }));
        await Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync($"The record is kept until its next review on 1 June {nextYear}");
    }

    [Fact]
    public async Task An_administrator_adds_a_user_changes_their_role_resets_their_password_disables_and_enables_them()
    {
        await using var session = await SignedInAsync("administrator");
        var page = session.Page;
        var username = "everyform." + Guid.NewGuid().ToString("N")[..6];

        await session.GotoAsync("/admin/users/new");
        await SubmitAsync(page, Content(page).GetByRole(AriaRole.Button, new() { Name = "Add user" }), new Dictionary<string, string>
        {
            ["Username"] = username, ["DisplayName"] = "PC Browser Everyform", ["Role"] = "officer", ["Team"] = "N-RESP", ["Organisation"] = Empty,
            ["Password"] = "Browser-test-password-1",
        });
        await Content(page).GetByRole(AriaRole.Link, new() { Name = "PC Browser Everyform" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("PC Browser Everyform");

        await SubmitAsync(page, Content(page).GetByRole(AriaRole.Button, new() { Name = "Change role" }), new Dictionary<string, string>
        {
            ["Role"] = "investigator", ["Team"] = "N-CAIT", ["Organisation"] = Empty,
        });
        await Expect(page.Locator(".govuk-notification-banner")).ToBeVisibleAsync();
        await SubmitAsync(page, Content(page).GetByRole(AriaRole.Button, new() { Name = "Reset password" }), new Dictionary<string, string> { ["Password"] = "Another-browser-password-2" });
        await Expect(page.Locator(".govuk-notification-banner")).ToBeVisibleAsync();
        await SubmitAsync(page, Content(page).GetByRole(AriaRole.Button, new() { Name = $"Disable {username}" }), new Dictionary<string, string> { ["Reason"] = "Left the force" });
        await Expect(Content(page).GetByRole(AriaRole.Button, new() { Name = $"Enable {username}" })).ToBeVisibleAsync();
        await SubmitAsync(page, Content(page).GetByRole(AriaRole.Button, new() { Name = $"Enable {username}" }));
        await Expect(Content(page).GetByRole(AriaRole.Button, new() { Name = $"Disable {username}" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_supervisor_records_a_decision_at_the_daily_management_meeting_and_opens_the_workbench()
    {
        // A child in an incident Northmoor's response team recorded an hour ago: on Northmoor's meeting, the supervisor's BCU.
        var child = await CreatePersonAsync("Ëlin", "Dmmchild", DateTime.UtcNow.AddYears(-12).ToString("yyyy-MM-dd"));
        using (var http = new HttpClient { BaseAddress = fixture.BaseUrl })
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", fixture.BootstrapToken);
            var recorded = await http.PostAsJsonAsync("/api/v1/events", new
            {
                id = "inc-dmm-" + Guid.NewGuid().ToString("N"), type = "incident", occurredAt = DateTimeOffset.UtcNow.AddHours(-1), unit = "N-RESP",
                people = new[] { new { personId = child, role = "child" } },
                data = new { classifications = new[] { "neglect" }, summary = "Child found alone at home late at night", riskGrade = "high" },
            });
            recorded.EnsureSuccessStatusCode();
        }
        await using var session = await SignedInAsync("supervisor");
        var page = session.Page;
        await session.GotoAsync("/supervision/daily-meeting");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Daily management meeting: Northmoor BCU");
        await SubmitAsync(page, Content(page).GetByRole(AriaRole.Button, new() { Name = "Show the meeting" }), new Dictionary<string, string>
        {
            ["Day.Day"] = Empty, ["Day.Month"] = Empty, ["Day.Year"] = Empty,
        });
        await Expect(page.Locator("[data-testid=section-incidents]")).ToContainTextAsync("Ëlin Dmmchild");
        await Expect(page.Locator("[data-testid=section-high-risk]")).ToContainTextAsync("Ëlin Dmmchild");

        await Content(page).GetByRole(AriaRole.Link, new() { Name = "Record a decision for Ëlin Dmmchild (Incidents involving children)" }).ClickAsync();
        var tomorrow = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow.AddDays(1), TimeZoneInfo.FindSystemTimeZoneById("Europe/London"));
        await SubmitAsync(page, Content(page).GetByRole(AriaRole.Button, new() { Name = "Continue" }), new Dictionary<string, string>
        {
            ["Text"] = "Response team to visit Ëlin at home with children's social care", ["Owner"] = "N-RESP",
            ["DueDate"] = $"{tomorrow.Day} {tomorrow.Month} {tomorrow.Year}",
        });
        await Expect(page.Locator("[data-testid=check-answers]")).ToContainTextAsync("Northmoor response");
        await SubmitAsync(page, Content(page).GetByRole(AriaRole.Button, new() { Name = "Record decision" }));
        await Expect(page.Locator("main")).ToContainTextAsync("Decision recorded");

        await Content(page).GetByRole(AriaRole.Link, new() { Name = "Back to the daily management meeting" }).ClickAsync();
        await Expect(page.Locator("[data-testid=decisions]")).ToContainTextAsync("Response team to visit Ëlin at home with children's social care");

        await session.GotoAsync($"/people/{child}");
        await Expect(page.Locator("main")).ToContainTextAsync("Daily management meeting decision");

        await session.GotoAsync("/supervision/workbench");
        await SubmitAsync(page, Content(page).GetByRole(AriaRole.Button, new() { Name = "Show the team" }));
        await Expect(page.Locator("[data-testid=caseloads]")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task An_officer_shares_a_child_with_social_care_whose_practitioner_sees_that_child_not_another_and_declines_a_referral()
    {
        var shared = await CreatePersonAsync("Żaneta", "Everyformshare", "2013-04-05");
        var unshared = await CreatePersonAsync("Oona", "Everyformunshared", "2013-06-07");
        var referral = "ref-everyform-" + Guid.NewGuid().ToString("N")[..8];
        await RecordAsync(new
        {
            id = referral, type = "referral", occurredAt = DateTimeOffset.UtcNow.AddHours(-2).ToString("O"),
            people = new[] { new { personId = shared, role = "child" } },
            data = new { to = "LA-NMR", kind = "social-care", reason = "Bruising seen at school" },
        });
        var until = DateTime.UtcNow.AddDays(30);

        await using (var officer = await SignedInAsync("officer"))
        {
            var page = officer.Page;
            await officer.GotoAsync($"/people/{shared}");
            await Content(page).GetByRole(AriaRole.Link, new() { Name = "Share with a partner organisation" }).ClickAsync();
            await SubmitAsync(page, Content(page).GetByRole(AriaRole.Button, new() { Name = "Continue", Exact = true }), new Dictionary<string, string>
            {
                ["Scope"] = "record", ["Organisation"] = "LA-NMR", ["LawfulBasis"] = "children-act-1989-s47", ["EventId"] = Empty, ["PlanEventId"] = Empty,
                ["Purpose"] = "Strategy discussion tomorrow",
                ["Until.Day"] = until.Day.ToString(), ["Until.Month"] = until.Month.ToString(), ["Until.Year"] = until.Year.ToString(),
            });
            // Check your answers, then the shared confirmation page.
            await Expect(page.GetByTestId("check-answers")).ToContainTextAsync("Northmoor Borough Council children's social care");
            await Expect(page.GetByTestId("check-answers")).ToContainTextAsync("Strategy discussion tomorrow");
            await SubmitAsync(page, Content(page).GetByRole(AriaRole.Button, new() { Name = "Share", Exact = true }));
            await Expect(page.GetByTestId("confirmation")).ToContainTextAsync("Whole record shared with Northmoor Borough Council children's social care");
            await Expect(page.GetByTestId("confirmation")).ToContainTextAsync("Żaneta Everyformshare");
        }

        await using (var partner = await SignedInAsync("partner-practitioner"))
        {
            var page = partner.Page;
            await partner.GotoAsync("/");
            await Expect(page).ToHaveURLAsync(new Regex("/partner$"));
            await Expect(page.GetByTestId("shared-children")).ToContainTextAsync("Żaneta Everyformshare");
            await Expect(Content(page)).Not.ToContainTextAsync("Oona");
            await page.GetByTestId("shared-children").GetByRole(AriaRole.Link, new() { Name = "Żaneta Everyformshare" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Żaneta Everyformshare");
            await Expect(page.GetByTestId("shared-items")).ToContainTextAsync("Whole record");
            // The other child answers exactly as a child who does not exist (asked with the session's cookies, like a typed address).
            var hidden = await page.APIRequest.GetAsync($"/partner/children/{unshared}", new() { MaxRedirects = 0 });
            Assert.Equal(404, hidden.Status);
            Assert.DoesNotContain("Oona", await hidden.TextAsync());

            await partner.GotoAsync($"/partner/referrals/{referral}");
            await SubmitAsync(page, Content(page).GetByRole(AriaRole.Button, new() { Name = "Send answer" }), new Dictionary<string, string>
            {
                ["Outcome"] = "declined", ["Reason"] = "Threshold not met; family supported by early help", ["SocialWorker"] = Empty,
            });
            await Expect(page.GetByTestId("referral-status")).ToContainTextAsync("Declined");
        }

        await using (var officer = await SignedInAsync("officer"))
        {
            var page = officer.Page;
            await officer.GotoAsync($"/people/{shared}/share");
            var card = page.GetByTestId("live-share").First;
            var shareId = Guid.Parse(await card.Locator("input[name=ShareId]").InputValueAsync());
            await SubmitAsync(page, card.GetByRole(AriaRole.Button, new() { Name = "End this share" }),
                new Dictionary<string, string> { [$"Reason-{shareId:N}"] = "Strategy discussion held" });
            await Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("has ended");
            await Expect(page.GetByTestId("past-share").First).ToContainTextAsync("Strategy discussion held");
        }
    }

    [Fact]
    public async Task An_administrator_adds_a_partner_organisation_and_restricts_a_record_then_lifts_the_restriction()
    {
        var person = await CreatePersonAsync("Ørjan", "Everyformrestricted", "1980-02-03");
        await using var session = await SignedInAsync("administrator");
        var page = session.Page;
        var code = "EDU-" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();

        await session.GotoAsync("/admin/organisations");
        await SubmitAsync(page, Content(page).GetByRole(AriaRole.Button, new() { Name = "Add organisation" }), new Dictionary<string, string>
        {
            ["Name"] = "Kelbeck Łąka Academy " + code, ["Code"] = code, ["Kind"] = "education", ["LocalAuthority"] = Empty,
        });
        await Expect(page.GetByTestId("organisations")).ToContainTextAsync("Kelbeck Łąka Academy " + code);

        await session.GotoAsync($"/people/{person}");
        await Content(page).GetByRole(AriaRole.Link, new() { Name = "Restrict this record to named users" }).ClickAsync();
        await SubmitAsync(page, Content(page).GetByRole(AriaRole.Button, new() { Name = "Save who may see this person" }),
            new Dictionary<string, string> { ["Allowed"] = "investigator", ["Reason"] = "Subject is a serving officer" });
        await Expect(page.GetByTestId("restricted-to")).ToContainTextAsync("investigator");

        await SubmitAsync(page, Content(page).GetByRole(AriaRole.Button, new() { Name = "Lift the restriction" }),
            new Dictionary<string, string> { ["LiftReason"] = "Investigation closed" });
        await Expect(page.GetByTestId("not-restricted")).ToBeVisibleAsync();
    }

    private async Task RecordAsync(object ev)
    {
        using var http = new HttpClient { BaseAddress = fixture.BaseUrl };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", fixture.BootstrapToken);
        var response = await http.PostAsJsonAsync("/api/v1/events", ev);
        Assert.True(response.IsSuccessStatusCode, $"Recording answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    private static ILocator Content(IPage page) => page.Locator("main");

    /// <summary>The main button of the page's form (GOV.UK: the one green button), whatever its words: the missing
    /// journeys' recipes use it so that a journey given a check-answers page, whose first button then says
    /// "Continue", still goes through.</summary>
    private static ILocator PrimaryButton(IPage page) =>
        page.Locator("main form button.govuk-button:not(.govuk-button--secondary):not(.govuk-button--warning)").First;

    /// <summary>Types a reason into the flag's form and presses the decision button named (visible words and the flag's name).</summary>
    /// <summary>Opens the flag decision page from the profile's button (e.g. "Confirm At risk of …"), gives the reason,
    /// checks the answers and makes the decision, then comes back to the profile.</summary>
    [Fact]
    public async Task An_administrator_adds_a_school_changes_its_key_adult_and_adds_and_removes_a_term()
    {
        var code = $"BT-{Guid.NewGuid():N}"[..12];
        await using var session = await SignedInAsync("administrator");
        var page = session.Page;

        await session.GotoAsync("/admin/schools");
        await SubmitAsync(page, Content(page).GetByRole(AriaRole.Button, new() { Name = "Add school" }), new Dictionary<string, string>
        {
            ["Code"] = code, ["Name"] = "Ysgol Gymraeg Bryn Œwen", ["LocalAuthority"] = "Northmoor Borough Council",
            ["KeyAdultName"] = "Siân Ellis-Ødegård", ["KeyAdultContact"] = "dsl@bryn-owen.example.org",
        });
        await Expect(Content(page).Locator("[data-testid=schools]")).ToContainTextAsync("Ysgol Gymraeg Bryn Œwen");

        await session.GotoAsync($"/admin/schools/{code}");
        await SubmitAsync(page, Content(page).GetByRole(AriaRole.Button, new() { Name = "Save changes" }), new Dictionary<string, string>
        {
            ["KeyAdultName"] = "Gethin Pryce", ["KeyAdultContact"] = "01632 960 111",
        });
        await Expect(Content(page).Locator("[data-testid=schools]")).ToContainTextAsync("Gethin Pryce");

        await session.GotoAsync("/admin/school-terms");
        var term = $"Browser test term {code}";
        await SubmitAsync(page, Content(page).GetByRole(AriaRole.Button, new() { Name = "Add term" }), new Dictionary<string, string>
        {
            ["LocalAuthority"] = "Northmoor Borough Council", ["Name"] = term, ["StartDate"] = "6 1 2031", ["EndDate"] = "14 2 2031",
        });
        await SubmitAsync(page, Content(page).GetByRole(AriaRole.Button, new() { Name = "Show terms" }), new Dictionary<string, string>
        {
            ["Show"] = "Northmoor Borough Council",
        });
        var terms = Content(page).Locator("[data-testid=school-terms]");
        await Expect(terms).ToContainTextAsync(term);
        await SubmitAsync(page, terms.GetByRole(AriaRole.Button, new() { Name = $"Remove {term}, Northmoor Borough Council" }));
        await Expect(Content(page).Locator("[data-testid=school-terms]")).Not.ToContainTextAsync(term);
    }

    [Fact]
    public async Task An_officer_records_that_a_childs_school_was_told_under_operation_encompass()
    {
        var childId = await CreatePersonAsync("Zoë", "Everyformencompass", "2016-04-05");
        var code = $"EN-{Guid.NewGuid():N}"[..12];
        using (var http = new HttpClient { BaseAddress = fixture.BaseUrl })
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", fixture.BootstrapToken);
            (await http.PostAsJsonAsync("/api/v1/schools", new
            {
                code, name = "Hillside Primary School", localAuthority = "Northmoor Borough Council", keyAdultName = "Mrs Ngozi Adeyemi",
                keyAdultContact = "dsl@hillside.example.org",
            })).EnsureSuccessStatusCode();
        }
        await using var session = await SignedInAsync("officer");
        var page = session.Page;

        await session.GotoAsync($"/operation-encompass/notify?personId={childId}");
        await SubmitAsync(page, Content(page).GetByRole(AriaRole.Button, new() { Name = "Continue" }), new Dictionary<string, string>
        {
            ["School"] = code, ["KeyAdult"] = Empty, ["Method"] = "telephone",
        });
        await Expect(page.Locator("[data-testid=check-answers]")).ToContainTextAsync("Mrs Ngozi Adeyemi");
        await SubmitAsync(page, Content(page).GetByRole(AriaRole.Button, new() { Name = "Record notification" }));
        await Expect(page.Locator("[data-testid=confirmation]")).ToContainTextAsync("Operation Encompass notification recorded");
        await Expect(Content(page)).ToContainTextAsync("Hillside Primary School told through Mrs Ngozi Adeyemi");
    }

    [Fact]
    public async Task An_officer_refers_a_child_to_the_mash_and_takes_the_referral_through_screening_answer_assessment_and_closing()
    {
        var childId = await CreatePersonAsync("Łucja", "Everyformreferral", "2013-09-10");
        await using var session = await SignedInAsync("officer");
        var page = session.Page;

        await session.GotoAsync($"/referrals/make?personId={childId}");
        var partner = await Content(page).Locator("select[name=Partner] option:not([value=''])").First.GetAttributeAsync("value");
        await SubmitAsync(page, Content(page).GetByRole(AriaRole.Button, new() { Name = "Continue" }), new Dictionary<string, string>
        {
            ["Direction"] = "sent", ["Partner"] = partner!, ["Kind"] = "mash", ["Reason"] = "Bruising to Łucja's arm seen at school; she said her stepfather grabbed her",
        });
        await ConfirmIfCheckingAnswersAsync(page);
        await Expect(page.Locator("[data-testid=confirmation]")).ToContainTextAsync("Referral made");
        await Content(page).GetByRole(AriaRole.Link, new() { Name = "See the referral" }).ClickAsync();

        await SubmitAsync(page, Content(page).GetByRole(AriaRole.Button, new() { Name = "Record that it was received" }));
        await Content(page).GetByRole(AriaRole.Link, new() { Name = "Record the MASH screening decision" }).ClickAsync();
        await SubmitAsync(page, Content(page).GetByRole(AriaRole.Button, new() { Name = "Continue" }), new Dictionary<string, string>
        {
            ["Decision"] = "assessment", ["Rationale"] = "Injury with a disclosure: social care to assess",
            ["Information[0]"] = "Stepfather arrested for assault in 2024", ["Information[1]"] = "Open to early help until last year",
            ["Information[2]"] = Empty, ["Information[3]"] = "Attendance 82%, two recent unexplained absences",
        });
        await ConfirmIfCheckingAnswersAsync(page);
        await Expect(page.Locator("[data-testid=confirmation]")).ToContainTextAsync("MASH screening decision recorded");
        await Content(page).GetByRole(AriaRole.Link, new() { Name = "See the referral" }).ClickAsync();
        await Expect(Content(page).Locator("[data-testid=contributions]")).ToContainTextAsync("Stepfather arrested for assault in 2024");

        await SubmitAsync(page, Content(page).GetByRole(AriaRole.Button, new() { Name = "Record the answer" }), new Dictionary<string, string>
        {
            ["Outcome"] = "accepted", ["ResponseReason"] = Empty,
        });
        await Expect(Content(page).Locator("[data-testid=referral]")).ToContainTextAsync("Accepted");
        await SubmitAsync(page, Content(page).GetByRole(AriaRole.Button, new() { Name = "Record the assessment as done" }));
        await SubmitAsync(page, Content(page).GetByRole(AriaRole.Button, new() { Name = "Close the referral" }));
        await Expect(Content(page).Locator("[data-testid=referral]")).ToContainTextAsync("Closed");

        await session.GotoAsync("/referrals");
        await SubmitAsync(page, Content(page).GetByRole(AriaRole.Button, new() { Name = "Show referrals" }), new Dictionary<string, string> { ["State"] = "closed" });
        await Expect(Content(page).Locator("[data-testid=referrals]")).ToContainTextAsync("Łucja Everyformreferral");
    }

    private static async Task DecideFlagAsync(IPage page, string button, string reason)
    {
        var profile = page.Url;
        await Content(page).GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).ClickAsync();
        await SubmitAsync(page, Content(page).GetByRole(AriaRole.Button, new() { Name = "Continue" }), new Dictionary<string, string> { ["Reason"] = reason });
        await Expect(page.Locator("[data-testid=check-answers]")).ToContainTextAsync(reason);
        var verb = button.Split(' ')[0];
        await SubmitAsync(page, Content(page).GetByRole(AriaRole.Button, new() { Name = $"{verb} flag", Exact = true }));
        await Expect(page.Locator("[data-testid=confirmation-details]")).ToContainTextAsync(reason);
        await page.GotoAsync(profile);
    }

    /// <summary>A session 320 CSS pixels wide, failing on any page answered 4xx or 5xx.</summary>
    private async Task<BrowserSession> NarrowSessionAsync()
    {
        var session = await fixture.NewPageAsync(narrow: true);
        session.FailOnErrorResponses = true;
        return session;
    }

    private async Task<BrowserSession> SignedInAsync(string role)
    {
        var session = await NarrowSessionAsync();
        await session.SignInAsync(role, Password);
        return session;
    }

    private async Task<string> CreatePersonAsync(string forename, string surname, string dateOfBirth)
    {
        using var http = new HttpClient { BaseAddress = fixture.BaseUrl };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", fixture.BootstrapToken);
        var response = await http.PostAsJsonAsync("/api/v1/people", new { forename, surname, dateOfBirth });
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return body.GetProperty("id").GetString()!;
    }
}
