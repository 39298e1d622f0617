/// A small set of ASCII words matched case-insensitively against UTF-8 bytes, without allocating.
///
/// The detectors look up the words around a candidate (`call`, `order`, `version`, query keys)
/// once per candidate; building a `String` and hashing it for each lookup cost more than the
/// rest of a scan. Words are kept by length and compared byte by byte.
///
/// ```swift
/// let words: KeywordSet = ["call", "phone"]
/// words.contains(bytes, 10..<14) // whether bytes[10..<14] is "call" in any case
/// ```
/// - Complexity: `contains` is O(w·m) for w words of the probed length m (a handful).
struct KeywordSet: Sendable, ExpressibleByArrayLiteral {
    /// Words by length: `byLength[m]` holds the lower-cased words of m bytes.
    private let byLength: [[[UInt8]]]

    /// A set of the given words (ASCII letters and digits; compared ignoring ASCII case).
    init(_ words: [String]) {
        var table: [[[UInt8]]] = Array(repeating: [], count: (words.map(\.utf8.count).max() ?? 0) + 1)
        for word in words { table[word.utf8.count].append(Array(word.lowercased().utf8)) }
        byLength = table
    }

    init(arrayLiteral words: String...) { self.init(words) }

    /// Whether the bytes at `range` spell one of the words, ignoring ASCII case.
    func contains(_ bytes: PIIBytes.Bytes, _ range: Range<Int>) -> Bool {
        let m = range.count
        guard m > 0, m < byLength.count else { return false }
        let base = range.lowerBound
        words: for word in byLength[m] {
            for k in 0..<m {
                let b = bytes[base + k]
                guard (PIIBytes.isUpper(b) ? b | 0x20 : b) == word[k] else { continue words }
            }
            return true
        }
        return false
    }

    /// Whether `word` is in the set (for tests and non-hot paths).
    func contains(_ word: String) -> Bool {
        var copy = word
        return copy.withUTF8 { contains($0, 0..<$0.count) }
    }
}
