namespace Search.CorpusGenerator;

/// <summary>How many source lines were read, and how many had no usable title, body or sentence.</summary>
internal sealed record SourceCorpusSummary(int Read, int Unusable);
