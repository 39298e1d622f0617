/// Finds the records of a JSON export in a byte stream without parsing it whole: the elements
/// of a top-level array, the elements of the records array of a document
/// (`{"tickets": […], "next_page": …}`), or top-level values one per line (JSONL), so memory
/// is bounded by one record.
///
/// ```swift
/// var splitter = JSONRecordSplitter(recordsKey: "tickets")
/// var records: [[UInt8]] = []
/// splitter.feed(Array(#"{"tickets":[{"id":1},"#.utf8)) { if case .record(let bytes, _, _) = $0 { records.append(bytes) } }
/// splitter.feed(Array(#"{"id":2}],"count":2}"#.utf8)) { if case .record(let bytes, _, _) = $0 { records.append(bytes) } }
/// splitter.finish { _ in }
/// records.count   // 2: {"id":1} and {"id":2}, whatever the chunk boundaries
/// ```
///
/// It tracks nesting depth and strings (with `\` escapes) byte by byte, so chunk boundaries
/// may fall anywhere, even inside an escape. It does not validate records: each is handed to a
/// JSON parser afterwards, which rejects what is not JSON.
///
/// Shapes, which may follow one another (a JSONL file of export pages is a sequence of
/// documents):
/// - a top-level array: each element is a record;
/// - a top-level object with the records key whose value is an array: each element of that
///   array is a record and the rest of the object (`next_page`, `count`, side-loads) is
///   skipped; the key is recognised at depth 1 wherever it stands in the object;
/// - any other top-level object or value: one record (a bare top-level value such as a line
///   of garbage runs to the end of its line).
///
/// **Lines.** With ``lineDelimited`` true, a line end closes whatever is open: a record still
/// open is rejected (``IngestionProblem/Code/invalidJSON``), and reading resumes on the next
/// line, so one broken JSONL line costs one record. When nil (automatic), the first line end
/// after some content decides: line-delimited if every value begun so far has ended (JSONL),
/// a document otherwise (pretty-printed JSON).
///
/// **Damage.** Input that ends inside a record rejects that record; an array or object left
/// open after complete records, or a stray `}` or `:` between records, is a warning (no record
/// is lost). A record over ``maximumRecordBytes`` is not buffered beyond the limit and is
/// rejected (``IngestionProblem/Code/lineTooLong``).
/// - Complexity: O(n) in the bytes; memory is one record (at most the limit).
struct JSONRecordSplitter {
    /// What the splitter finds.
    enum Event: Equatable {
        /// A record's bytes, the line it starts on and its 1-based number.
        case record([UInt8], line: Int, number: Int)
        /// A record that could not be delimited or is too large: rejected.
        case rejected(IngestionProblem.Code, line: Int, number: Int, reason: String)
        /// Damage outside records (no record lost): a warning.
        case warning(IngestionProblem.Code, line: Int, reason: String)
    }

    /// The key of the records array in a document (`"tickets"`), or nil.
    let recordsKey: [UInt8]?
    /// Whether line ends delimit records (JSONL); nil until decided automatically.
    private(set) var lineDelimited: Bool?
    /// The largest record kept, in bytes.
    let maximumRecordBytes: Int
    /// The current 1-based line.
    private(set) var line = 1
    /// Records found so far (delivered or rejected).
    private(set) var recordCount = 0

    private enum Mode { case top, topArray, recordsArray }
    private enum Kind { case element, topObject, topScalar, wrapperRest }
    private enum KeyState { case expectKey, inKey, afterKey, expectValue, inValue }

    private var mode = Mode.top
    private var active: Kind?
    private var bytes: [UInt8] = []
    private var size = 0
    private var overflow = false
    private var depth = 0
    private var inString = false
    private var escape = false
    private var isBareScalar = false
    private var startLine = 1
    private var keyState = KeyState.expectKey
    private var key: [UInt8] = []
    private var keyTooLong = false
    private var sawContent = false
    private var position = 0

    /// Creates a splitter.
    /// - Parameters:
    ///   - recordsKey: the records array's key in a document; nil for none.
    ///   - lineDelimited: true for JSONL, false for a document, nil to decide at the first line end.
    ///   - maximumRecordBytes: default 16 MiB.
    init(recordsKey: String?, lineDelimited: Bool? = nil, maximumRecordBytes: Int = 16 << 20) {
        self.recordsKey = recordsKey.map { Array($0.utf8) }
        self.lineDelimited = lineDelimited
        self.maximumRecordBytes = max(1, maximumRecordBytes)
    }

