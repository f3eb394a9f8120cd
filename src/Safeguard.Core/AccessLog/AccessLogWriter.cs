using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Core.Data;

namespace Safeguard.Core.AccessLog;

/// <summary>Appends the access-log rows of reads (P2) with group commit: the rows of every request waiting at the moment
/// are numbered, hashed and saved in one transaction, and each request goes on only once its rows are committed, so a
/// view is still logged durably before it is shown. The log is one chain, so appending is serialised whatever writes it
/// (<see cref="AuditChain"/>): with a save per view, concurrent readers queue for the write lock one commit at a time;
/// with a save per group, sixteen readers share a commit.</summary>
/// <remarks>One writer per application (a singleton); each group is saved through its own scope's
/// <see cref="SafeguardDb"/>. When a group's save fails, each request's rows are saved again on their own, so one bad
/// request does not fail the others.</remarks>
public sealed class AccessLogWriter(IServiceScopeFactory scopes) : IAsyncDisposable, IDisposable
{
    /// <summary>Rows saved together at most: a group beyond it waits for the next commit.</summary>
    public const int MaxRowsPerCommit = 2000;

    private sealed record Pending(IReadOnlyList<AuditEntry> Rows, TaskCompletionSource Saved);

    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Lock _start = new();
    private Task? _loop;

    /// <summary>Saves <paramref name="rows"/> (made with <see cref="AuditLog.Entry"/>, not added to any context) and
    /// returns when they are committed; throws what the save threw.</summary>
    public Task AppendAsync(IReadOnlyList<AuditEntry> rows, CancellationToken ct = default)
    {
        if (rows.Count == 0) return Task.CompletedTask;
        var pending = new Pending(rows, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_queue.Writer.TryWrite(pending)) throw new ObjectDisposedException(nameof(AccessLogWriter));
        lock (_start) _loop ??= Task.Run(LoopAsync);
        // A request that gives up still has its rows saved: the view may already be on its way.
        return pending.Saved.Task.WaitAsync(ct);
    }

    private async Task LoopAsync()
    {
        var group = new List<Pending>();
        while (await _queue.Reader.WaitToReadAsync())
        {
            group.Clear();
            var rows = 0;
            while (rows < MaxRowsPerCommit && _queue.Reader.TryRead(out var next))
            {
                group.Add(next);
                rows += next.Rows.Count;
            }
            if (await TrySaveAsync(group.SelectMany(p => p.Rows).ToList()) is null)
            {
                foreach (var p in group) p.Saved.TrySetResult();
                continue;
            }
            foreach (var p in group)
            {
                if (await TrySaveAsync(p.Rows) is { } failed) p.Saved.TrySetException(failed);
                else p.Saved.TrySetResult();
            }
        }
    }

    private async Task<Exception?> TrySaveAsync(IReadOnlyList<AuditEntry> rows)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<SafeguardDb>();
            // Fresh copies: a failed attempt may have numbered the rows it was given.
            db.Audit.AddRange(rows.Select(Copy));
            await db.SaveChangesAsync(CancellationToken.None);
            return null;
        }
        catch (Exception e)
        {
            return e;
        }
    }

    private static AuditEntry Copy(AuditEntry e) => new()
    {
        At = e.At, ActorId = e.ActorId, ActorName = e.ActorName, ActorRole = e.ActorRole, Action = e.Action, Entity = e.Entity,
        EntityId = e.EntityId, PersonId = e.PersonId, Detail = e.Detail, Reason = e.Reason,
    };

    /// <summary>For a container disposed synchronously (the benchmarks' and the command's): rows already handed over are saved first.</summary>
    public void Dispose()
    {
        _queue.Writer.TryComplete();
        _loop?.GetAwaiter().GetResult();
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        if (_loop is { } loop) await loop;
    }
}
