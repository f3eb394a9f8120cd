using Safeguard.Core.Calendar;
using Safeguard.Core.Flags;
using Safeguard.Core.Records;
using Safeguard.Core.Work;

namespace Safeguard.Core.Rules;

/// <summary>What the rules know about a person besides their chronology: date of birth, flags and open tasks.</summary>
/// <param name="PersonId">The person.</param>
/// <param name="DateOfBirth">When known.</param>
/// <param name="Flags">Current flags, any status.</param>
/// <param name="OpenTasks">Tasks not yet done.</param>
public sealed record PersonFacts(Guid PersonId, DateOnly? DateOfBirth, IReadOnlyList<FlagFact> Flags, IReadOnlyList<OpenTask> OpenTasks)
{
    /// <summary>A person the rules know nothing about except their id.</summary>
    public static PersonFacts Unknown(Guid personId) => new(personId, null, [], []);

    /// <summary>The facts from stored rows. Tasks that are done, or were stored without <see cref="WorkTask.ClosesWhen"/>,
    /// are left out of <see cref="OpenTasks"/>.</summary>
    public static PersonFacts From(Person person, IEnumerable<Flag> flags, IEnumerable<WorkTask> tasks) => new(
        person.Id,
        person.DateOfBirth,
        flags.Where(f => f.PersonId == person.Id).Select(f => new FlagFact(f.Code, f.Status)).ToList(),
        tasks.Where(t => t.PersonId == person.Id && t.Status != Work.TaskStatus.Done && t.ClosesWhen is not null)
            .Select(t => new OpenTask(t.Key, t.Code, TaskFulfilment.Parse(t.ClosesWhen!)))
            .ToList());

    /// <summary>Age in whole years on the London date of an instant, when the date of birth is known.</summary>
    public int? AgeAt(DateTimeOffset instant)
    {
        if (DateOfBirth is not { } dob) return null;
        var date = SafeguardCalendar.LondonDate(instant);
        int age = date.Year - dob.Year;
        if (date < dob.AddYears(age)) age--;
        return age;
    }

    /// <summary>True when the person carries the flag as suggested or confirmed (a live flag).</summary>
    public bool HasLiveFlag(string code) =>
        Flags.Any(f => f.Code == code && f.Status is FlagStatus.Suggested or FlagStatus.Confirmed);

    /// <summary>True when the person has an open task with this code.</summary>
    public bool HasOpenTask(string code) => OpenTasks.Any(t => t.Code == code);
}
