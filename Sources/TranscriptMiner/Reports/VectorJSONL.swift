import ThemeCluster

/// Renders TF-IDF rows as JSON Lines, one object per document:
///
/// ```json
/// {"id":"T-1","terms":[{"term":"card declined","weight":0.6172133998483676},{"term":"card","weight":0.5}]}
/// ```
///
/// Terms are ordered by weight, largest first, ties by term (code-point order); weights are
/// printed at full round-trip precision. A document without terms has `"terms":[]`.
public enum VectorJSONL {
    /// The line (with its trailing newline) for one document.
    /// - Parameters:
    ///   - maximumTerms: print at most this many terms (the heaviest); `nil` for all.
    /// - Complexity: O(k log k) for the row's k non-zeros.
    public static func line(id: String, row: SparseVector, vocabulary: [String], maximumTerms: Int? = nil) -> String {
        let order = row.indices.indices.sorted { a, b in
            row.values[a] != row.values[b] ? row.values[a] > row.values[b]
                : vocabulary[Int(row.indices[a])].utf8.lexicographicallyPrecedes(vocabulary[Int(row.indices[b])].utf8)
        }
        var text = "{\"id\":" + JSONText.quoted(id) + ",\"terms\":["
        for (position, entry) in order.prefix(maximumTerms ?? order.count).enumerated() {
            if position > 0 { text += "," }
            text += "{\"term\":" + JSONText.quoted(vocabulary[Int(row.indices[entry])]) + ",\"weight\":" + String(row.values[entry]) + "}"
        }
        return text + "]}\n"
    }
}
