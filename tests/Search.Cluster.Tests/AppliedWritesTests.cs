using Search.Cluster.Node;

namespace Search.Cluster.Tests;

public sealed class AppliedWritesTests
{
    [Fact]
    public async Task AWriterWaitingForItsSequenceLearnsWhatApplyingItDid()
    {
        var writes = new AppliedWrites();
        var waiting = writes.WaitAsync([5, 6], TimeSpan.FromSeconds(10), CancellationToken.None);

        writes.Record([(4, ApplyOutcome.Added), (5, ApplyOutcome.Updated)], 5);
        Assert.False(waiting.IsCompleted);
        writes.Record([(6, ApplyOutcome.Deleted)], 6);

        Assert.Equal([ApplyOutcome.Updated, ApplyOutcome.Deleted], await waiting);
    }

    [Fact]
    public async Task AWriterWhoseSequenceWasAppliedBeforeItAskedStillLearnsItsOutcome()
    {
        var writes = new AppliedWrites();
        writes.Record([(1, ApplyOutcome.Added), (3, ApplyOutcome.Unchanged)], 3);

        // 2 is not among the applied: a later message on its subject replaced it in the stream before the node read it.
        Assert.Equal([ApplyOutcome.Added, ApplyOutcome.Superseded, ApplyOutcome.Unchanged], await writes.WaitAsync([1, 2, 3], TimeSpan.Zero, CancellationToken.None));
    }

    [Fact]
    public async Task AWriteNotAppliedInTimeIsReportedAsPendingWithWhatWasApplied()
    {
        var writes = new AppliedWrites();
        writes.Start(10);
        writes.Record([(11, ApplyOutcome.Added)], 11);

        Assert.Equal([ApplyOutcome.Added, null], await writes.WaitAsync([11, 12], TimeSpan.FromMilliseconds(50), CancellationToken.None));
    }
}
