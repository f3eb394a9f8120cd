using Safeguard.Core.Organisation;

namespace Safeguard.Core.Supervision;

/// <summary>One line of the daily management meeting: a person, what happened or is due, when, who owns it, and where
/// to go for more (a case, when the item belongs to one).</summary>
public sealed record DmmRow(Guid PersonId, string Name, bool IsChild, string What, DateTimeOffset At, string? Owner,
    string? CaseType = null, string? CaseId = null, string? EventId = null, bool Overdue = false);

/// <summary>A section of the meeting's page (<see cref="DmmSections"/>), its rows in time order.</summary>
public sealed record DmmSection(string Key, string Title, IReadOnlyList<DmmRow> Rows);

/// <summary>A decision the meeting recorded against a child (a <c>dmm-decision</c> event).</summary>
public sealed record DmmDecision(string EventId, Guid PersonId, string Name, string Text, string? Owner, DateOnly? DueDate,
    DateTimeOffset RecordedAt, string RecordedBy);

/// <summary>The daily management meeting of one BCU for a period: what happened, what is due, and what was decided.</summary>
public sealed record DmmBoard(Bcu Bcu, DateTimeOffset From, DateTimeOffset To, DateOnly? Day, IReadOnlyList<DmmSection> Sections,
    IReadOnlyList<DmmDecision> Decisions, IReadOnlyList<Bcu> Bcus)
{
    /// <summary>Every person on the page once, children first, for recording decisions.</summary>
    public IEnumerable<DmmRow> People => Sections.SelectMany(s => s.Rows).GroupBy(r => r.PersonId).Select(g => g.First());
}

/// <summary>The sections of the daily management meeting (I8), in the order the meeting takes them.</summary>
public static class DmmSections
{
    public const string Incidents = "incidents";
    public const string Missing = "missing";
    public const string Custody = "custody";
    public const string Flags = "flags";
    public const string HighRisk = "high-risk";
    public const string Tasks = "tasks";
    public const string Actions = "actions";

    public static readonly IReadOnlyList<(string Key, string Title)> All =
    [
        (Incidents, "Incidents involving children"),
        (Missing, "Children missing or returned"),
        (Custody, "Children in custody"),
        (Flags, "New and suggested flags"),
        (HighRisk, "High-risk domestic abuse and high-risk notifications"),
        (Tasks, "Statutory tasks due or overdue"),
        (Actions, "Meeting actions due or overdue"),
    ];
}
