namespace Search.Api.Tests;

/// <summary>
/// Tests that keep the CPU busy for seconds (a burst of 1,500 searches, a warm-up of the index) run alone, after the
/// others: on a small machine they would otherwise slow the timed requests of the tests running beside them.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class CpuHeavyRunsAlone
{
    public const string Name = "cpu-heavy";
}
