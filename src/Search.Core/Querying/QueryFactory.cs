using Lucene.Net.Analysis;
using Lucene.Net.QueryParsers.Classic;
using Lucene.Net.Search;
using Search.Core.Documents;
using Search.Core.Errors;

namespace Search.Core.Querying;

/// <summary>
/// Turns the user's text into a Lucene query over title, body and caption (see <see cref="ArticleFields.SearchedFields"/>):
/// every word must match (AND); Lucene's classic syntax is available ("phrases", -exclusion, OR, prefix*, title:word).
/// </summary>
internal sealed class QueryFactory(Analyzer analyzer)
{
    private static readonly string[] Fields = [.. ArticleFields.SearchedFields.Keys];

    /// <exception cref="InvalidQueryException">The text is not valid query syntax.</exception>
    public Query Create(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return new MatchAllDocsQuery();
        }

        // The parser is cheap to build and not thread-safe, so each query gets its own.
        var parser = new MultiFieldQueryParser(ArticleFields.Version, Fields, analyzer, ArticleFields.SearchedFields.ToDictionary())
        {
            DefaultOperator = Operator.AND,
            AllowLeadingWildcard = false,
        };

        try
        {
            // Regular expressions are not offered; a slash is an ordinary character ("Corona/Covid").
            return parser.Parse(text.Replace("/", "\\/", StringComparison.Ordinal));
        }
        catch (ParseException e)
        {
            throw Invalid(text, e);
        }
        catch (BooleanQuery.TooManyClausesException e)
        {
            throw new InvalidQueryException(text, $"q has too many words or expands to too many terms (at most {BooleanQuery.MaxClauseCount}). Use fewer words or a longer prefix.", e);
        }
    }

    private static InvalidQueryException Invalid(string text, ParseException e)
    {
        var reason = e.Message.Split('\n', 2)[0];
        if (reason.StartsWith("Cannot parse", StringComparison.Ordinal) && reason.Contains(':', StringComparison.Ordinal))
        {
            reason = reason[(reason.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
        }

        return new InvalidQueryException(text,
            $"q could not be parsed: {reason}. Balance quotes and brackets, don't start a word with * or ?, " +
            "or put a backslash before special characters (+ - ! ( ) { } [ ] ^ \" ~ * ? : \\).", e);
    }
}
