#if canImport(Glibc)
import Glibc
#endif

/// The lines of a file that start inside a byte range, as a ``ByteStream``: how one part of a
/// split file is read (Hadoop's rule for text splits).
///
/// A part `[offset, offset + length)` owns every line whose first byte lies in the range. So a
/// part that starts in the middle of a line skips to the next line, and the last line it owns
/// is read to its end even past the range. Parts that tile a file, `[0, a)`, `[a, b)`, …, read
/// every line exactly once, whatever the cut points.
///
/// ```swift
/// let part = try LineRangeStream(path: "chats.jsonl", offset: 1 << 20, length: 1 << 20)
/// var lines = LineReader(part)          // line 1 is the part's first line
/// while let line = try lines.next() { … }
/// part.lineCount                        // lines read, to number the next part's lines
/// ```
///
/// - Complexity: O(bytes of the owned lines), plus the bytes skipped up to the first owned line.
public final class LineRangeStream: ByteStream {
    private let descriptor: Int32
    /// The next file position to read.
    private var position: Int
    /// Where the range ends: lines starting at or after it belong to the next part.
    private let end: Int
    /// Whether the first owned line has been found.
    private var aligned: Bool
    /// Whether the line that crosses `end` has been read to its newline (or the file ended).
    private var finished = false
    /// Newlines handed out so far.
    private var newlines = 0
    private var lastByte: UInt8?

    /// Opens `path` and positions the stream at the first line starting at or after `offset`.
    /// - Throws: ``ByteStreamError`` when the file cannot be opened.
    public init(path: String, offset: Int, length: Int) throws {
        precondition(offset >= 0 && length >= 0, "a byte range has a non-negative offset and length")
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw ByteStreamError(reason: String(cString: strerror(errno))) }
        descriptor = fd
        end = offset + length
        // A part starting at 0, or right after a newline, starts with a line; otherwise the line
        // running into the range belongs to the previous part.
        position = max(0, offset - 1)
        aligned = offset == 0
    }

    deinit { close(descriptor) }

    /// The number of lines read so far (a last line without a newline counts).
    public var lineCount: Int { newlines + (lastByte != nil && lastByte != 10 ? 1 : 0) }

    public func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        while !aligned {
            let n = try pread(into: buffer)
            guard n > 0 else { finished = true; aligned = true; return 0 }
            let bytes = UnsafeRawBufferPointer(rebasing: buffer[..<n])
            if let newline = bytes.firstIndex(of: 10) {
                position += newline + 1
                aligned = true
            } else {
                position += n
            }
        }
        if finished { return 0 }
        // Read while inside the range; past it, only up to the newline ending the last line.
        let n: Int
        if position < end {
            n = try pread(into: UnsafeMutableRawBufferPointer(rebasing: buffer[..<min(buffer.count, end - position)]))
            if n == 0 { finished = true }
        } else if lastByte == nil || lastByte == 10 {
            // The range ended on a line boundary (or held no line): the next line is not ours.
            finished = true
            return 0
        } else {
            let got = try pread(into: buffer)
            if got == 0 { finished = true; return 0 }
            let bytes = UnsafeRawBufferPointer(rebasing: buffer[..<got])
            if let newline = bytes.firstIndex(of: 10) {
                n = newline + 1
                finished = true
            } else {
                n = got
            }
        }
        guard n > 0 else { return 0 }
        let bytes = UnsafeRawBufferPointer(rebasing: buffer[..<n])
        for byte in bytes where byte == 10 { newlines += 1 }
        lastByte = bytes[n - 1]
        position += n
        return n
    }

    private func pread(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        while true {
            let n = Glibc.pread(descriptor, buffer.baseAddress, buffer.count, off_t(position))
            if n >= 0 { return n }
            if errno == EINTR { continue }
            throw ByteStreamError(reason: String(cString: strerror(errno)))
        }
    }
}

/// A ``ByteStream`` that counts the lines passing through it (standard input of a part).
public final class LineCountingStream: ByteStream {
    private let base: any ByteStream
    private var newlines = 0
    private var lastByte: UInt8?

    /// Wraps `base`.
    public init(_ base: any ByteStream) { self.base = base }

    /// The number of lines read so far (a last line without a newline counts).
    public var lineCount: Int { newlines + (lastByte != nil && lastByte != 10 ? 1 : 0) }

    public func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        let n = try base.read(into: buffer)
        guard n > 0 else { return 0 }
        let bytes = UnsafeRawBufferPointer(rebasing: buffer[..<n])
        for byte in bytes where byte == 10 { newlines += 1 }
        lastByte = bytes[n - 1]
        return n
    }
}
