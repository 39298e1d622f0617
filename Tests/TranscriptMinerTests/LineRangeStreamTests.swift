import Foundation
import Testing
@testable import TranscriptMiner

@Suite("Byte ranges of a file: every line read once, whatever the cut points")
struct LineRangeStreamTests {
    static func write(_ text: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("range-\(UUID().uuidString).txt").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    static func read(_ path: String, offset: Int, length: Int) throws -> (lines: [String], count: Int) {
        let stream = try LineRangeStream(path: path, offset: offset, length: length)
        var reader = LineReader(stream, chunkSize: 7)
        var lines: [String] = []
        while let line = try reader.next() { lines.append(String(decoding: line.bytes, as: UTF8.self)) }
        return (lines, stream.lineCount)
    }

    @Test("parts tiling the file read every line exactly once, and their line counts add up", arguments: [
        "alpha\nbeta\ngamma\n", "alpha\nbeta\ngamma", "a\n\nb\n\n\nc\n", "one very long line without end", "\n", "x\ny\n",
    ])
    func tiling(text: String) throws {
        let path = try Self.write(text)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let size = text.utf8.count
        var whole = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if text.hasSuffix("\n") { whole.removeLast() }
        // Every way to cut the file in two and three parts.
        for a in 0...size {
            for b in a...size {
                var lines: [String] = []
                var count = 0
                for (offset, end) in [(0, a), (a, b), (b, size)] {
                    let part = try Self.read(path, offset: offset, length: end - offset)
                    lines += part.lines
                    count += part.count
                }
                #expect(lines == whole, "cuts at \(a), \(b)")
                #expect(count == whole.count, "cuts at \(a), \(b)")
            }
        }
    }

    @Test("a part that starts inside a line skips it, and reads its own last line past the range")
    func ownership() throws {
        let path = try Self.write("first line\nsecond line\nthird\n")
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(try Self.read(path, offset: 0, length: 1).lines == ["first line"])
        #expect(try Self.read(path, offset: 1, length: 11).lines == ["second line"])
        #expect(try Self.read(path, offset: 11, length: 1).lines == ["second line"])
        #expect(try Self.read(path, offset: 12, length: 5).lines == [])
        #expect(try Self.read(path, offset: 12, length: 12).lines == ["third"])
    }
}
