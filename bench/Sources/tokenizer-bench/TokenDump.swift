import Foundation
import Tokenizer

/// `tokenizer-bench --dump INPUT OUTDIR`: every field of every token of every line of INPUT,
/// through several analysis chains, one file per chain in OUTDIR — the reference that
/// optimisations of the tokenizer are diffed against (behaviour must not change).
///
/// Lines are split at `\n` and decoded with U+FFFD repair (as `minectl tokenize` does); empty
/// lines are kept (they must give no tokens). Each chain runs through one session for the
/// whole file, so state carried between texts (memo, reused buffers) is exercised too, and
/// alternates between ``AnalysisSession/forEachToken(in:_:)``,
/// ``AnalysisSession/tokens(in:)`` and ``AnalysisSession/analyze(_:into:)`` line by line.
/// Output line format: `line<TAB>text<TAB>kind<TAB>start-end<TAB>position<TAB>length<TAB>sentence`.
/// - Complexity: O(c · n) for c chains and n bytes of input.
enum TokenDump {
    /// The chains dumped, by file name.
    static var chains: [(name: String, analyzer: Analyzer)] {
        [
            ("standard", Analyzer.standard()),
            ("stem-ngram3", Analyzer.standard(.init(stems: true, maximumNGramSize: 3))),
            ("segmenter", Analyzer(segmenter: ICUWordSegmenter(), filters: [])),
            ("keep-all", Analyzer.standard(.init(stopwordLists: [], replacesIdentifiers: false))),
            ("no-spans-no-emoji", Analyzer(segmenter: ICUWordSegmenter(keepsSpecialSpans: false, keepsEmoji: false),
                                           filters: [CaseFoldFilter()])),
            ("turkic-accents-ngram2", Analyzer.standard(.init(maximumNGramSize: 2, turkic: true, stripsAccents: true))),
            ("markup-ngram2", Analyzer(charFilters: [MarkupStripCharFilter()], segmenter: ICUWordSegmenter(),
                                       filters: Analyzer.standard(.init(maximumNGramSize: 2)).filters)),
            ("sentences-nofilter", Analyzer(segmenter: ICUWordSegmenter(), filters: [], tracksSentences: true)),
        ]
    }

    static func run(input: String, outputDirectory: String) throws {
        guard let data = FileManager.default.contents(atPath: input) else { throw BenchError("cannot read \(input)") }
        let bytes = [UInt8](data)
        var lines: [String] = []
        var start = 0
        for i in bytes.indices where bytes[i] == UInt8(ascii: "\n") {
            lines.append(String(decoding: bytes[start..<i], as: UTF8.self))
            start = i + 1
        }
        if start < bytes.count { lines.append(String(decoding: bytes[start...], as: UTF8.self)) }
        try FileManager.default.createDirectory(atPath: outputDirectory, withIntermediateDirectories: true)
        for (name, analyzer) in chains {
            let session = analyzer.makeSession()
            var out = ""
            var collected: [Token] = []
            var count = 0
            for (number, line) in lines.enumerated() {
                func write(_ t: Token) {
                    out += "\(number + 1)\t\(t.text)\t\(t.kind.rawValue)\t\(t.range.lowerBound)-\(t.range.upperBound)"
                    out += "\t\(t.position)\t\(t.positionLength)\t\(t.sentence)\n"
                    count += 1
                }
                switch number % 3 {
                case 0: session.forEachToken(in: line) { write($0) }
                case 1: session.tokens(in: line).forEach(write)
                default:
                    collected.removeAll(keepingCapacity: true)
                    session.analyze(line, into: &collected)
                    collected.forEach(write)
                }
            }
            let path = outputDirectory + "/" + name + ".tsv"
            try Data(out.utf8).write(to: URL(fileURLWithPath: path))
            print("\(name): \(count) tokens -> \(path)")
        }
    }
}
