using Safeguard.Core.Rules;
using Safeguard.Core.Rules.Referrals;
using Safeguard.Core.Tests.Builders;

namespace Safeguard.Core.Tests.Rules.Referrals;

/// <summary>J2: a referral's status through its life, and its response time.</summary>
public class ReferralLifeTests
{
    private static readonly PersonFacts Child = A.Child().AgedYears(10);
    private static readonly ChronologyEvent Sent = An.Event("referral").At("2026-03-02 10:00").Child(Child).Id("ref-9").With("kind", "social-care").With("to", "LA-NMR");

    private static ChronologyEvent Step(string type, string at) => An.Event(type).At(at).Child(Child).With("referralEventId", "ref-9");

    [Fact]
    public void Status_moves_from_sent_to_received_screened_accepted_and_closed()
    {
        var received = Step("referral-received", "2026-03-02 11:00");
        var screened = An.Event("mash-screening").At("2026-03-02 15:00").Child(Child).With("referralEventId", "ref-9").With("decision", "assessment").Build();
        var accepted = An.Event("referral-response").At("2026-03-03 09:00").Child(Child).With("referralEventId", "ref-9").With("outcome", "accepted").Build();
        var closed = Step("referral-closed", "2026-04-01 09:00");
        Assert.Equal("awaiting-response", ReferralLife.Of(Sent, []).Status);
        Assert.Equal("received", ReferralLife.Of(Sent, [received]).Status);
        Assert.Equal("screened", ReferralLife.Of(Sent, [received, screened]).Status);
        var life = ReferralLife.Of(Sent, [closed, accepted, screened, received]);
        Assert.Equal("closed", life.Status);
        Assert.Equal(TimeSpan.FromHours(23), life.ResponseTime);
        Assert.Equal(Time.At("2026-04-01 09:00"), life.EndedAt);
    }

    [Fact]
    public void Events_about_another_referral_do_not_count()
    {
        var other = An.Event("referral-response").At("2026-03-03 09:00").Child(Child).With("referralEventId", "ref-other").With("outcome", "accepted").Build();
        Assert.Equal("awaiting-response", ReferralLife.Of(Sent, [other]).Status);
    }

    [Fact]
    public void A_declined_referral_has_ended()
    {
        var declined = An.Event("referral-response").At("2026-03-02 12:00").Child(Child).With("referralEventId", "ref-9").With("outcome", "declined")
            .With("reason", "Threshold not met").Build();
        var life = ReferralLife.Of(Sent, [declined]);
        Assert.Equal(("declined", Time.At("2026-03-02 12:00")), (life.Status, life.EndedAt));
    }
}
