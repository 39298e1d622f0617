/// A streaming RFC 4180 parser: pulls chunks from a ``ByteStream`` and returns one
/// ``CSVRecord`` at a time, never holding more than one chunk and one record.
///
/// ```swift
/// var parser = CSVRecordParser(try FileStream(path: "messages.csv"))
/// while let record = try parser.next() {
///     if let issue = record.issue { print("line \(record.line): \(issue)"); continue }
///     print(record.fieldCount, record.text(0).text)
/// }
/// ```
///
/// What it accepts:
/// - Fields separated by a configurable one-byte delimiter (`,` by default; `\t`, `;`, `|`).
/// - Quoted fields (`"…"`) holding delimiters, line breaks and doubled quotes (`""` → `"`).
///   Line breaks inside quotes come out as `\n`.
/// - Records ending with `\n`, `\r\n` or a lone `\r`; the last record may lack a line break.
/// - A UTF-8 byte order mark at the start, which is dropped.
/// - Blank lines between records, which are skipped (they are not records).
/// - A `"` inside an unquoted field is kept as a literal (`5" screen`), as most writers do.
///
/// What makes a record malformed (its ``CSVRecord/issue``): a quote still open at the end of
/// the input, text after a closing quote (`"ab"c`), a field over `maximumFieldLength` bytes, a
/// record over `maximumRecordLength` bytes, more than ``maximumFieldCount`` fields. A malformed
/// record's bytes are counted, not buffered, so memory stays bounded whatever the input; parsing
/// resumes at the next record. An unterminated quote necessarily swallows the rest of the input
/// into one record (that is RFC 4180's grammar): it is reported once, with the line where the
/// quote opened.
///
/// - Complexity: O(n) in the bytes read; memory is one chunk plus one record (at most
///   `maximumRecordLength` bytes and ``maximumFieldCount`` field offsets).
public struct CSVRecordParser {
    /// Fields beyond this count are counted but not stored, and the record is malformed.
    public static let maximumFieldCount = 100_000

    private enum State { case fieldStart, unquoted, quoted, quoteInQuoted }

    private let stream: ByteStream
    private let delimiter: UInt8
    private let maximumFieldLength: Int
    private let maximumRecordLength: Int
    private var chunk: [UInt8]
    private var count = 0
    private var position = 0
    private var atEnd = false
    private var checkedBOM = false
    /// The physical line the next byte is on.
    private var line = 1
    /// Whether the previous byte was a `\r`: a `\n` right after it is the tail of the same line break.
    private var lastWasCR = false
    private var recordsRead = 0

    /// A parser reading `stream`.
    /// - Parameters:
    ///   - delimiter: the field separator, one ASCII byte other than `"`, `\r`, `\n`; default `,`.
    ///   - maximumFieldLength: longer fields make their record malformed; default 16 MiB.
    ///   - maximumRecordLength: longer records are malformed; default 64 MiB.
    ///   - chunkSize: bytes per read from the stream; default 1 MiB.
    public init(_ stream: ByteStream, delimiter: UInt8 = UInt8(ascii: ","), maximumFieldLength: Int = 16 << 20,
                maximumRecordLength: Int = 64 << 20, chunkSize: Int = 1 << 20) {
        self.stream = stream
        self.delimiter = delimiter
        self.maximumFieldLength = max(1, maximumFieldLength)
        self.maximumRecordLength = max(1, maximumRecordLength)
        self.chunk = [UInt8](repeating: 0, count: max(16, chunkSize))
    }

    /// The next record, or nil at the end of the input.
    /// - Throws: ``ByteStreamError`` when the stream fails (the record being read is lost).
    /// - Complexity: O(r) in the record's length in bytes.
    public mutating func next() throws -> CSVRecord? {
        if !checkedBOM { try skipByteOrderMark() }
        var builder = Builder(maximumFieldLength: maximumFieldLength, maximumRecordLength: maximumRecordLength)
        var state = State.fieldStart
        var started = false
        var startLine = line
        var quoteLine = line
        let lf = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r"), quote = UInt8(ascii: "\"")

