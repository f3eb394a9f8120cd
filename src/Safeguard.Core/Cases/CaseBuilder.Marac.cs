using Safeguard.Core.Rules;
using Safeguard.Core.Rules.DomesticAbuse;

namespace Safeguard.Core.Cases;

public static partial class CaseBuilder
{
    /// <summary>A victim's MARAC cases (DA1–DA3): each <c>referral</c> of kind <c>marac</c> opens one (its id is the
    /// referral's id) and holds the MARAC meetings about the victim until the next referral, and the DASH checklists
    /// recorded up to the next referral (the latest before the referral is the one the referral rests on). Status
    /// <c>referred</c> until a MARAC meeting hears it, then <c>heard</c>. The meetings' decisions (owned actions) stay
    /// on the meeting cases, which are updated as actions are done; <c>meetings</c> lists them.</summary>
    private static IReadOnlyList<CaseState> Marac(string stream, Guid victim, List<CaseSource> events)
    {
        var referrals = events.Where(s => DomesticAbuseParties.IsMaracReferral(s.Event)).ToList();
        var dashes = events.Where(s => s.Event.Type == "dash" && s.Event.HasRole(victim, "victim")).ToList();
        var result = new List<CaseState>();
        for (int i = 0; i < referrals.Count; i++)
        {
            var referral = referrals[i];
            var next = i + 1 < referrals.Count ? referrals[i + 1].Event : null;
            bool Before(ChronologyEvent e) => next is null || ChronologyEvent.Order.Compare(e, next) < 0;
            var meetings = events.Where(s => s.Event.Type == "meeting" && ChronologyEvent.Order.Compare(s.Event, referral.Event) > 0 && Before(s.Event)).ToList();
            var dash = dashes.LastOrDefault(s => s.Event.OccurredAt <= referral.Event.OccurredAt);
            var later = dashes.Where(s => s.Event.OccurredAt > referral.Event.OccurredAt && Before(s.Event)).ToList();
            var mine = new[] { referral }.Concat(dash is null ? [] : [dash]).Concat(later).Concat(meetings)
                .OrderBy(s => s.Event, ChronologyEvent.Order).ToList();
            var assessment = dash is null ? null : DashAssessment.Read(dash.Event);
            var fields = new Dictionary<string, object?>
            {
                ["victimId"] = victim, ["referralEventId"] = referral.Event.Id, ["to"] = referral.Event.Text("to"), ["reason"] = referral.Event.Text("reason"),
                ["perpetrators"] = DomesticAbuseParties.PerpetratorsOf(referral.Event, events.Select(s => s.Event).ToList(), victim),
                ["previousReferralEventId"] = i > 0 ? referrals[i - 1].Event.Id : null,
                ["previousReferralAt"] = i > 0 ? referrals[i - 1].Event.OccurredAt : null,
                ["dashEventId"] = dash?.Event.Id, ["dashYesCount"] = assessment?.YesCount, ["professionalJudgement"] = assessment?.ProfessionalJudgement,
                ["laterDashEventIds"] = later.Select(s => s.Event.Id).ToList(),
                ["meetings"] = meetings.Select(s => s.Event.Id).ToList(),
                ["lastMeetingAt"] = meetings.LastOrDefault()?.Event.OccurredAt,
            };
            result.Add(new(CaseTypes.Marac, referral.Event.Id, stream, meetings.Count > 0 ? "heard" : "referred", referral.Event.OccurredAt,
                next?.OccurredAt, referral.Unit, People(mine), Ids(mine), fields, []));
        }
        return result;
    }
}
