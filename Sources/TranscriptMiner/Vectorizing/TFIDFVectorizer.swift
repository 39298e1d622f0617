import ThemeCluster

/// Learns a TF-IDF vocabulary from documents and turns documents into sparse, weighted rows, with
/// scikit-learn's `TfidfVectorizer` options and results (see ``TFIDFOptions`` for the formulas).
///
/// ```swift
/// let vectorizer = TFIDFVectorizer(options: TFIDFOptions(minDF: .count(2), sublinearTF: true, ngramRange: 1...2),
///                                  extractor: .standard(ngramRange: 1...2))
/// let (model, matrix) = try await vectorizer.fitTransform(customerTexts)
/// ```
///
/// **Scale and determinism.** Documents are counted concurrently in fixed chunks of
/// ``chunkSize`` documents (each chunk with its own analysis session and small vocabulary), and
/// the chunks' integer counts are merged in chunk order. The vocabulary, idf and every value are
/// therefore identical whatever `workers` is. ``fitTransform(_:)`` analyses each document once:
/// the chunks' counts are re-mapped to the final columns instead of tokenizing again. Memory is
/// proportional to the non-zeros plus the distinct terms.
public struct TFIDFVectorizer: Sendable {
    /// The documents per chunk of concurrent work; fixed, so results never depend on the cores.
    public static let chunkSize = 2048

    /// The weighting and pruning options.
    public var options: TFIDFOptions
    /// How texts become terms.
    public var extractor: TermExtractor
    /// The number of concurrent tasks. Default: the active cores.
    public var workers: Int

    /// Creates a vectorizer. The default extractor is the standard chain with phrases up to the
    /// n-gram range's largest size.
    public init(options: TFIDFOptions = TFIDFOptions(), extractor: TermExtractor? = nil, workers: Int = defaultWorkerCount) {
        self.options = options
        self.extractor = extractor ?? .standard(ngramRange: options.ngramRange)
        self.workers = max(1, workers)
    }

    /// Learns the vocabulary and idf of `texts`.
    /// - Throws: ``TFIDFError`` for invalid options, bounds that exclude every term, or no terms.
    /// - Complexity: O(total text length) spread over ``workers`` tasks, plus O(V log V) to sort
    ///   the V kept terms.
    public func fit(_ texts: some RandomAccessCollection<String> & Sendable) async throws(TFIDFError) -> TFIDFModel {
        try await fitCounts(texts).model
    }

    /// Learns the vocabulary and idf of `texts` and returns their rows (one per text, in order).
    /// Equal to `fit` followed by `transform` on the same texts, at the cost of one analysis.
    /// - Complexity: O(total text length) spread over ``workers`` tasks. Memory: the term counts
    ///   (8 bytes per distinct term of each text) and the weighted rows (12 bytes per entry) while
    ///   weighting; then the matrix plus one chunk's rows while assembling.
    public func fitTransform(_ texts: some RandomAccessCollection<String> & Sendable) async throws(TFIDFError) -> (model: TFIDFModel, matrix: SparseMatrix) {
        var fitted: (model: TFIDFModel, chunks: [ChunkTermCounts], columns: [[Int32]])? = try await fitCounts(texts)
        let model = fitted!.model
        var parts = await Self.weightedRows(of: fitted!.chunks, columns: fitted!.columns, model: model, workers: workers)
        fitted = nil  // the term counts are no longer needed: release them before assembling
        // Assembled into storage of the exact final size, each chunk's rows released once copied:
        // the peak is the matrix plus one chunk's rows, not twice the matrix.
        var builder = SparseMatrix.Builder(columnCount: model.columnCount, expectedRows: texts.count,
                                           expectedNonZeros: parts.reduce(0) { $0 + $1.nonZeroCount })
        for index in parts.indices {
            builder.append(contentsOf: parts[index])
            parts[index] = SparseMatrix.Builder(columnCount: model.columnCount).build()
        }
        return (model, builder.build())
    }

