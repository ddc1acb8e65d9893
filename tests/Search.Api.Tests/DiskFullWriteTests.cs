using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Search.Tests.Shared;

namespace Search.Api.Tests;

/// <summary>The keyed API with its index on a 6 MB tmpfs.</summary>
public sealed class FullDiskApiFactory : SearchApiFactory
{
    internal Tmpfs Disk { get; } = Tmpfs.Mount("6m");

    public string DiskIndexPath => Path.Combine(Disk.Path, "index");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Search:IndexPath", DiskIndexPath);
        builder.UseSetting("Search:AdminKey", KeyedSearchApiFactory.AdminKey);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Disk.Dispose();
        }
    }
}

// Checks: a write on a full disk answers 507 problem details naming the cause (code disk_full), keeps every
// article indexed before, and the service keeps answering searches; once space is freed writes work again.
public class DiskFullWriteTests(FullDiskApiFactory factory) : IClassFixture<FullDiskApiFactory>
{
    [Fact]
    public async Task WriteOnAFullDiskIs507AndKeepsServingTheArticlesIndexedBefore()
    {
        var admin = factory.CreateClient();
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", KeyedSearchApiFactory.AdminKey);
        var countBefore = await Count(admin);
        var large = new { title = "Liveblog", date = "2021-03-02", body = RandomWords(3_000_000) };
        factory.Disk.FillUntil(bytesLeft: 256 * 1024);

        HttpResponseMessage put, bulk;
        try
        {
            put = await admin.PutAsJsonAsync("/api/articles/voll-1", large);
            bulk = await admin.PostAsync("/api/articles", new StringContent(
                JsonSerializer.Serialize(new { id = "voll-2", large.title, large.date, large.body }) + "\n", Encoding.UTF8, "application/x-ndjson"));
        }
        finally
        {
            factory.Disk.Unfill();
        }

        foreach (var response in new[] { put, bulk })
        {
            Assert.Equal(HttpStatusCode.InsufficientStorage, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.Equal("disk_full", problem.RootElement.GetProperty("code").GetString());
            Assert.StartsWith($"No space left on the disk that holds the index at {factory.DiskIndexPath} (", problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        Assert.Equal(countBefore, await Count(admin));
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/api/articles/voll-1")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/api/articles/{TestCorpus.SeedId}")).StatusCode);
        using (var found = JsonDocument.Parse(await admin.GetStringAsync("/api/search?q=H%C3%A4user")))
        {
            Assert.True(found.RootElement.GetProperty("total").GetInt32() > 0);
        }

        var again = await admin.PutAsJsonAsync("/api/articles/voll-1", new { title = "Wieder Platz", date = "2021-03-02", body = "Die Platte hat wieder Platz." });
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.Equal(countBefore + 1, await Count(admin));
    }

    private static async Task<int> Count(HttpClient client)
    {
        using var health = JsonDocument.Parse(await client.GetStringAsync("/health"));
        return health.RootElement.GetProperty("articles").GetInt32();
    }

    // Random letters compress badly, so the article really needs megabytes on disk.
    private static string RandomWords(int chars)
    {
        var random = new Random(7);
        var text = new StringBuilder(chars + 16);
        while (text.Length < chars)
        {
            text.Append((char)('a' + random.Next(26)), 1);
            if (random.Next(8) == 0)
            {
                text.Append(' ');
            }
        }

        return text.ToString();
    }
}
