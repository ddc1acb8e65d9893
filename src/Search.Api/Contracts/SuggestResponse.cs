using System.ComponentModel;

namespace Search.Api.Contracts;

/// <summary>Completions of what a reader is typing.</summary>
public sealed record SuggestResponse(
    [property: Description("The text as sent.")] string Query,
    [property: Description("Completions of the last word of the query, the word in the most articles first; empty when none.")] IReadOnlyList<SuggestionResponse> Suggestions);

/// <summary>One completion.</summary>
public sealed record SuggestionResponse(
    [property: Description("The query with its last word completed as the articles write it (the words before it as typed), ready to search.")] string Text,
    [property: Description("How many articles have the completed word (in any inflection), within the filters when there are any.")] int Articles);
