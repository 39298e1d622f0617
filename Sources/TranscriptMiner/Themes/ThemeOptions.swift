/// Everything that shapes a theme analysis, with defaults that give useful themes on support
/// conversations without tuning.
///
/// | parameter | default | why |
/// |---|---|---|
/// | `documents` | customer turns, canned lines removed | agents' macros are not the customer's problem |
/// | `tfidf` | sublinear tf, smooth idf, l2, words and two-word phrases, `minDF` 2 | dampens repeated words; phrases name themes |
/// | `stems` | `true` | "charged", "charges", "charge" are one signal |
/// | `clustering` | k 8, seed 0, 1 restart, 100 iterations | |
/// | `minimumSimilarity` | 0.0 | documents less similar to their theme go to "unclustered" |
public struct ThemeOptions: Sendable, Hashable {
    /// How transcripts become documents.
    public var documents: ThemeDocumentBuilder
    /// TF-IDF weighting and pruning.
    public var tfidf: TFIDFOptions
    /// Whether words are reduced to Snowball stems.
    public var stems: Bool
    /// Stop-word lists removed before weighting.
    public var stopwordLists: [StopwordList]
    /// The clustering parameters.
    public var clustering: KMeansOptions
    /// Documents whose similarity to their theme's centroid is below this go to the
    /// "unclustered" group instead of the theme.
    public var minimumSimilarity: Double

    /// Creates options; defaults as in the table above.
    public init(documents: ThemeDocumentBuilder = ThemeDocumentBuilder(),
                tfidf: TFIDFOptions = TFIDFOptions(minDF: .count(2), sublinearTF: true, ngramRange: 1...2),
                stems: Bool = true, stopwordLists: [StopwordList] = [Stopwords.english, Stopwords.supportConversation],
                clustering: KMeansOptions = KMeansOptions(), minimumSimilarity: Double = 0) {
        self.documents = documents
        self.tfidf = tfidf
        self.stems = stems
        self.stopwordLists = stopwordLists
        self.clustering = clustering
        self.minimumSimilarity = minimumSimilarity
    }
}
