using Safeguard.Core.Rules;

namespace Safeguard.Core.Tests.Builders;

/// <summary>Builds <see cref="PersonFacts"/>: <c>A.Child().AgedYears(14).WithFlag("cse-risk")</c>.</summary>
public sealed class PersonBuilder
{
    private static int _next;
    private readonly Guid _id;
    private DateOnly? _dateOfBirth;
    private readonly List<FlagFact> _flags = [];
    private readonly List<OpenTask> _tasks = [];

    internal PersonBuilder(int? age)
    {
        // Deterministic ids keep failure messages and sorted outputs stable between runs.
        int n = Interlocked.Increment(ref _next);
        _id = new Guid(n, 0, 0, [0, 0, 0, 0, 0, 0, 0, 0]);
        if (age is { } years) _dateOfBirth = Time.Today.AddYears(-years).AddDays(-30);
    }

    public PersonBuilder AgedYears(int years) { _dateOfBirth = Time.Today.AddYears(-years).AddDays(-30); return this; }
    public PersonBuilder BornOn(string date) { _dateOfBirth = Time.Date(date); return this; }
    public PersonBuilder WithUnknownDateOfBirth() { _dateOfBirth = null; return this; }
    public PersonBuilder WithFlag(string code, string status = "confirmed") { _flags.Add(new(code, status)); return this; }
    public PersonBuilder WithOpenTask(string key, string code, TaskFulfilment closesWhen) { _tasks.Add(new(key, code, closesWhen)); return this; }

    public PersonFacts Build() => new(_id, _dateOfBirth, _flags.ToList(), _tasks.ToList());

    public static implicit operator PersonFacts(PersonBuilder builder) => builder.Build();
}

/// <summary>Entry point for people: <c>A.Child()</c>, <c>A.Suspect()</c>.</summary>
public static class A
{
    public static PersonBuilder Child() => new(14);
    public static PersonBuilder Adult() => new(35);
    public static PersonBuilder Suspect() => new(30);
}
