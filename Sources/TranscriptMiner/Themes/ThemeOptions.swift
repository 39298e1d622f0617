/// Everything that shapes a theme analysis, with defaults that give useful themes on support
/// conversations without tuning.
///
/// | parameter | default | why |
/// |---|---|---|
/// | `documents` | customer turns, canned lines removed | agents' macros are not the customer's problem |
/// | `tfidf` | sublinear tf, smooth idf, l2, single words, `minDF` 2 | dampens repeated words |
/// | `stems` | `true` | "charged", "charges", "charge" are one signal |
/// | `smoothing` | `nil` | term co-occurrence smoothing: helps without neighbour smoothing, adds nothing with it |
/// | `neighborSmoothing` | 20 neighbours, strength 1 | short texts borrow words from their nearest neighbours |
/// | `clustering` | k 8, seed 0, 1 restart, 100 iterations | |
/// | `mergeSimilarity` | 0.9 | near-duplicate themes are merged and the merge reported |
/// | `minimumSimilarity` | 0.2 | documents less similar to their theme go to "unclustered" (below) |
/// | `sentiment` | ``SentimentScorer`` with the built-in lexicon | the customer's mood per conversation |
/// | `pain` | ``PainScore()`` | volume × negativity × effort; themes are ranked by it |
/// | `exemplars` | ``ExemplarSelector()``: 3 quotes of ≤ 240 characters, redacted | evidence a reader can trust |
/// | `fitSample` | ``FitSample()``: 20,000 documents | beyond that, fit on a sample chosen by id and assign every document |
/// | `themeCount` | `.fixed` (`clustering.k`) | `.automatic(2...100)` picks k by modularity on a sample (``ThemeCount``); `minectl themes` uses it by default |
///
/// Measured on Banking77 (13,083 queries, k = 77, mean of 3 seeds): single words beat words +
/// two-word phrases (NMI 0.616 vs 0.608 without smoothing), and neighbour smoothing lifts NMI to
/// about 0.65; on the planted themes of `minectl synth` neighbour smoothing lifts NMI from 0.79 to
/// 0.83 while term smoothing does not help.
///
/// `minimumSimilarity` 0.2, measured on Banking77 (k 77, seed 0): documents whose cosine to their
/// centroid is below 0.2 share their theme's majority intent 8–26 % of the time, against 55 % for
/// those above 0.5; 0.2 sends 153 of 13,083 (1.2 %) to "unclustered" at an NMI cost of 0.0015 over
/// all documents (+0.005 over the clustered ones). On `minectl synth` no document is that far.
public struct ThemeOptions: Sendable {
    /// How transcripts become documents.
    public var documents: ThemeDocumentBuilder
    /// TF-IDF weighting and pruning.
    public var tfidf: TFIDFOptions
    /// Whether words are reduced to Snowball stems.
    public var stems: Bool
    /// Stop-word lists removed before weighting.
    public var stopwordLists: [StopwordList]
    /// Term-similarity smoothing learnt from the corpus, or `nil` for none.
    public var smoothing: TermSmoothing?
    /// Nearest-neighbour smoothing of the documents before clustering, or `nil` for none.
    public var neighborSmoothing: NeighborSmoothing?
    /// The clustering parameters.
    public var clustering: KMeansOptions
    /// Fit the smoothing and clustering on a sample of at most ``FitSample/limit`` documents
    /// (chosen by transcript id), then assign every document to its nearest theme; `nil` always
    /// fits on every document. Default ``FitSample()`` (20,000).
    public var fitSample: FitSample? = FitSample()
    /// Whether k is `clustering.k` or chosen from the data. Default ``ThemeCount/fixed``.
    public var themeCount: ThemeCount = .fixed
    /// Start the clustering from an earlier run's themes (then k is their number plus
    /// ``WarmStart/extraSeeds`` and ``themeCount`` does not apply). Default `nil`: k-means++ seeding.
    public var warmStart: WarmStart? = nil
    /// Themes whose centroids' cosine is above this are merged (and the merge reported); `nil`
    /// never merges. Default 0.9.
    public var mergeSimilarity: Double? = 0.9
    /// How themes are described in words. Default: ``ClassTFIDFLabeler``.
    public var labeler: any ThemeLabeler = ClassTFIDFLabeler()
    /// Documents whose similarity to their theme's centroid is below this go to the
    /// "unclustered" group instead of the theme.
    public var minimumSimilarity: Double
    /// Scores the customer's sentiment in every conversation (theme statistics and pain).
    public var sentiment: SentimentScorer = SentimentScorer()
    /// How themes are ranked. Default: ``PainScore`` with its documented weights.
    public var pain: PainScore = PainScore()
    /// How each theme's quotes are chosen. Default: ``ExemplarSelector`` with its defaults.
    public var exemplars: ExemplarSelector = ExemplarSelector()
    /// Whether to count the codes (error codes, versions) in the documents for
    /// ``ThemeResult/codeFrequencies``, which only the run history reads (its "new words"): one
    /// more pass over every document. Default `true`; `minectl themes` turns it off without `--db`.
    public var countsCodes = true

    /// How documents become TF-IDF terms: the standard analysis chain with ``stopwordLists``,
    /// ``stems`` and phrases up to the TF-IDF n-gram range.
    public var termExtractor: TermExtractor {
        TermExtractor.chain(.standard(StandardAnalyzerOptions(stopwordLists: stopwordLists, stems: stems,
                                                              maximumNGramSize: tfidf.ngramRange.upperBound)))
    }

    /// Creates options; defaults as in the table above.
    public init(documents: ThemeDocumentBuilder = ThemeDocumentBuilder(),
                tfidf: TFIDFOptions = TFIDFOptions(minDF: .count(2), sublinearTF: true),
                stems: Bool = true, stopwordLists: [StopwordList] = [Stopwords.english, Stopwords.supportConversation],
                smoothing: TermSmoothing? = nil, neighborSmoothing: NeighborSmoothing? = NeighborSmoothing(),
                clustering: KMeansOptions = KMeansOptions(), minimumSimilarity: Double = 0.2) {
        self.smoothing = smoothing
        self.neighborSmoothing = neighborSmoothing
        self.documents = documents
        self.tfidf = tfidf
        self.stems = stems
        self.stopwordLists = stopwordLists
        self.clustering = clustering
        self.minimumSimilarity = minimumSimilarity
    }
}
