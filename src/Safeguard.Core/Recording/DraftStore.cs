using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Data;

namespace Safeguard.Core.Recording;

/// <summary>Keeps what a person has typed between the pages of a recording journey (B4), so that
/// nothing is lost when a page is refused, the browser is closed, or the session times out.
/// A draft belongs to the user who started it; nobody else can read it.</summary>
public sealed class DraftStore(SafeguardDb db, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<Guid> StartAsync<T>(string ownerId, string kind, T content, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var draft = new Draft { Id = Guid.NewGuid(), OwnerId = ownerId, Kind = kind, Json = JsonSerializer.Serialize(content, Json), CreatedAt = now, UpdatedAt = now };
        db.Drafts.Add(draft);
        await db.SaveChangesAsync(ct);
        return draft.Id;
    }

    public async Task<T?> LoadAsync<T>(string ownerId, string kind, Guid id, CancellationToken ct = default) where T : class
    {
        var draft = await db.Drafts.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id && d.OwnerId == ownerId && d.Kind == kind, ct);
        return draft is null ? null : JsonSerializer.Deserialize<T>(draft.Json, Json);
    }

    public async Task SaveAsync<T>(string ownerId, string kind, Guid id, T content, CancellationToken ct = default)
    {
        var draft = await db.Drafts.FirstOrDefaultAsync(d => d.Id == id && d.OwnerId == ownerId && d.Kind == kind, ct)
            ?? throw new InvalidOperationException("The draft does not exist.");
        draft.Json = JsonSerializer.Serialize(content, Json);
        draft.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
    }

    public async Task DeleteAsync(string ownerId, Guid id, CancellationToken ct = default) =>
        await db.Drafts.Where(d => d.Id == id && d.OwnerId == ownerId).ExecuteDeleteAsync(ct);

    /// <summary>The user's unfinished drafts, newest first, so they can pick one up again.</summary>
    public async Task<IReadOnlyList<Draft>> ListAsync(string ownerId, CancellationToken ct = default) =>
        await db.Drafts.AsNoTracking().Where(d => d.OwnerId == ownerId).OrderByDescending(d => d.UpdatedAt).Take(20).ToListAsync(ct);
}
