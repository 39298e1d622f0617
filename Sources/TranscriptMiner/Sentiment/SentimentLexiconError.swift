/// A problem in a sentiment lexicon file: what (a matchable ``Code``), where (file and line) and
/// why.
///
/// ```swift
/// do { _ = try SentimentLexicon(contentsOf: url) } catch let error as SentimentLexiconError {
///     print(error)   // "my-lexicon.tsv:12: invalid-valence: "great" has valence "very", not a number"
/// }
/// ```
///
/// Lexicon files are configuration, not transcript text, so the message may quote the line's
/// term and value.
public struct SentimentLexiconError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong.
    public enum Code: String, Sendable, Hashable, CaseIterable {
        /// The file could not be read.
        case unreadableFile = "unreadable-file"
        /// A line has no TAB-separated valence column.
        case missingValence = "missing-valence"
        /// The valence column is not a finite number (or, for AFINN, not an integer).
        case invalidValence = "invalid-valence"
        /// The valence is outside −4…4 (AFINN: −5…5).
        case valenceOutOfRange = "valence-out-of-range"
        /// The term is empty, or normalises to nothing the scorer can match.
        case invalidTerm = "invalid-term"
        /// VADER's extra columns are malformed (standard deviation not a number ≥ 0, ratings not
        /// a bracketed list).
        case malformedColumns = "malformed-columns"
        /// The file is not valid UTF-8.
        case invalidUTF8 = "invalid-utf8"
    }

    /// What went wrong.
    public var code: Code
    /// The file (as given), or `<built-in>` / `<text>`.
    public var file: String
    /// The 1-based line, or 0 for a problem with the whole file.
    public var line: Int
    /// Why, in words.
    public var reason: String

    /// Creates an error.
    public init(_ code: Code, file: String, line: Int, _ reason: String) {
        self.code = code
        self.file = file
        self.line = line
        self.reason = reason
    }

    /// `file:line: code: reason` (`file: code: reason` when the line is 0).
    public var description: String {
        line > 0 ? "\(file):\(line): \(code.rawValue): \(reason)" : "\(file): \(code.rawValue): \(reason)"
    }
}
