namespace Search.Relevance.Adhoc;

/// <summary>How one run did on one topic.</summary>
/// <param name="Ndcg">nDCG@10 with gains 0, 1, 3 for grades 0, 1, 2; the ideal ranking is made of every judged article
/// of the topic. Unjudged articles count as not relevant.</param>
/// <param name="Precision">P@10: the share of the top 10 judged relevant (grade 1 or 2); a shorter list counts its gaps as misses.</param>
/// <param name="Unjudged">How many of the top 10 nobody judged for the topic.</param>
/// <param name="CondensedNdcg">nDCG@10 of the list with its unjudged articles left out (Sakai's condensed list): an
/// estimate for exploring rankings before their new articles are judged, never a figure to quote.</param>
internal sealed record TopicScore(double Ndcg, double Precision, int Unjudged, double CondensedNdcg);
