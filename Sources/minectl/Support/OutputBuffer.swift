#if canImport(Glibc)
import Glibc
#endif

/// Buffered writes to a file descriptor (one system call per 64 KB).
final class OutputBuffer {
    private var bytes: [UInt8] = []
    private let descriptor: Int32

    /// Writes to `descriptor`; default standard output.
    init(fileDescriptor descriptor: Int32 = 1) {
        self.descriptor = descriptor
        bytes.reserveCapacity(1 << 16)
    }

    func write(_ text: String) {
        bytes.append(contentsOf: text.utf8)
        if bytes.count >= 1 << 16 { flush() }
    }

    func flush() {
        var offset = 0
        bytes.withUnsafeBytes { raw in
            while offset < raw.count {
                let n = Glibc.write(descriptor, raw.baseAddress! + offset, raw.count - offset)
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { break }  // a closed pipe: the reader has gone, nothing more to do
                offset += n
            }
        }
        bytes.removeAll(keepingCapacity: true)
    }

    deinit { flush() }
}
