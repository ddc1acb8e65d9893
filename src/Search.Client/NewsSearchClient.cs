using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Search.Client;

/// <summary>
/// A typed client for the news search API over an <see cref="HttpClient"/> whose <see cref="HttpClient.BaseAddress"/>
/// points at the service (e.g. <c>http://localhost:5000/</c>). Error responses throw <see cref="SearchApiException"/>.
/// </summary>
public sealed class NewsSearchClient
{
    private const string ArticleNotFound = "article_not_found";

    private readonly HttpClient _http;
    private readonly string? _apiKey;

    /// <summary>Creates a client; the <paramref name="httpClient"/> stays the caller's to configure and dispose.</summary>
    /// <param name="httpClient">An HttpClient with a base address; a path in it (<c>https://host/news/</c>) must end with <c>/</c>.</param>
    /// <param name="apiKey">Sent as <c>Authorization: Bearer</c> on every request: the admin key for writes, or the read key
    /// when the service requires one for searching. Null sends no key of its own.</param>
    /// <exception cref="ArgumentException">The HttpClient has no base address, or its path does not end with <c>/</c>.</exception>
    public NewsSearchClient(HttpClient httpClient, string? apiKey = null)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        if (httpClient.BaseAddress is not { } baseAddress)
        {
            throw new ArgumentException("The HttpClient needs a BaseAddress, e.g. http://localhost:5000/.", nameof(httpClient));
        }

        if (!baseAddress.AbsolutePath.EndsWith('/'))
        {
            // Relative paths replace the last segment of a base path without a trailing slash.
            throw new ArgumentException($"The BaseAddress {baseAddress} must end with '/', e.g. {baseAddress}/.", nameof(httpClient));
        }

