using System.Globalization;
using Safeguard.Core.CaseAudits;

namespace Safeguard.Web.Pages.CaseAudits;

/// <summary>Words the case audit pages share.</summary>
public static class CaseAuditText
{
    public static string Day(DateOnly d) => d.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"));

    public static string Period(ExerciseView e) => $"{Day(e.PeriodFrom)} to {Day(e.PeriodTo)}";

    public static string Grade(string? grade) => AuditGrades.Describe(grade);

    /// <summary>The GOV.UK tag colour of a grade, beside the words (never colour alone).</summary>
    public static string Tag(string? grade) => grade switch
    {
        AuditGrades.Good => "govuk-tag--green",
        AuditGrades.Adequate => "govuk-tag--blue",
        AuditGrades.RequiresImprovement => "govuk-tag--yellow",
        AuditGrades.Inadequate => "govuk-tag--red",
        _ => "govuk-tag--grey",
    };

    public static string Status(string status) => status switch { "done" => "Done", "overdue" => "Overdue", _ => "Open" };
}
