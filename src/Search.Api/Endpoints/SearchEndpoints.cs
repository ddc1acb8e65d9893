using System.ComponentModel;
using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Search.Api.Contracts;
using Search.Api.Metrics;
using Search.Api.Security;
using Search.Core.Analysis;
using Search.Core.Documents;
using Search.Core.Querying;

namespace Search.Api.Endpoints;

internal static partial class SearchEndpoints
{
    public static IEndpointRouteBuilder MapSearch(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/search", Search)
            .WithName("Search")
            .WithTags("Search")
            .WithSummary("Search articles")
            .WithDescription(
                "Ranked full-text search over title, body and caption with German analysis (umlauts, ß, inflections, stopwords, " +
                "compound parts: Impfstoff finds Impfstoffhersteller, ranked below articles that say Impfstoff; and two words the compound they make: " +
                "Masken Pflicht finds Maskenpflicht, Ausgang Sperre Ausgangssperre). " +
                "Words weigh by their rarity (idf): a query of two words needs both unless one is uncommon and weighs more than 1.2 times the other " +
                "(when fewer than 10 articles have both, those come first and the articles with only the heavier, uncommon word follow); " +
                "a longer one also finds articles that miss words carrying less than half its weight when fewer than 1000 articles have them all " +
                "(the fewer than 10 that have them all first, unless q is a question, with a ? or a first word such as warum, wie, was or wer, or a capitalised Wird, Ist, Gibt, Muss …: then the matches rank by their score); question words (warum, wann, gibt, dass …), in a question with capitalised nouns its words without a capital (bringt, unabhängig), and vs./versus need not match, Dr./Prof. before a name are left out. Web-search syntax: \"exact phrase\" (also „…“ or »…«), -exclude (also -\"a phrase\"), a OR b (also |; binds closer than the implied AND), " +
                "prefix* (by default 2 characters or more before *), word~ or word~1 (typos, up to 2 edits), title:word or title:\"a phrase\" (also body:, caption:). " +
                "Any text is accepted: what is not syntax is searched as words (an unbalanced quote is ignored, an unknown name before a colon is plain text). " +
                "When fewer than 3 articles have every word of q as typed, words of 5+ letters are also matched with 1-2 edits (fuzzy = true) and didYouMean suggests a spelling; when that finds nothing either, a compound no article has is searched as its two words (Lehrerimpfung: didYouMean = Lehrer Impfung). " +
                "A misprint several articles share beside the other words of q is searched as the word far more articles print with them (Guiseppe Conte: didYouMean = Giuseppe Conte, fuzzy = true). " +
                "Queries beyond Search:Limits (search terms, prefix length, words a prefix matches) answer 400; " +
                "a search that runs out of its time budget answers with what it found and partial = true. " +
                "An empty q lists articles newest first. Filters of one kind (month, year, source) combine with OR, different kinds with AND. " +
                "Each facet counts all matches under every filter except its own, so a reader can pick further values.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .RequireReadKey();
        app.MapGet("/api/analyze", Analyze)
            .WithName("Analyze")
            .WithTags("Search")
            .WithSummary("Show how the index analyses a text")
            .WithDescription(
                "The terms the index makes of a text, as it makes them of an article's body: each with the text it stands for, " +
                "its position and what made it. Shows why a word finds an article or does not: \"Ferngespräche\" stands as " +
                "ferngesprach and the compound parts §fern and §gesprach; \"Corona-Krise\" also as the joined word coronakris; " +
                "stopwords make no term. Compounds are split with the dictionary the index learned from its own corpus.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .RequireReadKey();
        return app;
    }

    internal static Results<Ok<AnalyzeResponse>, ValidationProblem> Analyze(
        ArticleSearcher searcher,
        [FromQuery, Description("The text to analyse, 1 to 1000 characters.")] string? text = null)
    {
        if (string.IsNullOrEmpty(text) || text.Length > SearchRequest.MaxQueryLength)
        {
            var problem = string.IsNullOrEmpty(text)
                ? "text is required: the words to analyse, e.g. text=Ferngespräche in Genf."
                : $"text must be at most {SearchRequest.MaxQueryLength} characters; it has {text.Length}.";
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["text"] = [problem] },
                title: "One or more parameters are invalid.", extensions: new Dictionary<string, object?> { ["code"] = "invalid_parameter" });
        }

        return TypedResults.Ok(new AnalyzeResponse(text, [.. searcher.Analyze(text).Select(token =>
            new AnalyzedTermResponse(token.Term, token.Text, token.Start, token.End, token.Position, Kind(token.Kind)))]));
    }

