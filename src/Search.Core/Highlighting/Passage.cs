namespace Search.Core.Highlighting;

/// <summary>A passage of a body: its characters <paramref name="Start"/> (inclusive) to <paramref name="End"/> (exclusive).</summary>
internal readonly record struct Passage(int Start, int End);
