using Search.Core.Analysis;

namespace Search.Core.Querying;

/// <summary>
/// The words of a query that say nothing of its topic (<see cref="QueryFactory.IsOptional"/>): question words, "vs." and
/// "versus", academic titles, and years. In a query with other words an article need not have them.
/// </summary>
internal static class OptionalWords
{
    /// <summary>Words a reader types to ask a question (and "dass", which the stopword list only has as "daß"): no
    /// article is about them, and a query that requires them misses the articles about its topic. In a query with other
    /// words they are optional: they add to an article's score but need not match (<see cref="GermanNewsAnalyzer.StopWords"/>
    /// already drops wie, was, wo, können).</summary>
    public static readonly IReadOnlySet<string> QuestionWords = new HashSet<string>(StringComparer.Ordinal)
    {
        "warum", "wieso", "weshalb", "weswegen", "wann", "wer", "wen", "wem", "wessen", "woher", "wohin", "wozu", "womit",
        "wodurch", "wofur", "welch", "gibt", "gab", "dass", "mussen", "musste", "durfen", "darf", "sollen", "sollten",
    };

    /// <summary>The words that start a question (folded as the index folds them; <see cref="QuerySyntax.IsQuestion"/>): the
    /// W-words, of <see cref="QuestionWords"/> and those the stopword list drops (wie, was, wo). The verbs a yes/no
    /// question starts with are <see cref="AskingVerbs"/>.</summary>
    public static readonly IReadOnlySet<string> AskingWords = new HashSet<string>(StringComparer.Ordinal)
    {
        "warum", "wieso", "weshalb", "weswegen", "wie", "was", "wer", "wen", "wem", "wessen", "wann", "wo", "woher", "wohin",
        "welche", "welcher", "welches", "welchen", "welchem", "wozu", "womit", "wodurch", "woruber", "worum", "wovon",
    };

    /// <summary>The auxiliary and modal verbs that start a yes/no question ("Wird der Soli abgeschafft", "Gibt es genug
    /// Grippeimpfstoff"), lower-cased but not folded ("würden", which starts headlines, is not "wurden"); a query they start
    /// is a question (<see cref="QuerySyntax.IsQuestion"/>). Content verbs ("Hilft", "Droht", "Findet") start headlines
    /// as often, and are left out.</summary>
    public static readonly IReadOnlySet<string> AskingVerbs = new HashSet<string>(StringComparer.Ordinal)
    {
        "ist", "sind", "war", "waren", "wird", "werden", "wurde", "wurden", "hat", "haben", "kann", "können", "darf", "dürfen",
        "muss", "müssen", "soll", "sollen", "will", "wollen", "gibt",
    };

    /// <summary>Whether <paramref name="clause"/> is a plain word of <see cref="QuestionWords"/>.</summary>
    public static bool IsQuestionWord(QueryClause clause) =>
        WordShape.PlainWord(clause) is { } word && QuestionWords.Contains(GermanNewsAnalyzer.Fold(word.Text));

    /// <summary>The words that set two sides against each other ("Bayern vs. Dortmund", "Söder versus Laschet"): no article
    /// is about them, and a rare word an article must have would be the one that chooses the articles (every "vs." of the
    /// corpus, whatever it compares). In a query with other words they are optional, as <see cref="QuestionWords"/> are.</summary>
    public static readonly IReadOnlySet<string> VersusWords = new HashSet<string>(StringComparer.Ordinal) { "vs", "versus" };

    /// <summary>Academic titles before a name ("Dr. Drosten", "Prof. Drosten"): the articles about the person seldom print
    /// the title each time ("Dr. Drosten" found 29 of the 715 articles on Drosten). In a query with other words they are
    /// left out.</summary>
    public static readonly IReadOnlySet<string> TitleWords = new HashSet<string>(StringComparer.Ordinal) { "dr", "prof" };

    /// <summary>Whether <paramref name="clause"/> is one of <see cref="VersusWords"/>, with or without its dot.</summary>
    public static bool IsVersusWord(QueryClause clause) => Is(clause, VersusWords);

    /// <summary>Whether <paramref name="clause"/> is one of <see cref="TitleWords"/>, with or without its dot.</summary>
    public static bool IsTitleWord(QueryClause clause) => Is(clause, TitleWords);

    /// <summary>Whether <paramref name="word"/> is a year as readers type it (1900-2099), or a season of two ("2019/20",
    /// "2020/21", "2020-2021"): in a query with other words it need not match (<see cref="Ranking.RankingWeights.OptionalYears"/>).</summary>
    public static bool IsYear(string word)
    {
        if (word.Length < 4 || word.AsSpan(0, 4).ContainsAnyExceptInRange('0', '9')
            || !(word.StartsWith("19", StringComparison.Ordinal) || word.StartsWith("20", StringComparison.Ordinal)))
        {
            return false;
        }

        var rest = word.AsSpan(4);
        return rest.IsEmpty || (rest.Length is 3 or 5 && rest[0] is '/' or '-' && !rest[1..].ContainsAnyExceptInRange('0', '9'));
    }

    private static bool Is(QueryClause clause, IReadOnlySet<string> words) =>
        WordShape.SingleWord(clause) is { } word && words.Contains(GermanNewsAnalyzer.Fold(word.Text.TrimEnd('.')));

    /// <summary>Whether <paramref name="clause"/> is a plain word without a capital letter (a verb, an adjective, an
    /// adverb: "bringt", "unabhängig", "ständig"), not excluded; the question mark a last word carries
    /// ("geschmuggelt?") aside.</summary>
    public static bool IsLowerCase(QueryClause clause) =>
        !clause.Excluded && WordShape.SingleWord(clause) is { } word && word.Text.TrimEnd('?', '!', '.') is { Length: > 0 } text
        && text.All(char.IsLetter) && !text.Any(char.IsUpper);
}