    private static string Kind(AnalyzedTokenKind kind) => kind switch
    {
        AnalyzedTokenKind.CompoundPart => "compound_part",
        AnalyzedTokenKind.Joined => "joined",
        AnalyzedTokenKind.OtherForm => "other_form",
        AnalyzedTokenKind.DottedPart => "dotted_part",
        _ => "word",
    };

    internal static Results<Ok<SearchResponse>, ValidationProblem> Search(
        ArticleSearcher searcher,
        SearchMetrics metrics,
        [FromQuery, Description("The words to find, at most 1000 characters. Empty lists every article, newest first.")] string? q = null,
        [FromQuery, Description("Only articles from this month, YYYY-MM. Repeat for several months (any of them).")] string[]? month = null,
        [FromQuery, Description("Only articles from this year, YYYY. Repeat for several years (any of them).")] string[]? year = null,
        [FromQuery, Description("Only articles from this outlet, e.g. zeit.de. Repeat for several (any of them).")] string[]? source = null,
        [FromQuery, Description("Only articles published on or after this day or month, YYYY-MM-DD or YYYY-MM.")] string? from = null,
        [FromQuery, Description("Only articles published on or before this day or month (a month includes all its days).")] string? to = null,
        [FromQuery, Description("Order of hits: relevance (default; BM25 over title, body and caption as one text with title words counting three times, query words close together in the title rank higher), fresh (relevance blended with age: score × (1 + 2^(−age/30 days)) / 2, age counted from the newest article), newest or oldest.")] string? sort = null,
        [FromQuery, Description("Page number, 1 or more. page × size may not exceed 10000; go deeper with cursor.")] int page = 1,
        [FromQuery, Description("Hits per page, 1 to 100.")] int size = 10,
        [FromQuery, Description("The `next` value of a previous response, to get the hits after it (deep paging). Use instead of page.")] string? cursor = null,
        [FromQuery, Description("true (default): when q finds fewer than 3 articles, suggest a spelling (didYouMean) and retry with words 1-2 edits away (fuzzy). false: find exactly the words as typed.")] string? typos = null,
        [FromQuery, Description("last: the reader is still typing the last word of q, so it also matches the 30 words in the most articles that start with it (Wirec finds Wirecard), and the typo retry and didYouMean leave it alone; for search as you type. none (default): every word is whole.")] string? prefix = null)
    {
        var started = Stopwatch.GetTimestamp();
        var query = q ?? string.Empty;
        var request = new SearchRequest(query, month ?? [], page, size)
        {
            Years = year ?? [],
            Sources = source ?? [],
            From = from,
            To = to,
            Sort = ParseSort(sort) ?? SearchSort.Relevance,
            Cursor = string.IsNullOrEmpty(cursor) ? null : cursor,
            Typos = ParseSwitch(typos) ?? true,
            PrefixLast = ParsePrefix(prefix) ?? false,
        };
        var errors = Validate(request, sort, typos);
        if (ParsePrefix(prefix) is null)
        {
            errors["prefix"] = [$"prefix must be last or none; got '{prefix}'."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "One or more parameters are invalid.",
                extensions: new Dictionary<string, object?> { ["code"] = "invalid_parameter" });
        }

        var stopwatch = Stopwatch.StartNew();
        var result = searcher.Search(request);
        var engine = stopwatch.Elapsed;
        var tookMs = Math.Round(engine.TotalMilliseconds, 2);

        var facets = new SearchFacets(result.Facets.Months, result.Facets.Years, result.Facets.Sources);
        var response = new SearchResponse(query, result.Total, page, size, tookMs, [.. result.Hits.Select(ToResponse)], facets,
            result.Next, result.Partial, result.DidYouMean, result.Fuzzy);
        metrics.Searched(engine, Stopwatch.GetElapsedTime(started), result.Total);
        return TypedResults.Ok(response);
    }

