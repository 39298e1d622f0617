/// Splits an mbox stream into messages, one at a time: memory is one message.
///
/// ```swift
/// var splitter = MboxSplitter(LineReader(MemoryStream(Array(mbox.utf8))), maximumMessageBytes: 1 << 20)
/// while let message = try splitter.next() { print(message.line, message.bytes.count) }
/// ```
///
/// A message starts at a `From ` line (the mbox "From_" separator) that is the first line or
/// follows a blank line, and that carries a time (`hh:mm`), as every From_ line's date does; so
/// an unescaped "From here on…" paragraph in a body does not split a message. The From_ line
/// itself is not part of the message. Lines `>From `, `>>From `, … lose one `>` (mboxrd
/// unescaping; in mboxo files this also restores the escaped `From ` lines). Non-blank text
/// before the first From_ line is a message too (a bare message saved as `.mbox`).
/// - Complexity: O(n) in the bytes; memory is one message (at most the limit) plus one chunk.
struct MboxSplitter {
    /// One message of the mailbox.
    struct Message {
        /// Its bytes, lines ending in `\n`; truncated at the limit when ``overlong``.
        var bytes: [UInt8]
        /// The 1-based line of its From_ line (or first line).
        var line: Int
        /// The 1-based message number in the mailbox.
        var record: Int
        /// Whether the message exceeded the size limit (its bytes are incomplete).
        var overlong: Bool
    }

    private var lines: LineReader
    private let maximumMessageBytes: Int
    private var pending: Message?
    private var previousBlank = true
    private var records = 0

    /// Splits what `lines` reads; messages over `maximumMessageBytes` are marked overlong.
    init(_ lines: LineReader, maximumMessageBytes: Int) {
        self.lines = lines
        self.maximumMessageBytes = maximumMessageBytes
    }

    /// The next message, or nil at the end.
    /// - Throws: what the stream throws.
    mutating func next() throws -> Message? {
        while let line = try lines.next() {
            let blank = line.overlongLength == nil && line.bytes.allSatisfy { $0 == 0x20 || $0 == 0x09 }
            if previousBlank, line.overlongLength == nil, Self.isSeparator(line.bytes) {
                records += 1
                let finished = pending
                pending = Message(bytes: [], line: line.number, record: records, overlong: false)
                previousBlank = false
                if let finished { return finished }
                continue
            }
            previousBlank = blank
            if pending == nil {
                if blank { continue }
                records += 1
                pending = Message(bytes: [], line: line.number, record: records, overlong: false)
            }
            if line.overlongLength != nil { pending!.overlong = true }
            guard !pending!.overlong else { continue }
            var bytes = line.bytes
            if bytes.first == UInt8(ascii: ">") {
                let unquoted = bytes.drop { $0 == UInt8(ascii: ">") }
                if unquoted.starts(with: Self.fromPrefix) { bytes = bytes.dropFirst() }
            }
            if pending!.bytes.count + bytes.count + 1 > maximumMessageBytes {
                pending!.overlong = true
                pending!.bytes = []
                continue
            }
            pending!.bytes.append(contentsOf: bytes)
            pending!.bytes.append(0x0A)
        }
        defer { pending = nil }
        return pending
    }

    /// The number of messages started so far.
    var messageCount: Int { records }

    private static let fromPrefix = Array("From ".utf8)

    /// Whether `line` is a From_ separator: `From ` and a time `h:mm` or `hh:mm` after it.
    static func isSeparator(_ line: ArraySlice<UInt8>) -> Bool {
        guard line.starts(with: fromPrefix) else { return false }
        let rest = line.dropFirst(5)
        var i = rest.startIndex
        while i + 3 < rest.endIndex {
            if rest[i] &- 48 < 10, rest[i + 1] == UInt8(ascii: ":"), rest[i + 2] &- 48 < 10, rest[i + 3] &- 48 < 10 { return true }
            i += 1
        }
        return false
    }
}
