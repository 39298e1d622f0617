/// Chooses a TF-IDF vocabulary from merged counts, exactly as scikit-learn's
/// `CountVectorizer._limit_features` does.
enum VocabularySelection {
    /// The indices (into `terms`) of the kept terms, in code-point order of the terms.
    ///
    /// A term is kept when `minDF ≤ df ≤ maxDF` (bounds in documents, see
    /// ``TFIDFOptions/DocumentFrequency/documents(outOf:)``); then, with `maxFeatures`, the
    /// `maxFeatures` kept terms of highest corpus frequency, ties going to the earlier term in
    /// code-point order (a stable sort, so the cut is deterministic).
    /// - Complexity: O(V log V) for V distinct terms.
    static func select(documentFrequency: [Int], termFrequency: [Int], terms: [String], documentCount: Int,
                       options: TFIDFOptions) throws(TFIDFError) -> [Int] {
        let low = options.minDF.documents(outOf: documentCount)
        let high = options.maxDF.documents(outOf: documentCount)
        if high < low { throw .documentFrequencyBoundsExcludeEverything(minDF: low, maxDF: high) }
        var kept = terms.indices.filter { Double(documentFrequency[$0]) >= low && Double(documentFrequency[$0]) <= high }
        kept.sort { terms[$0].utf8.lexicographicallyPrecedes(terms[$1].utf8) }
        if let limit = options.maxFeatures, kept.count > limit {
            let ranked = kept.enumerated().sorted { a, b in
                let (fa, fb) = (termFrequency[a.element], termFrequency[b.element])
                return fa != fb ? fa > fb : a.offset < b.offset
            }
            kept = ranked.prefix(limit).map(\.offset).sorted().map { kept[$0] }
        }
        if kept.isEmpty { throw .emptyVocabulary(documentCount: documentCount, prunedTermCount: terms.count) }
        return kept
    }
}
