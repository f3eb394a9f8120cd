using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;

namespace Safeguard.Cli.Tests;

/// <summary><c>safeguard generate</c>: a synthetic force loaded in bulk stands as if every event had been recorded one at
/// a time. Its cases are what rebuilding them from the event log gives, its rule outputs what running the rules again
/// over the whole history gives; nobody appears in an event from before they were born; the history spans the years
/// asked for. A database that already holds a force is refused, and so is bad input, with nothing written.</summary>
public sealed partial class GenerateCommandTests : IDisposable
{
    private readonly DatabaseCommand _cli = new();
    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task A_bulk_loaded_force_has_the_cases_and_rule_outputs_recording_would_give_and_nobody_before_their_birth()
    {
        var run = await _cli.RunAsync("generate", "--people", "400", "--years", "6");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("district 1/1:", run.Out);
        var said = Summary().Match(run.Out);
        Assert.True(said.Success, run.ToString());
        int people = int.Parse(said.Groups[1].Value.Replace(",", "")), events = int.Parse(said.Groups[2].Value.Replace(",", ""));

        List<(string Type, string Id, string Status, string Fields)> cases;
        (int Suggested, int Confirmed, int Tasks, int Alerts) outputs;
        await using (var db = _cli.Factory.OwnerDb())
        {
            Assert.Equal(people, await db.People.CountAsync());
            Assert.Equal(events, await db.Events.CountAsync());
            Assert.True(events > people * 3, $"{events} events for {people} people: histories are too thin");
            var times = await db.Events.Select(e => e.OccurredAt).ToListAsync();
            var (first, last) = (times.Min(), times.Max());
            Assert.True(last - first > TimeSpan.FromDays(5 * 365), $"The history runs from {first:d} to {last:d}, not across six years");
            Assert.True(first >= DateTimeOffset.UtcNow.AddYears(-6).AddDays(-1), $"The history begins {first:d}, before the six years asked for");

            var unborn = await db.EventParticipants
                .Join(db.Events, p => p.EventId, e => e.Id, (p, e) => new { p.PersonId, e.OccurredAt })
                .Join(db.People, x => x.PersonId, p => p.Id, (x, p) => new { x.OccurredAt, p.DateOfBirth })
                .ToListAsync();
            Assert.DoesNotContain(unborn, x => x.DateOfBirth > DateOnly.FromDateTime(x.OccurredAt.UtcDateTime));

            // Some people have many events, most a few: the shape the profile and search are measured on.
            var perPerson = await db.EventParticipants.GroupBy(p => p.PersonId).Select(g => g.Count()).ToListAsync();
            Assert.True(perPerson.Max() >= 40, $"The busiest person has only {perPerson.Max()} events");
            Assert.True(perPerson.Order().ElementAt(perPerson.Count / 2) <= 10, "Most people should have few events");

            cases = await Cases(db);
            Assert.Contains(cases, c => c.Type == "missing-episode");
            Assert.Contains(cases, c => c.Type == "custody");
            // Each era plans its own custody records and investigations: none is joined with another era's of the same name.
            Assert.Equal(await db.Events.CountAsync(e => e.Type == "custody-detained"), cases.Count(c => c.Type == "custody"));
            Assert.Equal(await db.Events.CountAsync(e => e.Type == "investigation-opened"), cases.Count(c => c.Type == "investigation"));
            outputs = await Outputs(db);
            Assert.True(outputs.Suggested > 0 && outputs.Confirmed > 0 && outputs.Tasks > 0, $"Rule outputs: {outputs}");
            Assert.True(await db.Users.AnyAsync(u => u.Username == "leader"), "The demo sign-ins are written last");
        }

        var rebuilt = await _cli.RunAsync("rebuild-cases");
        var rederived = await _cli.RunAsync("rederive", "--all");
        Assert.True(rebuilt.ExitCode == 0 && rederived.ExitCode == 0, rebuilt + "\n" + rederived);
        await using (var db = _cli.Factory.OwnerDb())
        {
            Assert.Equal(cases, await Cases(db));
            Assert.Equal(outputs, await Outputs(db));
        }
    }

    [Fact]
    public async Task A_database_that_already_holds_a_force_and_bad_input_are_refused_and_nothing_is_written()
    {
        var first = await _cli.RunAsync("generate", "--people", "150", "--years", "2");
        Assert.True(first.ExitCode == 0, first.ToString());
        int events;
        await using (var db = _cli.Factory.OwnerDb()) events = await db.Events.CountAsync();

        var again = await _cli.RunAsync("generate", "--people", "150", "--years", "2");
        var neither = await _cli.RunAsync("generate");
        var both = await _cli.RunAsync("generate", "--size", "tiny", "--people", "500");
        var tooFew = await _cli.RunAsync("generate", "--people", "20");
        var tooLong = await _cli.RunAsync("generate", "--people", "500", "--years", "31");
        var unknownSize = await _cli.RunAsync("generate", "--size", "country");

        Assert.True(again.ExitCode == 1, again.ToString());
        Assert.Contains("already holds a demo or generated force; nothing was written", again.Out);
        foreach (var refused in new[] { neither, both })
        {
            Assert.True(refused.ExitCode == 2, refused.ToString());
            Assert.Contains("give either --size force|region|tiny or --people N", refused.Error);
        }
        foreach (var refused in new[] { tooFew, tooLong })
        {
            Assert.True(refused.ExitCode == 2, refused.ToString());
            Assert.Contains("--people must be at least 100 and --years 1 to 30", refused.Error);
        }
        Assert.NotEqual(0, unknownSize.ExitCode);
        await using (var db = _cli.Factory.OwnerDb()) Assert.Equal(events, await db.Events.CountAsync());
    }

    private static async Task<List<(string Type, string Id, string Status, string Fields)>> Cases(Core.Data.SafeguardDb db) =>
        (await db.Cases.AsNoTracking().Select(c => new { c.Type, c.Id, c.Status, c.Fields }).ToListAsync())
        .Select(c => (c.Type, c.Id, c.Status, c.Fields)).OrderBy(c => c.Type, StringComparer.Ordinal).ThenBy(c => c.Id, StringComparer.Ordinal).ToList();

    private static async Task<(int, int, int, int)> Outputs(Core.Data.SafeguardDb db) =>
        (await db.Flags.CountAsync(f => f.Status == "suggested"), await db.Flags.CountAsync(f => f.Status == "confirmed"),
            await db.Tasks.CountAsync(), await db.Alerts.CountAsync());

    [GeneratedRegex(@"Generated ([\d,]+) people and ([\d,]+) events")]
    private static partial Regex Summary();
}