    /// Processes the next bytes of the input.
    mutating func feed<Bytes: Sequence>(_ chunk: Bytes, _ handle: (Event) throws -> Void) rethrows where Bytes.Element == UInt8 {
        for byte in chunk {
            position += 1
            if position <= 3, byte == [0xEF, 0xBB, 0xBF][position - 1], active == nil, !sawContent { continue }
            if byte == 0x0A {
                try newline(handle)
                line += 1
                continue
            }
            try process(byte, handle)
        }
    }

    /// Ends the input: reports what is still open.
    mutating func finish(_ handle: (Event) throws -> Void) rethrows {
        try endOfUnit(what: "the input", handle)
    }

    // MARK: - Line ends

    private mutating func newline(_ handle: (Event) throws -> Void) rethrows {
        if lineDelimited == nil, sawContent { lineDelimited = active == nil && mode == .top }
        if lineDelimited == true {
            try endOfUnit(what: "its line", handle)
        } else if active != nil {
            try process(0x0A, handle)
        }
    }

    /// Closes everything open at the end of a line (JSONL) or of the input.
    private mutating func endOfUnit(what: String, _ handle: (Event) throws -> Void) rethrows {
        if let kind = active {
            if kind != .wrapperRest, isBareScalar, !inString {
                try complete(handle)
            } else if kind == .wrapperRest {
                active = nil
                try handle(.warning(.invalidJSON, line: line, reason: "the document's object is not closed before the end of \(what)"))
            } else {
                active = nil
                recordCount += 1
                try handle(.rejected(.invalidJSON, line: startLine, number: recordCount,
                                     reason: "record of \(size) bytes does not end before the end of \(what)"))
            }
        } else if mode != .top {
            try handle(.warning(.invalidJSON, line: line, reason: "an array is not closed before the end of \(what)"))
        }
        mode = .top
        bytes = []
    }

    // MARK: - Bytes

