using Lucene.Net.Index;
using Search.Core.Analysis;
using Search.Core.Querying;

namespace Search.Core.Tests.Querying;

// Checks, with the index's article counts given: a word the analyzer gives two forms is searched by the form more
// articles have; two neighbouring words also match the word they make together, directly or with a linking s, only
// when enough articles have it.
public class QueryFactoryTests
{
    private static readonly QueryFactory Queries = new(new GermanNewsAnalyzer());

    [Theory]
    [InlineData("falschem", "falsch", "falschem")] // "falsch" stands in far more articles than "falschem"
    [InlineData("Problem", "problem", "probl")] // "Probleme" and "Problemen" have only problem
    [InlineData("Nachbarn", "nachbar", "nachbarn")]
    public void WordWithTwoFormsIsSearchedByTheFormMoreArticlesHave(string word, string searched, string left)
    {
        var articles = new Dictionary<string, int> { ["falsch"] = 900, ["falschem"] = 12, ["probl"] = 300, ["problem"] = 700, ["nachbarn"] = 150, ["nachbar"] = 320 };

        var terms = Terms(Queries.Create(word, fuzzyTerms: null, term => articles.GetValueOrDefault(term.Text)));

        Assert.Contains(searched, terms);
        Assert.DoesNotContain(left, terms);
    }

    [Fact]
    public void WordWithTwoFormsIsSearchedByBothWithoutTheIndex() =>
        Assert.Superset(new HashSet<string> { "probl", "problem" }, Terms(Queries.Create("Problem")));

    [Theory]
    [InlineData("Masken Pflicht", "maskenpflicht", 5, true)]
    [InlineData("Masken Pflicht", "maskenpflicht", 1, false)] // fewer than JoinedWords.MinArticles
    [InlineData("Ausgang Sperre", "ausgangssperr", 5, true)] // with a linking s
    [InlineData("-Masken Pflicht", "maskenpflicht", 5, false)] // an excluded word is not joined
    public void NeighbouringWordsAlsoMatchTheWordTheyMakeWhenEnoughArticlesHaveIt(string text, string joined, int articles, bool expected)
    {
        // The single words are common; no other joining of them is a word.
        var single = new HashSet<string> { "mask", "pflicht", "ausgang", "sperr" };
        var terms = Terms(Queries.Create(text, fuzzyTerms: null, term => term.Text == joined ? articles : single.Contains(term.Text) ? 100 : 0));

        Assert.Equal(expected, terms.Contains(joined));
    }

    [Theory]
    [InlineData("2021", true)]
    [InlineData("1999", true)]
    [InlineData("2019/20", true)] // a season
    [InlineData("2020-21", true)]
    [InlineData("2020-2021", true)]
    [InlineData("1848", false)] // a year readers seldom mean by a news search, and a number as often
    [InlineData("2100", false)]
    [InlineData("202", false)]
    [InlineData("20201", false)]
    [InlineData("2020/2", false)]
    [InlineData("2020er", false)]
    [InlineData("G7", false)]
    public void AYearOrASeasonOfTwoIsAWordAQueryNeedNotMatch(string word, bool expected) =>
        Assert.Equal(expected, OptionalWords.IsYear(word));

    [Theory]
    [InlineData("Was bringt die Maskenpflicht in Bussen?", "bringt", true)] // asked: the capitalised nouns say what about
    [InlineData("Wird die Maskenpflicht in Bussen verlangt?", "verlangt", true)] // the last word, before the question mark
    [InlineData("bringt Maskenpflicht Bussen", "bringt", false)] // no question: every word counts
    public void AQuestionsWordWithoutACapitalScoresButIsNotAWordItIsAbout(string text, string asking, bool optional)
    {
        var query = Queries.Create(text);
        var close = new HashSet<Term>();
        query.Proximity!.ExtractTerms(close);

        Assert.Contains(asking, Terms(query));
        Assert.Contains(close, term => term.Text == "maskenpflicht");
        Assert.Equal(!optional, close.Any(term => term.Text == asking));
    }

    [Theory]
    [InlineData("was bringt die maskenpflicht in bussen?", false)] // no capitals to tell the nouns by
    [InlineData("Was bringt die Maskenpflicht in Bussen?", true)]
    public void OnlyAQuestionThatCapitalisesItsNounsLeavesItsOtherWordsOptional(string text, bool changed)
    {
        var everyWord = new QueryFactory(new GermanNewsAnalyzer(), Search.Core.Ranking.RankingWeights.Default with { LowerCaseOptionalInQuestions = false });

        Assert.Equal(changed, Queries.Create(text).Full.ToString() != everyWord.Create(text).Full.ToString());
    }

    [Theory]
    [InlineData("Hilft Vitamin D gegen Corona?", true)]
    [InlineData("Wie funktioniert die Luca-App", true)] // typed without the mark: its first word asks
    [InlineData("  warum schließen Banken Filialen", true)]
    [InlineData("Wird der Soli früher abgeschafft", true)] // a yes/no question typed without the mark
    [InlineData("Gibt es genug Grippeimpfstoff", true)]
    [InlineData("Müssen Schüler im Unterricht Maske tragen", true)]
    [InlineData("darf raus Straße", false)] // words copied from the middle of a headline
    [InlineData("Würden Klappe halten", false)] // not "wurden"
    [InlineData("Hilft Vitamin D gegen Corona", false)] // a content verb starts headlines as often
    [InlineData("Ist", false)]
    [InlineData("Wiener Schnitzel", false)]
    [InlineData("Luca-App Gesundheitsamt", false)]
    [InlineData("", false)]
    public void AQuestionHasAQuestionMarkOrAFirstWordThatAsks(string text, bool question) =>
        Assert.Equal(question, QuerySyntax.IsQuestion(text));

    private static HashSet<string> Terms(SearchQuery query)
    {
        var terms = new HashSet<Term>();
        query.Matching.ExtractTerms(terms);
        return [.. terms.Select(term => term.Text)];
    }
}
