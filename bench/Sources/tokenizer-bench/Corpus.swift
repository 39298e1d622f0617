import Foundation

/// A benchmark corpus: a UTF-8 file with one document per line, held both as one contiguous
/// buffer (for the C baseline) and as Swift strings (for the analysis chain).
///
/// Lines are split at `\n`; a trailing `\r` is not part of the document, and empty lines are
/// skipped. The Python peer (peers/regex_tokenizer.py) reads the file the same way, so every
/// contestant sees the same documents and the same byte count.
struct Corpus: Sendable {
    /// The file's bytes.
    let buffer: [UInt8]
    /// Where each document starts in `buffer`.
    let starts: [Int64]
    /// Each document's length in bytes.
    let lengths: [Int32]
    /// The documents as strings (invalid UTF-8 would read as U+FFFD; the generated corpus has none).
    let documents: [String]
    /// The sum of `lengths`: the bytes every per-document contestant reads.
    let documentBytes: Int
    /// The bytes of the buffer that the whole-buffer baseline reads (documents and their
    /// line breaks, up to the end of the last document kept).
    let bufferBytes: Int
    /// Empty lines that were skipped.
    let emptyLines: Int
    /// Documents that are all ASCII (the word breaker's fast path segments them without ICU),
    /// and their bytes.
    let asciiDocuments: Int
    let asciiBytes: Int

    /// Loads `path`, keeping at most `limit` documents.
    init(path: String, limit: Int?) throws {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw BenchError("cannot read the corpus \(path)")
        }
        let all = [UInt8](data)
        var starts: [Int64] = []
        var lengths: [Int32] = []
        var documents: [String] = []
        var empty = 0
        var bytes = 0
        var lineStart = 0
        var end = 0
        all.withUnsafeBufferPointer { b in
            while lineStart < b.count, limit.map({ documents.count < $0 }) ?? true {
                var lineEnd = lineStart
                while lineEnd < b.count, b[lineEnd] != UInt8(ascii: "\n") { lineEnd += 1 }
                var contentEnd = lineEnd
                if contentEnd > lineStart, b[contentEnd - 1] == UInt8(ascii: "\r") { contentEnd -= 1 }
                if contentEnd == lineStart {
                    empty += 1
                } else {
                    starts.append(Int64(lineStart))
                    lengths.append(Int32(contentEnd - lineStart))
                    documents.append(String(decoding: UnsafeBufferPointer(rebasing: b[lineStart..<contentEnd]), as: UTF8.self))
                    bytes += contentEnd - lineStart
                    end = contentEnd
                }
                lineStart = lineEnd + 1
            }
        }
        guard !documents.isEmpty else { throw BenchError("the corpus \(path) has no non-empty line") }
        guard end < Int(Int32.max) else { throw BenchError("the corpus is 2 GiB or more: ICU offsets are 32-bit; use --limit") }
        self.buffer = all
        self.starts = starts
        self.lengths = lengths
        self.documents = documents
        self.documentBytes = bytes
        self.bufferBytes = end
        self.emptyLines = empty
        var asciiDocuments = 0
        var asciiBytes = 0
        for (start, length) in zip(starts, lengths) where all[Int(start)..<Int(start) + Int(length)].allSatisfy({ $0 < 0x80 }) {
            asciiDocuments += 1
            asciiBytes += Int(length)
        }
        self.asciiDocuments = asciiDocuments
        self.asciiBytes = asciiBytes
    }

    /// Contiguous ranges of `documents`, one per part, with about the same number of bytes each.
    func parts(_ count: Int) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start = 0
        var seen = 0
        for part in 1...count {
            let target = documentBytes * part / count
            var end = start
            while end < documents.count, part == count || seen + Int(lengths[end]) <= target {
                seen += Int(lengths[end])
                end += 1
            }
            ranges.append(start..<end)
            start = end
        }
        return ranges
    }
}

/// A failure that stops the benchmark with a message.
struct BenchError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
