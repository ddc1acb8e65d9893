using Search.Core.Documents;

namespace Search.Core.Ranking;

/// <summary>
/// Every weight of the ranking, in one place: how a query's words become a score (docs/ARCHITECTURE.md, "How a score is
/// made"). <see cref="Default"/> is what the engine ranks by; the relevance and latency benches build variants of it to
/// measure a change before it is made (<c>--set Name=value</c>).
/// </summary>
/// <remarks>
/// "Measured" gives the change of a variant against these weights, all else as here: nDCG@10 on the development topics
/// (40), our own tuning topics (30) and the held-out topics (30) of <c>bench/relevance</c> (in that order: dev / own /
/// held), and MRR@10 of the known items (seeds 21-23 of the generator, 900 queries per kind), on the real corpus,
/// 2026-12-06. The held-out topics were scored blind once, then used for one change (<see cref="MissingWordsBelow"/>);
/// the blind figure of these weights is on the 30 topics of <c>adhoc-blind-topics.tsv</c> (bench/RESULTS.md). Each
/// figure was measured at the other weights of its day; the weights were swept again once <see cref="JoinedWeight"/> and
/// <see cref="LighterWordShare"/> took their present values (bench/results/2026-12-06.md, "Weights set on the
/// generator"). The unseen figure of the whole is on the 30 topics of <c>adhoc-kite-topics.tsv</c>, written and scored
/// once after <see cref="OneOfTwoAfterRareWord"/> (which changes none of its top 10s; bench/RESULTS.md); before it,
/// <c>adhoc-eve-topics.tsv</c> (then used for that rule) and <c>adhoc-dusk-topics.tsv</c>, written and scored once after
/// <see cref="JoinedCap"/> and that day's other rules (<see cref="AsTypedWithin"/> and <see cref="OneOfTwoAfterRareWord"/>
/// change none of its top 10s), <c>adhoc-noon-topics.tsv</c>,
/// <c>adhoc-rise-topics.tsv</c> (written while those rules were found on the earlier 280 topics, then used for one
/// spelling change), <c>adhoc-night-topics.tsv</c>, <c>adhoc-morning-topics.tsv</c> and <c>adhoc-dawn-topics.tsv</c> gave
/// it, each then used for later changes.
/// </remarks>
public sealed record RankingWeights
{
    /// <summary>The weights the engine ranks by.</summary>
    public static RankingWeights Default { get; } = new();

    /// <summary>BM25's k1: how slowly repeated occurrences of a word stop counting. Measured: 1.2 (Lucene's default)
    /// −0.013 / −0.013 / −0.020; 3 0.000 / +0.003 / −0.003.</summary>
    public float K1 { get; init; } = 2f;

    /// <summary>BM25's b: how much a long article's occurrences are discounted for its length (0 none, 1 in proportion).
    /// Measured: 0.5 −0.018 / +0.003 / +0.002 and body-hard known items −0.020; 0.9 −0.010 / 0.000 / −0.010.</summary>
    public float B { get; init; } = 0.75f;

    /// <summary>An occurrence in the headline counts this many occurrences in the body. Measured: 2 −0.002 / −0.001 /
    /// −0.004 and titles −0.003; 5 0.000 / +0.001 / +0.002, compounds −0.004.</summary>
    public float TitleWeight { get; init; } = 3f;

    /// <summary>An occurrence in the body.</summary>
    public float BodyWeight { get; init; } = 1f;

    /// <summary>An occurrence in the image caption. Measured: 0.25 and 1 change nothing (the real corpus has no captions;
    /// seed articles have).</summary>
    public float CaptionWeight { get; init; } = 0.5f;

    /// <summary>A word found only as part of a compound ("Impfstoff" in "Impfstoffhersteller") counts this share of the
    /// whole word. Measured: 0.5 −0.004 / +0.007 / −0.007; 0.9 +0.005 / −0.001 / −0.001, body-hard −0.004.</summary>
    public float CompoundPartWeight { get; init; } = 0.7f;

    /// <summary>A quoted phrase, a prefix or a fuzzy word scores by its best field plus this share of its other matches
    /// (<see cref="Scoring.BestMatchQuery"/>). Measured: 0.3 changes nothing here (topics and known items have no
    /// phrases); against summing every match it gained compound known items 0.017 (RESULTS, 2026-11-26).</summary>
    public float OtherMatchWeight { get; init; } = 0.1f;

