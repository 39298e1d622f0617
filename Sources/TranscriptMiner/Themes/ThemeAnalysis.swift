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

    /// Creates an analysis.
    public init(options: ThemeOptions = ThemeOptions()) {
        self.options = options
    }

    /// Runs the analysis.
    /// - Throws: ``ThemeAnalysisError`` when no vocabulary or no clustering can be made.
    public func run(_ transcripts: [Transcript]) async throws(ThemeAnalysisError) -> ThemeResult {
        let documents = options.documents.build(transcripts)
        let extractor = TermExtractor.chain(.standard(StandardAnalyzerOptions(
            stopwordLists: options.stopwordLists, stems: options.stems, maximumNGramSize: options.tfidf.ngramRange.upperBound)))
        let model: TFIDFModel
        let matrix: SparseMatrix
        do {
            (model, matrix) = try await TFIDFVectorizer(options: options.tfidf, extractor: extractor,
                                                        workers: options.clustering.workers).fitTransform(documents.texts)
        } catch {
            throw .vectorizing(error)
        }
        var clustered = matrix
        if let smoothing = options.smoothing { clustered = await smoothing.apply(to: matrix, workers: options.clustering.workers) }
        if let neighbors = options.neighborSmoothing {
            clustered = await neighbors.apply(to: clustered, workers: options.clustering.workers)
        }
        var clustering: KMeansResult
        var merges: [KMeansResult.Merge] = []
        let clusteringOptions: KMeansOptions
        let selection: ClusterCountSelection?
        do {
            (clusteringOptions, selection) = try await options.resolvedClustering(for: clustered, unsmoothed: matrix)
            clustering = try await SphericalKMeans(options: clusteringOptions).fit(clustered)
        } catch {
            throw .clustering(error)
        }
        if let threshold = options.mergeSimilarity {
            (clustering, merges) = await clustering.mergingNearDuplicates(above: threshold, rows: clustered, workers: options.clustering.workers)
        }
        var assignments = clustering.assignments
        for (index, similarity) in clustering.similarities.enumerated()
        where assignments[index] >= 0 && similarity < options.minimumSimilarity {
            assignments[index] = KMeansResult.unassigned
        }
        let themeAssignments = assignments.map { $0 >= 0 ? Int($0) : nil }
        let descriptions = await options.labeler.describe(documents: documents.texts, assignments: themeAssignments,
                                                          themeCount: clustering.clusterCount, workers: options.clustering.workers)
        var sizes = [Int](repeating: 0, count: clustering.clusterCount)
        for label in assignments where label >= 0 { sizes[Int(label)] += 1 }
        let themes = (0..<clustering.clusterCount).map { cluster -> Theme in
            let centroid = clustering.centroids.vector(cluster)
            let top = centroid.indices.sorted { (centroid[$0], -$0) > (centroid[$1], -$1) }.prefix(10)
            return Theme(id: cluster, size: sizes[cluster], label: descriptions[cluster].label, labelTerms: descriptions[cluster].terms,
                         terms: top.filter { centroid[$0] > 0 }.map { (model.vocabulary[$0], centroid[$0]) })
        }
        return ThemeResult(transcriptIDs: transcripts.map(\.id), assignments: themeAssignments,
                           themes: themes, vocabularySize: model.columnCount, iterations: clustering.iterations,
                           objective: clustering.objective, merges: merges, k: clusteringOptions.k, kSelection: selection)
    }
}

/// One theme.
public struct Theme: Sendable {
    /// The theme's number in this run (0 = largest).
    public var id: Int
    /// Transcripts in the theme.
    public var size: Int
    /// A short human label (see ``ThemeLabeler``).
    public var label: String
    /// The distinctive terms and phrases (class-based TF-IDF by default), best first.
    public var labelTerms: [WeightedTerm]
    /// The heaviest centroid terms (as clustered: stemmed) and weights.
    public var terms: [(term: String, weight: Double)]
}

/// The result of a ``ThemeAnalysis``.
public struct ThemeResult: Sendable {
    /// The transcripts' ids, in input order.
    public var transcriptIDs: [String]
    /// Each transcript's theme id, or `nil` when it is unclustered.
    public var assignments: [Int?]
    /// The themes, largest first.
    public var themes: [Theme]
    /// The number of TF-IDF terms.
    public var vocabularySize: Int
    /// k-means iterations of the winning restart.
    public var iterations: Int
    /// The k-means objective (Σ cosine similarity).
    public var objective: Double
    /// Near-duplicate clusters merged into one theme (cluster numbers before merging).
    public var merges: [KMeansResult.Merge]
    /// The k given to k-means (fixed, or chosen: see ``ThemeCount``); themes can be fewer after merging.
    public var k: Int = 0
    /// How k was chosen when ``ThemeOptions/themeCount`` is automatic; `nil` when it is fixed.
    public var kSelection: ClusterCountSelection? = nil
}

/// Why a ``ThemeAnalysis`` could not run.
public enum ThemeAnalysisError: Error, Sendable, CustomStringConvertible {
    /// TF-IDF could not be fitted.
    case vectorizing(TFIDFError)
    /// Clustering could not run.
    case clustering(KMeansError)

    public var description: String {
        switch self {
        case .vectorizing(let error): error.description
        case .clustering(let error): error.description
        }
    }
}
