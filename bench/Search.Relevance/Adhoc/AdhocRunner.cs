using Search.Core.Errors;
using Search.Core.Querying;

namespace Search.Relevance.Adhoc;

/// <summary>Runs the topics through our engine in process, as the API's search does with its defaults (every option as
/// <see cref="SearchRequest"/> has it: relevance order, typo retry, snippets and facets built).</summary>
internal static class AdhocRunner
{
    /// <summary>How deep our ranking is read: the run file keeps the top 10, the condensed estimate reads on past
    /// unjudged articles.</summary>
    public const int ReadDepth = 30;

    /// <summary>Our ranked ids per topic; a query the engine rejects ranks nothing (and is reported on stderr).</summary>
    public static RankedRun Run(ArticleSearcher searcher, IReadOnlyList<Topic> topics, string name)
    {
        var top = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var topic in topics)
        {
            try
            {
                top[topic.Id] = [.. searcher.Search(new SearchRequest(topic.Query, [], 1, ReadDepth)).Hits.Select(hit => hit.Article.Id)];
            }
            catch (SearchInputException e)
            {
                Console.Error.WriteLine($"{topic.Id} '{topic.Query}': rejected ({e.Code}): {e.Message}");
                top[topic.Id] = [];
            }
        }

        return new RankedRun(name, top);
    }
}
