using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;

namespace Search.Api.Tests;

// Checks: with every log category at Trace on a real Kestrel socket, nothing the service logs, from start-up through
// successful writes and reads to refused ones (no key, a wrong key, the read key writing, a malformed
// Authorization header), contains the admin key, the read key or a wrong key a client sent. The log is checked
// to hold the start-up, the requests and the refusals, so an empty capture cannot pass.
public class KeyLoggingTests
{
    private const string WrongKey = "wrong-client-key-3c9f71ab52";

    [Fact]
    public async Task KeysNeverAppearInTheLog()
    {
        var log = new CapturedLog();
        await using var api = new LoopbackSearchApi(log);
        var address = api.Start();
        var article = new { title = "Schlüssel bleiben geheim", date = "2021-04-01", body = "Kein Schlüssel steht im Protokoll." };

        using var admin = Client(address, "Bearer", LoopbackSearchApi.AdminKey);
        using var reader = Client(address, "Bearer", LoopbackSearchApi.ReadKey);
        using var wrong = Client(address, "Bearer", WrongKey);
        using var basic = Client(address, "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("admin:" + WrongKey)));
        using var anonymous = new HttpClient { BaseAddress = address };
        var statuses = new List<HttpStatusCode>
        {
            (await admin.PutAsJsonAsync("api/articles/geheim-1", article)).StatusCode,
            (await admin.PostAsync("api/articles", new StringContent("""{"id":"geheim-2","title":"Zweiter","date":"2021-04","body":"Text."}""", Encoding.UTF8, "application/x-ndjson"))).StatusCode,
            (await admin.DeleteAsync("api/articles/geheim-2")).StatusCode,
            (await reader.GetAsync("api/search?q=Schl%C3%BCssel")).StatusCode,
            (await reader.GetAsync("api/search?q=a*")).StatusCode,
            (await wrong.PutAsJsonAsync("api/articles/geheim-3", article)).StatusCode,
            (await wrong.GetAsync("api/search?q=Schl%C3%BCssel")).StatusCode,
            (await wrong.DeleteAsync("api/articles/geheim-1")).StatusCode,
            (await reader.PutAsJsonAsync("api/articles/geheim-3", article)).StatusCode,
            (await basic.PutAsJsonAsync("api/articles/geheim-3", article)).StatusCode,
            (await anonymous.PutAsJsonAsync("api/articles/geheim-3", article)).StatusCode,
        };

        Assert.Equal(
            [
                HttpStatusCode.Created, HttpStatusCode.OK, HttpStatusCode.NoContent, HttpStatusCode.OK, HttpStatusCode.BadRequest,
                HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden,
                HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized,
            ],
            statuses);
        await api.DisposeAsync(); // shutdown logs count too

        var entries = log.Entries;
        Assert.Contains(entries, entry => entry.Contains("seed articles", StringComparison.Ordinal));
        Assert.Contains(entries, entry => entry.Contains("/api/articles/geheim-1", StringComparison.Ordinal));
        Assert.Contains(entries, entry => entry.Contains("prefix_too_short", StringComparison.Ordinal));
        foreach (var (name, key) in new[] { ("admin key", LoopbackSearchApi.AdminKey), ("read key", LoopbackSearchApi.ReadKey), ("wrong key", WrongKey) })
        {
            var leaks = entries.Where(entry => entry.Contains(key, StringComparison.Ordinal)).ToList();
            Assert.True(leaks.Count == 0, $"The {name} appears in {leaks.Count} of {entries.Count} log entries, e.g.:\n{string.Join('\n', leaks.Take(3))}");
        }
    }

    private static HttpClient Client(Uri address, string scheme, string key) => new()
    {
        BaseAddress = address,
        DefaultRequestHeaders = { Authorization = new AuthenticationHeaderValue(scheme, key) },
    };
}
