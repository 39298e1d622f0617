import ThemeCluster

/// Counts the documents that contain each *code*: a token mixing letters and digits or made of
/// dotted numbers — error codes (`E4012`, `ERR_502`), app versions (`7.4`, `v7.4.1`), product
/// and plan codes — which the analysis chain folds into `<id>` and `<number>` placeholders (good
/// for themes, but a new error code is exactly what "new words tonight" should show).
///
/// A token is a maximal run of ASCII letters, digits, `.`, `_` and `-` (trimmed of those three
/// at its ends), 2 to 24 bytes long, with at least one digit and either a letter or an inner `.`;
/// it is lowercased. Plain numbers (`42`, `2024`) are not codes. Run on redacted text: a code in
/// fewer than ``minimumDocuments`` documents (an order id, a one-off number) is dropped.
/// - Complexity: O(total text length), over fixed chunks of 1,024 documents on `workers` tasks;
///   the counts are the same for any number of workers.
struct CodeTermCounter {
    /// Codes in fewer documents are dropped. Default 2.
    var minimumDocuments = 2

    func documentFrequencies(_ texts: some RandomAccessCollection<String> & Sendable, workers: Int) async -> [String: Int] {
        let chunks = await ChunkedWork.map(count: texts.count, chunkSize: 1024, workers: workers) { range in
            var counts: [String: Int] = [:]
            var seen = Set<String>()
            for index in range {
                seen.removeAll(keepingCapacity: true)
                Self.forEachCode(in: texts[texts.index(texts.startIndex, offsetBy: index)]) { seen.insert($0) }
                for code in seen { counts[code, default: 0] += 1 }
            }
            return counts
        }
        var total: [String: Int] = [:]
        for chunk in chunks { total.merge(chunk, uniquingKeysWith: +) }
        return total.filter { $0.value >= minimumDocuments }
    }

    /// Calls `body` with each code of `text`, lowercased, in order.
    static func forEachCode(in text: String, _ body: (String) -> Void) {
        var text = text
        text.withUTF8 { bytes in
            var start = 0
            func isTokenByte(_ b: UInt8) -> Bool {
                (b >= 0x30 && b <= 0x39) || (b | 0x20 >= 0x61 && b | 0x20 <= 0x7A) || b == 0x2E || b == 0x5F || b == 0x2D
            }
            func isPunct(_ b: UInt8) -> Bool { b == 0x2E || b == 0x5F || b == 0x2D }
            while start < bytes.count {
                guard isTokenByte(bytes[start]) else { start += 1; continue }
                var end = start
                while end < bytes.count && isTokenByte(bytes[end]) { end += 1 }
                // A token glued to other letters (é, 中) is part of a word, not a code.
                let glued = (start > 0 && bytes[start - 1] >= 0x80) || (end < bytes.count && bytes[end] >= 0x80)
                var low = start, high = end
                while low < high && isPunct(bytes[low]) { low += 1 }
                while high > low && isPunct(bytes[high - 1]) { high -= 1 }
                if !glued, high - low >= 2, high - low <= 24 {
                    var digits = false, letters = false, innerDot = false
                    for i in low..<high {
                        let b = bytes[i]
                        if b >= 0x30 && b <= 0x39 { digits = true } else if b == 0x2E { innerDot = true } else if !isPunct(b) { letters = true }
                    }
                    if digits && (letters || innerDot) {
                        body(String(decoding: bytes[low..<high].map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self))
                    }
                }
                start = end
            }
        }
    }
}