    /// <summary>The reward for the query's words standing within <see cref="ProximitySlop"/> of each other in the body.
    /// Measured: 0.5 −0.012 / −0.005 / −0.009; 4 (until 2026-12-06) −0.092 / −0.073 / −0.066: articles that mention
    /// the words once, close together, outranked articles about the topic.</summary>
    public float ProximityWeight { get; init; }

    /// <summary>The reward for the query's words standing within <see cref="ProximitySlop"/> of each other in the
    /// headline. Measured: 0 costs title known items 0.114 (0.954 → 0.840) and moves the topics by at most 0.002.</summary>
    public float TitleProximityWeight { get; init; } = 4f;

    /// <summary>How many positions apart the query words may stand for the proximity reward (their order may differ).
    /// Measured: 2 costs title known items 0.013.</summary>
    public int ProximitySlop { get; init; } = 4;

    /// <summary>The word two query words make together ("Masken Pflicht": Maskenpflicht) weighs this many times one word
    /// (by its own idf, which is already above the two words'). Measured against 3 (its value until 2026-12-06, set on
    /// the compound known items alone), same judgments: dev +0.001, own +0.007, heldout +0.007, blind +0.017 (H08
    /// "Webasto erster Corona Fall" 0.27 → 0.55: "Corona-Fälle" outweighed "Webasto"), fresh +0.001; 10 topics better,
    /// 4 worse; compound known items −0.021 (0.851 → 0.830; seeds 41-43 −0.018), other kinds unchanged. 0.5 and 0.75
    /// alike on the topics (within 0.005), compounds −0.035 and −0.030.</summary>
    public float JoinedWeight { get; init; } = 1f;

    /// <summary>The word two query words make together weighs at most this share of the two words' weight (their idf
    /// summed; its <see cref="JoinedWeight"/> is scaled down to it); 0: no cap. "Beerdigung Corona Regeln": the articles
    /// that mention "Corona-Regeln" (indexed also as "coronaregeln", four times rarer than "Regeln") and a funeral once
    /// outscored the articles about funerals. Measured against 0 (2026-12-07, 280 topics, same judgments): T40 0.58 →
    /// 0.74, H08 0.55 → 0.64, T09 0.72 → 0.78, L12 and N04 +0.01, T44 0.57 → 0.51, the other 274 top 10s unchanged;
    /// known items compounds 0.828 → 0.825, titles 0.956 → 0.955, the others unchanged. 0.5: 18 topics moved, 12 up (T40
    /// 0.86, L23 0.62, P30 0.77) and 6 down (T44 0.47, T39 0.82, N06 0.93), compounds −0.014.</summary>
    public float JoinedCap { get; init; } = 1f;

    /// <summary>The score a word one or two edits away adds in the typo-tolerant retry (word scores are about 1-30).
    /// Measured: 0.1 −0.006 on the held-out topics, nothing else.</summary>
    public float TypoWeight { get; init; } = 0.3f;

    /// <summary>A word in more than two articles but at most this many is searched as the word one edit away that is with
    /// the query's other words in ten times as many articles, when there is one (a misprint several articles share,
    /// <see cref="Spelling.SharedMisprints"/>); 0: never. Measured against 0 (2026-12-07, 492 topics, 10
    /// articles judged blind): noon S04 "Peter Altmeier" 0.00 → 0.98 and S11 "Guiseppe Conte" 0.53 → 1.00, the topics it
    /// was made for; the other 490 top 10s and the 4,500 known items of seeds 61-63 unchanged; of 9,625 other queries
    /// (topics, the peers' timing set, known items of seeds 21-23 and 41-43) it corrects no other, nor any of 2,994 known
    /// items generated afterwards (seeds 71-72); latency within the noise of six alternating pairs.</summary>
    public int SharedMisprintArticles { get; init; } = 20;

    /// <summary>Queries of up to this many words need every word; a longer query may miss <see cref="MissingWords"/> of
    /// them. Measured: 1 +0.006 / −0.004 / −0.005, compound known items −0.011, body-hard −0.009; 3 −0.055 / −0.033 /
    /// −0.057; every word always −0.071 / −0.053 / −0.072.</summary>
    public int AllWordsUpTo { get; init; } = 2;

