using Safeguard.Core.Cases;
using Safeguard.Core.Measures.Framework;

namespace Safeguard.Core.Measures.Families;

/// <summary>Meetings (I6, M1): police attendance at child protection conferences.</summary>
public static class MeetingMeasures
{
    public const string ConferenceAttendance = "conference-attendance";

    /// <summary>The meeting kinds that are child protection conferences: initial (ICPC, WT3) and review (WT4).</summary>
    public static readonly IReadOnlySet<string> ConferenceKinds = new HashSet<string> { "icpc", "review-cp" };

    public static readonly MeasureFamily Family = new("Meetings",
    [
        new(ConferenceAttendance, "Police attendance at child protection conferences", "M1", MeasureKind.Rate,
            "Child protection conferences the police attended",
            "Child protection conferences held (initial and review)",
            "A conference falls in the month it was held. Attendance is as recorded on the meeting (policeAttended; who and at "
            + "what rank are on the meeting record). Other meetings (MARAC, MAPPA, CSE risk, strategy discussions) are not counted. "
            + "A conference about several children counts once for each child.",
            TargetSetting: "M1.conferenceAttendanceTargetPercent"),
    ], Facts);

    private static IEnumerable<FactDraft> Facts(MeasureStreamInput input)
    {
        foreach (var c in input.Cases.Where(c => c.Type == CaseTypes.Meeting && c.Fields.GetValueOrDefault("kind") is string kind && ConferenceKinds.Contains(kind)))
        {
            var meeting = input.Events.FirstOrDefault(s => s.Event.Id == c.Id)?.Event;
            if (meeting is null) continue;
            bool attended = meeting.Flag("policeAttended") == true;
            foreach (var child in Days.ChildrenOrNone(meeting))
                yield return new FactDraft(ConferenceAttendance, c.Type, c.Id, child, c.Team, meeting.OccurredAt, Met: attended);
        }
    }
}
