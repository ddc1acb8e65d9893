using System.Globalization;
using System.Text;
using Lucene.Net.Analysis;
using Lucene.Net.QueryParsers.Classic;
using Lucene.Net.Search;
using Search.Core.Documents;
using Search.Core.Errors;

namespace Search.Core.Querying;

/// <summary>
/// Turns the user's text into a Lucene query over title, body and caption (see <see cref="ArticleFields.SearchedFields"/>):
/// every word must match (AND); Lucene's classic syntax is available ("phrases", -exclusion, OR, prefix*, word~, title:word).
/// Every query is held to <see cref="Limits"/>: clause count, prefix length and how far prefix and fuzzy words expand.
/// </summary>
internal sealed class QueryFactory(Analyzer analyzer)
{
    private static readonly string[] Fields = [.. ArticleFields.SearchedFields.Keys];

    /// <summary>The bounds every new query is held to.</summary>
    /// <value>The default is <see cref="QueryLimits"/> with its own defaults.</value>
    public QueryLimits Limits { get; set; } = new();

    /// <exception cref="InvalidQueryException">The text is not valid query syntax.</exception>
    /// <exception cref="SearchInputException">The query is too expensive: too many clauses (<c>too_many_clauses</c>) or a
    /// prefix too short (<c>prefix_too_short</c>). Too many expansions (<c>too_many_expansions</c>) are only found when it runs.</exception>
    public Query Create(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return new MatchAllDocsQuery();
        }

        var limits = Limits;
        // The parser is cheap to build and not thread-safe, so each query gets its own.
        var parser = new GermanQueryParser(Fields, analyzer, ArticleFields.SearchedFields.ToDictionary())
        {
            DefaultOperator = Operator.AND,
            AllowLeadingWildcard = false,
            FuzzyPrefixLength = limits.FuzzyPrefixLength,
        };

        Query query;
        try
        {
            // Regular expressions are not offered; a slash is an ordinary character ("Corona/Covid").
            query = parser.Parse(text.Replace("/", "\\/", StringComparison.Ordinal));
        }
        catch (ParseException e)
        {
            throw Invalid(text, e);
        }
        catch (BooleanQuery.TooManyClausesException e)
        {
            throw TooManyClauses("more than " + Format(BooleanQuery.MaxClauseCount), Math.Min(limits.MaxClauses, BooleanQuery.MaxClauseCount), e);
        }

        var clauses = Bound(query, limits);
        if (clauses > limits.MaxClauses)
        {
            throw TooManyClauses(Format(clauses), limits.MaxClauses);
        }

        return query;
    }

    // Counts the clauses (a word searched in three fields is three) and holds every prefix, wildcard, range and
    // fuzzy word to the limits on the way.
    private static int Bound(Query query, QueryLimits limits)
    {
        switch (query)
        {
            case BooleanQuery boolean:
                return boolean.Clauses.Sum(clause => Bound(clause.Query, limits));
            case PhraseQuery phrase:
                return phrase.GetTerms().Length;
            case MultiPhraseQuery phrase:
                return phrase.GetTermArrays().Sum(terms => terms.Length);
            case FuzzyQuery fuzzy:
                // Keeps the most similar terms; the parser already caps the edit distance at 2, Lucene's maximum.
                fuzzy.MultiTermRewriteMethod = new MultiTermQuery.TopTermsScoringBooleanQueryRewrite(limits.MaxFuzzyExpansions);
                return 1;
            case MultiTermQuery multiTerm:
                var prefix = LiteralPrefix(multiTerm);
                if (prefix is not null && prefix.Length < limits.MinPrefixLength)
                {
                    throw new SearchInputException("prefix_too_short", "q", string.Create(CultureInfo.InvariantCulture,
                        $"q: '{multiTerm.ToString(multiTerm.Field)}' needs at least {limits.MinPrefixLength} characters before * or ?; a shorter prefix matches too many words."));
                }

                multiTerm.MultiTermRewriteMethod = new CappedExpansionRewrite(limits.MaxTermExpansions);
                return 1;
            default:
                return 1;
        }
    }

    // The characters before the first unescaped * or ? of a prefix or wildcard word; null for other multi-term queries (ranges).
    private static string? LiteralPrefix(MultiTermQuery query)
    {
        switch (query)
        {
            case PrefixQuery prefix:
                return prefix.Prefix.Text;
            case WildcardQuery wildcard:
                var text = wildcard.Term.Text;
                var literal = new StringBuilder();
                for (var i = 0; i < text.Length; i++)
                {
                    if (text[i] is '*' or '?')
                    {
                        break;
                    }

                    if (text[i] == '\\' && i + 1 < text.Length)
                    {
                        i++;
                    }

                    literal.Append(text[i]);
                }

                return literal.ToString();
            default:
                return null;
        }
    }

    private static SearchInputException TooManyClauses(string count, int limit, Exception? inner = null) => new("too_many_clauses", "q",
        $"q has {count} clauses (each word counts once for each of title, body and caption); at most {Format(limit)} are allowed. Use fewer words.", inner);

    private static string Format(int number) => number.ToString("N0", CultureInfo.InvariantCulture);

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
