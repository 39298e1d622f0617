#if canImport(Glibc)
import Glibc
#endif

/// A source of bytes read in chunks: a file, standard input, a decompressor, memory.
///
/// Readers pull from a stream, so no input is ever held whole: memory is bounded by the chunk
/// size and the longest record.
public protocol ByteStream: AnyObject {
    /// Reads up to `buffer.count` bytes into `buffer`; returns how many, 0 at the end.
    /// - Throws: ``ByteStreamError`` when the read fails or compressed data is corrupt.
    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int
}

/// A failed read.
public struct ByteStreamError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Why.
    public let reason: String
    /// Whether compressed data ended early or is corrupt (as opposed to a system read error).
    public let isCorruptCompression: Bool
    public var description: String { reason }

    /// Creates an error.
    public init(reason: String, isCorruptCompression: Bool = false) {
        self.reason = reason
        self.isCorruptCompression = isCorruptCompression
    }
}

/// Bytes from a file descriptor (a file, a pipe, standard input).
public final class FileStream: ByteStream {
    private let descriptor: Int32
    private let ownsDescriptor: Bool

    /// Opens the file at `path` for reading.
    /// - Throws: ``ByteStreamError`` with the system's reason.
    public init(path: String) throws {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw ByteStreamError(reason: String(cString: strerror(errno))) }
        descriptor = fd
        ownsDescriptor = true
    }

    /// Reads from an open descriptor, which stays open (standard input is `0`).
    public init(fileDescriptor: Int32) {
        descriptor = fileDescriptor
        ownsDescriptor = false
    }

    deinit { if ownsDescriptor { close(descriptor) } }

    public func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        while true {
            let n = Glibc.read(descriptor, buffer.baseAddress, buffer.count)
            if n >= 0 { return n }
            if errno == EINTR { continue }
            throw ByteStreamError(reason: String(cString: strerror(errno)))
        }
    }
}

/// Bytes from memory: tests, fuzzing, and small inputs already loaded.
public final class MemoryStream: ByteStream {
    private let bytes: [UInt8]
    private var offset = 0

    /// A stream over `bytes`.
    public init<Bytes: Sequence>(_ bytes: Bytes) where Bytes.Element == UInt8 { self.bytes = Array(bytes) }

    public func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        let n = min(buffer.count, bytes.count - offset)
        guard n > 0 else { return 0 }
        bytes.withUnsafeBytes { source in
            buffer.baseAddress!.copyMemory(from: source.baseAddress! + offset, byteCount: n)
        }
        offset += n
        return n
    }
}
