namespace Search.Cluster.Tests;

/// <summary>
/// The tests that start NATS servers and API nodes as processes run one class at a time: two cores shared by three
/// servers, two or three nodes and the test itself are enough, and a kill or a timeout measured against a machine
/// busy with another class's nodes would say little.
/// </summary>
[CollectionDefinition(Name)]
public sealed class ClusterProcesses
{
    public const string Name = "Cluster processes";
}
