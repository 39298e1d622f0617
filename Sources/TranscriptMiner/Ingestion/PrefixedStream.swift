/// A stream that first replays bytes already read from another (for format sniffing), then
/// continues with it.
public final class PrefixedStream: ByteStream {
    private var prefix: [UInt8]
    private var offset = 0
    private let rest: ByteStream

    /// Replays `prefix`, then reads `rest`.
    public init(prefix: [UInt8], rest: ByteStream) {
        self.prefix = prefix
        self.rest = rest
    }

    /// Reads up to `count` bytes from `stream` (fewer only at its end): the head used to sniff a format.
    public static func head(of stream: ByteStream, count: Int) throws -> [UInt8] {
        var head = [UInt8](repeating: 0, count: count)
        var filled = 0
        while filled < count {
            let n = try head.withUnsafeMutableBytes { try stream.read(into: UnsafeMutableRawBufferPointer(rebasing: $0[filled...])) }
            if n == 0 { break }
            filled += n
        }
        head.removeSubrange(filled...)
        return head
    }

    public func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        if offset < prefix.count {
            let n = min(buffer.count, prefix.count - offset)
            prefix.withUnsafeBytes { buffer.baseAddress!.copyMemory(from: $0.baseAddress! + offset, byteCount: n) }
            offset += n
            if offset == prefix.count { prefix = []; offset = 0 }
            return n
        }
        return try rest.read(into: buffer)
    }
}
