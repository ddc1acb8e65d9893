using System.Buffers.Text;
using System.Text;
using System.Text.Json;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using Search.Core.Errors;

namespace Search.Core.Paging;

/// <summary>
/// The opaque <c>next</c> token: the sort values of the last hit of a page (score or date, then id) and a hash of
/// the query it belongs to. Lucene's search-after continues from there, stable across index refreshes because
/// the id breaks every tie.
/// </summary>
internal static class SearchCursor
{
    /// <param name="reader">The reader the hit was collected from (its id may still be pending, <see cref="HitIds"/>).</param>
    /// <param name="last">The last hit of the page.</param>
    /// <param name="queryKey">Identifies the words, filters and order the cursor belongs to.</param>
    public static string Encode(IndexReader reader, FieldDoc last, string queryKey)
    {
        var primary = last.Fields[0];
        var state = new State(
            Key: queryKey,
            Score: primary is J2N.Numerics.Single score ? score.ToSingle() : null,
            Date: primary is J2N.Numerics.Int64 date ? date.ToInt64() : null,
            Id: HitIds.Of(reader, last)!.Utf8ToString());
        return Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(state));
    }

    /// <exception cref="SearchInputException">The token is damaged or belongs to another query.</exception>
    /// <param name="token">The cursor as the client sent it.</param>
    /// <param name="queryKey">Identifies the words, filters and order the cursor must belong to.</param>
    /// <param name="byScore">True when hits are ordered by score, false when by date.</param>
    public static FieldDoc Decode(string token, string queryKey, bool byScore)
    {
        State? state;
        try
        {
            state = JsonSerializer.Deserialize<State>(Base64Url.DecodeFromChars(token));
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            throw Invalid("cursor is not a token this service issued; pass the 'next' value of a previous response unchanged.", e);
        }

        if (state is null || state.Key != queryKey || state.Id is null || (byScore ? state.Score is null : state.Date is null)
            || (state.Score is { } value && !float.IsFinite(value)))
        {
            throw Invalid("cursor belongs to a different query, filter or sort; start again without cursor and follow 'next'.", null);
        }

        // Lucene.Net's comparers hold boxed J2N numbers, so search-after must get the same types back.
        object primary = state.Score is { } score ? J2N.Numerics.Single.GetInstance(score) : J2N.Numerics.Int64.GetInstance(state.Date!.Value);
        return new FieldDoc(int.MaxValue, float.NaN, [primary, new BytesRef(Encoding.UTF8.GetBytes(state.Id))]);
    }

    private static SearchInputException Invalid(string message, Exception? inner) => new("invalid_cursor", "cursor", message, inner);

    private sealed record State(string Key, float? Score, long? Date, string Id);
}
