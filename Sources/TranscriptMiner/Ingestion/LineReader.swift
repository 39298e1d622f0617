#if canImport(Glibc)
import Glibc
#endif

/// Reads lines of bytes from a ``ByteStream`` in large chunks, without loading the whole input.
///
/// ```swift
/// var reader = LineReader(FileStream(fileDescriptor: 0))   // standard input
/// while let line = try reader.next() { print(RepairedText(line.bytes).text) }
/// ```
///
/// Lines end at `\n`; a `\r` before it is dropped; a last line without `\n` is returned too.
/// A line longer than ``maximumLineLength`` is not buffered: its bytes are skipped and it is
/// returned empty with ``Line/overlongLength`` set, so memory stays bounded whatever the input.
/// Bytes are returned as they are: decode them with ``RepairedText`` to repair and count
/// invalid UTF-8.
/// - Complexity: O(n) in the bytes read; memory is one chunk plus the longest accepted line.
public struct LineReader {
    /// One line.
    public struct Line {
        /// The line's bytes, without the terminator (empty for an overlong line).
        public var bytes: ArraySlice<UInt8>
        /// The 1-based line number.
        public var number: Int
        /// For a line longer than the limit: its length in bytes; nil otherwise.
        public var overlongLength: Int?
    }

    private let stream: ByteStream
    private var buffer: [UInt8] = []
    /// The reused read buffer (allocated on first read).
    private var chunk: [UInt8] = []
    private var start = 0
    private var scanned = 0
    private var atEnd = false
    private let chunkSize: Int
    /// Lines longer than this many bytes are reported as overlong, not returned.
    public let maximumLineLength: Int
    /// The 1-based number of the line last returned by ``next()``.
    public private(set) var lineNumber = 0

    /// Reads from `stream`.
    /// - Parameters:
    ///   - maximumLineLength: default 16 MiB.
    ///   - chunkSize: bytes per read; default 1 MiB.
    public init(_ stream: ByteStream, maximumLineLength: Int = 16 << 20, chunkSize: Int = 1 << 20) {
        self.stream = stream
        self.maximumLineLength = max(1, maximumLineLength)
        self.chunkSize = max(16, chunkSize)
    }

    /// The next line, or `nil` at the end of the input.
    /// - Throws: ``ByteStreamError`` when the stream fails.
    public mutating func next() throws -> Line? {
        var skipped = 0  // bytes of an overlong line dropped so far
        while true {
            if let newline = Self.firstNewline(in: buffer, from: scanned) {
                lineNumber += 1
                if skipped > 0 {
                    let length = skipped + (newline - start)
                    start = newline + 1
                    scanned = start
                    return Line(bytes: [], number: lineNumber, overlongLength: length)
                }
                var end = newline
                if end > start, buffer[end - 1] == UInt8(ascii: "\r") { end -= 1 }
                let line = buffer[start..<end]
                start = newline + 1
                scanned = start
                if end - line.startIndex > maximumLineLength {
                    return Line(bytes: [], number: lineNumber, overlongLength: end - line.startIndex)
                }
                return Line(bytes: line, number: lineNumber, overlongLength: nil)
            }
            scanned = buffer.count
            if buffer.count - start > maximumLineLength {
                // Drop what we have of this line and keep counting its length.
                skipped += buffer.count - start
                start = buffer.count
                scanned = start
            }
            if atEnd {
                guard start < buffer.count || skipped > 0 else { return nil }
                lineNumber += 1
                if skipped > 0 {
                    let length = skipped + buffer.count - start
                    start = buffer.count
                    return Line(bytes: [], number: lineNumber, overlongLength: length)
                }
                var end = buffer.count
                if buffer[end - 1] == UInt8(ascii: "\r") { end -= 1 }
                let line = buffer[start..<end]
                start = buffer.count
                scanned = start
                if line.count > maximumLineLength { return Line(bytes: [], number: lineNumber, overlongLength: line.count) }
                return Line(bytes: line, number: lineNumber, overlongLength: nil)
            }
            try fill()
        }
    }

    /// The index of the first `\n` in `buffer` at or after `start` (C's `memchr`, vectorised).
    @inline(__always)
    private static func firstNewline(in buffer: [UInt8], from start: Int) -> Int? {
        guard start < buffer.count else { return nil }
        return buffer.withUnsafeBufferPointer { all in
            guard let found = memchr(all.baseAddress! + start, 0x0A, all.count - start) else { return nil }
            return all.baseAddress!.distance(to: found.assumingMemoryBound(to: UInt8.self))
        }
    }

    private mutating func fill() throws {
        if start > 0 {
            buffer.removeSubrange(0..<start)
            scanned -= start
            start = 0
        }
        if chunk.isEmpty { chunk = [UInt8](repeating: 0, count: chunkSize) }
        let n = try chunk.withUnsafeMutableBytes { try stream.read(into: $0) }
        buffer.append(contentsOf: chunk[0..<n])
        if n == 0 { atEnd = true }
    }
}

extension LineReader {
    /// Reports the events of every line of `file` in the line-per-record `format` through `emit`:
    /// the loop the line-based readers share (``LineRecordFormat/decode(_:number:overlongLength:file:maximumLineLength:into:)``
    /// decodes each line, the same code the parallel ``Ingestor`` path runs).
    /// - Throws: what `emit` or the stream throws.
    mutating func forEachRecord(of file: String, format: LineRecordFormat, emit: (ReadEvent) throws -> Void) throws {
        var events: [ReadEvent] = []
        while let line = try next() {
            events.removeAll(keepingCapacity: true)
            format.decode(line.bytes, number: line.number, overlongLength: line.overlongLength, file: file,
                          maximumLineLength: maximumLineLength, into: &events)
            for event in events { try emit(event) }
        }
    }
}
