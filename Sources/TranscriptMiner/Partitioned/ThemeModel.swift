import Foundation
import ThemeCluster

/// Fitted themes that can be applied to any transcripts (`minectl fit`, `minectl assign`,
/// `minectl themes --model`): the TF-IDF vocabulary and idf, each theme's centroid and label, how
/// the clustering went, and the options every input must be read with. A JSON file with a
/// content hash; every ``AssignmentPartial`` names the model it was computed with.
///
/// ```swift
/// let model = try await ThemeModel.fit(vocabulary, clustering: KMeansOptions(k: 20))
/// let partial = try await AssignmentPartial.compute(part, model: model)
/// ```
///
/// Floats are written in Swift's shortest round-trip form: a model read back assigns exactly
/// as the one written.
public struct ThemeModel: Sendable, Codable {
    /// The format identifier written in every model.
    public static let format = "minectl/theme-model@1"

    /// ``format``.
    public var format = Self.format
    /// The library version that made it.
    public var version = LibraryInfo.version
    /// How inputs are read and analysed.
    public var options: ThemeJobOptions
    /// ``ThemeJobOptions/hash`` of ``options``.
    public var optionsHash: String
    /// The TF-IDF terms, in column order.
    public var terms: [String]
    /// Documents containing each term, in the input the vocabulary was counted on.
    public var documentFrequencies: [Int]
    /// The documents the vocabulary was counted on.
    public var documentCount: Int
    /// Distinct terms pruned from the vocabulary.
    public var prunedTermCount: Int
    /// The themes, by id (cluster number; 0 the largest in the fit).
    public var themes: [ModelTheme]
    /// The k given to k-means (themes can be fewer after merging).
    public var k: Int
    /// How k was chosen (`--k auto`): every k tried and its scores; `nil` when k was fixed.
    public var kSelection: ClusterCountSelection?
    /// k-means iterations of the winning restart.
    public var iterations: Int
    /// The k-means objective on the fitted documents.
    public var objective: Double
    /// Near-duplicate clusters merged into one theme.
    public var merges: [ModelMerge]
    /// How many documents the themes were fitted on.
    public var fittedDocuments: Int
    /// Documents less similar than this to their nearest theme are unclustered.
    public var minimumSimilarity: Double
    /// The fit's settings, as reports show them (`k`, `seed`, …).
    public var settings: [ReportSetting]
    /// The SHA-256 of the model's canonical JSON with this field empty.
    public var contentHash: String = ""

    /// One theme of a model.
    public struct ModelTheme: Sendable, Hashable, Codable {
        /// The centroid's non-zero columns, ascending.
        public var columns: [Int32]
        /// The centroid's values at ``columns``.
        public var weights: [Double]
        /// The label and distinctive terms (from the fitted documents).
        public var labeling: ThemeDescription
    }

    /// A merge of near-duplicate clusters.
    public struct ModelMerge: Sendable, Hashable, Codable {
        /// The clusters merged (numbers before merging).
        public var clusters: [Int]
        /// The centroid cosine that joined them.
        public var similarity: Double
    }

    /// The TF-IDF model.
    public var tfidfModel: TFIDFModel {
        TFIDFModel(options: options.themeOptions.tfidf, extractor: options.extractor, vocabulary: terms,
                   documentFrequencies: documentFrequencies, documentCount: documentCount, prunedTermCount: prunedTermCount)
    }

    /// The themes' centroids (dense, as the clustering uses them).
    public var centroids: Centroids {
        Centroids(clusterMajor: themes.map { theme in
            var dense = [Double](repeating: 0, count: terms.count)
            for (column, weight) in zip(theme.columns, theme.weights) { dense[Int(column)] = weight }
            return dense
        }, dimension: terms.count)
    }