    private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A }

    private mutating func process(_ byte: UInt8, _ handle: (Event) throws -> Void) rethrows {
        if active != nil {
            try collect(byte, handle)
            return
        }
        if Self.isSpace(byte) { return }
        sawContent = true
        switch mode {
        case .top:
            switch byte {
            case UInt8(ascii: "["):
                mode = .topArray
            case UInt8(ascii: "{"):
                start(.topObject, with: byte)
            case UInt8(ascii: "]"), UInt8(ascii: "}"), UInt8(ascii: ","), UInt8(ascii: ":"):
                try handle(.warning(.invalidJSON, line: line, reason: "unexpected '\(Character(Unicode.Scalar(byte)))' between records"))
            default:
                start(.topScalar, with: byte)
            }
        case .topArray, .recordsArray:
            switch byte {
            case UInt8(ascii: "]"):
                if mode == .recordsArray {
                    mode = .top
                    start(.wrapperRest, with: nil)
                } else {
                    mode = .top
                }
            case UInt8(ascii: ","):
                break
            case UInt8(ascii: "}"), UInt8(ascii: ":"):
                try handle(.warning(.invalidJSON, line: line, reason: "unexpected '\(Character(Unicode.Scalar(byte)))' between records"))
            default:
                start(.element, with: byte)
            }
        }
    }

    private mutating func start(_ kind: Kind, with byte: UInt8?) {
        active = kind
        bytes = []
        size = 0
        overflow = false
        depth = kind == .wrapperRest ? 1 : 0
        inString = false
        escape = false
        isBareScalar = false
        startLine = line
        keyState = .expectKey
        key = []
        keyTooLong = false
        guard let byte else { return }
        if byte == UInt8(ascii: "{") || byte == UInt8(ascii: "[") {
            depth = 1
        } else if byte == UInt8(ascii: "\"") {
            inString = true
        } else {
            isBareScalar = true
        }
        append(byte)
    }

    private mutating func append(_ byte: UInt8) {
        size += 1
        guard active != .wrapperRest, !overflow else { return }
        if bytes.count < maximumRecordBytes {
            bytes.append(byte)
        } else {
            overflow = true
            bytes = []
        }
    }

    private var tracksKeys: Bool { active == .topObject && depth == 1 && recordsKey != nil }

    private mutating func collect(_ byte: UInt8, _ handle: (Event) throws -> Void) rethrows {
        if inString {
            append(byte)
            if escape {
                escape = false
            } else if byte == UInt8(ascii: "\\") {
                escape = true
            } else if byte == UInt8(ascii: "\"") {
                inString = false
                if tracksKeys && keyState == .inKey { keyState = .afterKey }
                if depth == 0 { try complete(handle) }
                return
            }
            if tracksKeys && keyState == .inKey {
                if key.count < 256 { key.append(byte) } else { keyTooLong = true }
            }
            return
        }
        if isBareScalar {
            // An element ends at a delimiter; a top-level bare value (a JSONL line of garbage)
            // runs to the end of its line, so it is one record.
            let ends = active == .topScalar ? byte == 0x0A
                : Self.isSpace(byte) || byte == UInt8(ascii: ",") || byte == UInt8(ascii: "]") || byte == UInt8(ascii: "}")
            if ends {
                try complete(handle)
                try process(byte, handle)
            } else {
                append(byte)
            }
            return
        }
        switch byte {
        case UInt8(ascii: "\""):
            append(byte)
            inString = true
            if tracksKeys {
                if keyState == .expectKey {
                    keyState = .inKey
                    key = []
                    keyTooLong = false
                } else if keyState == .expectValue {
                    keyState = .inValue
                }
            }
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            if tracksKeys && keyState == .expectValue {
                if byte == UInt8(ascii: "["), !keyTooLong, let recordsKey, key == recordsKey {
                    // A document: stream the records array's elements.
                    active = nil
                    bytes = []
                    mode = .recordsArray
                    return
                }
                keyState = .inValue
            }
            append(byte)
            depth += 1
        case UInt8(ascii: "}"), UInt8(ascii: "]"):
            append(byte)
            depth -= 1
            if depth <= 0 {
                try complete(handle)
            } else if tracksKeys {
                keyState = .inValue
            }
        case UInt8(ascii: ","):
            append(byte)
            if tracksKeys { keyState = .expectKey }
        case UInt8(ascii: ":"):
            append(byte)
            if tracksKeys && keyState == .afterKey { keyState = .expectValue }
        default:
            append(byte)
            if !Self.isSpace(byte), tracksKeys, keyState == .expectValue { keyState = .inValue }
        }
    }

    /// The active value ended: deliver it.
    private mutating func complete(_ handle: (Event) throws -> Void) rethrows {
        guard let kind = active else { return }
        active = nil
        isBareScalar = false
        inString = false
        if kind == .wrapperRest { return }
        recordCount += 1
        let record = bytes
        bytes = []
        if overflow {
            try handle(.rejected(.lineTooLong, line: startLine, number: recordCount,
                                 reason: "record of \(size) bytes exceeds the limit of \(maximumRecordBytes)"))
        } else {
            try handle(.record(record, line: startLine, number: recordCount))
        }
    }
}

extension JSONRecordSplitter {
    /// Splits all of `stream` and reports, in input order, each record as `record` makes it, and
    /// each rejected record or warning as a problem of `file`. Returns how many records there were.
    /// - Complexity: O(n) in the bytes; memory is one record and a 64 KB chunk.
    mutating func readAll(_ stream: ByteStream, file: String, emit: (ReadEvent) throws -> Void,
                          record: ([UInt8], SourceLocation) throws -> ReadEvent) throws -> Int {
        let handle: (Event) throws -> Void = { event in
            switch event {
            case .record(let bytes, let line, let number):
                try emit(record(bytes, SourceLocation(file: file, line: line, record: number)))
            case .rejected(let code, let line, let number, let reason):
                try emit(.problem(IngestionProblem(code, at: SourceLocation(file: file, line: line, record: number), reason)))
            case .warning(let code, let line, let reason):
                try emit(.problem(IngestionProblem(code, at: SourceLocation(file: file, line: line), reason, isRejection: false)))
            }
        }
        let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 16, alignment: 1)
        defer { chunk.deallocate() }
        while true {
            let n = try stream.read(into: chunk)
            if n == 0 { break }
            try feed(UnsafeRawBufferPointer(rebasing: chunk[0..<n]), handle)
        }
        try finish(handle)
        return recordCount
    }
}
