using System.Diagnostics;
using Search.Core.Errors;
using Search.Core.Querying;

namespace Search.Core.Tests.Querying;

// Checks, on 3000 made-up articles each holding one word wort0001 … wort3000:
// - a prefix word needs MinPrefixLength characters before *;
// - a prefix, wildcard or range word matching more than MaxTermExpansions terms is refused, one matching exactly that many runs;
// - a query with more than MaxClauses clauses (words × searched fields) is refused, naming the count;
// - fuzzy words stay allowed, expand to at most MaxFuzzyExpansions terms and keep their first FuzzyPrefixLength characters;
// - a search that runs out of its time budget comes back flagged partial; with the default budget it is complete.
public class QueryLimitsTests(SyntheticCorpusFixture fixture) : IClassFixture<SyntheticCorpusFixture>
{
    private readonly ArticleSearcher _searcher = fixture.Searcher;

    [Theory]
    [InlineData("a*", "q: 'a*' needs at least 2 characters before *; a shorter prefix matches too many words.")]
    [InlineData("title:Ä*", "q: 'Ä*' needs at least 2 characters before *; a shorter prefix matches too many words.")]
    public void PrefixShorterThanTheMinimumIsRefused(string query, string message)
    {
        var error = Assert.Throws<SearchInputException>(() => Search(query, new QueryLimits()));

        Assert.Equal("prefix_too_short", error.Code);
        Assert.Equal("q", error.Parameter);
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void PrefixOfTheMinimumLengthRuns() =>
        Assert.Equal(SyntheticCorpusFixture.Count, Search("wo*", new QueryLimits()).Total);

    [Fact]
    public void PrefixMatchingMoreTermsThanTheCapIsRefused()
    {
        var error = Assert.Throws<SearchInputException>(() => Search("wort*", new QueryLimits { MaxTermExpansions = 1000 }));

        Assert.Equal("too_many_expansions", error.Code);
        Assert.Equal("q", error.Parameter);
        Assert.Equal("q: 'wort*' matches more than 1,000 different words in the index; make it more specific (a longer prefix before *).", error.Message);
    }

    [Fact]
    public void PrefixMatchingExactlyTheCapRuns() =>
        Assert.Equal(1000, Search("wort1*", new QueryLimits { MaxTermExpansions = 1000 }).Total);

    [Fact]
    public void BracketsAreNotRangeSyntaxButPunctuation() =>
        Assert.Equal(1, Search("body:[wort0001]", new QueryLimits { MaxTermExpansions = 1000 }).Total);

    [Fact]
    public void QueryWithMoreClausesThanTheLimitIsRefusedNamingTheCount()
    {
        // Two words, each looked up in title, body and caption and as a compound part in title and body (5 terms each),
        // and the two words close together in the headline (2): twelve terms.
        var error = Assert.Throws<SearchInputException>(() => Search("Wetter Morgen", new QueryLimits { MaxClauses = 11 }));

        Assert.Equal("too_many_clauses", error.Code);
        Assert.Equal("q", error.Parameter);
        Assert.Equal("q has 12 search terms (each word is looked up in title, body and caption, whole and as a compound part; a fuzzy word~ counts 50 per field); at most 11 are allowed. Use fewer words.", error.Message);
    }

    [Fact]
    public void QueryWithExactlyTheClauseLimitRuns() =>
        Assert.Equal(SyntheticCorpusFixture.Count, Search("Wetter Morgen", new QueryLimits { MaxClauses = 12 }).Total);

    [Fact]
    public void FuzzyWordExpandsToAtMostTheCap()
    {
        // Within two edits of wort0001 are hundreds of words (wort0000 … wort0099, wort1001, …); each is in one article.
        var result = Search("wort0001~", new QueryLimits { MaxFuzzyExpansions = 5 });

        Assert.InRange(result.Total, 1, 5);
        Assert.Contains(result.Hits, hit => hit.Article.Id == "synthetic-0001");
    }

    [Fact]
    public void FuzzyWordKeepsItsFirstCharacters()
    {
        Assert.Equal(0, Search("xort0001~1", new QueryLimits { FuzzyPrefixLength = 1 }).Total);
        Assert.True(Search("xort0001~1", new QueryLimits { FuzzyPrefixLength = 0 }).Total > 0);
    }

    [Fact]
    public void SearchOverItsTimeBudgetIsFlaggedPartial()
    {
        _searcher.QueryLimits = new QueryLimits();
        try
        {
            // Lucene's clock ticks every 20 ms, so a search shorter than a tick finishes unless a tick falls inside it:
            // repeat until one does (typically within a few dozen searches).
            _searcher.TimeBudget = TimeSpan.FromMilliseconds(1);
            var stopwatch = Stopwatch.StartNew();
            SearchResult result;
            do
            {
                result = _searcher.Search(new SearchRequest(string.Empty, [], 1, 10));
            }
            while (!result.Partial && stopwatch.Elapsed < TimeSpan.FromSeconds(30));

            Assert.True(result.Partial, "no search ran out of a 1 ms budget within 30 s");
            Assert.InRange(result.Total, 0, SyntheticCorpusFixture.Count - 1);
        }
        finally
        {
            _searcher.TimeBudget = TimeSpan.FromSeconds(2);
        }

        var complete = _searcher.Search(new SearchRequest(string.Empty, [], 1, 10));
        Assert.False(complete.Partial);
        Assert.Equal(SyntheticCorpusFixture.Count, complete.Total);
    }

    private SearchResult Search(string query, QueryLimits limits)
    {
        _searcher.QueryLimits = limits;
        return _searcher.Search(new SearchRequest(query, [], 1, 10));
    }
}
