/// One record (row) of a CSV file as ``CSVRecordParser`` reads it: its fields' bytes, where it
/// starts, and what is wrong with it, if anything.
///
/// ```swift
/// var parser = CSVRecordParser(MemoryStream(Array("a,\"b,c\"\n".utf8)))
/// let record = try parser.next()!
/// record.fieldCount                                   // 2
/// String(decoding: record[field: 1], as: UTF8.self)   // "b,c"
/// ```
///
/// Field bytes are stored back to back in one array (one allocation per record, not per field).
/// Quoting is already undone: `""` inside a quoted field is one `"`, and a line break inside a
/// quoted field is `\n` whatever the file used (`\r\n`, `\r`). Bytes are not decoded: decode
/// them with ``RepairedText`` to repair and count invalid UTF-8.
///
/// Invariant: when ``issue`` is nil, `fieldCount` fields are stored and ``subscript(field:)``
/// returns each; when it is not nil, the bytes may be dropped (a malformed record is rejected,
/// never used) and `fieldCount` may be only what was counted.
public struct CSVRecord: Sendable, Hashable {
    /// What makes a record unusable.
    public enum Issue: Sendable, Hashable, CustomStringConvertible {
        /// A quoted field (1-based `field`) opened on `line` and never closed before the end of
        /// the input.
        case unterminatedQuote(field: Int, line: Int)
        /// A character other than the delimiter or a line break follows a closing quote in
        /// `field` (1-based), as in `"abc"def`.
        case textAfterClosingQuote(field: Int)
        /// Field `field` (1-based) is `length` bytes long, over the parser's field limit.
        case fieldTooLong(field: Int, length: Int, limit: Int)
        /// The record is `length` bytes long, over the parser's record limit.
        case recordTooLong(length: Int, limit: Int)
        /// The record has more than ``CSVRecordParser/maximumFieldCount`` fields.
        case tooManyFields(count: Int)

        /// The reason, without any of the record's content.
        public var description: String {
            switch self {
            case .unterminatedQuote(let field, let line):
                return "field \(field) opens a quote on line \(line) that is never closed before the end of the file"
            case .textAfterClosingQuote(let field):
                return "field \(field) has text after its closing quote (a quote inside a quoted field must be doubled)"
            case .fieldTooLong(let field, let length, let limit):
                return "field \(field) is \(length) bytes long, over the \(limit)-byte limit"
            case .recordTooLong(let length, let limit):
                return "the row is \(length) bytes long, over the \(limit)-byte limit"
            case .tooManyFields(let count):
                return "the row has \(count) fields, over the \(CSVRecordParser.maximumFieldCount)-field limit"
            }
        }

        /// Whether the issue is a size limit (``IngestionProblem/Code/lineTooLong``) rather than
        /// malformed quoting (``IngestionProblem/Code/malformedRow``).
        public var isSizeLimit: Bool {
            switch self {
            case .fieldTooLong, .recordTooLong: return true
            case .unterminatedQuote, .textAfterClosingQuote, .tooManyFields: return false
            }
        }
    }

    /// The 1-based physical line where the record starts (a record with quoted line breaks
    /// spans several lines).
    public internal(set) var line: Int
    /// The 1-based number of the record in the file, the header (when there is one) being 1.
    /// Blank lines are not records.
    public internal(set) var number: Int
    /// How many fields the record has.
    public internal(set) var fieldCount: Int
    /// Why the record is unusable, or nil.
    public internal(set) var issue: Issue?
    /// All fields' bytes, back to back.
    var storage: [UInt8]
    /// The end offset in `storage` of each stored field.
    var ends: [Int]

    init(line: Int, number: Int) {
        self.line = line
        self.number = number
        self.fieldCount = 0
        self.issue = nil
        self.storage = []
        self.ends = []
    }

    /// The bytes of field `index` (0-based); empty when the field does not exist or was not
    /// stored (a record with an ``issue``).
    /// - Complexity: O(1).
    public subscript(field index: Int) -> ArraySlice<UInt8> {
        guard index >= 0, index < ends.count else { return [] }
        let start = index == 0 ? 0 : ends[index - 1]
        return storage[start..<ends[index]]
    }

    /// Field `index` (0-based) decoded as UTF-8, ill-formed sequences replaced with U+FFFD.
    /// - Complexity: O(n) in the field's length.
    public func text(_ index: Int) -> RepairedText { RepairedText(self[field: index]) }
}
