/// Where a record stands in the input: file, line, column, record number.
///
/// ```swift
/// SourceLocation(file: "chats.jsonl", line: 42).description        // "chats.jsonl:42"
/// SourceLocation(file: "export.csv", line: 7, column: 3).description // "export.csv:7:3"
/// ```
///
/// Like swift-argument-parser's `InputOrigin`: enough to find the record, never its content.
public struct SourceLocation: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The input's path as given (`-` for standard input), with `!member` for an archive member
    /// or a message inside a mailbox.
    public var file: String
    /// The 1-based line where the record starts, when the format has lines.
    public var line: Int?
    /// The 1-based column (byte in the line, or CSV field), when it applies.
    public var column: Int?
    /// The 1-based record number within the file (JSON array element, CSV row, mailbox message).
    public var record: Int?

    /// Creates a location.
    public init(file: String, line: Int? = nil, column: Int? = nil, record: Int? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.record = record
    }

    public var description: String {
        var out = file
        if let line {
            out += ":\(line)"
            if let column { out += ":\(column)" }
        } else if let record {
            out += " record \(record)"
            if let column { out += " field \(column)" }
        }
        return out
    }
}
