using FsCheck;
using FsCheck.Fluent;

namespace Search.Api.Tests.Hostile;

/// <summary>FsCheck generators for hostile text and numbers: any UTF-16 code unit, query syntax, markup, and boundary values.</summary>
internal static class HostileGenerators
{
    private static readonly string[] Pieces =
    [
        .. HostileCorpus.SyntaxFragments, .. HostileCorpus.ControlCharacters, .. HostileCorpus.Markup, .. HostileCorpus.Words,
        " ", " ", " ", "ä", "ß", "\uD800", "\uDC00", "2021-12", "2021", "-", "0",
    ];

    /// <summary>
    /// Text of every sort: FsCheck's own strings, any UTF-16 code units (controls, lone surrogates, noncharacters) and
    /// concatenations of syntax, markup and control pieces. Shrinks like a string.
    /// </summary>
    public static Arbitrary<string> Text()
    {
        var strings = ArbMap.Default.ArbFor<string>();
        var anyCodeUnits = Gen.Choose(0, 0xFFFF).Select(code => (char)code).ArrayOf().Select(chars => new string(chars));
        var pieces = Gen.Elements(Pieces).ArrayOf().Select(string.Concat);
        var text = Gen.Frequency((2, strings.Generator.Select(value => value ?? string.Empty)), (3, anyCodeUnits), (4, pieces));
        return Arb.From(text, value => strings.Shrinker(value));
    }

    /// <summary>Any integer, with the values around the bounds of page and size (0, 1, 100, 101, 10,000, the extremes) made frequent.</summary>
    public static Gen<int> Number()
    {
        int[] bounds = [int.MinValue, -1, 0, 1, 2, 99, 100, 101, 5_000, 9_999, 10_000, 10_001, int.MaxValue];
        return Gen.Frequency((3, ArbMap.Default.GeneratorFor<int>()), (3, Gen.Choose(-3, 120)), (2, Gen.Elements(bounds)), (1, Gen.Choose(1, 20_000)));
    }

    /// <summary>One to four parameters, each a search parameter (or an unknown one) with hostile text as its value.</summary>
    public static Arbitrary<(string Name, string Value)[]> Parameters()
    {
        string[] names = [.. HostileProbe.SearchParameters, "Q", "SIZE", "unknown", "facets", ""];
        var parameter = Gen.Elements(names).Zip(Text().Generator);
        return Arb.From(Gen.Choose(1, 4).SelectMany(count => parameter.ArrayOf(count)));
    }
}
