namespace Search.Core.Analysis;

/// <summary>How often a word occurred in the corpus a <see cref="CompoundSplitter"/> learned from, and how often it was written capitalised.</summary>
internal readonly record struct WordCount(int Total, int Capitalized);