    /// Fits themes on the sample of a merged vocabulary: its documents are weighted with the
    /// vocabulary's idf, smoothed with their neighbours and clustered as ``ThemeAnalysis`` does
    /// (``ThemeOptions`` defaults apart from `clustering` and `themeCount`); labels come from the
    /// sample's documents, each assigned to its nearest theme by its own vector.
    /// - Parameters:
    ///   - clustering: k, seed, restarts, iterations, workers.
    ///   - themeCount: fixed (`clustering.k`) or chosen from the sample.
    ///   - settings: the settings reports will show.
    /// - Throws: ``ThemeAnalysisError`` when the sample cannot be clustered.
    public static func fit(_ vocabulary: MergedVocabulary, clustering: KMeansOptions, themeCount: ThemeCount = .fixed,
                           settings: [ReportSetting] = []) async throws(ThemeAnalysisError) -> ThemeModel {
        guard vocabulary.rerunParts.isEmpty else {
            throw .incompleteVocabulary("parts \(vocabulary.rerunParts.map(String.init).joined(separator: ", ")) read ids that earlier parts have: count them again with this vocabulary (minectl partial vocabulary --vocabulary) and merge again")
        }
        var options = vocabulary.options.themeOptions
        options.clustering = clustering
        options.themeCount = themeCount
        let tfidf = vocabulary.tfidfModel
        let texts = vocabulary.sample.map(\.text)
        let matrix = await tfidf.transform(texts, workers: clustering.workers)
        var clustered = matrix
        if let smoothing = options.smoothing { clustered = await smoothing.apply(to: matrix, workers: clustering.workers) }
        if let neighbors = options.neighborSmoothing { clustered = await neighbors.apply(to: clustered, workers: clustering.workers) }
        var result: KMeansResult
        let resolved: KMeansOptions
        let selection: ClusterCountSelection?
        do {
            (resolved, selection) = try await options.resolvedClustering(for: clustered, unsmoothed: matrix)
            result = try await SphericalKMeans(options: resolved).fit(clustered)
        } catch {
            throw .clustering(error)
        }
        var merges: [KMeansResult.Merge] = []
        if let threshold = options.mergeSimilarity {
            (result, merges) = await result.mergingNearDuplicates(above: threshold, rows: clustered, workers: clustering.workers)
        }
        let (assigned, similarities) = await result.centroids.assign(matrix, workers: clustering.workers)
        let assignments = zip(assigned, similarities).map { $0 >= 0 && $1 >= options.minimumSimilarity ? Int($0) : nil }
        let descriptions = await options.labeler.describe(documents: texts, assignments: assignments, themeCount: result.clusterCount,
                                                          workers: clustering.workers)
        let themes = (0..<result.clusterCount).map { cluster in
            let centroid = result.centroids.vector(cluster)
            let columns = centroid.indices.filter { centroid[$0] != 0 }
            return ModelTheme(columns: columns.map { Int32($0) }, weights: columns.map { centroid[$0] }, labeling: descriptions[cluster])
        }
        var model = ThemeModel(options: vocabulary.options, optionsHash: vocabulary.optionsHash, terms: vocabulary.terms,
                               documentFrequencies: vocabulary.documentFrequencies, documentCount: vocabulary.documentCount,
                               prunedTermCount: vocabulary.prunedTermCount, themes: themes, k: resolved.k, kSelection: selection,
                               iterations: result.iterations,
                               objective: result.objective, merges: merges.map { ModelMerge(clusters: $0.clusters, similarity: $0.similarity) },
                               fittedDocuments: texts.count, minimumSimilarity: options.minimumSimilarity, settings: settings)
        model.contentHash = model.computedHash
        return model
    }

    /// The SHA-256 of the canonical JSON with ``contentHash`` empty.
    var computedHash: String {
        var copy = self
        copy.contentHash = ""
        return PartialJSON.sha256Hex(PartialJSON.encode(copy))
    }

    /// The model as canonical JSON.
    public func encoded() -> [UInt8] { PartialJSON.encode(self) }

    /// Reads a model written by ``encoded()``, checking its content hash.
    /// - Throws: ``PartialError`` naming `path` when it is not a model or was altered.
    public static func read(path: String) throws(PartialError) -> ThemeModel {
        let model = try PartialJSON.read(ThemeModel.self, path: path, expecting: format)
        guard model.computedHash == model.contentHash else {
            throw PartialError(file: path, reason: "does not match its content hash: the model was altered or damaged")
        }
        guard model.themes.allSatisfy({ $0.columns.count == $0.weights.count && $0.columns.allSatisfy { $0 >= 0 && Int($0) < model.terms.count } }),
              model.documentFrequencies.count == model.terms.count else {
            throw PartialError(file: path, reason: "is inconsistent: centroid columns outside the vocabulary")
        }
        return model
    }
}
