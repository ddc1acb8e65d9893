using NATS.Client.JetStream;
using NATS.Client.JetStream.Models;
using Search.Cluster;

namespace Search.Indexer.Tests;

/// <summary>What the cluster's stream holds, read straight from NATS: its message count, last sequence and article ids.</summary>
internal sealed record ClusterStream(long Messages, ulong LastSequence, IReadOnlySet<string> Ids)
{
    public static async Task<ClusterStream> ReadAsync(string urls)
    {
        await using var connection = await ClusterConnection.OpenAsync(urls, "test");
        var stream = await new NatsJSContext(connection).GetStreamAsync(ClusterSettings.StreamName, new StreamInfoRequest { SubjectsFilter = ArticleSubjects.All });
        var state = stream.Info.State;
        return new ClusterStream(state.Messages, state.LastSeq, (state.Subjects?.Keys ?? []).Select(ArticleSubjects.IdOf).ToHashSet(StringComparer.Ordinal));
    }
}
