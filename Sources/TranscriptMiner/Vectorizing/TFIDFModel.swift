import Foundation
import ThemeCluster

/// A fitted TF-IDF model: the vocabulary (columns) and the inverse document frequencies learnt by
/// ``TFIDFVectorizer/fit(_:)``. Immutable and `Sendable`; only a fitted model can transform, so a
/// transform can never run unfitted.
///
/// ```swift
/// let model = try await TFIDFVectorizer().fit(["card not arrived", "card declined"])
/// model.vocabulary                       // ["arrived", "card", "declined"]
/// let row = model.transform("my card arrived")   // columns 0 and 1, unit length
/// ```
///
/// Invariants: ``vocabulary`` is sorted by code point and has no duplicates; ``idf`` (when
/// present) and ``documentFrequencies`` have one entry per term.
public struct TFIDFModel: Sendable {
    /// The options the model was fitted with.
    public let options: TFIDFOptions
    /// How texts become terms (the same for fitting and transforming).
    public let extractor: TermExtractor
    /// The terms, in column order (code-point order).
    public let vocabulary: [String]
    /// The idf weight of each column, or `nil` when ``TFIDFOptions/useIDF`` is off.
    public let idf: [Double]?
    /// The number of fitted documents containing each term.
    public let documentFrequencies: [Int]
    /// The number of documents the model was fitted on.
    public let documentCount: Int
    /// The number of distinct terms seen while fitting that the df bounds or `maxFeatures` removed
    /// (scikit-learn's `stop_words_`, as a count).
    public let prunedTermCount: Int

    private let columns: [String: Int32]

    init(options: TFIDFOptions, extractor: TermExtractor, vocabulary: [String], documentFrequencies: [Int],
         documentCount: Int, prunedTermCount: Int) {
        self.options = options
        self.extractor = extractor
        self.vocabulary = vocabulary
        self.documentFrequencies = documentFrequencies
        self.documentCount = documentCount
        self.prunedTermCount = prunedTermCount
        var columns: [String: Int32] = [:]
        columns.reserveCapacity(vocabulary.count)
        for (column, term) in vocabulary.enumerated() { columns[term] = Int32(column) }
        self.columns = columns
        self.idf = options.useIDF ? Self.inverseDocumentFrequencies(documentFrequencies, documentCount: documentCount, smooth: options.smoothIDF) : nil
    }

    /// `ln((1 + n) / (1 + df)) + 1` when smoothing, else `ln(n / df) + 1` (see ``TFIDFOptions``).
    static func inverseDocumentFrequencies(_ frequencies: [Int], documentCount: Int, smooth: Bool) -> [Double] {
        let extra = smooth ? 1.0 : 0.0
        let n = Double(documentCount) + extra
        return frequencies.map { df in log(n / (Double(df) + extra)) + 1 }
    }

    /// The column of `term`, or `nil` when it is not in the vocabulary.
    public func column(of term: String) -> Int? { columns[term].map(Int.init) }

    /// The number of columns.
    public var columnCount: Int { vocabulary.count }

    /// The weighted, normalised row of one text. Terms outside the vocabulary are ignored.
    /// - Complexity: O(length of text); makes an analysis session per call, so prefer
    ///   ``transform(_:workers:)`` or a ``TFIDFModel/Session`` for many texts.
    public func transform(_ text: String) -> SparseVector {
        makeSession().transform(text)
    }

    /// The rows of many texts, in order, computed concurrently over fixed-size chunks; identical
    /// whatever `workers` is.
    public func transform(_ texts: some RandomAccessCollection<String> & Sendable, workers: Int = defaultWorkerCount) async -> SparseMatrix {
        let chunks = await ChunkedWork.map(count: texts.count, chunkSize: TFIDFVectorizer.chunkSize, workers: workers) { range in
            let session = makeSession()
            var builder = SparseMatrix.Builder(columnCount: columnCount, expectedRows: range.count)
            for i in range { session.appendRow(of: texts[texts.index(texts.startIndex, offsetBy: i)], to: &builder) }
            return builder.build()
        }
        var builder = SparseMatrix.Builder(columnCount: columnCount, expectedRows: texts.count)
        for chunk in chunks { builder.append(contentsOf: chunk) }
        return builder.build()
    }

    /// A session transforming one text at a time on one task.
    public func makeSession() -> Session { Session(model: self) }

    /// Transforms texts one at a time on one task, reusing its buffers and analysis session.
    public final class Session {
        private let model: TFIDFModel
        private let terms: TermExtractor.Session
        private var counts: [Int32: Int32] = [:]
        private var entries: [(column: Int32, count: Int32)] = []

        init(model: TFIDFModel) {
            self.model = model
            self.terms = model.extractor.makeSession()
        }

        /// The weighted, normalised row of `text`.
        public func transform(_ text: String) -> SparseVector {
            var builder = SparseMatrix.Builder(columnCount: model.columnCount, expectedRows: 1)
            appendRow(of: text, to: &builder)
            return builder.build().row(0)
        }

        func appendRow(of text: String, to builder: inout SparseMatrix.Builder) {
            counts.removeAll(keepingCapacity: true)
            terms.forEachTerm(in: text, ngramRange: model.options.ngramRange) { term in
                if let column = model.columns[term] { counts[column, default: 0] += 1 }
            }
            entries.removeAll(keepingCapacity: true)
            for (column, count) in counts { entries.append((column, count)) }
            model.appendWeightedRow(&entries, to: &builder)
        }
    }

    /// Sorts `entries` by column, weights them (tf, idf, norm as ``TFIDFOptions`` describes) and
    /// appends the row. The arithmetic follows scikit-learn's order of operations, so values agree
    /// to the last few bits.
    /// - Complexity: O(k log k) for k entries.
    func appendWeightedRow(_ entries: inout [(column: Int32, count: Int32)], to builder: inout SparseMatrix.Builder) {
        entries.sort { $0.column < $1.column }
        var values = entries.map { entry -> Double in
            let count = Double(entry.count)
            let tf = options.sublinearTF ? log(count) + 1 : count
            return idf.map { tf * $0[Int(entry.column)] } ?? tf
        }
        switch options.norm {
        case .l2:
            let length = values.reduce(0) { $0 + $1 * $1 }.squareRoot()
            if length > 0 { for i in values.indices { values[i] /= length } }
        case .l1:
            let total = values.reduce(0) { $0 + abs($1) }
            if total > 0 { for i in values.indices { values[i] /= total } }
        case .none:
            break
        }
        builder.appendRow(indices: entries.lazy.map(\.column), values: values)
    }
}
