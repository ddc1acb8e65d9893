using System.Net;
using System.Text.Json;

namespace Search.Api.Tests;

// Checks GET /api/analyze through the real HTTP pipeline: the terms of a text in order with their text, offsets,
// positions and kinds (umlauts folded, words stemmed, stopwords leaving a gap, a word's other form beside it), the
// names other apps rely on, and a 400 naming text when it is missing or too long.
public class AnalyzeEndpointTests(SearchApiFactory factory) : IClassFixture<SearchApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task TextIsShownAsTheTermsTheIndexMakesOfIt()
    {
        var response = await _client.GetAsync("/api/analyze?text=" + Uri.EscapeDataString("Die Häuser der Autos"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = json.RootElement;

        Assert.Equal(["text", "terms"], root.EnumerateObject().Select(property => property.Name));
        Assert.Equal("Die Häuser der Autos", root.GetProperty("text").GetString());
        var terms = root.GetProperty("terms").EnumerateArray().ToList();
        Assert.Equal(["term", "text", "start", "end", "position", "kind"], terms[0].EnumerateObject().Select(property => property.Name));
        Assert.Equal(
            ["haus 'Häuser' 4-10 @1 word", "autos 'Autos' 15-20 @3 word", "auto 'Autos' 15-20 @3 other_form"],
            terms.Select(term => $"{term.GetProperty("term").GetString()} '{term.GetProperty("text").GetString()}' " +
                $"{term.GetProperty("start").GetInt32()}-{term.GetProperty("end").GetInt32()} @{term.GetProperty("position").GetInt32()} {term.GetProperty("kind").GetString()}"));
    }

    [Theory]
    [InlineData("", "text is required: the words to analyse, e.g. text=Ferngespräche in Genf.")]
    [InlineData("?text=", "text is required: the words to analyse, e.g. text=Ferngespräche in Genf.")]
    public async Task MissingTextIsABadRequestNamingIt(string query, string message) =>
        await ProblemAssert.IsBadRequestNaming(await _client.GetAsync("/api/analyze" + query), "text", message);

    [Fact]
    public async Task TextLongerThanAQueryIsABadRequestNamingIt() =>
        await ProblemAssert.IsBadRequestNaming(await _client.GetAsync("/api/analyze?text=" + new string('a', 1001)), "text", "text must be at most 1000 characters; it has 1001.");
}
