using Lucene.Net.Search;
using Search.Core.Querying;

namespace Search.Core.Paging;

/// <summary>
/// Makes the <see cref="IdComparer"/> of the id tie-break that ends every order of <see cref="ArticleSearcher"/>.
/// </summary>
internal sealed class IdComparerSource : FieldComparerSource
{
    /// <summary>The one instance; every sort by id shares it (it holds no state).</summary>
    public static IdComparerSource Instance { get; } = new();

    private IdComparerSource()
    {
    }

    // Reversed or not, the comparer is the same: the collector turns its results around.
    public override FieldComparer NewComparer(string fieldname, int numHits, int sortPos, bool reversed) => new IdComparer(fieldname, numHits);
}
