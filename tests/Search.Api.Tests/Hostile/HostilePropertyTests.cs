using System.Net;
using System.Text;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using Xunit.Abstractions;

namespace Search.Api.Tests.Hostile;

// Checks, with FsCheck-generated input (a few hundred cases per property, shrunk to the smallest failing one): any text as
// q, any text in any parameter and any text as an article id hold the invariants of HostileProbe (no 5xx, problem details
// that name the parameter, no answer beyond the time budget, no live HTML, the documented shape); a 200 echoes the query;
// any integers as page and size give exactly the documented answer: 200 within 1..100 and page × size ≤ 10,000, else a 400
// that names page or size.
public sealed class HostilePropertyTests(SearchApiFactory factory, ITestOutputHelper output) : IClassFixture<SearchApiFactory>, IAsyncLifetime
{
    private const int Cases = 300;

    private readonly HostileTally _tally = new();
    private HostileProbe _probe = null!;

    public async Task InitializeAsync() => _probe = await HostileInputTests.StartProbeAsync(factory);

    public Task DisposeAsync()
    {
        output.WriteLine($"time allowed per request: {_probe.Slowest.TotalMilliseconds:F0} ms");
        output.WriteLine(_tally.Summary());
        return Task.CompletedTask;
    }

    [Fact]
    public void AnyTextAsQueryGivesResultsOrAProblemNamingQ() =>
        Check(Prop.ForAll(HostileGenerators.Text(), text =>
        {
            var q = text;
            var outcome = Send(HostileRequest.Search("any text as q", ("q", q)));
            if (outcome.Status == (int)HttpStatusCode.OK && IsWellFormed(q))
            {
                using var json = JsonDocument.Parse(outcome.Body);
                Assert.Equal(q, json.RootElement.GetProperty("query").GetString());
            }
        }));

    [Fact]
    public void AnyTextInAnyParameterGivesResultsOrAProblemNamingIt() =>
        Check(Prop.ForAll(HostileGenerators.Parameters(), parameters =>
            Send(HostileRequest.Search("any text in any parameter", [.. parameters.Select(p => (p.Name, p.Value))]))));

    [Fact]
    public void AnyIntegersAsPageAndSizeGiveResultsOrAProblemNamingThem() =>
        Check(Prop.ForAll(Arb.From(HostileGenerators.Number().Zip(HostileGenerators.Number())), numbers =>
        {
            var (page, size) = numbers;
            var outcome = Send(HostileRequest.Search("any integers as page and size", ("q", "Genf"), ("page", Invariant(page)), ("size", Invariant(size))));
            var sizeValid = size is >= 1 and <= 100;
            var pageValid = page >= 1 && (!sizeValid || (long)page * size <= 10_000);
            using var json = JsonDocument.Parse(outcome.Body);
            if (sizeValid && pageValid)
            {
                Assert.Equal(HttpStatusCode.OK, (HttpStatusCode)outcome.Status);
                Assert.Equal((page, size), (json.RootElement.GetProperty("page").GetInt32(), json.RootElement.GetProperty("size").GetInt32()));
                return;
            }

            Assert.Equal(HttpStatusCode.BadRequest, (HttpStatusCode)outcome.Status);
            var named = json.RootElement.GetProperty("errors").EnumerateObject().Select(error => error.Name).ToHashSet();
            Assert.Equal(new HashSet<string>([.. sizeValid ? Array.Empty<string>() : ["size"], .. pageValid ? Array.Empty<string>() : ["page"]]), named);
        }));

    [Fact]
    public void AnyTextAsArticleIdGivesTheArticleOrA404NamingIt() =>
        Check(Prop.ForAll(HostileGenerators.Text(), id =>
        {
            // A NUL never reaches the app (Kestrel refuses it, the test host throws), and an empty, "." or ".." segment
            // is not an id: the client resolves it away before sending.
            var segment = id.Replace("\0", string.Empty, StringComparison.Ordinal);
            segment = segment is "" or "." or ".." ? "x" + segment : segment;
            Send(HostileRequest.Article("any text as article id", segment));
            Send(HostileRequest.Article("any text as article id", segment, related: true));
        }));

    private static void Check(Property property) =>
        property.Check(Config.QuickThrowOnFailure.WithMaxTest(Cases).WithQuietOnSuccess(true));

    // Throws with the whole outcome when an invariant broke, so FsCheck shrinks towards the smallest such input.
    private HostileOutcome Send(HostileRequest request)
    {
        var outcome = Task.Run(() => _probe.SendAsync(request)).GetAwaiter().GetResult();
        _tally.Add(outcome);
        if (outcome.Violations.Count > 0)
        {
            Assert.Fail(outcome.ToString());
        }

        return outcome;
    }

    // A lone surrogate cannot be sent as UTF-8; the client sends U+FFFD instead, so the echo differs by design.
    private static bool IsWellFormed(string text) => Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(text)) == text;

    private static string Invariant(int number) => number.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
