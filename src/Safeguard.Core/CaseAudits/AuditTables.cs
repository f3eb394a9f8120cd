namespace Safeguard.Core.CaseAudits;

/// <summary>A sampled case's overall grades, as the tables read them: null where not (yet) graded.</summary>
public sealed record GradedCase(string AuditType, string? Self, string? Independent);

/// <summary>Counts per grade, in <see cref="AuditGrades.All"/> order, and how many were graded.</summary>
public sealed record GradeCounts(IReadOnlyDictionary<string, int> ByGrade, int Graded);

/// <summary>One annex case type's row: cases sampled, and the counts per grade of each grading.</summary>
public sealed record CaseTypeRow(string AuditType, string Name, int Sampled, GradeCounts Self, GradeCounts Independent);

/// <summary>The audit's tables (N3), like the report's: counts per grade (self-assessment and independent), the self
/// versus independent matrix over cases graded both ways (rows self, columns independent), and per case type.</summary>
public sealed record AuditTableSet(int Sampled, GradeCounts Self, GradeCounts Independent,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> Agreement, int GradedBoth, int Agreed, int IndependentLower,
    int IndependentHigher, IReadOnlyList<CaseTypeRow> ByCaseType);

/// <summary>Works the tables out from the recorded grades. Pure.</summary>
public static class AuditTables
{
    public static AuditTableSet Compute(IReadOnlyList<GradedCase> cases)
    {
        var both = cases.Where(c => c.Self is not null && c.Independent is not null).ToList();
        var agreement = AuditGrades.All.ToDictionary(s => s, s => (IReadOnlyDictionary<string, int>)AuditGrades.All.ToDictionary(
            i => i, i => both.Count(c => c.Self == s && c.Independent == i)));
        int Rank(string g) => AuditGrades.All.ToList().IndexOf(g);
        var rows = AuditCaseTypes.All.Where(t => cases.Any(c => c.AuditType == t.Code))
            .Select(t =>
            {
                var mine = cases.Where(c => c.AuditType == t.Code).ToList();
                return new CaseTypeRow(t.Code, t.Name, mine.Count, Count(mine.Select(c => c.Self)), Count(mine.Select(c => c.Independent)));
            }).ToList();
        return new AuditTableSet(cases.Count, Count(cases.Select(c => c.Self)), Count(cases.Select(c => c.Independent)), agreement, both.Count,
            both.Count(c => c.Self == c.Independent), both.Count(c => Rank(c.Independent!) > Rank(c.Self!)),
            both.Count(c => Rank(c.Independent!) < Rank(c.Self!)), rows);
    }

    private static GradeCounts Count(IEnumerable<string?> grades)
    {
        var list = grades.OfType<string>().Where(AuditGrades.All.Contains).ToList();
        return new GradeCounts(AuditGrades.All.ToDictionary(g => g, g => list.Count(x => x == g)), list.Count);
    }
}