    /// <summary>How many words of a longer query an article may miss. Measured: 2 −0.001 / +0.005 / +0.005,
    /// inflection known items −0.003.</summary>
    public int MissingWords { get; init; } = 1;

    /// <summary>A longer query's article must have words that carry this share of the query's weight, each word weighing
    /// its idf (<see cref="Querying.WordCoverage"/>), instead of all words but <see cref="MissingWords"/>: it may miss
    /// two light words, and not the one heavy word. 0: words are counted. Measured against 0 (same judgments): dev
    /// −0.001, own +0.008, heldout 0.000, blind +0.006, fresh +0.002; known items unchanged; 0.3 to 0.55 alike; 0.6 dev
    /// −0.013, 0.7 dev −0.040. With <see cref="AllWordsUpTo"/> 1 too (two-word queries may miss
    /// their lighter word): topics +0.006 to +0.016, but body-hard known items −0.008, compounds −0.010 (not kept).</summary>
    public float MatchedShare { get; init; } = 0.5f;

    /// <summary>A two-word query may miss its lighter word when the other, an uncommon word, carries this share of the
    /// two words' weight (idf; 0.55: more than 1.2 times the lighter's): "Abwasser Coronavirus" also finds articles on
    /// sewage testing that say "Corona" or "Virus"; 0: two words need both. Measured against 0.75 (its value until 2026-12-06), same judgments: dev
    /// +0.008 (D21 "Distanzunterricht Bildungsgerechtigkeit" 0.60 → 0.79, D08, D28), heldout +0.003 (T38), fresh +0.012
    /// (N06 "Kinder Bonus Auszahlung" 0.68 → 1.00, N24), own and blind unchanged; 6 topics better, none worse, 0
    /// unjudged; known items body-hard −0.005 (0.863 → 0.858; seeds 41-43 0.871 → 0.865), compounds −0.003, the other
    /// kinds unchanged. 0.5 heldout −0.003 and body-hard −0.002 more; 0.6 dev +0.001 only, body-hard −0.003. Against 0
    /// (at 0.75): blind +0.009 (H12 "Abwasser Coronavirus" 0.68 → 0.94), heldout +0.003 (T54). 32 of the peers' 200
    /// queries take this path (12 at 0.75); those 32 take 0.28-0.34 ms each in a loop instead of 0.14-0.17 (they match
    /// and score more articles).</summary>
    public float LighterWordShare { get; init; } = 0.55f;

    /// <summary>A two-word query that fewer articles than this have both words of also lists, after those, the articles
    /// with either word alone, by score (an uncommon word, <see cref="CommonShare"/>, when the other is common):
    /// "Thyssenkrupp Stellenabbau" (4 articles with both) goes on with the other articles on Thyssenkrupp instead of
    /// ending after 4; 0: two words need both. The articles with both come first and keep their order, so a top 10 only
    /// gains articles below them. At most <see cref="AllWordsFirstBelow"/>. Measured against 0 (2026-12-07, same
    /// judgments): late +0.010 (L19 0.62 → 0.94, 5 articles judged), the top 10s of the other 190 topics unchanged;
    /// known items: 392 of 4,500 queries gain articles after their last one, none changes order, MRR unchanged. Either
    /// word rather than only the heavier (its rule until 2026-12-07), 280 topics, same judgments: G12 "NBA Bubble" 0.08
    /// → 0.63 (the articles about the NBA, which say "Blase", came after the ones that say "Bubble" once), P07 0.87 →
    /// 0.97, L18 +0.07, M18 +0.07, G13 +0.04, M26 −0.01, the other 274 top 10s and the known items unchanged.</summary>
    public int OneOfTwoWordsBelow { get; init; } = 10;

    /// <summary>Of two words, when the lighter may be missing (<see cref="LighterWordShare"/>) but fewer than
    /// <see cref="OneOfTwoWordsBelow"/> articles have the heavier and the lighter is uncommon too, the articles with either
    /// word follow those with both, as for two words of about equal weight: "Bierabsatz Brauereien" (six articles say
    /// "Bierabsatz", dozens are about breweries) goes on with the breweries instead of ending after six. Measured against
    /// false (2026-12-07, 442 topics, same judgments and one article judged): eve E11 "Bierabsatz Brauereien" 0.56 → 0.85
    /// (the topic it was found on, after eve was scored), noon S11 "Guiseppe Conte" 0.33 → 0.53, late L28 0.92 → 0.99,
    /// dawn P23 unchanged (one article judged, 0); the other top 10s unchanged (kite, written meanwhile, included); known
    /// items (seeds 21-23 and 61-63): every target keeps its rank but one compound query's, not found → third.</summary>
    public bool OneOfTwoAfterRareWord { get; init; } = true;

