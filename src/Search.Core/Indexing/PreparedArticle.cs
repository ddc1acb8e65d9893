using Lucene.Net.Documents;
using Search.Core.Documents;

namespace Search.Core.Indexing;

/// <summary>An article made ready for <see cref="ArticleIndexWriter.Write"/> by <see cref="ArticleIndexWriter.Prepare"/>.</summary>
/// <param name="Article">The article, its text in NFC.</param>
/// <param name="SourceFile">The file it was read from, if any.</param>
/// <param name="Fingerprint">Its fingerprint (<see cref="ArticleDocument.Fingerprint"/>).</param>
/// <param name="Committed">The fingerprint of the article with its id in the last commit, if there is one.</param>
/// <param name="Document">Its document, analysed; null when it equals the committed article, which is then most likely left as it is.</param>
internal sealed record PreparedArticle(NewsArticle Article, string? SourceFile, byte[] Fingerprint, byte[]? Committed, Document? Document);
