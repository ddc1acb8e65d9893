using Lucene.Net.Analysis;

namespace Search.Core.Analysis;

/// <summary>
/// Gives a gender form written with a capital I ("SchülerInnen", "LehrerIn") the word it is made of as its other form
/// (<see cref="OtherFormFilter"/>): "Schüler" finds "SchülerInnen", as it finds "Schüler:innen" and "Schüler*innen",
/// which the tokenizer and <see cref="WordBreakCharFilter"/> split. About 200 such words stand in the real corpus. Runs
/// before lowercasing, which the capital I is lost to.
/// </summary>
public sealed class CapitalIFilter(TokenStream input) : OtherFormFilter(input)
{
    protected override bool HasOtherForm(ReadOnlySpan<char> word) => Ending(word) > 0;

    protected override void ToOtherForm() => Term.Length -= Ending(Term.Buffer.AsSpan(0, Term.Length));

    // The length of the ending "In" or "Innen" after a lower-case letter of a capitalised word; 0 for any other word.
    private static int Ending(ReadOnlySpan<char> word)
    {
        var length = word.EndsWith("Innen") ? 5 : word.EndsWith("In") ? 2 : 0;
        return length > 0 && word.Length > length + 2 && char.IsUpper(word[0]) && char.IsLower(word[^(length + 1)]) ? length : 0;
    }
}