        while true {
            if position == count {
                if try !fill() {
                    guard started else { return nil }
                    if state == .quoted {
                        builder.unterminated(field: builder.fieldCount + 1, line: quoteLine)
                    }
                    builder.endField()  // a record always has a field open until its line break
                    return finish(&builder, line: startLine)
                }
            }
            let byte = chunk[position]
            position += 1
            if lastWasCR {
                lastWasCR = false
                if byte == lf { continue }  // the tail of a \r\n already handled at the \r
            }
            let isBreak = byte == lf || byte == cr
            if isBreak {
                lastWasCR = byte == cr
            }
            switch state {
            case .fieldStart, .unquoted:
                if isBreak {
                    line += 1
                    if !started {
                        startLine = line
                        continue  // a blank line between records
                    }
                    builder.endField()
                    return finish(&builder, line: startLine)
                }
                if !started {
                    started = true
                    startLine = line
                }
                if byte == delimiter {
                    builder.endField()
                    state = .fieldStart
                } else if byte == quote && state == .fieldStart {
                    state = .quoted
                    quoteLine = line
                } else {
                    builder.append(byte)
                    state = .unquoted
                    // The bytes up to the next delimiter or line break, in one go.
                    var end = position
                    while end < count, chunk[end] != delimiter, chunk[end] != lf, chunk[end] != cr { end += 1 }
                    if end > position {
                        builder.append(contentsOf: chunk[position..<end])
                        position = end
                    }
                }
            case .quoted:
                if byte == quote {
                    state = .quoteInQuoted
                } else if isBreak {
                    line += 1
                    builder.append(lf)
                } else {
                    builder.append(byte)
                    // The bytes up to the next quote or line break, in one go.
                    var end = position
                    while end < count, chunk[end] != quote, chunk[end] != lf, chunk[end] != cr { end += 1 }
                    if end > position {
                        builder.append(contentsOf: chunk[position..<end])
                        position = end
                    }
                }
            case .quoteInQuoted:
                if byte == quote {
                    builder.append(quote)
                    state = .quoted
                } else if byte == delimiter {
                    builder.endField()
                    state = .fieldStart
                } else if isBreak {
                    line += 1
                    builder.endField()
                    return finish(&builder, line: startLine)
                } else {
                    builder.malformed(.textAfterClosingQuote(field: builder.fieldCount + 1))
                    builder.append(byte)
                    state = .unquoted
                }
            }
        }
    }

    private mutating func finish(_ builder: inout Builder, line startLine: Int) -> CSVRecord {
        recordsRead += 1
        var record = CSVRecord(line: startLine, number: recordsRead)
        record.fieldCount = builder.fieldCount
        record.issue = builder.finalIssue()
        if record.issue == nil {
            record.storage = builder.bytes
            record.ends = builder.ends
        }
        return record
    }

    /// Reads the next chunk; false at the end of the input.
    private mutating func fill() throws -> Bool {
        if atEnd { return false }
        let n = try chunk.withUnsafeMutableBytes { try stream.read(into: $0) }
        position = 0
        count = n
        if n == 0 { atEnd = true }
        return n > 0
    }

    private mutating func skipByteOrderMark() throws {
        checkedBOM = true
        // Gather at least three bytes (a stream may return one byte per read).
        while count - position < 3 && !atEnd {
            if position > 0 {
                chunk.replaceSubrange(0..<(count - position), with: chunk[position..<count])
                count -= position
                position = 0
            }
            let have = count
            let n = try chunk.withUnsafeMutableBytes { raw in
                try stream.read(into: UnsafeMutableRawBufferPointer(rebasing: raw[have...]))
            }
            if n == 0 { atEnd = true }
            count += n
        }
        if count - position >= 3, chunk[position] == 0xEF, chunk[position + 1] == 0xBB, chunk[position + 2] == 0xBF {
            position += 3
        }
    }

    /// Accumulates one record's fields, counting instead of storing once the record is malformed.
    private struct Builder {
        let maximumFieldLength: Int
        let maximumRecordLength: Int
        var bytes: [UInt8] = []
        var ends: [Int] = []
        var fieldCount = 0
        var fieldLength = 0
        var recordLength = 0
        var issue: CSVRecord.Issue?
        var unterminatedQuote: CSVRecord.Issue?

        init(maximumFieldLength: Int, maximumRecordLength: Int) {
            self.maximumFieldLength = maximumFieldLength
            self.maximumRecordLength = maximumRecordLength
        }

        mutating func append(_ byte: UInt8) {
            fieldLength += 1
            recordLength += 1
            guard issue == nil else { return }
            if fieldLength > maximumFieldLength {
                malformed(.fieldTooLong(field: fieldCount + 1, length: fieldLength, limit: maximumFieldLength))
            } else if recordLength > maximumRecordLength {
                malformed(.recordTooLong(length: recordLength, limit: maximumRecordLength))
            } else {
                bytes.append(byte)
            }
        }

        /// Appends a run of ordinary bytes: at once when within the limits, byte by byte (to
        /// find where a limit is crossed) otherwise.
        mutating func append(contentsOf run: ArraySlice<UInt8>) {
            let n = run.count
            if issue == nil, fieldLength + n <= maximumFieldLength, recordLength + n <= maximumRecordLength {
                bytes.append(contentsOf: run)
                fieldLength += n
                recordLength += n
            } else {
                for byte in run { append(byte) }
            }
        }

        mutating func endField() {
            if case .fieldTooLong(let field, _, let limit) = issue, field == fieldCount + 1 {
                issue = .fieldTooLong(field: field, length: fieldLength, limit: limit)
            }
            fieldCount += 1
            recordLength += 1  // the delimiter or line break
            fieldLength = 0
            guard issue == nil else { return }
            if fieldCount > CSVRecordParser.maximumFieldCount {
                malformed(.tooManyFields(count: fieldCount))
            } else {
                ends.append(bytes.count)
            }
        }

        mutating func malformed(_ reason: CSVRecord.Issue) {
            guard issue == nil else { return }
            issue = reason
            bytes = []
            ends = []
        }

        mutating func unterminated(field: Int, line: Int) {
            unterminatedQuote = .unterminatedQuote(field: field, line: line)
        }

        func finalIssue() -> CSVRecord.Issue? {
            // The open quote explains everything after it: it wins over a size limit it caused.
            if let unterminatedQuote { return unterminatedQuote }
            switch issue {
            case .recordTooLong(_, let limit): return .recordTooLong(length: recordLength, limit: limit)
            case .tooManyFields: return .tooManyFields(count: fieldCount)
            default: return issue
            }
        }
    }
}
