/// The parameters of a ``TFIDFVectorizer``, with scikit-learn's `TfidfVectorizer` names and
/// meanings (scikit-learn 1.x). Every default is scikit-learn's.
///
/// For a document d, a term t, n documents in the fitted corpus and df(t) the number of them that
/// contain t, the weight is computed in this order:
///
/// 1. **Term frequency** tf(t, d): the number of times t occurs in d. With ``sublinearTF``,
///    tf is replaced by `1 + ln(tf)`.
/// 2. **Inverse document frequency**, with ``useIDF`` (otherwise idf = 1):
///    - ``smoothIDF`` (default): `idf(t) = ln((1 + n) / (1 + df(t))) + 1`, as if one extra
///      document contained every term once (no division by zero for unseen terms);
///    - otherwise: `idf(t) = ln(n / df(t)) + 1`.
///
///    The `+ 1` keeps terms that occur in every document (idf would be 0) in the vectors.
/// 3. **Weight** `w(t, d) = tf(t, d) · idf(t)`.
/// 4. **Normalisation** of each row by ``norm``: `.l2` divides by `sqrt(Σ w²)`, `.l1` by
///    `Σ |w|`, `.none` keeps the weights. A row without terms stays empty.
///
/// The vocabulary is every term whose document frequency lies within [``minDF``, ``maxDF``];
/// then, with ``maxFeatures``, only the `maxFeatures` terms of highest corpus frequency
/// (Σ over documents of the raw tf) are kept, ties broken by term order. Columns are the kept
/// terms in code-point order (scikit-learn sorts Python strings the same way).
public struct TFIDFOptions: Sendable, Hashable, Codable {
    /// A document-frequency bound: an absolute number of documents, or a fraction of them.
    public enum DocumentFrequency: Sendable, Hashable, Codable, CustomStringConvertible {
        /// At least / at most this many documents.
        case count(Int)
        /// At least / at most this fraction of the documents, in [0, 1].
        case fraction(Double)

        /// The bound in documents for a corpus of `documentCount` documents (scikit-learn's
        /// `max_df * n_docs`, not rounded: a term qualifies when its df compares to it).
        public func documents(outOf documentCount: Int) -> Double {
            switch self {
            case .count(let count): Double(count)
            case .fraction(let fraction): fraction * Double(documentCount)
            }
        }

        /// `"5"` for a count, `"0.5"` for a fraction: the same text ``init(parsing:)`` reads.
        public var description: String {
            switch self {
            case .count(let count): String(count)
            case .fraction(let fraction): String(fraction)
            }
        }

        /// Reads `"5"` as a count and `"0.5"` or `"1.0"` as a fraction (as scikit-learn tells an
        /// `int` from a `float`); `nil` for anything else, a negative value or a fraction above 1.
        public init?(parsing text: String) {
            if let count = Int(text) {
                guard count >= 0 else { return nil }
                self = .count(count)
            } else if let fraction = Double(text), fraction >= 0, fraction <= 1 {
                self = .fraction(fraction)
            } else {
                return nil
            }
        }
    }

    /// How each row is scaled.
    public enum Norm: String, Sendable, Hashable, Codable, CaseIterable {
        /// Unit Euclidean length (the default): cosine similarity becomes a dot product.
        case l2
        /// Entries sum to 1 in absolute value.
        case l1
        /// No scaling.
        case none
    }

    /// Ignore terms in fewer documents than this. Default `.count(1)` (keep everything).
    public var minDF: DocumentFrequency
    /// Ignore terms in more documents than this (corpus-specific stop words). Default
    /// `.fraction(1.0)` (keep everything).
    public var maxDF: DocumentFrequency
    /// Keep at most this many terms, those of highest corpus frequency. Default `nil` (all).
    public var maxFeatures: Int?
    /// Replace tf by `1 + ln(tf)`. Default `false`.
    public var sublinearTF: Bool
    /// Add one to document frequencies, as if an extra document held every term. Default `true`.
    public var smoothIDF: Bool
    /// Weight by inverse document frequency. Default `true`.
    public var useIDF: Bool
    /// Row normalisation. Default `.l2`.
    public var norm: Norm
    /// The sizes of the terms: `1...1` single words, `1...2` words and two-word phrases, `2...2`
    /// phrases only. The phrases come from the analysis chain (``NGramFilter``: never across a
    /// sentence boundary or a removed stop word) or, for pre-tokenized text, from adjacent terms.
    /// Default `1...1`.
    public var ngramRange: ClosedRange<Int>

    /// Creates options; every parameter defaults to scikit-learn's default.
    public init(minDF: DocumentFrequency = .count(1), maxDF: DocumentFrequency = .fraction(1.0), maxFeatures: Int? = nil,
                sublinearTF: Bool = false, smoothIDF: Bool = true, useIDF: Bool = true, norm: Norm = .l2,
                ngramRange: ClosedRange<Int> = 1...1) {
        self.minDF = minDF
        self.maxDF = maxDF
        self.maxFeatures = maxFeatures
        self.sublinearTF = sublinearTF
        self.smoothIDF = smoothIDF
        self.useIDF = useIDF
        self.norm = norm
        self.ngramRange = ngramRange
    }

    /// Why options cannot be used, or `nil` when they can.
    public var invalidReason: String? {
        if ngramRange.lowerBound < 1 { return "the n-gram range must start at 1 or more (got \(ngramRange))" }
        if let maxFeatures, maxFeatures <= 0 { return "maxFeatures must be positive (got \(maxFeatures))" }
        for (name, bound) in [("minDF", minDF), ("maxDF", maxDF)] {
            switch bound {
            case .count(let count) where count < 0: return "\(name) must not be negative (got \(count))"
            case .fraction(let fraction) where !(0...1).contains(fraction): return "\(name) as a fraction must lie in [0, 1] (got \(fraction))"
            default: continue
            }
        }
        return nil
    }
}
