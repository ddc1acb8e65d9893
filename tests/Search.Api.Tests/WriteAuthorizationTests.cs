using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Search.Api.Tests;

// Checks, for each write endpoint (PUT one article, DELETE one article, POST bulk NDJSON): no key is 401 with
// WWW-Authenticate: Bearer, a wrong key is 401, the read key is 403 (read_key_cannot_write), and a refused write
// changes nothing in the index. The admin key is then accepted, so the refusals are about the key, not the request.
public class WriteAuthorizationTests(KeyedSearchApiFactory factory) : IClassFixture<KeyedSearchApiFactory>
{
    private const string ExistingId = "haeuser-1";

    public static TheoryData<string> Writes => ["PUT", "DELETE", "POST"];

    [Theory]
    [MemberData(nameof(Writes))]
    public async Task WriteWithoutAKeyIs401AndChangesNothing(string method)
    {
        var response = await factory.CreateClient().SendAsync(Write(method, Target(method, "auth-none")));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.ToString());
        Assert.Equal("missing_or_invalid_key", await Code(response));
        await AssertUnchanged(method, "auth-none");
    }

    [Theory]
    [MemberData(nameof(Writes))]
    public async Task WriteWithAWrongKeyIs401AndChangesNothing(string method)
    {
        var response = await Client("wrong-key-from-a-client-42").SendAsync(Write(method, Target(method, "auth-wrong")));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("missing_or_invalid_key", await Code(response));
        await AssertUnchanged(method, "auth-wrong");
    }

    [Theory]
    [MemberData(nameof(Writes))]
    public async Task WriteWithTheReadKeyIs403AndChangesNothing(string method)
    {
        var response = await Client(KeyedSearchApiFactory.ReadKey).SendAsync(Write(method, Target(method, "auth-read")));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("read_key_cannot_write", await Code(response));
        await AssertUnchanged(method, "auth-read");
    }

    [Theory]
    [MemberData(nameof(Writes))]
    public async Task WriteWithTheAdminKeyIsAccepted(string method)
    {
        var admin = Client(KeyedSearchApiFactory.AdminKey);
        if (method == "DELETE")
        {
            (await admin.SendAsync(Write("PUT", "auth-admin-delete"))).EnsureSuccessStatusCode();
        }

        var response = await admin.SendAsync(Write(method, $"auth-admin-{method.ToLowerInvariant()}"));

        Assert.True(response.IsSuccessStatusCode, $"{method} with the admin key answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    private static HttpRequestMessage Write(string method, string id) => method switch
    {
        "PUT" => new HttpRequestMessage(HttpMethod.Put, $"/api/articles/{id}")
        {
            Content = new StringContent(JsonSerializer.Serialize(new { title = "Schlüssel geprüft", date = "2021-03-02", body = "Nur mit dem richtigen Schlüssel." }), Encoding.UTF8, "application/json"),
        },
        "DELETE" => new HttpRequestMessage(HttpMethod.Delete, $"/api/articles/{id}"),
        "POST" => new HttpRequestMessage(HttpMethod.Post, "/api/articles")
        {
            Content = new StringContent(JsonSerializer.Serialize(new { id, title = "Schlüssel geprüft", date = "2021-03", body = "Als Massenimport." }), Encoding.UTF8, "application/x-ndjson"),
        },
        _ => throw new ArgumentOutOfRangeException(nameof(method), method, "PUT, DELETE or POST"),
    };

    // A refused DELETE aims at an article that exists (a fixture article); a refused PUT or POST at a new id.
    private static string Target(string method, string newId) => method == "DELETE" ? ExistingId : newId;

    private async Task AssertUnchanged(string method, string newId)
    {
        var admin = Client(KeyedSearchApiFactory.AdminKey);
        var (id, expected) = method == "DELETE" ? (ExistingId, HttpStatusCode.OK) : (newId, HttpStatusCode.NotFound);
        Assert.Equal(expected, (await admin.GetAsync($"/api/articles/{id}")).StatusCode);
    }

    private static async Task<string?> Code(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return problem.RootElement.GetProperty("code").GetString();
    }

    private HttpClient Client(string key)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }
}
