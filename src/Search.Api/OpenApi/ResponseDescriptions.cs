using System.Globalization;
using Search.Api.Limits;

namespace Search.Api.OpenApi;

/// <summary>What a response of each status means for a client of this service, with the configured limits where they apply.</summary>
internal static class ResponseDescriptions
{
    /// <summary>The description of a response with this status; null to keep the generated one.</summary>
    public static string? For(string status, SearchLimitsOptions limits) => status == "202" ? Accepted : ErrorDescription(status, limits);

    private const string Accepted = "Cluster mode only: the cluster's log stored the write (acknowledged by a majority of its NATS servers, so it " +
        "survives the loss of any one) but this node has not applied it within Search:Cluster:ApplyTimeoutSeconds; it becomes searchable here " +
        "when the node has caught up (see /health's cluster.lag).";

    private static string? ErrorDescription(string status, SearchLimitsOptions limits) => status switch
    {
        "400" => "Bad input: problem details whose `errors` name each bad parameter, with a stable `code`.",
        "401" => "No valid key: send `Authorization: Bearer <key>`. Reads need one only when Search:ReadKey is configured.",
        "403" => "The key may not write (it is the read key), or no admin key is configured and the service is read-only.",
        "404" => "There is no article with this id.",
        "413" => string.Create(CultureInfo.InvariantCulture,
            $"The request body is too large: at most {limits.MaxArticleBodyBytes:N0} bytes for one article, {limits.MaxBulkBodyBytes:N0} for a bulk request."),
        "415" => "The body's Content-Type is not the one this endpoint takes: application/json for one article, application/x-ndjson for many.",
        "429" => string.Create(CultureInfo.InvariantCulture,
            $"This client sent more requests a minute than its budget: Search:Limits:RequestsPerMinute per IP address ({limits.RequestsPerMinute}), Search:Limits:RequestsPerMinutePerKey per API key ({limits.RequestsPerMinutePerKey}); 0 is off, the default. Wait Retry-After seconds."),
        "503" => "The command-line indexer holds the index (`index_unavailable`), or in cluster mode the cluster's log did not acknowledge " +
            "the write in time (`cluster_unavailable`: NATS unreachable or without a quorum; it may or may not be stored, and sending it again is " +
            "safe); try again after Retry-After seconds.",
        "507" => "The index's disk is full: the write was rolled back and the index stays as it was; free space, then retry.",
        _ => null,
    };
}
