import Foundation

/// Labels themes with class-based TF-IDF (as BERTopic's c-TF-IDF): a term weighs
/// `w(t, c) = tf(t, c) / words(c) · ln(1 + A / f(t))` in theme c, where tf(t, c) counts t in the
/// theme's documents, words(c) all terms of the theme, A the average number of terms per theme
/// and f(t) the count of t over all themes: frequent in the theme, rare elsewhere.
///
/// Terms are words and phrases of up to ``maximumPhraseSize`` words from the analysis chain
/// (stop words removed, not stemmed, so labels read naturally). A phrase of n words gets its
/// weight multiplied by `1 + phraseBonus · (n − 1)`, so it wins over its own words when it is
/// about as distinctive. A label part grows into the longer phrase that holds at least half of
/// its occurrences in the theme ("rate" → "exchange rate" when most of the theme's "rate" is
/// "exchange rate"); once a part is chosen, terms that share a word with it are skipped. A term must occur in at least ``minimumDocuments`` documents of the theme.
///
/// - Complexity: O(total text length) to count, concurrently over fixed chunks (deterministic),
///   plus O(V log V) per theme for V distinct terms.
public struct ClassTFIDFLabeler: ThemeLabeler {
    /// The longest phrase considered. Default 3.
    public var maximumPhraseSize: Int
    /// The weight bonus per extra word of a phrase. Default 1.0.
    public var phraseBonus: Double
    /// The fewest documents of the theme a term must occur in. Default 2.
    public var minimumDocuments: Int
    /// Terms listed per theme. Default 10.
    public var termCount: Int
    /// Phrases joined into the label. Default 2.
    public var labelParts: Int

    /// Creates a labeler; defaults as documented on each property.
    public init(maximumPhraseSize: Int = 3, phraseBonus: Double = 1.0, minimumDocuments: Int = 2, termCount: Int = 10, labelParts: Int = 2) {
        self.maximumPhraseSize = maximumPhraseSize
        self.phraseBonus = phraseBonus
        self.minimumDocuments = minimumDocuments
        self.termCount = termCount
        self.labelParts = labelParts
    }

    public func describe(documents: [String], assignments: [Int?], themeCount: Int, workers: Int) async -> [ThemeDescription] {
        guard themeCount > 0 else { return [] }
        let extractor = TermExtractor.standard(ngramRange: 1...maximumPhraseSize)
        let range = 1...maximumPhraseSize
        // Per chunk and theme: term → (occurrences, documents). Merged in chunk order.
        let parts = await ChunkedWork.map(count: documents.count, chunkSize: 2048, workers: workers) { chunk in
            let session = extractor.makeSession()
            var counts = [[String: (count: Int, documents: Int)]](repeating: [:], count: themeCount)
            var seen = Set<String>()
            for index in chunk {
                guard let theme = assignments[index] else { continue }
                seen.removeAll(keepingCapacity: true)
                session.forEachTerm(in: documents[index], ngramRange: range) { term in
                    let isNew = seen.insert(term).inserted
                    counts[theme][term, default: (0, 0)].count += 1
                    if isNew { counts[theme][term]!.documents += 1 }
                }
            }
            return counts
        }
        var counts = [[String: (count: Int, documents: Int)]](repeating: [:], count: themeCount)
        var total: [String: Int] = [:]
        for part in parts {
            for theme in 0..<themeCount {
                for (term, value) in part[theme] {
                    counts[theme][term, default: (0, 0)].count += value.count
                    counts[theme][term]!.documents += value.documents
                    total[term, default: 0] += value.count
                }
            }
        }
        let words = counts.map { $0.values.reduce(0) { $0 + $1.count } }
        let average = Double(words.reduce(0, +)) / Double(themeCount)
        return (0..<themeCount).map { theme in
            guard words[theme] > 0 else { return ThemeDescription(label: "", terms: []) }
            var scored: [WeightedTerm] = []
            for (term, value) in counts[theme] where value.documents >= minimumDocuments {
                let size = term.split(separator: " ").count
                let weight = Double(value.count) / Double(words[theme]) * log(1 + average / Double(total[term]!))
                scored.append(WeightedTerm(term: term, weight: weight * (1 + phraseBonus * Double(size - 1))))
            }
            scored.sort { $0.weight != $1.weight ? $0.weight > $1.weight : $0.term.utf8.lexicographicallyPrecedes($1.term.utf8) }
            var picked: [String] = []
            var usedWords = Set<Substring>()
            for candidate in scored where picked.count < labelParts {
                let term = grown(candidate.term, in: counts[theme])
                let parts = term.split(separator: " ")
                if parts.contains(where: usedWords.contains) { continue }
                picked.append(term)
                usedWords.formUnion(parts)
            }
            return ThemeDescription(label: picked.joined(separator: " / "), terms: Array(scored.prefix(termCount)))
        }
    }

    /// `term`, or the longest phrase of at most ``maximumPhraseSize`` words that contains it and
    /// holds at least half of its occurrences (most frequent first, ties in code-point order).
    private func grown(_ term: String, in counts: [String: (count: Int, documents: Int)]) -> String {
        var current = term
        while let count = counts[current]?.count, current.split(separator: " ").count < maximumPhraseSize {
            let words = current.split(separator: " ").count
            var best: (term: String, count: Int)?
            for (phrase, value) in counts where value.count * 2 >= count && value.documents >= minimumDocuments {
                guard phrase.split(separator: " ").count == words + 1, phrase.hasPrefix(current + " ") || phrase.hasSuffix(" " + current) else { continue }
                if best == nil || value.count > best!.count || (value.count == best!.count && phrase.utf8.lexicographicallyPrecedes(best!.term.utf8)) {
                    best = (phrase, value.count)
                }
            }
            guard let best else { break }
            current = best.term
        }
        return current
    }
}
