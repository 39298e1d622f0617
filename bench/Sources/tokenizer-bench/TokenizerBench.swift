import CRawICU
import Foundation
import Tokenizer

/// Tokenizer throughput: the standard analysis chain against ICU's raw word-break loop, in
/// one run, on one corpus (one document per line).
///
/// Every repetition runs each contestant once, in turn (so a slow spell of the machine hits all
/// of them), after one untimed warm-up round that also fixes the expected counts. Each timed
/// block checks its count (> 0 and equal to the warm-up's) before the clock stops.
///
/// ```
/// tokenizer-bench corpus.txt [--repetitions 5] [--limit N] [--only raw,chain] [--json out.json]
/// tokenizer-bench --dump INPUT OUTDIR     # every token's fields through several chains (TokenDump)
/// ```
@main
struct TokenizerBench {
    static func main() async {
        do {
            let arguments = Array(CommandLine.arguments.dropFirst())
            if arguments.first == "--dump" {
                // tokenizer-bench --dump INPUT OUTDIR: the behaviour reference (TokenDump.swift).
                guard arguments.count == 3 else { throw BenchError("usage: tokenizer-bench --dump INPUT OUTDIR") }
                try TokenDump.run(input: arguments[1], outputDirectory: arguments[2])
                return
            }
            let options = try Options(arguments)
            try await run(options)
        } catch {
            FileHandle.standardError.write(Data("tokenizer-bench: \(error)\n".utf8))
            exit(1)
        }
    }

    struct Options {
        var path = ""
        var repetitions = 5
        var limit: Int?
        var json: String?
        /// Contestant groups to run: raw, segmenter, chain, tasks, scaling.
        var only: Set<String> = Self.groups

        static let groups: Set<String> = ["raw", "segmenter", "chain", "tasks", "scaling"]
        static let usage = "usage: tokenizer-bench CORPUS [--repetitions N] [--limit DOCUMENTS] [--only raw,segmenter,chain,tasks,scaling] [--json PATH]"

        init<S: Sequence>(_ arguments: S) throws where S.Element == String {
            var iterator = arguments.makeIterator()
            func value(_ flag: String) throws -> String {
                guard let v = iterator.next() else { throw BenchError("\(flag) needs a value\n\(Self.usage)") }
                return v
            }
            while let argument = iterator.next() {
                switch argument {
                case "--repetitions":
                    guard let n = Int(try value(argument)), n >= 1 else { throw BenchError("--repetitions must be a positive integer") }
                    repetitions = n
                case "--limit":
                    guard let n = Int(try value(argument)), n >= 1 else { throw BenchError("--limit must be a positive integer") }
                    limit = n
                case "--json": json = try value(argument)
                case "--only":
                    only = Set(try value(argument).split(separator: ",").map(String.init))
                    guard only.isSubset(of: Self.groups), !only.isEmpty else {
                        throw BenchError("--only takes a comma-separated subset of \(Self.groups.sorted().joined(separator: ","))")
                    }
                case "-h", "--help": throw BenchError(Self.usage)
                default:
                    guard path.isEmpty, !argument.hasPrefix("-") else { throw BenchError("unexpected argument \(argument)\n\(Self.usage)") }
                    path = argument
                }
            }
            guard !path.isEmpty else { throw BenchError("no corpus given\n\(Self.usage)") }
        }
    }

    /// What the JSON output holds.
    struct Report: Encodable {
        var corpus: String
        var documents: Int
        var documentBytes: Int
        var bufferBytes: Int
        var emptyLinesSkipped: Int
        var asciiDocuments: Int
        var asciiBytes: Int
        var repetitions: Int
        var icuVersion: String
        var processors: Int
        var series: [Series]
        var chainOverRawPerDocument: Double?
        var chainOverRawWholeBuffer: Double?
        var twoTaskSpeedup: Double?
        var rawTwoTaskSpeedup: Double?
        var separateAnalyzersTwoTaskSpeedup: Double?
    }

