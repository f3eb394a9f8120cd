using Safeguard.Matching.Text;

namespace Safeguard.Core.Search;

/// <summary>How alike two names are, for search ranking: exact, known variant or nickname, sounds
/// alike, or similar spelling (Jaro–Winkler), each with the words that explain it.</summary>
public static class NameScore
{
    public static (double Score, string Reason) Compare(string queryName, string recordName, string what)
    {
        var q = NameNormaliser.Normalise(queryName);
        var r = NameNormaliser.Normalise(recordName);
        if (q.Length == 0 || r.Length == 0) return (0, "");
        if (q == r) return (1.0, $"{what} agrees");
        if (Nicknames.AreVariants(q, r)) return (0.9, $"{what} is a known variant ({queryName} ~ {recordName})");
        var jw = JaroWinkler.Similarity(q, r);
        if (jw >= 0.9) return (jw, $"{what} spelt similarly ({queryName} ~ {recordName})");
        if (Soundex.Encode(q) == Soundex.Encode(r)) return (0.82, $"{what} sounds alike ({queryName} ~ {recordName})");
        if (r.StartsWith(q, StringComparison.Ordinal) && q.Length >= 2) return (0.8, $"{what} starts with '{queryName}'");
        return jw >= 0.75 ? (jw * 0.9, $"{what} partly alike ({queryName} ~ {recordName})") : (0, "");
    }
}
