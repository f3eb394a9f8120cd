using Safeguard.Core.Cases;
using Safeguard.Core.Rules;
using Safeguard.Core.Tests.Builders;

namespace Safeguard.Core.Tests.Cases;

/// <summary>J2, J3: the referral case carries the whole life of the referral, whatever order its events arrive in.</summary>
public class ReferralCaseTests
{
    private static CaseState Build(params ChronologyEvent[] events) =>
        CaseBuilder.Build("referral:r7", events.Select(e => new CaseSource(e, "N-MASH"))).Single();

    [Fact]
    public void A_screened_accepted_and_closed_referral_carries_its_times_decision_and_each_agencys_contribution()
    {
        var child = A.Child().Build();
        var referral = An.Event("referral").At("2026-02-02 10:00").Child(child).Id("r7").With("kind", "mash").With("to", "LA-NMR").With("reason", "Bruising").Build();
        var received = An.Event("referral-received").At("2026-02-02 10:30").Child(child).With("referralEventId", "r7").Build();
        var screened = new ChronologyEvent("s7", "mash-screening", Time.At("2026-02-02 15:00"), Time.At("2026-02-02 15:00"), [new(child.PersonId, "child")],
            System.Text.Json.JsonDocument.Parse("""{"referralEventId":"r7","decision":"assessment","rationale":"Disclosure","contributions":[{"agency":"Police","information":"Previous assault"},{"agency":"Health","information":"A&E twice"}]}""").RootElement);
        var accepted = An.Event("referral-response").At("2026-02-03 09:00").Child(child).With("referralEventId", "r7").With("outcome", "accepted").Build();
        var closed = An.Event("referral-closed").At("2026-03-01 09:00").Child(child).With("referralEventId", "r7").With("reason", "Plan agreed").Build();

        var open = Build(accepted, screened, received, referral);
        Assert.Equal(("accepted", (DateTimeOffset?)null), (open.Status, open.ClosedAt));
        Assert.Equal(23L * 60, open.Fields["responseMinutes"]);
        Assert.Equal("assessment", open.Fields["screeningDecision"]);
        Assert.Equal(2, ((System.Collections.ICollection)open.Fields["contributions"]!).Count);
        Assert.Equal(Time.At("2026-02-02 10:30"), open.Fields["receivedAt"]);

        var done = Build(referral, received, screened, accepted, closed);
        Assert.Equal(("closed", Time.At("2026-03-01 09:00")), (done.Status, done.ClosedAt));
        Assert.Equal("Plan agreed", done.Fields["closeReason"]);
    }
}
