namespace Search.Client;

/// <summary>How many matches have one facet value.</summary>
/// <param name="Value">The value, e.g. <c>2021-12</c> or <c>zeit.de</c>.</param>
/// <param name="Count">The number of matching articles with that value.</param>
public sealed record FacetCount(string Value, int Count);
