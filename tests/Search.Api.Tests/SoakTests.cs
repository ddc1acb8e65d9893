using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Xunit.Abstractions;

namespace Search.Api.Tests;

/// <summary>The soak test runs alone, so the process's memory is the soak's and no other test's.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SoakRunsAlone
{
    public const string Name = "soak";
}

// Checks, against the real API on Kestrel at 127.0.0.1 for SOAK_SECONDS (default 20; 600 for the long run): several
// search clients (searches with filters, sorting, pages, prefixes, articles, related, health) and one writer (PUT new
// articles, PUT updates, NDJSON bulk, DELETE) at once. Every request is answered with success (0 errors); every
// acknowledged write is readable at once by the writer and, at the end, every acknowledged article is there with its
// last title, every deleted one is gone, and a search finds exactly the acknowledged ones (0 lost). The managed heap
// after a full blocking, compacting collection, sampled at start, middle and end, does not grow beyond
// start x 1.5 + 50 MB (the index legitimately grows by the writes; a leak per request would not stay under that).
[Collection(SoakRunsAlone.Name)]
public class SoakTests(ITestOutputHelper output)
{
    private const int SearchClients = 4;

    private const string Marker = "Dauerlastprobe";

    private static readonly string[] Searches =
    [
        "api/search?q=Genf",
        "api/search?q=H%C3%A4user&sort=newest",
        "api/search?q=Strasse%20Sperrung",
        $"api/search?q={Marker}&size=20",
        $"api/search?q={Marker}&sort=oldest&page=2&size=5",
        $"api/search?q={Marker}&month=2021-03&month=2021-04",
        "api/search?q=Gespr%C3%A4ch*",
        "api/search?q=Rathaus~",
        "api/search?q=%22am%20Bodensee%22",
        "api/search?q=title:Treffen",
        "api/search?q=&sort=newest&size=50",
        "api/search?q=Bericht%20-Genf&from=2021-01&to=2021-06",
        "api/articles/haeuser-1",
        "api/articles/bodensee-1/related?size=5",
        "health",
    ];

