using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Records;
using Safeguard.Matching.Text;

namespace Safeguard.Core.Search;

/// <summary>What a searcher typed: a name (one or more words), perhaps a date of birth and a postcode.</summary>
public sealed record PersonQuery(string? Name, string? DateOfBirth = null, string? Postcode = null);

/// <summary>A person found, with a score in [0, 1] and the reasons for it.</summary>
public sealed record PersonHit(Person Person, double Score, IReadOnlyList<string> Reasons);

/// <summary>Finds people by name with spelling variants, nicknames, transposed names, partial or mistyped
/// date of birth and postcode (D1), likeliest first. Candidates come from indexed keys (normalised and
/// phonetic names, date of birth, postcode). Every candidate is ranked from a narrow read (its names, aliases, date of
/// birth and postcode), each distinct name compared once; only the people on the page asked for are read whole.</summary>
public static class PersonSearch
{
    /// <summary>Candidates ranked, at most: when more people share the names typed, those whose forename and surname are
    /// both known forms of the words go first, then the surname, then the rest.</summary>
    public const int MaxCandidates = 10_000;
    /// <summary>People found by an alias word, at most: each is a query parameter of the candidate query.</summary>
    private const int MaxAliasCandidates = 500;

    public static async Task<IReadOnlyList<PersonHit>> FindAsync(IQueryable<Person> visible, PersonQuery query, int limit = 50,
        CancellationToken ct = default) => (await FindPageAsync(visible, query, 0, limit, ct)).Hits;

    /// <summary>The people ranked <paramref name="skip"/>+1 to <paramref name="skip"/>+<paramref name="take"/>, and how
    /// many were found in all (every candidate that scores, up to <see cref="MaxCandidates"/>).</summary>
    public static async Task<(IReadOnlyList<PersonHit> Hits, int Total)> FindPageAsync(IQueryable<Person> visible, PersonQuery query,
        int skip, int take, CancellationToken ct = default)
    {
        var words = (query.Name ?? "").Split([' ', ','], StringSplitOptions.RemoveEmptyEntries).Select(NameNormaliser.Normalise)
            .Where(w => w.Length > 0).Take(4).ToList();
        var dob = DateOfBirthQuery.Parse(query.DateOfBirth);
        var postcode = PersonSearchKeys.NormalisePostcode(query.Postcode);
        if (words.Count == 0 && dob is null && postcode is null) return ([], 0);

        var keys = words.SelectMany(Nicknames.VariantsOf).Distinct().ToList();
        var phonetics = words.Select(Soundex.Encode).Where(k => k.Length > 0).Distinct().ToList();
        var prefixes = words.Where(w => w.Length >= 2).ToList();

        IQueryable<Person> candidates = visible.Where(p => p.MergedIntoId == null);
        if (words.Count > 0)
        {
            // Every branch is served by an index, so a search reads only the people it may find (D1 at force size): the
            // folded and phonetic names (equality), a surname starting with a typed word (a range on the folded surname),
            // and an alias word starting with one (a range on the alias keys, looked up first). Aliases are then scored
            // like any other name.
            // People whose aliases hold more of the typed words come first: "Jay Smith" must not be crowded out by every Jay.
            var aliasIds = prefixes.Count == 0 ? [] : await candidates.SelectMany(p => p.AliasKeys)
                .Where(StartsWithAny<PersonAliasKey>(k => k.Key, prefixes)).GroupBy(k => k.PersonId)
                .OrderByDescending(g => g.Count()).ThenBy(g => g.Key).Select(g => g.Key).Take(MaxAliasCandidates).ToListAsync(ct);
            var named = (Expression<Func<Person, bool>>)(p => keys.Contains(p.SurnameKey) || keys.Contains(p.ForenameKey)
                || phonetics.Contains(p.SurnamePhonetic) || phonetics.Contains(p.ForenamePhonetic) || aliasIds.Contains(p.Id));
            candidates = candidates.Where(prefixes.Count == 0 ? named : Or(named, StartsWithAny<Person>(p => p.SurnameKey, prefixes)));
        }
        else if (dob is not null)
        {
            var from = new DateOnly(dob.Year, dob.Month ?? 1, dob.Day ?? 1);
            var to = dob.IsComplete ? from : dob.Month is null ? from.AddYears(1).AddDays(-1) : from.AddMonths(1).AddDays(-1);
            candidates = candidates.Where(p => p.DateOfBirth >= from && p.DateOfBirth <= to);
        }
        else candidates = candidates.Where(p => p.Postcode == postcode);

        // Only what ranking uses is read for every candidate: a common name has thousands, and whole rows cost several
        // times as much to read. When there are more than MaxCandidates, the likeliest go first (both names known forms of
        // the words typed, then the surname), otherwise all the Johns could crowd out the Smiths.
        var found = await candidates
            .OrderBy(p => keys.Contains(p.SurnameKey) && keys.Contains(p.ForenameKey) ? 0 : keys.Contains(p.SurnameKey) ? 1 : 2)
            .ThenBy(p => p.SurnameKey).ThenBy(p => p.Id).Take(MaxCandidates)
            .Select(p => new Candidate(p.Id, p.Forename, p.Surname, p.Aliases, p.DateOfBirth, p.Postcode)).ToListAsync(ct);
        var names = new NameComparisons();
        var ranked = found.Select(c => (Candidate: c, Score: Score(c, words, dob, postcode, names))).Where(h => h.Score.Value > 0.3)
            .OrderByDescending(h => h.Score.Value).ThenBy(h => h.Candidate.Surname).ThenBy(h => h.Candidate.Forename).ToList();
        var page = ranked.Skip(Math.Max(0, skip)).Take(Math.Max(0, take)).ToList();
        if (page.Count == 0) return ([], ranked.Count);

        // The page's people, read whole; untracked, as the search's access-log rows are saved straight after. One removed
        // or merged since the candidates were read is left out.
        var ids = page.Select(h => h.Candidate.Id).ToList();
        var people = await visible.AsNoTracking().Where(p => ids.Contains(p.Id) && p.MergedIntoId == null).ToDictionaryAsync(p => p.Id, ct);
        var hits = page.Where(h => people.ContainsKey(h.Candidate.Id))
            .Select(h => new PersonHit(people[h.Candidate.Id], h.Score.Value, h.Score.Reasons)).ToList();
        return (hits, ranked.Count - (page.Count - hits.Count));
    }

