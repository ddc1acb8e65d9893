namespace Search.Api.Tests;

// Checks: a rejected request whose parameter holds a line break (and a bidi override) is logged with those characters
// escaped, so a client cannot start a forged log line; the rejection itself is logged (an empty capture cannot pass).
public class LogInjectionTests
{
    [Fact]
    public async Task ParameterTextInARejectionIsLoggedWithControlCharactersEscaped()
    {
        var log = new CapturedLog();
        await using var api = new LoopbackSearchApi(log);
        using var client = new HttpClient { BaseAddress = api.Start() };

        var response = await client.GetAsync("api/search?q=Genf&page=1%0AWARN%20forged%20line%E2%80%AE");

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        var rejections = log.Entries.Where(entry => entry.Contains("Rejected a request", StringComparison.Ordinal)).ToList();
        Assert.Contains(rejections, entry => entry.Contains("1\\u000aWARN forged line\\u202e", StringComparison.Ordinal));
        Assert.DoesNotContain(rejections, entry => entry.Contains("\nWARN forged line", StringComparison.Ordinal) || entry.Contains('\u202e', StringComparison.Ordinal));
    }
}
