using Safeguard.Matching.Blocking;
using Safeguard.Matching.Features;
using Safeguard.Matching.Model;
using Safeguard.Matching.Scoring;

namespace Safeguard.Matching.Outcome;

/// <summary>Checks one incoming person against existing records — when a person is recorded or
/// imported — and says whether they are new, possibly someone known, or certainly someone known.
/// Keeps the existing records prepared and indexed by blocking key, so one check costs only the
/// handful of comparisons with records that share a key. Safe to call from several threads.</summary>
public sealed class PersonMatcher
{
    private readonly FeatureTable _table = new();
    private readonly MatchModel _model;
    private readonly MatchThresholds _thresholds;
    private readonly MatchSettings _settings;
    private readonly Dictionary<ulong, List<int>>[] _index;
    private readonly Lock _lock = new();

    /// <summary>Indexes the existing records.</summary>
    /// <param name="existing">Records already held.</param>
    /// <param name="model">A trained model (see <see cref="Training.MatchModelTrainer"/>); the hand-set default when null.</param>
    /// <param name="thresholds">Where possible and definite matches begin; defaults when null.</param>
    /// <param name="settings">Blocking rules and caps; defaults when null.</param>
    public PersonMatcher(IEnumerable<PersonRecord> existing, MatchModel? model = null, MatchThresholds? thresholds = null, MatchSettings? settings = null)
    {
        _model = model ?? MatchModel.CreateDefault();
        _thresholds = thresholds ?? new MatchThresholds();
        _thresholds.Validate();
        _settings = settings ?? new MatchSettings();
        _index = _settings.BlockingRules.Select(_ => new Dictionary<ulong, List<int>>()).ToArray();
        foreach (var record in existing) Add(record);
    }

    /// <summary>Number of existing records indexed.</summary>
    public int Count { get { lock (_lock) return _table.Count; } }

    /// <summary>Adds a record (for example a person just created) so later checks find it.</summary>
    public void Add(PersonRecord record)
    {
        lock (_lock)
        {
            int i = _table.Add(record);
            for (int r = 0; r < _index.Length; r++)
            {
                ulong key = _settings.BlockingRules[r].Key(_table, i);
                if (key == 0) continue;
                if (!_index[r].TryGetValue(key, out var list)) _index[r][key] = list = [];
                list.Add(i);
            }
        }
    }

    /// <summary>Matches one incoming person against the existing records.</summary>
    public MatchOutcome Match(PersonRecord incoming)
    {
        List<CandidateMatch> ranked;
        lock (_lock)
        {
            int existing = _table.Count;
            int query = _table.Add(incoming, countValues: false);
            try
            {
                var scorer = new PairScorer(_table, _model);
                ranked = Candidates(query)
                    .Select(i => new CandidateMatch(_table.IdOf(i), scorer.Explain(query, i)))
                    .Where(c => c.Probability >= _thresholds.PossibleMatch)
                    .OrderByDescending(c => c.Explanation.MatchWeight)
                    .Take(_thresholds.MaxCandidates)
                    .ToList();
            }
            finally
            {
                _table.Truncate(existing);
            }
        }
        if (ranked.Count == 0) return new MatchOutcome.NoMatch();
        if (ranked[0].Probability >= _thresholds.DefiniteMatch && (ranked.Count == 1 || ranked[1].Probability < _thresholds.PossibleMatch))
            return new MatchOutcome.DefiniteMatch(ranked[0], ranked.Skip(1).ToList());
        return new MatchOutcome.PossibleMatches(ranked);
    }

    // Every indexed record sharing a key with the query under some rule, skipping keys so common
    // that they would be skipped in bulk deduplication too.
    private HashSet<int> Candidates(int query)
    {
        var found = new HashSet<int>();
        for (int r = 0; r < _index.Length; r++)
        {
            var rule = _settings.BlockingRules[r];
            ulong key = rule.Key(_table, query);
            if (key == 0 || !_index[r].TryGetValue(key, out var list)) continue;
            if (list.Count > Math.Min(_settings.MaxBlockSize, rule.MaxBlockSize ?? int.MaxValue)) continue;
            foreach (var i in list) found.Add(i);
        }
        return found;
    }
}