    internal static SearchHitResponse ToResponse(SearchHit hit) =>
        new(hit.Article.Id, hit.Article.Title, hit.Article.Date, hit.Article.Caption, hit.Article.Source, hit.Score, hit.Snippet, hit.TitleHtml, hit.CaptionHtml);

    private static bool? ParseSwitch(string? value) => value?.ToLowerInvariant() switch
    {
        null or "" or "true" => true,
        "false" => false,
        _ => null,
    };

    private static bool? ParsePrefix(string? value) => value?.ToLowerInvariant() switch
    {
        null or "" or "none" => false,
        "last" => true,
        _ => null,
    };

    private static SearchSort? ParseSort(string? sort) => sort?.ToLowerInvariant() switch
    {
        null or "" or "relevance" => SearchSort.Relevance,
        "newest" => SearchSort.Newest,
        "oldest" => SearchSort.Oldest,
        "fresh" => SearchSort.Fresh,
        _ => null,
    };

    private static Dictionary<string, string[]> Validate(SearchRequest request, string? sort, string? typos)
    {
        var errors = ValidateFilters(request);
        if (request.Query.Length > SearchRequest.MaxQueryLength)
        {
            errors["q"] = [$"q must be at most {SearchRequest.MaxQueryLength} characters; it has {request.Query.Length}."];
        }

        if (ParseSort(sort) is null)
        {
            errors["sort"] = [$"sort must be one of relevance, fresh, newest, oldest; got '{sort}'."];
        }

        if (ParseSwitch(typos) is null)
        {
            errors["typos"] = [$"typos must be true or false; got '{typos}'."];
        }

        if (request.Page < 1)
        {
            errors["page"] = [$"page must be 1 or more; got {request.Page}."];
        }

        if (request.Size is < 1 or > SearchRequest.MaxSize)
        {
            errors["size"] = [$"size must be between 1 and {SearchRequest.MaxSize}; got {request.Size}."];
        }
        else if (request.Page >= 1 && (long)request.Page * request.Size > SearchRequest.MaxWindow)
        {
            errors["page"] = [$"page × size may be at most {SearchRequest.MaxWindow}; got {request.Page} × {request.Size}. " +
                "To go deeper, follow the cursor: pass the response's 'next' value as cursor."];
        }

        if (request.Cursor is not null && request.Page != 1)
        {
            errors["cursor"] = ["cursor and page cannot be combined; a cursor already says where the next page starts. Leave page out."];
        }

        return errors;
    }

    /// <summary>The month, year, source, from and to filters' errors, by parameter (shared with /api/suggest).</summary>
    internal static Dictionary<string, string[]> ValidateFilters(SearchRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        AddAll(errors, "month", request.Months.Where(value => !ArticleDate.IsMonth(value)),
            value => $"month must be a month written YYYY-MM, e.g. 2021-12; got '{value}'.");
        AddAll(errors, "year", request.Years.Where(value => !Year().IsMatch(value)),
            value => $"year must be four digits, e.g. 2021; got '{value}'.");
        AddAll(errors, "source", request.Sources.Where(value => value.Length is 0 or > 200),
            value => "source must be an outlet name of 1 to 200 characters, e.g. zeit.de.");
        foreach (var (name, value) in new[] { ("from", request.From), ("to", request.To) })
        {
            if (value is not null && !ArticleDate.IsValid(value))
            {
                errors[name] = [$"{name} must be a day YYYY-MM-DD or a month YYYY-MM; got '{value}'."];
            }
        }

        if (!errors.ContainsKey("from") && !errors.ContainsKey("to") && request.From is not null && request.To is not null &&
            ArticleDate.ToSortKey(request.From) > ArticleDate.ToSortKey(request.To) + (request.To.Length == 7 ? 99 : 0))
        {
            errors["from"] = [$"from ({request.From}) must not be after to ({request.To})."];
        }

        return errors;
    }

    private static void AddAll(Dictionary<string, string[]> errors, string name, IEnumerable<string> bad, Func<string, string> message)
    {
        var messages = bad.Select(message).Distinct().ToArray();
        if (messages.Length > 0)
        {
            errors[name] = messages;
        }
    }

    [GeneratedRegex(@"^\d{4}$")]
    private static partial Regex Year();
}
