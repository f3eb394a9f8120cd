using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Core.Derivation;
using Safeguard.Core.Work;
using Safeguard.TestKit;
using Safeguard.Web.Tests.Missing;

namespace Safeguard.Web.Tests.Derivation;

/// <summary>E7: deadlines act when they pass. A child found at 08:00 on 2 March needs a safe-and-well check by 08:00
/// on 3 March (MI4, 24 hours) and a return interview by 08:00 on 5 March (MI3, 72 hours).</summary>
public sealed class ClockTests : IDisposable
{
    private static readonly DateTimeOffset SafeAndWellDue = new(2026, 3, 3, 8, 0, 0, TimeSpan.Zero);
    private readonly SafeguardFactory _factory = new();
    private readonly HttpClient _api;

    public ClockTests() => _api = _factory.Api();
    public void Dispose() => _factory.Dispose();

    private async Task<string> FoundChildAsync(string tag)
    {
        var child = await _api.CreatePersonAsync(A.Child("Noah", "Clock" + tag).AgedYears(13).Build());
        await _api.ReportAsync($"{tag}-miss", child, "2026-03-02T07:00:00Z");
        await _api.LocateAsync($"{tag}-found", $"{tag}-miss", child, "2026-03-02T08:00:00Z", "Railway station");
        return child;
    }

    private async Task<int> TickAsync()
    {
        using var scope = _factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<ClockWork>().TickAsync();
    }

    private async Task<List<Alert>> OverdueAsync(string child)
    {
        await using var db = _factory.Db();
        return await db.Alerts.AsNoTracking().Where(a => a.PersonId == Guid.Parse(child) && a.Code == ClockWork.TaskOverdueCode).ToListAsync();
    }

    private void AdvanceTo(DateTimeOffset at) => _factory.Clock.Advance(at - _factory.Clock.GetUtcNow());

    [Fact]
    public async Task An_open_task_passing_its_due_time_raises_task_overdue_at_that_time_to_the_teams_supervisor_once()
    {
        var child = await FoundChildAsync("due");

        AdvanceTo(SafeAndWellDue.AddMinutes(-1));
        await TickAsync();
        Assert.Empty(await OverdueAsync(child));

        AdvanceTo(SafeAndWellDue);
        await TickAsync();
        await TickAsync();
        AdvanceTo(SafeAndWellDue.AddHours(1));
        await TickAsync();

        var alert = Assert.Single(await OverdueAsync(child));
        Assert.Equal(SafeAndWellDue, alert.CreatedAt);
        Assert.Equal("supervisor:response", alert.Audience);
        // Read as the supervisor's worklist reads it: in words, with the child's name and the UK due time.
        var (status, body) = await _factory.Api().GetJsonAsync("/api/v1/alerts?code=task-overdue");
        Assert.Equal(System.Net.HttpStatusCode.OK, status);
        var read = Assert.Single(body!.AsArray(), a => a!["alert"]?["id"]?.GetValue<string>() == alert.Id.ToString() || a!["id"]?.GetValue<string>() == alert.Id.ToString())!.ToJsonString();
        Assert.Contains("safe and well", read, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Noah Clockdue", read);
        Assert.Contains("3 March 2026 at", read);
        Assert.DoesNotContain("{person:", read);
    }

    [Fact]
    public async Task A_task_done_before_its_due_time_raises_nothing()
    {
        var child = await FoundChildAsync("done");
        AdvanceTo(new DateTimeOffset(2026, 3, 2, 12, 5, 0, TimeSpan.Zero)); // a check at noon is recorded after noon, not before (in-the-future)
        await _api.SafeAndWellAsync("done-sw", "done-miss", child, "2026-03-02T12:00:00Z");

        AdvanceTo(SafeAndWellDue.AddHours(2));
        await TickAsync();

        Assert.Empty(await OverdueAsync(child));
    }

    [Fact]
    public async Task After_a_restart_the_worker_catches_up_each_missed_deadline_once()
    {
        var child = await FoundChildAsync("down");
        AdvanceTo(SafeAndWellDue.AddDays(3)); // both deadlines pass while no worker runs

        // A host with the clock worker on, on the same database: its first tick is at start.
        using (var restarted = _factory.WithWebHostBuilder(b => b.UseSetting("Safeguard:Clock:Enabled", "true")))
        {
            restarted.CreateClient();
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while ((await OverdueAsync(child)).Count < 2 && DateTime.UtcNow < deadline) await Task.Delay(100);
        }
        await TickAsync(); // and a later tick raises nothing more

        var alerts = await OverdueAsync(child);
        Assert.Equal(["return-interview", "safe-and-well-check"], alerts.Select(a => a.Key.Split(':')[1]).Order().ToArray()
            .Select(rule => rule[(rule.IndexOf('-') + 1)..]).ToArray());
    }

    [Fact]
    public async Task A_wake_up_derives_the_person_again_at_its_time_once()
    {
        var child = await _api.CreatePersonAsync(A.Child("Ivy", "Clockwake").AgedYears(13).Build());
        await _api.ReportAsync("wake-1", child, "2026-01-10T19:00:00Z");
        await _api.ReportAsync("wake-2", child, "2026-01-25T19:00:00Z");
        await _api.ReportAsync("wake-3", child, "2026-02-05T19:00:00Z");
        var due = _factory.Clock.GetUtcNow().AddHours(6);
        await using (var db = _factory.Db())
        {
            // Someone has tampered with the stored alert; a wake-up (as a custody rule will ask for) puts the derivation right.
            await db.Alerts.Where(a => a.PersonId == Guid.Parse(child)).ExecuteUpdateAsync(s => s.SetProperty(a => a.WithdrawnAt, due).SetProperty(a => a.WithdrawReason, "tampered"));
            db.Timers.Add(new ClockTimer { Id = Guid.NewGuid(), Key = "wake-up:test", PersonId = Guid.Parse(child), DueAt = due, What = TimerKinds.WakeUp, About = "test", CreatedAt = due.AddHours(-6) });
            await db.SaveChangesAsync();
        }

        AdvanceTo(due.AddMinutes(-1));
        Assert.Equal(0, await TickAsync());
        AdvanceTo(due);
        Assert.Equal(1, await TickAsync());
        Assert.Equal(0, await TickAsync());

        await using var check = _factory.Db();
        Assert.All(await check.Alerts.Where(a => a.PersonId == Guid.Parse(child)).ToListAsync(), a => Assert.Null(a.WithdrawnAt));
        Assert.Equal(due, (await check.Timers.SingleAsync(t => t.Key == "wake-up:test")).FiredAt);
    }
}
