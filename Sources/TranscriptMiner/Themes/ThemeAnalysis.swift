/// Finds the themes of a set of transcripts: documents → TF-IDF → spherical k-means → themes.
///
/// ```swift
/// var options = ThemeOptions()
/// options.clustering.k = 20
/// let result = try await ThemeAnalysis(options: options).run(transcripts)
/// for theme in result.themes { print(theme.size, theme.terms.prefix(5)) }
/// ```
public struct ThemeAnalysis: Sendable {
    /// The options.
    public var options: ThemeOptions
    /// Called as each stage ends (documents, tfidf, smoothing, clustering, labels, sentiment,
    /// exemplars) with its wall time; for progress displays. Default `nil`.
    public var progress: (@Sendable (StageTiming) -> Void)?

    /// Creates an analysis.
    public init(options: ThemeOptions = ThemeOptions(), progress: (@Sendable (StageTiming) -> Void)? = nil) {
        self.options = options
        self.progress = progress
    }

    /// Runs the analysis.
    /// - Parameter contentHashes: each transcript's ``Transcript/contentHash``, when the caller
    ///   computed it before compacting the transcripts (``Transcript/keepingText(of:)``); `nil`
    ///   computes it from `transcripts`.
    /// - Throws: ``ThemeAnalysisError`` when no vocabulary or no clustering can be made.
    public func run(_ transcripts: some TranscriptCollection, contentHashes: [UInt64]? = nil) async throws(ThemeAnalysisError) -> ThemeResult {
        var stages = StageClock(progress: progress)
        let documents = options.documents.build(transcripts)
        stages.lap("documents")
        let extractor = options.termExtractor
        let model: TFIDFModel
        let matrix: SparseMatrix
        do {
            (model, matrix) = try await TFIDFVectorizer(options: options.tfidf, extractor: extractor,
                                                        workers: options.clustering.workers).fitTransform(documents.texts)
        } catch {
            throw .vectorizing(error)
        }
        stages.lap("tfidf")
        // Beyond the sample limit, smoothing and clustering see the sample only (see FitSample).
        let ids = transcripts.indices.map(transcripts.transcriptID(at:))
        let sample = options.fitSample?.indices(of: ids)
        var clustered = sample.map { matrix.selecting(rows: $0) } ?? matrix
        let fitted = clustered
        if let smoothing = options.smoothing { clustered = await smoothing.apply(to: matrix, workers: options.clustering.workers) }
        if let neighbors = options.neighborSmoothing {
            clustered = await neighbors.apply(to: clustered, workers: options.clustering.workers)
        }
        stages.lap("smoothing")
        var clustering: KMeansResult
        var merges: [KMeansResult.Merge] = []
        let clusteringOptions: KMeansOptions
        let selection: ClusterCountSelection?
        do {
            if let warmStart = options.warmStart, !warmStart.centroids.isEmpty {
                let rows = clustered.unitRows()
                let initial = warmStart.initialCentroids(vocabulary: model.vocabulary, rows: rows, seed: options.clustering.seed)
                var warmOptions = options.clustering
                warmOptions.k = max(1, initial.count)
                (clusteringOptions, selection) = (warmOptions, nil)
                clustering = try await SphericalKMeans(options: warmOptions).refine(rows, from: initial)
            } else {
                (clusteringOptions, selection) = try await options.resolvedClustering(for: clustered, unsmoothed: fitted)
                clustering = try await SphericalKMeans(options: clusteringOptions).fit(clustered)
            }
        } catch {
            throw .clustering(error)
        }
        if let threshold = options.mergeSimilarity {
            (clustering, merges) = await clustering.mergingNearDuplicates(above: threshold, rows: clustered, workers: options.clustering.workers)
        }
        var assignments = clustering.assignments
        var similarities = clustering.similarities
        if sample != nil {
            (assignments, similarities) = await clustering.centroids.assign(matrix, workers: options.clustering.workers)
        }
        var lowSimilarity = 0
        for (index, similarity) in similarities.enumerated()
        where assignments[index] >= 0 && similarity < options.minimumSimilarity {
            assignments[index] = KMeansResult.unassigned
            lowSimilarity += 1
        }
        let themeAssignments = assignments.map { $0 >= 0 ? Int($0) : nil }
        stages.lap("clustering")
        let descriptions = await options.labeler.describe(documents: sample.map { $0.map { documents.texts[$0] } } ?? Array(documents.texts),
                                                          assignments: sample.map { $0.map { themeAssignments[$0] } } ?? themeAssignments,
                                                          themeCount: clustering.clusterCount, workers: options.clustering.workers)
        stages.lap("labels")
        let facts = await ConversationFacts.compute(transcripts, scorer: options.sentiment, roles: options.documents.roles,
                                                    workers: options.clustering.workers, contentHashes: contentHashes)
        stages.lap("sentiment")
        let exemplars = await options.exemplars.select(transcripts, assignments: themeAssignments, similarities: similarities,
                                                       centroids: clustering.centroids, model: model, documents: options.documents,
                                                       workers: options.clustering.workers)
        let codes = options.countsCodes ? await CodeTermCounter().documentFrequencies(documents.texts, workers: options.clustering.workers) : [:]
        stages.lap("exemplars")
        var members = [[Int]](repeating: [], count: clustering.clusterCount)
        var unclustered: [Int] = []
        for (index, theme) in themeAssignments.enumerated() {
            if let theme { members[theme].append(index) } else { unclustered.append(index) }
        }
        let total = transcripts.count
        var themes = (0..<clustering.clusterCount).map { cluster -> Theme in
            let top = Theme.heaviestTerms(of: clustering.centroids.vector(cluster), vocabulary: model.vocabulary)
            return Theme(id: cluster, rank: 0, label: descriptions[cluster].label, labelTerms: descriptions[cluster].terms,
                         terms: top.prefix(10).map { ($0.term, $0.weight) }, centroidTerms: top,
                         statistics: ThemeStatistics(members: members[cluster], facts: facts, total: total, pain: options.pain),
                         exemplars: exemplars[cluster])
        }
        themes.sort { ($0.statistics.painScore, -$0.id) > ($1.statistics.painScore, -$1.id) }
        for index in themes.indices { themes[index].rank = index + 1 }
        return ThemeResult(transcriptIDs: ids, assignments: themeAssignments, similarities: similarities,
                           conversations: facts, themes: themes,
                           unclustered: ThemeStatistics(members: unclustered, facts: facts, total: total, pain: options.pain),
                           unclusteredWithoutTerms: unclustered.count - lowSimilarity, unclusteredBelowSimilarity: lowSimilarity,
                           vocabularySize: model.columnCount, iterations: clustering.iterations,
                           objective: clustering.objective, merges: merges, timings: stages.timings,
                           k: clusteringOptions.k, kSelection: selection,
                           vocabulary: model.vocabulary, documentFrequencies: model.documentFrequencies,
                           codeFrequencies: codes, fittedDocuments: sample?.count)
    }
}

