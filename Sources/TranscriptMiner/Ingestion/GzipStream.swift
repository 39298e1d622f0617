import CZlib

/// Decompresses a gzip (or zlib) stream on the fly with zlib, including files made of several
/// concatenated gzip members (as `cat a.gz b.gz` makes).
///
/// ```swift
/// let stream = GzipStream(try FileStream(path: "chats.jsonl.gz"))
/// ```
///
/// A stream that ends inside a member, or whose data or checksum is corrupt, throws a
/// ``ByteStreamError`` with `isCorruptCompression` set: a truncated download is reported, not
/// silently read as a shorter file.
/// - Complexity: O(n) in the decompressed size; memory is two 256 KB buffers.
public final class GzipStream: ByteStream {
    private let source: ByteStream
    private var zstream = z_stream()
    private let input: UnsafeMutableRawBufferPointer
    private var inputEnd = false
    private var memberEnded = false
    private var started = false
    private var finished = false

    /// Decompresses `source`.
    public init(_ source: ByteStream) {
        self.source = source
        self.input = .allocate(byteCount: 1 << 18, alignment: 16)
        // 15 + 32: the largest window, and detect gzip or zlib headers automatically.
        inflateInit2_(&zstream, 15 + 32, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
    }

    deinit {
        inflateEnd(&zstream)
        input.deallocate()
    }

    /// Whether `bytes` start with the gzip magic number.
    public static func isGzip(_ bytes: some Collection<UInt8>) -> Bool {
        bytes.starts(with: [0x1F, 0x8B])
    }

    public func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        guard !finished, buffer.count > 0 else { return 0 }
        zstream.next_out = buffer.baseAddress!.assumingMemoryBound(to: Bytef.self)
        zstream.avail_out = UInt32(min(buffer.count, Int(UInt32.max)))
        while zstream.avail_out > 0 {
            if zstream.avail_in == 0 && !inputEnd {
                let n = try source.read(into: input)
                if n == 0 {
                    inputEnd = true
                } else {
                    started = true
                    memberEnded = false
                }
                zstream.next_in = input.baseAddress!.assumingMemoryBound(to: Bytef.self)
                zstream.avail_in = UInt32(n)
            }
            if zstream.avail_in == 0 && inputEnd {
                if started && !memberEnded {
                    throw ByteStreamError(reason: "compressed data ends before the end of the gzip stream (truncated file?)", isCorruptCompression: true)
                }
                finished = true
                break
            }
            let status = inflate(&zstream, Z_NO_FLUSH)
            switch status {
            case Z_STREAM_END:
                memberEnded = true
                // Another gzip member may follow.
                inflateReset(&zstream)
            case Z_OK:
                memberEnded = false
            case Z_BUF_ERROR:
                if zstream.avail_in == 0 { continue }
                throw ByteStreamError(reason: "corrupt compressed data", isCorruptCompression: true)
            default:
                let message = zstream.msg.map { String(cString: $0) } ?? "zlib error \(status)"
                throw ByteStreamError(reason: "corrupt compressed data (\(message))", isCorruptCompression: true)
            }
        }
        return buffer.count - Int(zstream.avail_out)
    }
}
