using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Search.Core.Collecting;

/// <summary>Several rankings of the same matches: each match is scored once, not once per ranking.</summary>
internal sealed class ScoreOnce(ICollector rankings) : ICollector
{
    public bool AcceptsDocsOutOfOrder => rankings.AcceptsDocsOutOfOrder;

    public void SetScorer(Scorer scorer) => rankings.SetScorer(new ScoreCachingWrappingScorer(scorer));

    public void Collect(int doc) => rankings.Collect(doc);

    public void SetNextReader(AtomicReaderContext context) => rankings.SetNextReader(context);
}
