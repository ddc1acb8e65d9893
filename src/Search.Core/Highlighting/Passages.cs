namespace Search.Core.Highlighting;

/// <summary>The passages of a body a snippet shows: the best one, and a second that shows a query word the first lacks.
/// A passage is scored by the distinct query words it shows, rare words weighing more.</summary>
internal static class Passages
{
    // How much text a passage shows before its first match.
    private const int PassageLead = 30;

    // Passages are cut at word boundaries; a word is not followed further than this past the cut.
    private const int WordReach = 20;

    /// <summary>The best passage, and a second that shows a query word the first lacks if there is one (else the next
    /// best), in the order they stand in the body.</summary>
    public static List<Passage> Best(string body, List<SnippetMatch> matches, int words)
    {
        var candidates = new List<(Passage Passage, float Score, bool[] Shown)>();
        for (var i = 0; i < matches.Count; i++)
        {
            if (i > 0 && matches[i].Start == matches[i - 1].Start)
            {
                continue;
            }

            var start = WordStart(body, Math.Max(0, matches[i].Start - PassageLead));
            var end = Math.Min(body.Length, start + SnippetBuilder.PassageLength);
            var shown = new bool[words];
            var score = 0f;
            for (var j = i; j < matches.Count && matches[j].Start < end; j++)
            {
                end = Math.Max(end, matches[j].End);
                if (!shown[matches[j].Word])
                {
                    shown[matches[j].Word] = true;
                    score += matches[j].Weight;
                }
            }

            // Matches a little before the lead-in may fall inside the passage too.
            for (var j = i - 1; j >= 0 && matches[j].Start >= start; j--)
            {
                if (!shown[matches[j].Word])
                {
                    shown[matches[j].Word] = true;
                    score += matches[j].Weight;
                }
            }

            candidates.Add((new Passage(start, WordEnd(body, end)), score, shown));
        }

        // Best score first; among equals, the earlier passage.
        var ranked = candidates.OrderByDescending(candidate => candidate.Score).ThenBy(candidate => candidate.Passage.Start).ToList();
        var best = ranked[0];
        var others = ranked.Where(candidate => candidate.Passage.End <= best.Passage.Start || candidate.Passage.Start >= best.Passage.End).ToList();
        var second = others.Where(candidate => candidate.Shown.Where((shown, word) => shown && !best.Shown[word]).Any())
            .Select(candidate => (Found: true, candidate))
            .FirstOrDefault();
        if (!second.Found && others.Count > 0)
        {
            second = (true, others[0]);
        }

        List<Passage> passages = second.Found ? [best.Passage, second.candidate.Passage] : [best.Passage];
        return [.. passages.OrderBy(passage => passage.Start)];
    }

    // The start of the word at `at` (or of the next one when the word starts too far back).
    private static int WordStart(string body, int at)
    {
        if (at == 0)
        {
            return 0;
        }

        for (var i = at; i > 0 && at - i < WordReach; i--)
        {
            if (char.IsWhiteSpace(body[i - 1]))
            {
                return i;
            }
        }

        var next = body.AsSpan(at).IndexOfAny(' ', '\n');
        return next < 0 ? at : at + next + 1;
    }

    // The end of the word at `at` (or `at` when the word runs on too far).
    private static int WordEnd(string body, int at)
    {
        for (var i = at; i < body.Length && i - at < WordReach; i++)
        {
            if (char.IsWhiteSpace(body[i]))
            {
                return i;
            }
        }

        return Math.Min(at, body.Length);
    }
}