/// One theme: what it is about (label, terms, quotes) and how much it hurts (statistics, pain).
public struct Theme: Sendable {
    /// The theme's cluster number in this run (0 = the largest cluster).
    public var id: Int
    /// Its place when themes are ranked by ``ThemeStatistics/painScore`` (1 = most pain; ties: the
    /// lower id first).
    public var rank: Int
    /// A short human label (see ``ThemeLabeler``).
    public var label: String
    /// The distinctive terms and phrases (class-based TF-IDF by default), best first.
    public var labelTerms: [WeightedTerm]
    /// The heaviest centroid terms (as clustered: stemmed) and weights: the first 10 of
    /// ``centroidTerms``.
    public var terms: [(term: String, weight: Double)]
    /// The centroid's heaviest terms, up to ``centroidTermLimit``, heaviest first (ties: vocabulary
    /// order): the summary of the centroid that the run history keeps to recognise the theme in a
    /// later run (whose vocabulary differs) and to warm-start its clustering.
    public var centroidTerms: [WeightedTerm]
    /// How many centroid terms a theme keeps in ``centroidTerms``: 64.
    public static let centroidTermLimit = 64

    /// A centroid's heaviest positive terms, at most ``centroidTermLimit``, heaviest first (ties:
    /// vocabulary order): a theme's ``centroidTerms``.
    public static func heaviestTerms(of centroid: [Double], vocabulary: [String]) -> [WeightedTerm] {
        centroid.indices.sorted { (centroid[$0], -$0) > (centroid[$1], -$1) }.prefix(centroidTermLimit)
            .filter { centroid[$0] > 0 }.map { WeightedTerm(term: vocabulary[$0], weight: centroid[$0]) }
    }
    /// Size, share, sentiment, endings, channels and pain.
    public var statistics: ThemeStatistics
    /// Customer turns nearest the centroid, redacted and trimmed (see ``ExemplarSelector``).
    public var exemplars: [ThemeExemplar]

    /// Transcripts in the theme.
    public var size: Int { statistics.size }

