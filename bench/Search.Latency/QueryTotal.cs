namespace Search.Latency;

/// <summary>One query's total hits.</summary>
internal sealed record QueryTotal(string Q, string? Month, int? Total);