    /// <summary>A longer query lets an article miss a word unless this many articles or more have every word; 0: always.
    /// Measured: 100 −0.016 on the held-out topics ("Beerdigung Corona Regeln" found funerals mentioned in passing
    /// beside the Corona rules); 0 changes nothing on these sets, and scores more matches.</summary>
    public int MissingWordsBelow { get; init; } = 1000;

    /// <summary>A word in this share of the articles or more is common: an article that misses a word of a longer query
    /// must still have one of its uncommon words ("Zeit dass Stationierung" is no match for "Zeit" and "dass").
    /// Measured: 0 (no such rule) 0.000 / −0.011 / −0.030; 0.1 changes nothing; it keeps the common words' matches (most
    /// of the index) from being scored.</summary>
    public float CommonShare { get; init; } = 0.02f;

    /// <summary>When fewer articles than this have every word of a query that lets an article miss one, those come
    /// first (<see cref="AllWordsFirstQuery"/>); 0 or 1: never. Measured: 0 −0.002 / +0.003 / +0.007 but known items
    /// inflection −0.047, body −0.024, body-hard −0.029, compounds −0.010; 20 −0.032 / −0.012 / 0.000.</summary>
    public int AllWordsFirstBelow { get; init; } = 10;

    /// <summary>An article whose body is longer than this many times the average body is not put first by
    /// <see cref="AllWordsFirstBelow"/>: a digest (a month's live blog, 10 to 60 times an article) has any few words
    /// somewhere. It still matches and ranks by its score. 0: no limit. Measured against 0 (2026-12-07, 220 topics, same
    /// judgments): heldout +0.003 (T54 "Gibt es genug Grippeimpfstoff?" 0.71 → 0.78, T53), blind H27 "Warum stürzen die
    /// Lernplattformen ständig ab?" 0.03 → 0.04 (three digests of 67,000-334,000 characters led it), the other 217 top 10s
    /// unchanged; known items unchanged (compounds +0.001). 4: also late +0.005 (L04, L13), but inflection known items
    /// −0.005; 16: H27 only.</summary>
    public float AllWordsFirstLongest { get; init; } = 8f;

    /// <summary>The few articles with every word come first (<see cref="AllWordsFirstBelow"/>) only when each scores at
    /// least this share of the best article without every word, or prints every word as typed (a reader who copied the
    /// words from it); the others rank by their score. 0: always first. Measured against 0 (2026-12-07, 250 topics, same
    /// judgments): T54 "Gibt es genug Grippeimpfstoff?" 0.78 → 1.00, M10 "Blutspenden Mangel" 0.49 → 0.73, M29 0.77 →
    /// 0.90, L04 0.85 → 0.91, G29 0.71 → 0.73 (1 unjudged), no topic worse; all 250: 0.850 → 0.852; known items
    /// inflection 0.985 → 0.982, the other kinds unchanged. Without the as-typed exception: body-hard 0.858 → 0.843,
    /// compounds 0.828 → 0.814. 0.7: D37, H04, G29, M15 worse, inflection −0.016. On a first page the one
    /// search tells (every such article is put first, as many more hits are collected, and the far ones go back to their
    /// place); a page after a cursor costs a search of the best 100 matches first. Only for queries with 1-9 articles
    /// with every word.</summary>
    public float AllWordsFirstNear { get; init; } = 0.5f;

