namespace Safeguard.Web.Pages.Shared;

/// <summary>What the GOV.UK pagination partial (_Pagination) needs: the page shown, how many pages there are, and the
/// address of page n (the list's filters kept). <paramref name="Label"/> names the list for screen readers.</summary>
public sealed record Pager(int Page, int Pages, Func<int, string> Href, string Label)
{
    /// <summary>The page numbers to show: the first, the last, and those either side of this one; null marks a gap (…).</summary>
    public IEnumerable<int?> Numbers()
    {
        int? last = null;
        for (var i = 1; i <= Pages; i++)
        {
            if (i != 1 && i != Pages && Math.Abs(i - Page) > 1) continue;
            if (last is { } l && i - l > 1) yield return null;
            yield return i;
            last = i;
        }
    }
}
