using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Search.Core.Ranking;

/// <summary>
/// A query that lets an article miss a word, with the few articles that have every word placed first: each of
/// <see cref="First"/> (top-level document numbers) scores <see cref="Bonus"/> more than the query gives it. For a reader
/// who remembers an article's words, the handful of articles that have them all is what was meant; when many articles
/// have them all, ranking every match by its score serves topical searches better (see <see cref="RankingWeights.AllWordsFirstBelow"/>).
/// </summary>
internal sealed class AllWordsFirstQuery(Query query, IReadOnlyList<int> first) : Query
{
    // What the query itself gave each of First when a search scored it, in First's order (NaN until then); shared with
    // the query it rewrites to, which is the one the search scores with.
    private float[] Scores { get; init; } = Enumerable.Repeat(float.NaN, first.Count).ToArray();

    /// <summary>What an article with every word scores on top: more than any article of the index can score by the query
    /// itself, so the order is every such article (by score), then the others (by score).</summary>
    public const float Bonus = 100_000f;

    public Query Query { get; } = query;

    /// <summary>The articles with every word, as top-level document numbers in order.</summary>
    public IReadOnlyList<int> First { get; } = first;

    /// <summary>What the query itself gave the article at <paramref name="index"/> of <see cref="First"/> in the last
    /// search that scored it (NaN when none did): its score without the bonus, exact, where subtracting the bonus from the
    /// sum rounds it off (a float near the bonus keeps two decimal places). One search at a time per query object: the
    /// runner makes one per search.</summary>
    public float ScoreWithoutBonus(int index) => Scores[index];

    /// <summary>The score a hit shows: its score without the bonus.</summary>
    public static float Shown(float score) => score >= Bonus ? score - Bonus : score;

    public override Weight CreateWeight(IndexSearcher searcher) => new FirstWeight(this, Query.CreateWeight(searcher));

    public override Query Rewrite(IndexReader reader) =>
        Query.Rewrite(reader) is var rewritten && !ReferenceEquals(rewritten, Query) ? new AllWordsFirstQuery(rewritten, First) { Boost = Boost, Scores = Scores } : this;

    public override void ExtractTerms(ISet<Term> terms) => Query.ExtractTerms(terms);

    public override string ToString(string field) => "allWordsFirst(" + Query.ToString(field) + ", " + First.Count + " articles)";

    public override bool Equals(object? obj) => obj is AllWordsFirstQuery other && Query.Equals(other.Query) && First.SequenceEqual(other.First);

    public override int GetHashCode() => HashCode.Combine(Query, First.Count);

    private sealed class FirstWeight(AllWordsFirstQuery query, Weight inner) : Weight
    {
        public override Query Query => query;

        public override float GetValueForNormalization() => inner.GetValueForNormalization();

        public override void Normalize(float norm, float topLevelBoost) => inner.Normalize(norm, topLevelBoost);

        public override Scorer? GetScorer(AtomicReaderContext context, IBits? acceptDocs)
        {
            var scorer = inner.GetScorer(context, acceptDocs);
            if (scorer is null)
            {
                return null;
            }

            // The segment's share of the first articles, as its own document numbers.
            var end = context.DocBase + context.AtomicReader.MaxDoc;
            var first = query.First.Where(doc => doc >= context.DocBase && doc < end).Select(doc => doc - context.DocBase).ToArray();
            var offset = query.First.Count(doc => doc < context.DocBase);
            return first.Length == 0 ? scorer : new FirstScorer(this, scorer, first, query.Scores.AsMemory(offset, first.Length));
        }

        public override Explanation Explain(AtomicReaderContext context, int doc)
        {
            var explanation = inner.Explain(context, doc);
            if (!explanation.IsMatch || !query.First.Contains(context.DocBase + doc))
            {
                return explanation;
            }

            var result = new ComplexExplanation(true, explanation.Value + Bonus, "sum of:");
            result.AddDetail(explanation);
            result.AddDetail(new Explanation(Bonus, "one of the few articles with every word"));
            return result;
        }
    }

    // The segment's first articles (its own document numbers, in order) and where their scores go. Parallel parts of
    // one search score different articles, so each slot has one writer.
    private sealed class FirstScorer(Weight weight, Scorer inner, int[] first, Memory<float> scores) : Scorer(weight)
    {
        public override int DocID => inner.DocID;

        public override int Freq => inner.Freq;

        public override int NextDoc() => inner.NextDoc();

        public override int Advance(int target) => inner.Advance(target);

        public override float GetScore()
        {
            var score = inner.GetScore();
            var at = Array.BinarySearch(first, inner.DocID);
            if (at < 0)
            {
                return score;
            }

            scores.Span[at] = score;
            return score + Bonus;
        }

        public override long GetCost() => inner.GetCost();

        public override ICollection<ChildScorer> GetChildren() => [new ChildScorer(inner, "MUST")];
    }
}
