/// A problem with the input: a rejected record, or a repaired one.
///
/// ```swift
/// // chats.jsonl:42: missing field: "turns" is required (rejected)
/// ```
///
/// Modelled on GRDB's `DatabaseError`: a matchable ``Code``, a location, and a reason that
/// never quotes transcript text (transcripts hold personal data), only field names, lengths
/// and positions.
public struct IngestionProblem: Error, Sendable, Hashable, CustomStringConvertible {
    /// What kind of problem it is: matchable, and the key of the run summary's counts.
    public struct Code: RawRepresentable, Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }
        public static func < (a: Code, b: Code) -> Bool { a.rawValue < b.rawValue }

        /// A line or document that is not valid JSON.
        public static let invalidJSON = Code(rawValue: "invalid-json")
        /// A required field or column is absent.
        public static let missingField = Code(rawValue: "missing-field")
        /// A field has the wrong type or an unusable value.
        public static let invalidField = Code(rawValue: "invalid-field")
        /// A line longer than the configured limit.
        public static let lineTooLong = Code(rawValue: "line-too-long")
        /// A CSV file without a column the options name.
        public static let missingColumn = Code(rawValue: "missing-column")
        /// A CSV row with a different number of fields than the header, or malformed quoting.
        public static let malformedRow = Code(rawValue: "malformed-row")
        /// A transcript id seen before in this run.
        public static let duplicateID = Code(rawValue: "duplicate-id")
        /// A transcript with no text to analyse.
        public static let emptyTranscript = Code(rawValue: "empty-transcript")
        /// A file with no records at all.
        public static let emptyFile = Code(rawValue: "empty-file")
        /// A file whose format could not be recognised.
        public static let unknownFormat = Code(rawValue: "unknown-format")
        /// A compressed file that ends early or is corrupt.
        public static let truncatedInput = Code(rawValue: "truncated-input")
        /// A file that cannot be opened or read.
        public static let unreadableInput = Code(rawValue: "unreadable-input")
        /// Invalid UTF-8, repaired with U+FFFD (a warning: the record is kept).
        public static let invalidUTF8 = Code(rawValue: "invalid-utf8")
        /// A malformed email message or MIME part.
        public static let malformedMessage = Code(rawValue: "malformed-message")
        /// A MIME part or encoded word in a character set ICU does not know; its bytes were
        /// decoded as UTF-8 with repairs (a warning: the message is kept).
        public static let unknownCharset = Code(rawValue: "unknown-charset")
    }

    /// What kind of problem.
    public var code: Code
    /// Where.
    public var location: SourceLocation
    /// Why, without quoting transcript text.
    public var reason: String
    /// Whether the record was rejected (`true`) or kept after a repair (`false`, a warning).
    public var isRejection: Bool

    /// Creates a problem.
    public init(_ code: Code, at location: SourceLocation, _ reason: String, isRejection: Bool = true) {
        self.code = code
        self.location = location
        self.reason = reason
        self.isRejection = isRejection
    }

    public var description: String {
        "\(location): \(code): \(reason)"
    }
}