    /// <summary>Whether the few articles with every word come first (<see cref="AllWordsFirstBelow"/>) for a question too
    /// (<see cref="Querying.QuerySyntax.IsQuestion"/>: "Hilft Vitamin D gegen Corona?"). A reader who asks uses words of their own;
    /// an article that has every one of them ("hilft" among them) is not the answer for that, while the rule is for the
    /// reader who remembers an article's words (as <see cref="AsTypedFirst"/> leaves questions alone). false: a
    /// question's matches rank by their score. A question is also one whose first word asks ("Wie funktioniert die
    /// Luca-App", typed without its mark): the 120 question topics with the mark taken off 0.722 → 0.791 with this and
    /// <see cref="LowerCaseOptionalInQuestions"/> (46 moved, 38 up, 8 down: A28 0.55 → 0.39, B14 0.58 → 0.42), titles known
    /// items 0.963 → 0.962 (a headline that starts "Wie …"); and one that starts with a capitalised auxiliary or modal
    /// verb ("Wird der Soli früher abgeschafft"): 0.791 → 0.801 (12 moved, 10 up: C15 0.69 → 0.95, C03 0.68 → 0.91; W30
    /// 0.35 → 0.25, C04 0.90 → 0.84), every known item's top 10 unchanged. On questions written blind after it: `quest` (24) 0.756 → 0.807, +0.050
    /// [+0.018, +0.088], 7 better, 0 worse; `brook` (24) 0.687 → 0.729, +0.042 [+0.006, +0.082], 8 better, 3 worse; `crest` (24) 0.700 → 0.745, +0.045
    /// [+0.015, +0.082], 8 better, 0 worse.
    /// Measured against true (2026-12-07, 552 topics, same judgments and 2 more):
    /// 9 of the 48 questions moved, 8 up (P30 "Wie geht es mit dem KSK weiter?" 0.63 → 0.93, S05 0.58 → 0.89, A29
    /// "Hilft Vitamin D gegen Corona?" 0.57 → 0.81, I30 0.76 → 0.86, S13 0.78 → 0.87, T53, M29, H27), T54 1.00 → 0.96;
    /// the questions 0.775 → 0.799, all 552 0.844 → 0.846; known items unchanged (none is a question).</summary>
    public bool AllWordsFirstForQuestions { get; init; }

    /// <summary>In a question (<see cref="Querying.QuerySyntax.IsQuestion"/>) whose nouns are capitalised, a word typed
    /// without a capital letter after the first word is optional, as question words are (<see cref="Querying.OptionalWords"/>):
    /// it adds its score where an article has it, an article need not have it, and the headline reward does not look for
    /// it ("Was bringt die FFP2-Maskenpflicht?" rewarded only the headline that says "bringt"). Measured against false
    /// (2026-12-07, 576 topics, same judgments and 11 more): 14 of the 72 questions moved, 9 up (Q01 0.36 → 0.91, Q10
    /// "Wer rettet den Ferienflieger Condor?" 0.44 → 0.85, H27 0.06 → 0.76, G26 0.79 → 0.99, Q07 0.74 → 0.86, N21, Q23,
    /// Q19, R28), 5 down (W30 "Gibt es im Lockdown mehr Müll?" 0.35 → 0.25, H29 0.93 → 0.85, R30 0.81 → 0.75, N10,
    /// A28); the questions 0.801 → 0.827, all 576 0.845 → 0.848. Designed on the 24 `quest` questions after they were
    /// scored; a weight below 1 for such words (0.3, 0.5, 0.7) moved more topics both ways. On 24 questions written
    /// blind after it (`brook`): 0.729 → 0.744, +0.015 [−0.012, +0.044], 4 better (B01 "Warum fehlen der Autoindustrie
    /// Computerchips?" 0.47 → 0.70), 1 worse (B19 "Trinken die Deutschen im Lockdown mehr Alkohol?" 0.73 → 0.56: "mehr"
    /// is what it asks, as in W30); on 24 more (`crest`), 0.745 → 0.829, +0.083 [+0.018, +0.166], 6 better, 1 worse. The
    /// last word before the question mark counts too ("geschmuggelt?"; `crest` +0.005 [−0.084, +0.084]). Known items
    /// unchanged (none is a question).</summary>
    public bool LowerCaseOptionalInQuestions { get; init; } = true;