    static func run(_ options: Options) async throws {
        let loadStart = ContinuousClock.now
        let corpus = try Corpus(path: options.path, limit: options.limit)
        let loadTime = seconds(loadStart.duration(to: .now))
        var version = [CChar](repeating: 0, count: 32)
        crawicu_version(&version)
        let icuVersion = String(decoding: version.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        print("corpus: \(options.path)")
        print("  \(corpus.documents.count) documents, \(fmt(Double(corpus.documentBytes) / 1e6, 2)) MB of text"
              + " (\(corpus.emptyLines) empty lines skipped), loaded in \(fmt(loadTime, 2)) s")
        print("  \(corpus.asciiDocuments) documents (\(fmt(100 * Double(corpus.asciiBytes) / Double(corpus.documentBytes), 1)) % of the bytes) are"
              + " ASCII-only: the word breaker segments them without ICU (same segments), unless TRANSCRIPTMINER_ICU_ONLY=1")
        print("ICU \(icuVersion), \(ProcessInfo.processInfo.activeProcessorCount) processors, \(options.repetitions) repetitions + 1 warm-up")

        var status: Int32 = 0
        guard let counter = crawicu_open("", &status) else { throw BenchError("ICU could not open a word break iterator (status \(status))") }
        defer { crawicu_close(counter) }

        let standard = Analyzer.standard()
        let segmenterOnly = Analyzer(segmenter: ICUWordSegmenter(), filters: [])
        let session = standard.makeSession()
        let segmenterSession = segmenterOnly.makeSession()
        // The same chain with ICU segmenting every text: the shim's ASCII fast path (which gives
        // the same segments without ICU) is off in breakers opened while this variable is 1.
        setenv("TRANSCRIPTMINER_ICU_ONLY", "1", 1)
        let icuOnlySession = standard.makeSession()
        unsetenv("TRANSCRIPTMINER_ICU_ONLY")
        let halves = corpus.parts(2)
        // For the scaling diagnostics: one analyzer per task (no shared reference-counted storage).
        let separateAnalyzers = [Analyzer.standard(), Analyzer.standard()]

        // The contestants, each returning what it counted.
        var contestants: [(series: Series, body: () async throws -> Int)] = []
        if options.only.contains("raw") {
            contestants.append((Series(key: "rawPerDocument", label: "raw ICU, per document (C)", bytes: corpus.documentBytes), {
                try rawPerDocument(counter, corpus)
            }))
            contestants.append((Series(key: "rawWholeBuffer", label: "raw ICU, whole buffer (C)", bytes: corpus.bufferBytes), {
                try rawWholeBuffer(counter, corpus)
            }))
        }
        if options.only.contains("segmenter") {
            contestants.append((Series(key: "segmenterOnly", label: "chain without filters, 1 session", bytes: corpus.documentBytes), {
                chain(segmenterSession, corpus.documents[...])
            }))
        }
        if options.only.contains("chain") {
            contestants.append((Series(key: "chain", label: "standard chain, 1 session", bytes: corpus.documentBytes), {
                chain(session, corpus.documents[...])
            }))
            contestants.append((Series(key: "chainICUOnly", label: "standard chain, ICU for every text", bytes: corpus.documentBytes), {
                chain(icuOnlySession, corpus.documents[...])
            }))
        }
        if options.only.contains("tasks") {
            contestants.append((Series(key: "chain1Task", label: "standard chain, 1 task (TaskGroup)", bytes: corpus.documentBytes), {
                await chainInTasks(standard, corpus, parts: [0..<corpus.documents.count])
            }))
            contestants.append((Series(key: "chain2Tasks", label: "standard chain, 2 tasks (TaskGroup)", bytes: corpus.documentBytes), {
                await chainInTasks(standard, corpus, parts: halves)
            }))
        }
        if options.only.contains("scaling") {
            // Controls for the 2-task speed-up: how the C baseline scales on this machine, and
            // whether sharing one Analyzer between tasks costs anything.
            contestants.append((Series(key: "raw2Tasks", label: "raw ICU per document, 2 tasks (C)", bytes: corpus.documentBytes), {
                try await rawInTasks(corpus, parts: halves)
            }))
            contestants.append((Series(key: "chain2TasksSeparateAnalyzers", label: "standard chain, 2 tasks, 1 analyzer each", bytes: corpus.documentBytes), {
                await chainInTasks(separateAnalyzers, corpus, parts: halves)
            }))
        }

        // Warm-up: fixes the expected counts.
        for i in contestants.indices {
            let n = try await contestants[i].body()
            guard n > 0 else { throw BenchError("\(contestants[i].series.label) counted nothing") }
            contestants[i].series.count = n
        }
        let byKey = Dictionary(uniqueKeysWithValues: contestants.map { ($0.series.key, $0.series.count) })
        let chainCounts = ["chain", "chainICUOnly", "chain1Task", "chain2Tasks", "chain2TasksSeparateAnalyzers"].compactMap { byKey[$0] }
        if Set(chainCounts).count > 1 { throw BenchError("token counts differ between 1 session, 1 task and 2 tasks: \(chainCounts)") }
        if let a = byKey["rawPerDocument"], let b = byKey["rawWholeBuffer"], a != b {
            print("note: raw ICU counts \(a) words per document and \(b) over the whole buffer")
        }
        if let a = byKey["rawPerDocument"], let b = byKey["raw2Tasks"], a != b {
            throw BenchError("raw ICU counts \(a) words in 1 thread and \(b) in 2 tasks")
        }

        // Timed rounds, alternating contestants.
        for round in 1...options.repetitions {
            var line = "round \(round):"
            for i in contestants.indices {
                let expected = contestants[i].series.count
                let cpuStart = processCPUSeconds()
                let start = ContinuousClock.now
                let n = try await contestants[i].body()
                let ok = n > 0 && n == expected  // checked before the clock stops
                let elapsed = seconds(start.duration(to: .now))
                contestants[i].series.cpuSeconds.append(processCPUSeconds() - cpuStart)
                guard ok else { throw BenchError("\(contestants[i].series.label) counted \(n) in round \(round), \(expected) in the warm-up") }
                contestants[i].series.seconds.append(elapsed)
                line += " \(contestants[i].series.key) \(fmt(Double(contestants[i].series.bytes) / 1e6 / elapsed, 1))"
            }
            print(line + " MB/s")
        }

        let series = contestants.map(\.series)
        print("")
        printTable(series)
        func median(_ key: String) -> Double? { series.first { $0.key == key }?.median }
        var report = Report(corpus: options.path, documents: corpus.documents.count, documentBytes: corpus.documentBytes,
                            bufferBytes: corpus.bufferBytes, emptyLinesSkipped: corpus.emptyLines,
                            asciiDocuments: corpus.asciiDocuments, asciiBytes: corpus.asciiBytes,
                            repetitions: options.repetitions, icuVersion: icuVersion,
                            processors: ProcessInfo.processInfo.activeProcessorCount, series: series)
        print("")
        if let chain = median("chain"), let raw = median("rawPerDocument") {
            report.chainOverRawPerDocument = chain / raw
            print("chain / raw ICU per document:  \(fmt(chain / raw, 3))   (target >= 0.50)")
        }
        if let chain = series.first(where: { $0.key == "chain" })?.cpuMedian,
           let raw = series.first(where: { $0.key == "rawPerDocument" })?.cpuMedian {
            print("  the same by CPU time:        \(fmt(chain / raw, 3))")
        }
        if let chain = median("chainICUOnly"), let raw = median("rawPerDocument") {
            print("chain with ICU for every text / raw ICU per document: \(fmt(chain / raw, 3))")
        }
        if let chain = median("chain"), let raw = median("rawWholeBuffer") {
            report.chainOverRawWholeBuffer = chain / raw
            print("chain / raw ICU whole buffer:  \(fmt(chain / raw, 3))")
        }
        if let segmenter = median("segmenterOnly"), let raw = median("rawPerDocument") {
            print("chain without filters / raw:   \(fmt(segmenter / raw, 3))")
        }
        if let one = median("chain1Task"), let two = median("chain2Tasks") {
            report.twoTaskSpeedup = two / one
            print("2 tasks / 1 task:              \(fmt(two / one, 3))   (target >= 1.8)")
        }
        if let one = median("rawPerDocument"), let two = median("raw2Tasks") {
            report.rawTwoTaskSpeedup = two / one
            print("raw ICU 2 tasks / 1 thread:    \(fmt(two / one, 3))   (what this machine gives)")
        }
        if let one = median("chain1Task"), let two = median("chain2TasksSeparateAnalyzers") {
            report.separateAnalyzersTwoTaskSpeedup = two / one
            print("2 tasks, 1 analyzer each / 1:  \(fmt(two / one, 3))")
        }
        if let path = options.json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            try encoder.encode(report).write(to: URL(fileURLWithPath: path))
            print("wrote \(path)")
        }
    }