    [Fact]
    public async Task ConcurrentSearchesAndWritesAreAllServedLoseNoWriteAndKeepMemorySteady()
    {
        var seconds = int.TryParse(Environment.GetEnvironmentVariable("SOAK_SECONDS"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value > 0 ? value : 20;
        await using var api = new LoopbackSearchApi();
        var address = api.Start();
        using var admin = Client(address, LoopbackSearchApi.AdminKey);
        var readers = Enumerable.Range(0, SearchClients).Select(_ => Client(address, LoopbackSearchApi.ReadKey)).ToList();
        var stats = new Stats();

        // Warm up (JIT, first reader), so the start sample is the service at rest rather than half-loaded.
        foreach (var url in Searches)
        {
            await Get(readers[0], url, stats);
        }

        var samples = new List<MemorySample> { Sample("start", stats) };
        var clock = Stopwatch.StartNew();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        var writer = new SoakWriter(admin, stats);
        var searching = readers.Select((reader, i) => Task.Run(() => SearchUntil(reader, i, stats, stop.Token))).ToList();
        var writing = Task.Run(() => writer.WriteUntil(stop.Token));

        await Task.Delay(TimeSpan.FromSeconds(seconds / 2.0));
        samples.Add(Sample("middle", stats));
        await Task.WhenAll([.. searching, writing]);
        var elapsed = clock.Elapsed;
        samples.Add(Sample("end", stats));

        var lost = await writer.VerifyAsync(readers[0]);
        output.WriteLine($"Soak: {elapsed.TotalSeconds:N0} s (SOAK_SECONDS={seconds}) against {address}, {SearchClients} search clients and one writer");
        output.WriteLine($"| requests served | searches and reads | writes acknowledged | errors | requests/s |");
        output.WriteLine($"|---|---|---|---|---|");
        output.WriteLine($"| {stats.Served:N0} | {stats.Reads:N0} | {stats.Writes:N0} (articles: {writer.Acknowledged:N0} live, {writer.Deleted:N0} deleted) | {stats.Errors.Count} | {stats.Served / elapsed.TotalSeconds:N0} |");
        output.WriteLine("| sample | live heap after full GC | heap size | working set | requests so far |");
        output.WriteLine("|---|---|---|---|---|");
        foreach (var sample in samples)
        {
            output.WriteLine($"| {sample.When} | {sample.HeapBytes / 1048576.0:N1} MB | {sample.HeapSizeBytes / 1048576.0:N1} MB | {sample.WorkingSetBytes / 1048576.0:N1} MB | {sample.Requests:N0} |");
        }

        output.WriteLine($"Lost acknowledged writes: {lost.Count}");
        Assert.True(stats.Errors.IsEmpty, $"{stats.Errors.Count} errors, e.g.:\n{string.Join('\n', stats.Errors.Take(5))}");
        Assert.True(lost.Count == 0, $"{lost.Count} acknowledged writes are not as acknowledged at the end, e.g.:\n{string.Join('\n', lost.Take(5))}");
        Assert.True(writer.Acknowledged > 0 && stats.Reads > 0, "The soak did no work.");
        var bound = samples[0].HeapBytes * 1.5 + 50 * 1048576.0;
        Assert.True(samples[^1].HeapBytes < bound,
            $"The heap grew from {samples[0].HeapBytes / 1048576.0:N1} MB to {samples[^1].HeapBytes / 1048576.0:N1} MB (bound {bound / 1048576.0:N1} MB).");
    }

    private static async Task SearchUntil(HttpClient client, int clientNumber, Stats stats, CancellationToken stop)
    {
        for (var i = clientNumber; !stop.IsCancellationRequested; i++)
        {
            await Get(client, Searches[i % Searches.Length], stats);
        }
    }

    private static async Task Get(HttpClient client, string url, Stats stats)
    {
        try
        {
            using var response = await client.GetAsync(url);
            var body = await response.Content.ReadAsStringAsync();
            if (!response.IsSuccessStatusCode)
            {
                stats.Errors.Enqueue($"GET {url}: {(int)response.StatusCode} {body}");
                return;
            }

            using var _ = JsonDocument.Parse(body);
            stats.Read();
        }
        catch (Exception e) when (e is HttpRequestException or JsonException or TaskCanceledException)
        {
            stats.Errors.Enqueue($"GET {url}: {e.GetType().Name}: {e.Message}");
        }
    }

    // A forced, blocking, compacting full collection leaves only what is reachable: what the service (and the test's
    // bookkeeping) keeps. Garbage not yet collected would otherwise make any sample meaningless.
    private static MemorySample Sample(string when, Stats stats)
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        using var process = Process.GetCurrentProcess();
        var info = GC.GetGCMemoryInfo(GCKind.FullBlocking);
        return new MemorySample(when, info.HeapSizeBytes - info.FragmentedBytes, info.HeapSizeBytes, process.WorkingSet64, stats.Served);
    }

    private static HttpClient Client(Uri address, string key) => new()
    {
        BaseAddress = address,
        Timeout = TimeSpan.FromSeconds(30),
        DefaultRequestHeaders = { Authorization = new AuthenticationHeaderValue("Bearer", key) },
    };

    // HeapBytes: live managed objects after the full collection (heap size less fragmentation); HeapSizeBytes: the heap's size.
    private sealed record MemorySample(string When, long HeapBytes, long HeapSizeBytes, long WorkingSetBytes, long Requests);

    private sealed class Stats
    {
        private long _reads;
        private long _writes;

        public ConcurrentQueue<string> Errors { get; } = new();

        public long Reads => Interlocked.Read(ref _reads);

        public long Writes => Interlocked.Read(ref _writes);

        public long Served => Reads + Writes;

        public void Read() => Interlocked.Increment(ref _reads);

        public void Wrote() => Interlocked.Increment(ref _writes);
    }

    /// <summary>
    /// The one writer: new articles by PUT, updates of earlier ones by PUT, NDJSON bulk, and deletes. It remembers what
    /// each acknowledged write left (the last title of every live id, every deleted id) and reads each write back at once.
    /// </summary>
    private sealed class SoakWriter(HttpClient admin, Stats stats)
    {
        private readonly Dictionary<string, string> _live = new(StringComparer.Ordinal);
        private readonly HashSet<string> _deleted = new(StringComparer.Ordinal);
        private int _next;

        public int Acknowledged => _live.Count;

        public int Deleted => _deleted.Count;

        public async Task WriteUntil(CancellationToken stop)
        {
            for (var round = 1; !stop.IsCancellationRequested; round++)
            {
                try
                {
                    if (round % 10 == 0)
                    {
                        await Bulk(5);
                    }
                    else if (round % 7 == 0 && _live.Count > 10)
                    {
                        await Delete(_live.Keys.OrderBy(id => id, StringComparer.Ordinal).ElementAt(round % _live.Count));
                    }
                    else if (round % 3 == 0 && _live.Count > 0)
                    {
                        var id = _live.Keys.OrderBy(id => id, StringComparer.Ordinal).ElementAt(round % _live.Count);
                        await Put(id, $"{Marker} Bericht {id} Fassung {round}", HttpStatusCode.OK);
                    }
                    else
                    {
                        var id = NewId();
                        await Put(id, $"{Marker} Bericht {id}", HttpStatusCode.Created);
                    }
                }
                catch (Exception e) when (e is HttpRequestException or JsonException or TaskCanceledException)
                {
                    stats.Errors.Enqueue($"write #{round}: {e.GetType().Name}: {e.Message}");
                }
            }
        }

        /// <summary>Returns every acknowledged write that is not as acknowledged: missing, stale, not found, or not deleted.</summary>
        public async Task<List<string>> VerifyAsync(HttpClient reader)
        {
            var lost = new List<string>();
            foreach (var (id, title) in _live)
            {
                using var response = await reader.GetAsync($"api/articles/{id}");
                var found = response.IsSuccessStatusCode ? (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString() : null;
                if (found != title)
                {
                    lost.Add($"{id}: expected '{title}', found {(int)response.StatusCode} '{found}'");
                }
            }

            foreach (var id in _deleted)
            {
                using var response = await reader.GetAsync($"api/articles/{id}");
                if (response.StatusCode != HttpStatusCode.NotFound)
                {
                    lost.Add($"{id}: deleted, but answers {(int)response.StatusCode}");
                }
            }

            using var search = JsonDocument.Parse(await reader.GetStringAsync($"api/search?q={Marker}&size=1"));
            var total = search.RootElement.GetProperty("total").GetInt32();
            if (total != _live.Count)
            {
                lost.Add($"a search for {Marker} finds {total} articles; {_live.Count} are acknowledged and not deleted");
            }

            return lost;
        }

        private string NewId() => $"soak-{++_next:D6}";

        private static object Article(string title, int n) => new
        {
            title,
            date = $"2021-{3 + (n % 2):D2}-{1 + (n % 28):D2}",
            body = $"{title}. Die {Marker} schreibt, während gesucht wird. Nummer {n} im Dauerbetrieb; die Redaktion prüft jeden Eintrag.",
            source = "soak.example",
        };

        private async Task Put(string id, string title, HttpStatusCode expected)
        {
            using var response = await admin.PutAsJsonAsync($"api/articles/{id}", Article(title, _next));
            if (response.StatusCode != expected)
            {
                stats.Errors.Enqueue($"PUT {id}: {(int)response.StatusCode}, expected {(int)expected}: {await response.Content.ReadAsStringAsync()}");
                return;
            }

            stats.Wrote();
            _live[id] = title;
            await ReadBack(id, title);
        }

        private async Task Bulk(int count)
        {
            var articles = Enumerable.Range(0, count).Select(_ => NewId()).ToDictionary(id => id, id => $"{Marker} Sammelmeldung {id}");
            var body = string.Join('\n', articles.Select(article => JsonSerializer.Serialize(new { id = article.Key, title = article.Value, date = "2021-04", body = $"{article.Value} aus dem Massenimport." })));
            using var response = await admin.PostAsync("api/articles", new StringContent(body, Encoding.UTF8, "application/x-ndjson"));
            var text = await response.Content.ReadAsStringAsync();
            using var json = response.IsSuccessStatusCode ? JsonDocument.Parse(text) : null;
            if (json is null || json.RootElement.GetProperty("added").GetInt32() != count)
            {
                stats.Errors.Enqueue($"POST bulk of {count}: {(int)response.StatusCode} {text}");
                return;
            }

            stats.Wrote();
            foreach (var (id, title) in articles)
            {
                _live[id] = title;
            }

            await ReadBack(articles.Keys.Last(), articles.Values.Last());
        }

        private async Task Delete(string id)
        {
            using var response = await admin.DeleteAsync($"api/articles/{id}");
            if (response.StatusCode != HttpStatusCode.NoContent)
            {
                stats.Errors.Enqueue($"DELETE {id}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                return;
            }

            stats.Wrote();
            _live.Remove(id);
            _deleted.Add(id);
            using var gone = await admin.GetAsync($"api/articles/{id}");
            if (gone.StatusCode != HttpStatusCode.NotFound)
            {
                stats.Errors.Enqueue($"DELETE {id} acknowledged, but a read right after answers {(int)gone.StatusCode}");
            }
        }

        // Writes are documented as searchable when they return: a read right after must see them.
        private async Task ReadBack(string id, string title)
        {
            using var response = await admin.GetAsync($"api/articles/{id}");
            var found = response.IsSuccessStatusCode ? (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString() : null;
            if (found != title)
            {
                stats.Errors.Enqueue($"{id} acknowledged, but a read right after answers {(int)response.StatusCode} '{found}' instead of '{title}'");
            }

            stats.Read();
        }
    }
}
