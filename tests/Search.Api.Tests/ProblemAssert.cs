using System.Net;
using System.Text.Json;

namespace Search.Api.Tests;

internal static class ProblemAssert
{
    /// <summary>Asserts a 400 problem details response whose errors name <paramref name="parameter"/> with <paramref name="message"/>.</summary>
    public static async Task IsBadRequestNaming(HttpResponseMessage response, string parameter, string message)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(400, problem.RootElement.GetProperty("status").GetInt32());
        var messages = problem.RootElement.GetProperty("errors").GetProperty(parameter).EnumerateArray().Select(item => item.GetString());
        Assert.Contains(message, messages);
    }
}