    // MARK: Contestants

    /// ICU's word loop in C, the text set once per document.
    static func rawPerDocument(_ counter: OpaquePointer, _ corpus: Corpus) throws -> Int {
        var status: Int32 = 0
        let n = corpus.buffer.withUnsafeBufferPointer { buffer in
            corpus.starts.withUnsafeBufferPointer { starts in
                corpus.lengths.withUnsafeBufferPointer { lengths in
                    crawicu_count_words_in_documents(counter, buffer.baseAddress, starts.baseAddress, lengths.baseAddress,
                                                     Int64(starts.count), &status)
                }
            }
        }
        guard status <= 0, n >= 0 else { throw BenchError("ICU failed (status \(status))") }
        return Int(n)
    }

    /// ICU's word loop in C over the whole buffer at once.
    static func rawWholeBuffer(_ counter: OpaquePointer, _ corpus: Corpus) throws -> Int {
        var status: Int32 = 0
        let n = corpus.buffer.withUnsafeBufferPointer { buffer in
            crawicu_count_words(counter, buffer.baseAddress, Int64(corpus.bufferBytes), &status)
        }
        guard status <= 0, n >= 0 else { throw BenchError("ICU failed (status \(status))") }
        return Int(n)
    }

    /// The tokens of `documents` through one session, streamed and counted.
    static func chain(_ session: AnalysisSession, _ documents: ArraySlice<String>) -> Int {
        var tokens = 0
        for document in documents {
            session.forEachToken(in: document) { _ in tokens += 1 }
        }
        return tokens
    }

