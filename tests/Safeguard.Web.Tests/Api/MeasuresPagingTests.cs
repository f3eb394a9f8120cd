using System.Net;
using Safeguard.TestKit;

namespace Safeguard.Web.Tests.Api;

/// <summary>Issue 8 point 5: the children to notice in the measures API come a page at a time when asked, always with
/// the true number; without paging every one is listed, as before.</summary>
public sealed class MeasuresPagingTests : IDisposable
{
    private readonly SafeguardFactory _factory = new();
    private readonly HttpClient _api;

    public MeasuresPagingTests() => _api = _factory.Api();
    public void Dispose() => _factory.Dispose();

    private const string Measures = "/api/v1/measures?from=2026-02-01T00:00:00Z&to=2026-03-02T00:00:00Z";

    [Fact]
    public async Task Children_to_notice_page_with_the_true_total()
    {
        var victim = await _api.CreatePersonAsync(A.Adult("Lee", "Pagednotice").Build());
        for (var i = 0; i < 3; i++)
        {
            var child = await _api.CreatePersonAsync(A.Child("Kid" + (char)('a' + i), "Pagednotice").Build());
            await _api.RecordAsync(new
            {
                id = $"da-{i}", type = "incident", occurredAt = $"2026-02-1{i}T22:00:00Z", unit = "N-RESP",
                people = new object[] { new { personId = victim, role = "victim" }, new { personId = child, role = "child" } },
                data = new { classifications = new[] { "domestic-abuse" }, riskGrade = "medium",
                    children = new[] { new { personId = child, demeanour = "Quiet", seenAndSpokenTo = false } } },
            });
        }

        var (_, all) = await _api.GetJsonAsync(Measures);
        var (_, second) = await _api.GetJsonAsync(Measures + "&page=2&pageSize=2");
        var (tooBig, _) = await _api.GetJsonAsync(Measures + "&pageSize=1001");

        Assert.Equal((3, 3), (all!["childrenToNotice"]!.AsArray().Count, all["childrenToNoticeTotal"]!.GetValue<int>()));
        Assert.Equal((1, 3), (second!["childrenToNotice"]!.AsArray().Count, second["childrenToNoticeTotal"]!.GetValue<int>()));
        Assert.Equal(HttpStatusCode.BadRequest, tooBig);
    }
}