    /// <summary>What ranking reads of a candidate.</summary>
    private sealed record Candidate(Guid Id, string Forename, string Surname, List<string> Aliases, DateOnly? DateOfBirth, string? Postcode);

    private readonly record struct Scored(double Value, IReadOnlyList<string> Reasons);

    /// <summary><c>key</c> starts with one of the prefixes, as ranges an ordinary index serves (<c>prefix &lt;= key &lt;
    /// upper</c>; keys are folded names, compared by code point), each prefix a query parameter.</summary>
    private static Expression<Func<T, bool>> StartsWithAny<T>(Expression<Func<T, string>> key, IReadOnlyList<string> prefixes)
    {
        Expression? body = null;
        foreach (var prefix in prefixes)
        {
            var bounds = new PrefixBounds(prefix, PersonAliasKeys.UpperBound(prefix));
            var term = Expression.AndAlso(
                Expression.GreaterThanOrEqual(Compare(key.Body, Expression.Field(Expression.Constant(bounds), nameof(PrefixBounds.Lower))), Zero),
                Expression.LessThan(Compare(key.Body, Expression.Field(Expression.Constant(bounds), nameof(PrefixBounds.Upper))), Zero));
            body = body is null ? term : Expression.OrElse(body, term);
        }
        return Expression.Lambda<Func<T, bool>>(body ?? Expression.Constant(false), key.Parameters);
    }

    private static readonly ConstantExpression Zero = Expression.Constant(0);
    private static readonly System.Reflection.MethodInfo CompareMethod = typeof(string).GetMethod(nameof(string.Compare), [typeof(string), typeof(string)])!;

