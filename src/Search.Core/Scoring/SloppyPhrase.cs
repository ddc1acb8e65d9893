using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;

namespace Search.Core.Scoring;

/// <summary>
/// One phrase of the proximity query (a <see cref="PhraseQuery"/> with a slop and no repeated word), scored for chosen
/// articles exactly as Lucene's sloppy phrase scorer scores it, from the search's own term lookups. Lucene's phrase
/// weight looks every word up again in every segment, with a new dictionary enumerator each, and merges the segments'
/// dictionaries for the field's statistics: a fifth of a filtered search's time went to the proximity of its ten hits.
/// </summary>
/// <remarks>The frequency is Lucene's (<c>SloppyPhraseScorer.PhraseFreq</c>): walk the words' positions, always moving
/// the word that stands first, and for each arrangement count 1 / (distance + 1) when the words are within the slop.
/// A phrase that repeats a word needs Lucene's handling of repeats; <see cref="Of"/> then returns null.</remarks>
internal sealed class SloppyPhrase
{
    private readonly Term[] _terms;
    private readonly int[] _offsets;
    private readonly int _slop;
    private readonly Similarity _similarity;
    private readonly Similarity.SimWeight _stats;
    private readonly TermLookups _lookups;

    private SloppyPhrase(PhraseQuery phrase, IndexSearcher searcher, TermLookups lookups)
    {
        (_terms, _offsets, _slop, _similarity, _lookups) = (phrase.GetTerms(), phrase.GetPositions(), phrase.Slop, searcher.Similarity, lookups);
        var statistics = _terms.Select(term => searcher.TermStatistics(term, lookups.States(term))).ToArray();
        _stats = _similarity.ComputeWeight(phrase.Boost, lookups.CollectionStatistics(searcher, _terms[0].Field), statistics);
    }

    /// <summary>The phrases of <paramref name="proximity"/> with their weights normalised as
    /// <see cref="IndexSearcher.CreateNormalizedWeight"/> normalises them; null unless it is one sloppy phrase, or a
    /// disjunction without coordination of one or two (their scores summed as Lucene sums them), none repeating a word.</summary>
    /// <param name="proximity">The proximity query.</param>
    /// <param name="searcher">The searcher of the search.</param>
    /// <param name="lookups">The search's term lookups.</param>
    public static IReadOnlyList<SloppyPhrase>? Of(Query proximity, IndexSearcher searcher, TermLookups lookups)
    {
        var (clauses, boost) = proximity switch
        {
            PhraseQuery phrase => ([phrase], 1f),
            BooleanQuery { CoordDisabled: true, MinimumNumberShouldMatch: 0, Clauses.Count: 1 or 2 } boolean
                when boolean.Clauses.All(clause => clause.Occur == Occur.SHOULD && clause.Query is PhraseQuery)
                => (boolean.Clauses.Select(clause => (PhraseQuery)clause.Query).ToArray(), boolean.Boost),
            _ => ((PhraseQuery[]?)null, 1f),
        };
        if (clauses is null || !clauses.All(Fits))
        {
            return null;
        }

        var phrases = clauses.Select(phrase => new SloppyPhrase(phrase, searcher, lookups)).ToArray();
        var sum = phrases.Sum(phrase => phrase._stats.GetValueForNormalization()) * boost * boost;
        var norm = searcher.Similarity.QueryNorm(sum);
        if (float.IsInfinity(norm) || float.IsNaN(norm))
        {
            norm = 1f;
        }

        foreach (var phrase in phrases)
        {
            phrase._stats.Normalize(norm, boost);
        }

        return phrases;

        static bool Fits(PhraseQuery phrase)
        {
            var terms = phrase.GetTerms();
            return phrase.Slop > 0 && terms.Length > 1 && terms.Distinct().Count() == terms.Length;
        }
    }

    /// <summary>The phrase's scorer in <paramref name="leaf"/>, or null when a word of it is not in that segment.</summary>
    public LeafScorer? Scorer(AtomicReaderContext leaf)
    {
        var postings = new DocsAndPositionsEnum[_terms.Length];
        for (var i = 0; i < _terms.Length; i++)
        {
            var state = _lookups.States(_terms[i]).Get(leaf.Ord);
            if (state is null)
            {
                return null;
            }

            postings[i] = TermLookups.Positions(leaf, _terms[i], state)
                ?? throw new InvalidOperationException($"field \"{_terms[i].Field}\" was indexed without position data; cannot score the proximity of {_terms[i]}");
        }

        return new LeafScorer(postings, _offsets, _slop, _similarity.GetSimScorer(_stats, leaf));
    }

    /// <summary>Scores the phrase in the articles of one segment, asked in increasing order.</summary>
    internal sealed class LeafScorer(DocsAndPositionsEnum[] postings, int[] offsets, int slop, Similarity.SimScorer scorer)
    {
        private readonly int[] _position = new int[postings.Length];
        private readonly int[] _remaining = new int[postings.Length];
        private readonly bool[] _queued = new bool[postings.Length];

        // The words, rarest first: an article without one of them is passed over after the fewest reads.
        private readonly DocsAndPositionsEnum[] _rarestFirst = [.. postings.OrderBy(words => words.GetCost())];
        private int _end;

        /// <summary>The phrase's score in <paramref name="doc"/> (numbered within the segment, not lower than the
        /// last asked), or null when its words are not there within the slop.</summary>
        public float? Score(int doc)
        {
            foreach (var words in _rarestFirst)
            {
                if ((words.DocID < doc ? words.Advance(doc) : words.DocID) != doc)
                {
                    return null;
                }
            }

            var freq = Freq();
            return freq == 0f ? null : scorer.Score(doc, freq);
        }

        // Lucene's SloppyPhraseScorer.PhraseFreq for a phrase without repeated words.
        private float Freq()
        {
            _end = int.MinValue;
            for (var i = 0; i < postings.Length; i++)
            {
                _remaining[i] = postings[i].Freq;
                NextPosition(i);
                _queued[i] = true;
            }

            var freq = 0f;
            var word = Pop();
            var matchLength = _end - _position[word];
            var next = _position[First()];
            while (NextPosition(word))
            {
                if (_position[word] > next)
                {
                    if (matchLength <= slop)
                    {
                        freq += scorer.ComputeSlopFactor(matchLength);
                    }

                    _queued[word] = true;
                    word = Pop();
                    next = _position[First()];
                    matchLength = _end - _position[word];
                }
                else
                {
                    matchLength = Math.Min(matchLength, _end - _position[word]);
                }
            }

            if (matchLength <= slop)
            {
                freq += scorer.ComputeSlopFactor(matchLength);
            }

            return freq;
        }

        // The word's next position, less its place in the phrase (equal for all words of an exact match).
        private bool NextPosition(int word)
        {
            if (_remaining[word]-- <= 0)
            {
                return false;
            }

            _position[word] = postings[word].NextPosition() - offsets[word];
            _end = Math.Max(_end, _position[word]);
            return true;
        }

        // The queued word that stands first (Lucene's phrase queue: position, then place in the phrase, then order).
        private int First()
        {
            var first = -1;
            for (var i = 0; i < postings.Length; i++)
            {
                if (_queued[i] && (first < 0 || _position[i] < _position[first] || (_position[i] == _position[first] && offsets[i] < offsets[first])))
                {
                    first = i;
                }
            }

            return first;
        }

        private int Pop()
        {
            var first = First();
            _queued[first] = false;
            return first;
        }
    }
}
