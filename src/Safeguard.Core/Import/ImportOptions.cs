using System.Diagnostics;

namespace Safeguard.Core.Import;

/// <summary>A row that was not imported: its line and why, without personal data (P6).</summary>
public sealed record ImportError(int Line, string Reason);

/// <summary>A row imported with one field left empty: its line, the field (the mapping's column) and why,
/// never the value (P6). A data-quality note, for someone to put right in the older system or in Safeguard.</summary>
public sealed record ImportNote(int Line, string Field, string Reason);

/// <summary>How far a run has got: rows done this time of <paramref name="RowsToDo"/>, the rate, and the time
/// left at that rate.</summary>
public sealed record ImportProgress(int RowsDone, int RowsToDo, double RowsPerSecond, ImportRun Run)
{
    public TimeSpan? TimeLeft => RowsPerSecond > 0 ? TimeSpan.FromSeconds(Math.Max(0, RowsToDo - RowsDone) / RowsPerSecond) : null;
}

/// <summary>What the caller wants to hear about, and how often.</summary>
public sealed record ImportOptions
{
    /// <summary>Rows matched together and committed with one checkpoint.</summary>
    public int BatchSize { get; init; } = 1000;
    public TimeSpan ProgressInterval { get; init; } = TimeSpan.FromSeconds(2);
    public int ProgressEveryRows { get; init; } = 1000;
    public Action<ImportProgress>? Progress { get; init; }
    public Action<ImportError>? Error { get; init; }
    public Action<ImportNote>? Note { get; init; }
    /// <summary>Called after each row with its line; tests use it to interrupt a run part-way.</summary>
    public Action<int>? AfterRow { get; init; }
}

/// <summary>Says how far the run has got, every <see cref="ImportOptions.ProgressInterval"/> or
/// <see cref="ImportOptions.ProgressEveryRows"/>, whichever comes first.</summary>
internal sealed class ImportProgressClock(ImportOptions options, int toDo)
{
    private readonly Stopwatch _watch = Stopwatch.StartNew();
    private TimeSpan _lastAt;
    private int _done, _lastDone;

    public void Done(int rows, ImportRun run)
    {
        _done += rows;
        if (options.Progress is null) return;
        if (_watch.Elapsed - _lastAt < options.ProgressInterval && _done - _lastDone < options.ProgressEveryRows) return;
        (_lastAt, _lastDone) = (_watch.Elapsed, _done);
        options.Progress(new ImportProgress(_done, toDo, _done / Math.Max(_watch.Elapsed.TotalSeconds, 0.001), run));
    }
}