    private static MethodCallExpression Compare(Expression left, Expression right) => Expression.Call(CompareMethod, left, right);

    private static Expression<Func<Person, bool>> Or(Expression<Func<Person, bool>> a, Expression<Func<Person, bool>> b) =>
        Expression.Lambda<Func<Person, bool>>(Expression.OrElse(a.Body, new Rebind(b.Parameters[0], a.Parameters[0]).Visit(b.Body)), a.Parameters);

    /// <summary>Fields, not constants: EF Core sends values reached through a captured object as parameters, so one
    /// compiled query serves every prefix.</summary>
    private sealed class PrefixBounds(string lower, string upper)
    {
        public readonly string Lower = lower;
        public readonly string Upper = upper;
    }

    private sealed class Rebind(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }

    /// <summary>Scores one candidate against the query. Names weigh most; the date of birth confirms or
    /// counts against; a postcode agreeing adds a little.</summary>
    private static Scored Score(Candidate p, IReadOnlyList<string> words, DateOfBirthQuery? dob, string? postcode, NameComparisons names)
    {
        var reasons = new List<string>();
        double score;
        if (words.Count == 0) score = 0.6;
        else
        {
            var (nameScore, nameReasons) = BestNameScore(p, words, names);
            score = nameScore;
            reasons.AddRange(nameReasons);
        }

        if (dob is not null)
        {
            if (p.DateOfBirth is { } d)
            {
                var (s, why) = dob.Compare(d);
                reasons.Add(why);
                score = words.Count == 0 ? s : score * (0.55 + 0.45 * s);
            }
            else { reasons.Add("no date of birth recorded"); score *= 0.8; }
        }
        if (postcode is not null && p.Postcode == postcode) { reasons.Add("postcode agrees"); score = Math.Min(1, score + 0.05); }
        return new Scored(Math.Round(score, 3), reasons.Where(r => r.Length > 0).ToList());
    }

    /// <summary>Each (word, name) pair compared once per search: thousands of candidates share a few hundred names.</summary>
    private sealed class NameComparisons
    {
        private readonly Dictionary<(string Word, string Name, string What), (double, string)> _done = [];

        public (double Score, string Reason) Compare(string word, string name, string what)
        {
            if (!_done.TryGetValue((word, name, what), out var result)) _done[(word, name, what)] = result = NameScore.Compare(word, name, what);
            return result;
        }
    }

    private static (double, IReadOnlyList<string>) BestNameScore(Candidate p, IReadOnlyList<string> words, NameComparisons names)
    {
        var all = new List<(string Forename, string Surname, string Label)> { (p.Forename, p.Surname, "") };
        foreach (var alias in p.Aliases)
        {
            var parts = alias.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length >= 1) all.Add((parts.Length > 1 ? parts[0] : "", parts[^1], $" (alias {alias})"));
        }

        double best = 0;
        IReadOnlyList<string> bestReasons = [];
        foreach (var (forename, surname, label) in all)
        {
            if (words.Count == 1)
            {
                var (s, why) = names.Compare(words[0], surname, "surname");
                var (f, whyF) = names.Compare(words[0], forename, "forename");
                var (score, reason) = s >= f ? (s, why) : (f * 0.9, whyF);
                if (score > best) { best = score; bestReasons = [reason + label]; }
                continue;
            }
            var (fs, fr) = names.Compare(words[0], forename, "forename");
            var (ss, sr) = names.Compare(words[^1], surname, "surname");
            var direct = 0.45 * fs + 0.55 * ss;
            if (direct > best) { best = direct; bestReasons = [fr + label, sr]; }

            // Forename and surname recorded the other way round.
            var (tf, _) = names.Compare(words[^1], forename, "forename");
            var (ts, _) = names.Compare(words[0], surname, "surname");
            var swapped = (0.45 * tf + 0.55 * ts) * 0.95;
            if (swapped > best) { best = swapped; bestReasons = ["forename and surname transposed" + label]; }
        }
        return (best, bestReasons);
    }
}
