import CDigest

/// A ``ByteStream`` that counts and hashes (SHA-256) the bytes read through it, for the input
/// fingerprints of a report: the hash is of the bytes as stored (compressed, for gzip), taken in
/// the same pass that reads them, so standard input gets one too.
///
/// - Complexity: O(1) per byte on top of the underlying stream (libcrypto's SHA-256).
public final class HashingStream: ByteStream {
    private let base: any ByteStream
    private var digest: OpaquePointer?
    /// Bytes read so far.
    public private(set) var byteCount = 0

    /// Wraps `base`.
    public init(_ base: any ByteStream) {
        self.base = base
        digest = cdigest_sha256_new()
    }

    deinit { cdigest_sha256_free(digest) }

    public func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        let count = try base.read(into: buffer)
        if count > 0 {
            byteCount += count
            if let digest { cdigest_sha256_update(digest, buffer.baseAddress, count) }
        }
        return count
    }

    /// Reads the rest of the stream (readers may stop before the end) and returns the SHA-256 of
    /// every byte, lowercase hex; `nil` when libcrypto was unavailable or reading failed. The
    /// stream cannot be read afterwards.
    public func finish() -> String? {
        let scratch = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 16, alignment: 8)
        defer { scratch.deallocate() }
        do {
            while try read(into: scratch) > 0 {}
        } catch {
            return nil
        }
        guard let digest else { return nil }
        var bytes = [UInt8](repeating: 0, count: 32)
        guard cdigest_sha256_final(digest, &bytes) == 1 else { return nil }
        cdigest_sha256_free(digest)
        self.digest = nil
        let hex = Array("0123456789abcdef".utf8)
        return String(decoding: bytes.flatMap { [hex[Int($0 >> 4)], hex[Int($0 & 15)]] }, as: UTF8.self)
    }
}