    /// Each chunk's rows, weighted by `model` (terms outside its vocabulary dropped).
    private static func weightedRows(of chunks: [ChunkTermCounts], columns columnsOfChunk: [[Int32]], model: TFIDFModel,
                                     workers: Int) async -> [SparseMatrix] {
        await ChunkedWork.map(count: chunks.count, chunkSize: 1, workers: workers) { range in
            let chunk = chunks[range.lowerBound]
            let columns = columnsOfChunk[range.lowerBound]
            var builder = SparseMatrix.Builder(columnCount: model.columnCount, expectedRows: chunk.documentCount,
                                               expectedNonZeros: chunk.entryTerms.count)
            var entries: [(column: Int32, count: Int32)] = []
            for document in 0..<chunk.documentCount {
                entries.removeAll(keepingCapacity: true)
                for entry in chunk.documentOffsets[document]..<chunk.documentOffsets[document + 1] {
                    let column = columns[Int(chunk.entryTerms[entry])]
                    if column >= 0 { entries.append((column, chunk.entryCounts[entry])) }
                }
                model.appendWeightedRow(&entries, to: &builder)
            }
            return builder.build()
        }
    }

    /// Counts every chunk, merges the counts, prunes and sorts the vocabulary; returns the model,
    /// the chunks' counts and, per chunk, each local term's column (−1 when pruned).
    private func fitCounts<Texts: RandomAccessCollection<String> & Sendable>(_ texts: Texts) async throws(TFIDFError) -> (model: TFIDFModel, chunks: [ChunkTermCounts], columns: [[Int32]]) {
        if let reason = options.invalidReason { throw .invalidOptions(reason) }
        let extractor = self.extractor
        let ngramRange = options.ngramRange
        let chunks = await ChunkedWork.map(count: texts.count, chunkSize: Self.chunkSize, workers: workers) { range in
            ChunkTermCounts(texts: texts[texts.index(texts.startIndex, offsetBy: range.lowerBound)..<texts.index(texts.startIndex, offsetBy: range.upperBound)],
                            session: extractor.makeSession(), ngramRange: ngramRange)
        }

        // Merge in chunk order: integer sums, so the order only fixes the global ids' layout.
        var globalIndex: [String: Int] = [:]
        var terms: [String] = []
        var documentFrequency: [Int] = []
        var termFrequency: [Int] = []
        var globalOfChunk: [[Int]] = []
        for chunk in chunks {
            var globals: [Int] = []
            globals.reserveCapacity(chunk.terms.count)
            for (local, term) in chunk.terms.enumerated() {
                let global: Int
                if let known = globalIndex[term] {
                    global = known
                } else {
                    global = terms.count
                    globalIndex[term] = global
                    terms.append(term)
                    documentFrequency.append(0)
                    termFrequency.append(0)
                }
                documentFrequency[global] += chunk.documentFrequency[local]
                termFrequency[global] += chunk.termFrequency[local]
                globals.append(global)
            }
            globalOfChunk.append(globals)
        }
        globalIndex = [:]

        let kept = try VocabularySelection.select(documentFrequency: documentFrequency, termFrequency: termFrequency,
                                                  terms: terms, documentCount: texts.count, options: options)
        var columnOfGlobal = [Int32](repeating: -1, count: terms.count)
        for (column, global) in kept.enumerated() { columnOfGlobal[global] = Int32(column) }
        let model = TFIDFModel(options: options, extractor: extractor, vocabulary: kept.map { terms[$0] },
                               documentFrequencies: kept.map { documentFrequency[$0] }, documentCount: texts.count,
                               prunedTermCount: terms.count - kept.count)
        let columns = globalOfChunk.map { globals in globals.map { columnOfGlobal[$0] } }
        return (model, chunks, columns)
    }
}

/// Why a ``TFIDFVectorizer`` could not fit.
public enum TFIDFError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The options are invalid; the reason says which and why.
    case invalidOptions(String)
    /// `maxDF` allows fewer documents than `minDF` requires for this corpus.
    case documentFrequencyBoundsExcludeEverything(minDF: Double, maxDF: Double)
    /// No term is left: the documents are empty, or every term was pruned.
    case emptyVocabulary(documentCount: Int, prunedTermCount: Int)

    public var description: String {
        switch self {
        case .invalidOptions(let reason):
            "invalid TF-IDF options: \(reason)"
        case .documentFrequencyBoundsExcludeEverything(let minDF, let maxDF):
            "maxDF (\(maxDF) documents) is below minDF (\(minDF) documents): no term can qualify"
        case .emptyVocabulary(let documents, let pruned) where pruned > 0:
            "no terms remain after pruning \(pruned) terms by document frequency in \(documents) documents; lower minDF or raise maxDF"
        case .emptyVocabulary(let documents, _):
            "the \(documents) documents contain no terms (empty, or only stop words)"
        }
    }
}
