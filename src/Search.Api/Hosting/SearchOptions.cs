namespace Search.Api.Hosting;

/// <summary>The <c>Search</c> configuration section.</summary>
public sealed class SearchOptions
{
    public const string Section = "Search";

    /// <summary>The index folder; a relative path resolves against the repository root when the service runs inside the
    /// repository, else against the working folder.</summary>
    /// <value>The default is <c>index-data</c>.</value>
    public string IndexPath { get; set; } = "index-data";

    /// <summary>The corpus indexed on first start when there is no index yet; relative paths resolve like <see cref="IndexPath"/>'s.</summary>
    /// <value>The default is <c>seeds</c>.</value>
    public string SeedsPath { get; set; } = "seeds";

    /// <summary>Check every segment's checksums before serving, so a damaged index is refused with the fix in the log.</summary>
    /// <value>The default is true; it costs one read of the whole index at start.</value>
    public bool VerifyIndexAtStart { get; set; } = true;

    /// <summary>Seconds of searches drawn from the index at start, before the service answers, so the first readers
    /// find optimised code and the index's hot parts in memory (see <c>ArticleSearcher.WarmUp</c>); 0 for none.</summary>
    /// <value>The default is 10: a cap; the warm-up stops as soon as the JIT has settled (a few seconds on a quiet machine).</value>
    public double WarmUpSeconds { get; set; } = 10;

    /// <summary>Memory for the score tables of the index's most common words (8 bytes per article that has the word, at
    /// most 4 per article of the index), built at start and in the background for each new index snapshot: searches with
    /// common words are up to twice as fast, with the same results; 0 for none.</summary>
    /// <value>The default is 32 MiB: all 853 words of the real corpus (28,041 articles) that are in at least one article
    /// in 16; the 8 most common of a million generated articles.</value>
    public int CommonWordMemoryMiB { get; set; } = 32;

    /// <summary>The memory for each index snapshot's completion words (<c>/api/suggest</c>), in MiB: when the
    /// index's words would take more, the rarest are left out (words in one article first); 0 for no completions.</summary>
    /// <value>The default is 64 MiB: every word of the real corpus takes about 16 MiB.</value>
    public int CompletionMemoryMiB { get; set; } = 64;

    /// <summary>The key that writes require (<c>Authorization: Bearer &lt;key&gt;</c>). Without one, the service is read-only.</summary>
    public string? AdminKey { get; set; }

    /// <summary>When set, reads (search, articles) require this key or the admin key. Leave empty for public embedding.</summary>
    public string? ReadKey { get; set; }

    /// <summary>Origins allowed to call the API from a browser (CORS), e.g. <c>https://news.example</c>.</summary>
    /// <value>The default is none: no cross-origin calls.</value>
    public IReadOnlyList<string> CorsOrigins { get; set; } = [];
}