    /// <summary>When a query has fewer articles with every word than this, leading and all on the first page (every match,
    /// or the few put first by <see cref="AllWordsFirstBelow"/>), and the best does not print every word as typed (or two of them written as one word), the first match that does comes first (<see cref="AsTypedFirst"/>); 0:
    /// never. Measured against 0: the top 10s of all five topic sets unchanged; known items body-hard +0.030, compounds
    /// +0.009 (seeds 21-23), and on seeds 41-43, generated after the rule was settled: body-hard 0.833 → 0.864, compounds
    /// 0.830 → 0.847, body +0.002, titles and inflection unchanged. A page holds at most 20 hits, so more than 21 has no
    /// further effect. Costs searches with 2-9 matches about 0.05-0.1 ms (reading stored text). Counting the articles with
    /// every word rather than all matches (so it also applies to a longer query whose few all-word articles come first):
    /// body-hard 0.857 → 0.863, compounds +0.001, body +0.001, inflection −0.001 (seeds 21-23); fresh +0.003 (N30 "Proteste
    /// gegen Polizeigewalt in den USA" 0.36 → 0.44), the other sets' nDCG unchanged.</summary>
    public int AsTypedFirstBelow { get; init; } = 10;

    /// <summary>With more matches (or when the articles with every word do not lead), the first of this many hits that
    /// prints every word as typed comes first, unless it is a digest (<see cref="AllWordsFirstLongest"/>); 0 or 1: never.
    /// A reader who copies "Gerichten Stillstands" from an article shares both words with dozens of others. Measured
    /// against 0 (2026-12-07, 340 topics, same judgments): 0.842 → 0.841, 17 top 10s moved, 7 up (M22 "Chorproben
    /// verboten" 0.54 → 0.67, L23 0.50 → 0.62, D33 0.43 → 0.52, N19 and T01 +0.05), 10 down (T35 "Impfung beim Hausarzt"
    /// 0.78 → 0.63 and T27 0.85 → 0.71, whose best articles do not print "beim" and "gestrandete", N24 0.97 → 0.86), 0
    /// unjudged; the 30 `dusk` topics, written after it: no top 10 changed. Known items (seeds 21-23): body-hard 0.858 →
    /// 0.875, compounds 0.825 → 0.857, titles and body +0.001, inflection unchanged; seeds 61-63, generated after it:
    /// body-hard 0.838 → 0.859, compounds 0.805 → 0.839, titles +0.002, body +0.001, inflection unchanged. 5: topics
    /// unchanged in the mean (9 moved), body-hard +0.012, compounds +0.026. Words in 2 % of the articles or more need
    /// not be printed as typed ("beim"): 9 moved, mean unchanged, body-hard +0.011, compounds +0.016, inflection −0.008.
    /// Costs a top-10 search about 0.04 ms in the median (the peers' 200 queries in an interleaved loop, on a slow phase
    /// of the machine: 0.46-0.48 → 0.51-0.53 ms): the words analysed once more and the best hit's postings read with
    /// their offsets (<see cref="TypedWords"/>); reading the hits' text in turn instead cost 0.1 ms.</summary>
    public int AsTypedWithin { get; init; } = 10;

    /// <summary>A year (1900-2099, or a season: "2020/21") in a query with other words need not match, as a question word need not: it adds its
    /// score where an article prints it. "Vierschanzentournee 2021": the reports on the tournament seldom print the year;
    /// the four news digests that list it beside "2021" came first. Measured against false (2026-12-07, same judgments):
    /// P08 0.56 → 0.86, S10 "DFB-Pokalfinale 2020" 0.53 → 0.83, H28 "Wie läuft die Berlinale 2021 ab?" 0.51 → 0.77, M07
    /// "US Open 2020" 0.84 → 0.97, S28 0.52 → 0.51, the other 335 top 10s and all 4,500 known items unchanged; on 12 year
    /// topics written after it and judged blind (<c>adhoc-year-topics.tsv</c>): 0.720 → 0.817 (Y01 "Darts-WM 2021" 0.00 →
    /// 1.00, Y07 0.75 → 0.94, Y08 −0.02). Read after scoring them, a season ("2019/20") counts as a year too: Y11 "3. Liga
    /// Saison 2019/20" 0.39 → 0.50, Y12 "Grippesaison 2020/21" 0.60 → 0.68 (2 articles judged), the other 350 top 10s
    /// unchanged.</summary>
    public bool OptionalYears { get; init; } = true;

    /// <summary>The weight of each searched field, by field name.</summary>
    public IReadOnlyDictionary<string, float> FieldWeights => new Dictionary<string, float>
    {
        [ArticleFields.Title] = TitleWeight,
        [ArticleFields.Body] = BodyWeight,
        [ArticleFields.Caption] = CaptionWeight,
    };
}