    /// The tokens of the corpus, one child task per part, each with its own session.
    static func chainInTasks(_ analyzer: Analyzer, _ corpus: Corpus, parts: [Range<Int>]) async -> Int {
        await chainInTasks(Array(repeating: analyzer, count: parts.count), corpus, parts: parts)
    }

    /// The tokens of the corpus, one child task per part, task i with a session of `analyzers[i]`.
    static func chainInTasks(_ analyzers: [Analyzer], _ corpus: Corpus, parts: [Range<Int>]) async -> Int {
        await withTaskGroup(of: Int.self) { group in
            for (analyzer, part) in zip(analyzers, parts) {
                group.addTask {
                    chain(analyzer.makeSession(), corpus.documents[part])
                }
            }
            return await group.reduce(0, +)
        }
    }

    /// ICU's word loop in C, one child task per part, each with its own iterator.
    static func rawInTasks(_ corpus: Corpus, parts: [Range<Int>]) async throws -> Int {
        try await withThrowingTaskGroup(of: Int.self) { group in
            for part in parts {
                group.addTask {
                    var status: Int32 = 0
                    guard let counter = crawicu_open("", &status) else { throw BenchError("ICU could not open a word break iterator (status \(status))") }
                    defer { crawicu_close(counter) }
                    let n = corpus.buffer.withUnsafeBufferPointer { buffer in
                        corpus.starts[part].withUnsafeBufferPointer { starts in
                            corpus.lengths[part].withUnsafeBufferPointer { lengths in
                                crawicu_count_words_in_documents(counter, buffer.baseAddress, starts.baseAddress, lengths.baseAddress,
                                                                 Int64(starts.count), &status)
                            }
                        }
                    }
                    guard status <= 0, n >= 0 else { throw BenchError("ICU failed (status \(status))") }
                    return Int(n)
                }
            }
            return try await group.reduce(0, +)
        }
    }

    // MARK: Output

    static func printTable(_ series: [Series]) {
        let width = max(10, series.map(\.label.count).max() ?? 0)
        print(pad("contestant", width) + "      count   median MB/s    min MB/s    max MB/s   median MB/CPU-s")
        for s in series {
            print(pad(s.label, width) + lpad(String(s.count), 11) + lpad(fmt(s.median, 2), 14)
                  + lpad(fmt(s.minimum, 2), 12) + lpad(fmt(s.maximum, 2), 12) + lpad(fmt(s.cpuMedian, 2), 18))
        }
    }
}

func fmt(_ x: Double, _ digits: Int) -> String { String(format: "%.\(digits)f", x) }
func pad(_ s: String, _ n: Int) -> String { s.count >= n ? s : s + String(repeating: " ", count: n - s.count) }
func lpad(_ s: String, _ n: Int) -> String { s.count >= n ? s : String(repeating: " ", count: n - s.count) + s }
