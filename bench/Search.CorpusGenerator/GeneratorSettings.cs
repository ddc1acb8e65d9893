namespace Search.CorpusGenerator;

/// <summary>What to generate, as given on the command line.</summary>
internal sealed record GeneratorSettings(string Source, int Count, int Seed, string Output, int FromYear, int ToYear, int Shards);
