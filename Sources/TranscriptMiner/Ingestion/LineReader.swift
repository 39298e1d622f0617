#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads lines of bytes from a file descriptor in large chunks, without loading the whole input.
///
/// ```swift
/// var reader = LineReader(fileDescriptor: 0)   // standard input
/// while let line = try reader.next() { print(RepairedText(line).text) }
/// ```
///
/// Lines end at `\n`; a `\r` before it is dropped; a last line without `\n` is returned too.
/// Bytes are returned as they are: decode them with ``RepairedText`` to repair and count
/// invalid UTF-8. ``lineNumber`` is the 1-based number of the line last returned, for errors.
/// - Complexity: O(n) in the bytes read; memory is the chunk plus the longest line.
public struct LineReader {
    private let descriptor: Int32
    private var buffer: [UInt8] = []
    private var start = 0
    private var atEnd = false
    private let chunkSize: Int
    /// The 1-based number of the line last returned by ``next()``.
    public private(set) var lineNumber = 0

    /// Reads from `fileDescriptor` (which stays open: the caller owns it).
    public init(fileDescriptor: Int32, chunkSize: Int = 1 << 20) {
        self.descriptor = fileDescriptor
        self.chunkSize = max(1, chunkSize)
    }

    /// The next line without its terminator, or `nil` at the end of the input.
    /// - Throws: ``LineReaderError`` when the read fails.
    public mutating func next() throws -> ArraySlice<UInt8>? {
        while true {
            if let newline = buffer[start...].firstIndex(of: UInt8(ascii: "\n")) {
                var end = newline
                if end > start, buffer[end - 1] == UInt8(ascii: "\r") { end -= 1 }
                let line = buffer[start..<end]
                start = newline + 1
                lineNumber += 1
                return line
            }
            if atEnd {
                guard start < buffer.count else { return nil }
                var end = buffer.count
                if buffer[end - 1] == UInt8(ascii: "\r") { end -= 1 }
                let line = buffer[start..<end]
                start = buffer.count
                lineNumber += 1
                return line
            }
            try fill()
        }
    }

    private mutating func fill() throws {
        if start > 0 {
            buffer.removeSubrange(0..<start)
            start = 0
        }
        let old = buffer.count
        buffer.reserveCapacity(old + chunkSize)
        var readCount = 0
        buffer.append(contentsOf: repeatElement(0, count: chunkSize))
        let result = buffer.withUnsafeMutableBytes { raw -> Int in
            while true {
                let n = read(descriptor, raw.baseAddress! + old, chunkSize)
                if n < 0 && errno == EINTR { continue }
                return n
            }
        }
        if result < 0 {
            buffer.removeSubrange(old...)
            throw LineReaderError(reason: String(cString: strerror(errno)), lineNumber: lineNumber + 1)
        }
        readCount = result
        buffer.removeSubrange((old + readCount)...)
        if readCount == 0 { atEnd = true }
    }
}

/// A read that failed.
public struct LineReaderError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The system's reason.
    public let reason: String
    /// The line that was being read.
    public let lineNumber: Int
    public var description: String { "read failed at line \(lineNumber): \(reason)" }
}