        _http = httpClient;
        _apiKey = string.IsNullOrEmpty(apiKey) ? null : apiKey;
    }

    /// <summary>Searches: one page of hits with total and facets.</summary>
    /// <exception cref="SearchApiException">A parameter is invalid (400, see <see cref="SearchApiException.Errors"/>), or another error.</exception>
    public async Task<SearchResponse> SearchAsync(SearchQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var queryString = query.ToQueryString();
        using var response = await SendAsync(HttpMethod.Get, queryString.Length == 0 ? "api/search" : $"api/search?{queryString}", null, cancellationToken)
            .ConfigureAwait(false);
        return await ReadAsync<SearchResponse>(response, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Completions of the last word of <paramref name="text"/> for a search box: the index's words that start
    /// with it, in the most articles first, written as the articles write them (the words before it as typed).</summary>
    /// <param name="text">What the reader has typed, 1 to 100 characters, ending in the word to complete.</param>
    /// <param name="size">The most completions, 1 to 20.</param>
    /// <param name="filters">Month, year, source, from and to of this query keep only words that articles within them
    /// have (its other properties are not used); null for none.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <exception cref="SearchApiException">A parameter is invalid (400: text empty, too long or ending in a space or punctuation; size outside 1..20).</exception>
    public async Task<SuggestResponse> SuggestAsync(string text, int size = 8, SearchQuery? filters = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        var query = (filters ?? new SearchQuery()) with { Q = text, Sort = null, Page = null, Size = size, Cursor = null, PrefixLast = false };
        using var response = await SendAsync(HttpMethod.Get, $"api/suggest?{query.ToQueryString()}", null, cancellationToken).ConfigureAwait(false);
        return await ReadAsync<SuggestResponse>(response, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Every hit of a search, page after page, following the <see cref="SearchResponse.Next"/> cursors.</summary>
    /// <remarks><see cref="SearchQuery.Size"/> sets the page size of each request; <see cref="SearchQuery.Page"/> applies to the first one only.</remarks>
    /// <exception cref="SearchApiException">A request failed.</exception>
    public async IAsyncEnumerable<SearchHit> SearchAllAsync(SearchQuery query, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        for (var next = query; next is not null;)
        {
            var page = await SearchAsync(next, cancellationToken).ConfigureAwait(false);
            foreach (var hit in page.Hits)
            {
                yield return hit;
            }

            // A cursor says where the next page starts; the service refuses it together with a page number.
            next = string.IsNullOrEmpty(page.Next) ? null : next with { Cursor = page.Next, Page = null };
        }
    }

    /// <summary>One whole article, or null when there is no article with that id.</summary>
    /// <exception cref="SearchApiException">Any error other than the article's 404.</exception>
    public async Task<ArticleResponse?> GetArticleAsync(string id, CancellationToken cancellationToken = default)
    {
        using var response = await SendAsync(HttpMethod.Get, ArticlePath(id), null, cancellationToken).ConfigureAwait(false);
        return await IsArticleNotFoundAsync(response, cancellationToken).ConfigureAwait(false)
            ? null
            : await ReadAsync<ArticleResponse>(response, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The articles most similar to one article, or null when there is no article with that id.</summary>
    /// <param name="id">The article id.</param>
    /// <param name="size">How many related articles, 1 to 50.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <exception cref="SearchApiException">Any error other than the article's 404, e.g. 400 for a size outside 1..50.</exception>
    public async Task<RelatedResponse?> GetRelatedAsync(string id, int size = 10, CancellationToken cancellationToken = default)
    {
        using var response = await SendAsync(HttpMethod.Get, $"{ArticlePath(id)}/related?size={size.ToString(CultureInfo.InvariantCulture)}", null, cancellationToken).ConfigureAwait(false);
        return await IsArticleNotFoundAsync(response, cancellationToken).ConfigureAwait(false)
            ? null
            : await ReadAsync<RelatedResponse>(response, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Adds or replaces the article with this id; it is durable and searchable once this returns. Needs the admin key.</summary>
    /// <returns>The outcome: <c>added</c>, <c>updated</c> or <c>unchanged</c>.</returns>
    /// <exception cref="SearchApiException">Invalid fields (400, see <see cref="SearchApiException.Errors"/>), no or a wrong key (401),
    /// the read key or a read-only service (403), the index busy (503, see <see cref="SearchApiException.RetryAfter"/>).</exception>
    public async Task<WriteResponse> PutArticleAsync(string id, ArticleInput article, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(article);
        using var content = JsonContent.Create(article, options: ClientJson.Options);
        using var response = await SendAsync(HttpMethod.Put, ArticlePath(id), content, cancellationToken).ConfigureAwait(false);
        return await ReadAsync<WriteResponse>(response, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Deletes an article. Needs the admin key.</summary>
    /// <returns>True when it was deleted (in cluster mode also when the delete is stored in the log but the node that answered has
    /// not applied it yet: 202), false when there was no article with that id.</returns>
    /// <exception cref="SearchApiException">Any error other than the article's 404, e.g. 401 or 403.</exception>
    public async Task<bool> DeleteArticleAsync(string id, CancellationToken cancellationToken = default)
    {
        using var response = await SendAsync(HttpMethod.Delete, ArticlePath(id), null, cancellationToken).ConfigureAwait(false);
        if (await IsArticleNotFoundAsync(response, cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        await EnsureSuccessAsync(response, cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>Adds or replaces many articles in one request (NDJSON), each with its <see cref="ArticleInput.Id"/>. Needs the admin key.</summary>
    /// <returns>Counts and one result per article, in order; valid articles are stored even when others are rejected.</returns>
    /// <exception cref="SearchApiException">The request as a whole failed, e.g. 401, 403, or 400 for more than 10,000 articles.</exception>
    public async Task<BulkWriteResponse> BulkAsync(IEnumerable<ArticleInput> articles, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(articles);
        using var body = new MemoryStream();
        foreach (var article in articles)
        {
            JsonSerializer.Serialize(body, article, ClientJson.Options);
            body.WriteByte((byte)'\n');
        }

        using var content = new ByteArrayContent(body.GetBuffer(), 0, (int)body.Length);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-ndjson") { CharSet = "utf-8" };
        using var response = await SendAsync(HttpMethod.Post, "api/articles", content, cancellationToken).ConfigureAwait(false);
        return await ReadAsync<BulkWriteResponse>(response, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The service's health and the number of articles it serves.</summary>
    /// <exception cref="SearchApiException">The service answered with an error.</exception>
    public async Task<HealthResponse> HealthAsync(CancellationToken cancellationToken = default)
    {
        using var response = await SendAsync(HttpMethod.Get, "health", null, cancellationToken).ConfigureAwait(false);
        return await ReadAsync<HealthResponse>(response, cancellationToken).ConfigureAwait(false);
    }

    private static string ArticlePath(string id)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        return $"api/articles/{Uri.EscapeDataString(id)}";
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, HttpContent? content, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = content };
        if (_apiKey is not null)
        {
            // Per request rather than on DefaultRequestHeaders: the HttpClient may be shared with other code.
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _apiKey);
        }

        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    // Only the API's own "no such article" counts as absent; any other 404 (a wrong base address, say) is an error.
    private static async Task<bool> IsArticleNotFoundAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.StatusCode != HttpStatusCode.NotFound)
        {
            return false;
        }

        var problem = await ProblemReader.ReadAsync(response, cancellationToken).ConfigureAwait(false);
        return problem.Code == ArticleNotFound ? true : throw problem;
    }

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw await ProblemReader.ReadAsync(response, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        await EnsureSuccessAsync(response, cancellationToken).ConfigureAwait(false);
        return await response.Content.ReadFromJsonAsync<T>(ClientJson.Options, cancellationToken).ConfigureAwait(false)
            ?? throw new JsonException($"The search API answered {(int)response.StatusCode} with a null {typeof(T).Name}.");
    }
}
