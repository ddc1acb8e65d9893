using System.Globalization;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Search.Core.Errors;

namespace Search.Core.Querying;

/// <summary>
/// Rewrites a prefix, wildcard or range query the way Lucene would (a constant-score filter for many terms), but
/// first counts the index terms it matches and refuses it when there are more than the limit: expanding a short
/// prefix visits the postings of every matching term before the time budget can stop it.
/// </summary>
/// <remarks>
/// Refusing rather than keeping only the first N terms means a query either finds every match or says why not;
/// Lucene's top-terms rewrites would silently keep the alphabetically first terms of a prefix.
/// </remarks>
internal sealed class CappedExpansionRewrite(int maxTerms) : MultiTermQuery.RewriteMethod
{
    /// <exception cref="SearchInputException">The query matches more than the allowed number of terms (code <c>too_many_expansions</c>).</exception>
    public override Query Rewrite(IndexReader reader, MultiTermQuery query)
    {
        var terms = MultiFields.GetTerms(reader, query.Field);
        if (terms is not null)
        {
            var matching = query.GetTermsEnum(terms);
            var count = 0;
            while (matching.MoveNext())
            {
                if (++count > maxTerms)
                {
                    throw new SearchInputException("too_many_expansions", "q", string.Create(CultureInfo.InvariantCulture,
                        $"q: '{query.ToString(query.Field)}' matches more than {maxTerms:N0} different words in the index; make it more specific (a longer prefix before *)."));
                }
            }
        }

        return MultiTermQuery.CONSTANT_SCORE_AUTO_REWRITE_DEFAULT.Rewrite(reader, query);
    }
}