    /// Creates a theme.
    public init(id: Int, rank: Int, label: String, labelTerms: [WeightedTerm], terms: [(term: String, weight: Double)],
                centroidTerms: [WeightedTerm] = [], statistics: ThemeStatistics, exemplars: [ThemeExemplar]) {
        self.id = id
        self.rank = rank
        self.label = label
        self.labelTerms = labelTerms
        self.terms = terms
        self.centroidTerms = centroidTerms.isEmpty ? terms.map { WeightedTerm(term: $0.term, weight: $0.weight) } : centroidTerms
        self.statistics = statistics
        self.exemplars = exemplars
    }
}

/// The result of a ``ThemeAnalysis``.
public struct ThemeResult: Sendable {
    /// The transcripts' ids, in input order.
    public var transcriptIDs: [String]
    /// Each transcript's theme id, or `nil` when it is unclustered.
    public var assignments: [Int?]
    /// Each transcript's cosine similarity to the centroid of its nearest theme (0 for a document
    /// without any term).
    public var similarities: [Double]
    /// Each transcript's customer sentiment, turns and channel, in input order.
    public var conversations: [ConversationFacts]
    /// The themes, ranked by pain (``Theme/rank`` 1 first).
    public var themes: [Theme]
    /// The conversations in no theme: documents without any term, and documents less similar to
    /// their nearest centroid than ``ThemeOptions/minimumSimilarity``.
    public var unclustered: ThemeStatistics
    /// Unclustered because the document has no term left after the analysis chain and pruning.
    public var unclusteredWithoutTerms: Int
    /// Unclustered because the similarity to the nearest centroid is below the threshold.
    public var unclusteredBelowSimilarity: Int
    /// The number of TF-IDF terms.
    public var vocabularySize: Int
    /// k-means iterations of the winning restart.
    public var iterations: Int
    /// The k-means objective (Σ cosine similarity over the documents fitted on).
    public var objective: Double
    /// Near-duplicate clusters merged into one theme (cluster numbers before merging).
    public var merges: [KMeansResult.Merge]
    /// Wall-clock time of each stage: documents, tfidf, smoothing, clustering, labels,
    /// sentiment, exemplars.
    public var timings: [StageTiming]
    /// The k given to k-means (fixed, or chosen: see ``ThemeCount``); themes can be fewer after merging.
    public var k: Int = 0
    /// How k was chosen when ``ThemeOptions/themeCount`` is automatic; `nil` when it is fixed.
    public var kSelection: ClusterCountSelection? = nil
    /// The TF-IDF vocabulary (terms as clustered: stemmed, phrases joined by spaces), in column order.
    public var vocabulary: [String] = []
    /// How many documents contain each ``vocabulary`` term (the run history's "new words").
    public var documentFrequencies: [Int] = []
    /// How many documents contain each code — error codes, versions (`e4012`, `7.4`), which the
    /// analysis chain turns into placeholders — when at least 2 do (the run history's "new words");
    /// empty unless ``ThemeOptions/countsCodes``.
    public var codeFrequencies: [String: Int] = [:]
    /// How many documents the smoothing and clustering were fitted on when that was a sample
    /// (``ThemeOptions/fitSample``); `nil` when they were fitted on every document. Every
    /// document is assigned either way.
    public var fittedDocuments: Int? = nil
    /// The conversations analysed, when ``transcriptIDs`` is left empty (a report merged from the
    /// parts of a partitioned run, which keeps no per-conversation rows); `nil` otherwise.
    public var mergedConversationCount: Int? = nil

    /// The conversations analysed: in a theme or unclustered.
    public var conversationCount: Int { mergedConversationCount ?? transcriptIDs.count }
}

/// Why a ``ThemeAnalysis`` could not run.
public enum ThemeAnalysisError: Error, Sendable, CustomStringConvertible {
    /// TF-IDF could not be fitted.
    case vectorizing(TFIDFError)
    /// Clustering could not run.
    case clustering(KMeansError)
    /// A partitioned run's vocabulary is not final (see ``MergedVocabulary/rerunParts``).
    case incompleteVocabulary(String)

    public var description: String {
        switch self {
        case .vectorizing(let error): error.description
        case .clustering(let error): error.description
        case .incompleteVocabulary(let reason): reason
        }
    }
}

/// Measures the wall-clock time of consecutive stages.
struct StageClock {
    private let clock = ContinuousClock()
    private var start: ContinuousClock.Instant
    private(set) var timings: [StageTiming] = []
    private let progress: (@Sendable (StageTiming) -> Void)?

    init(progress: (@Sendable (StageTiming) -> Void)? = nil) {
        start = clock.now
        self.progress = progress
    }

    /// Ends the current stage as `name` and starts the next.
    mutating func lap(_ name: String) {
        let now = clock.now
        let elapsed = start.duration(to: now)
        let timing = StageTiming(name, duration: elapsed)
        timings.append(timing)
        progress?(timing)
        start = now
    }
}
