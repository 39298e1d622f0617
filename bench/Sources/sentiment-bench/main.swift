// sentiment-bench: scoring throughput of TranscriptMiner's SentimentScorer, in process.
//
// Usage:
//   sentiment-bench CORPUS [--repetitions 1] [--limit N] [--tasks 1] [--json PATH]
//   sentiment-bench --dump TEXTS      one compound per input line (for the accuracy figures)
//   --no-ascii-path                   sends every document through the analysis chain (same scores)
//   sentiment-bench --check-ascii-path TEXTS   the fast path vs the chain, token by token, per line
//   sentiment-bench --dump-all TEXTS  compound, positive, neutral, negative per line (tab-separated;
//                                     for checking that a change keeps every score bit-identical)
//
// CORPUS has one document per line (a trailing CR is dropped, empty lines are skipped, as in
// the Python peer). The documents are loaded, the scorer built and one untimed warm-up round
// run (it fixes the expected checksum: the number of documents with a non-zero compound); each
// timed repetition then scores every document through one SentimentSession per task and checks
// the count inside the timed block.
import Foundation
@_spi(Benchmarks) import TranscriptMiner

struct BenchError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

func loadDocuments(_ path: String, limit: Int?) throws -> [String] {
    guard let data = FileManager.default.contents(atPath: path) else { throw BenchError("cannot read \(path)") }
    var documents: [String] = []
    for line in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
        if let limit, documents.count >= limit { break }
        var bytes = line
        if bytes.last == UInt8(ascii: "\r") { bytes = bytes.dropLast() }
        if bytes.isEmpty { continue }
        documents.append(String(decoding: bytes, as: UTF8.self))
    }
    return documents
}

/// Scores `documents` through one session; returns the number with a non-zero compound.
func scoreAll(_ documents: ArraySlice<String>, _ scorer: SentimentScorer) -> Int {
    let session = scorer.makeSession(asciiPath: usesASCIIPath)
    var nonZero = 0
    for document in documents where session.score(document).compound != 0 { nonZero += 1 }
    return nonZero
}

/// `--no-ascii-path`: every document through the analysis chain (same scores; for comparison).
nonisolated(unsafe) var usesASCIIPath = true

func scoreInTasks(_ documents: [String], _ scorer: SentimentScorer, tasks: Int) async -> Int {
    if tasks == 1 { return scoreAll(documents[...], scorer) }
    let chunk = (documents.count + tasks - 1) / tasks
    return await withTaskGroup(of: Int.self) { group in
        for t in 0..<tasks {
            let slice = documents[min(t * chunk, documents.count)..<min((t + 1) * chunk, documents.count)]
            group.addTask { scoreAll(slice, scorer) }
        }
        var total = 0
        for await count in group { total += count }
        return total
    }
}

/// Compares the scorer's ASCII fast path with the analysis chain token by token (text, kind,
/// UTF-8 range) on every line of `path` (empty lines too) that the fast path accepts; prints the
/// counts and the first differences, and fails when there is any.
func checkASCIIPath(_ path: String) throws {
    guard let data = FileManager.default.contents(atPath: path) else { throw BenchError("cannot read \(path)") }
    guard SentimentASCIIPath.agreesWithChain else { throw BenchError("the fast path disagrees with this ICU on the probes: it is off") }
    let session = SentimentScorer.analyzer.makeSession()
    var lines = 0, accepted = 0, tokens = 0, differences = 0
    for line in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
        lines += 1
        let text = String(decoding: line, as: UTF8.self)
        guard let fast = SentimentASCIIPath.tokens(in: text) else { continue }
        accepted += 1
        let chain = session.tokens(in: text)
        tokens += chain.count
        let same = fast.count == chain.count && zip(fast, chain).allSatisfy { $0.text == $1.text && $0.kind == $1.kind && $0.range == $1.range }
        if !same {
            differences += 1
            if differences <= 10 {
                print("line \(lines): \(text)")
                print("  fast:  \(fast.map { "\($0.text)/\($0.kind)/\($0.range)" })")
                print("  chain: \(chain.map { "\($0.text)/\($0.kind)/\($0.range)" })")
            }
        }
    }
    print("ascii path check: \(lines) lines, \(accepted) accepted by the fast path (\(String(format: "%.2f", 100 * Double(accepted) / Double(max(lines, 1)))) %), \(tokens) chain tokens compared, \(differences) lines differ")
    if differences > 0 { throw BenchError("the ASCII fast path differs from the chain on \(differences) lines") }
}

/// CPU time of the whole process (all threads), in seconds: checks single-task figures taken on a
/// busy machine.
func processCPUSeconds() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) * 1e-9
}

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
}

func run() async throws {
    var arguments = Array(CommandLine.arguments.dropFirst())
    func option(_ name: String) -> String? {
        guard let i = arguments.firstIndex(of: name), i + 1 < arguments.count else { return nil }
        let value = arguments[i + 1]
        arguments.removeSubrange(i...(i + 1))
        return value
    }
    if let i = arguments.firstIndex(of: "--no-ascii-path") {
        arguments.remove(at: i)
        usesASCIIPath = false
    }
    let scorer = SentimentScorer()
    if let check = option("--check-ascii-path") {
        try checkASCIIPath(check)
        return
    }
    if let dump = option("--dump") ?? option("--dump-all") {
        let all = CommandLine.arguments.contains("--dump-all")
        // Every line, empty ones too, so line numbers match the file.
        guard let data = FileManager.default.contents(atPath: dump) else { throw BenchError("cannot read \(dump)") }
        let session = scorer.makeSession(asciiPath: usesASCIIPath)
        var out = ""
        var lines = data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        if lines.last?.isEmpty == true { lines.removeLast() }
        for line in lines {
            var bytes = line
            if bytes.last == UInt8(ascii: "\r") { bytes = bytes.dropLast() }
            let score = session.score(String(decoding: bytes, as: UTF8.self))
            out += all ? "\(score.compound)\t\(score.positive)\t\(score.neutral)\t\(score.negative)\n" : "\(score.compound)\n"
        }
        FileHandle.standardOutput.write(Data(out.utf8))
        return
    }
    let repetitions = Int(option("--repetitions") ?? "1") ?? 1
    let limit = option("--limit").flatMap(Int.init)
    let tasks = Int(option("--tasks") ?? "1") ?? 1
    let json = option("--json")
    guard let path = arguments.first else { throw BenchError("usage: sentiment-bench CORPUS [--repetitions N] [--limit N] [--tasks N] [--json PATH]") }

    let documents = try loadDocuments(path, limit: limit)
    let bytes = documents.reduce(0) { $0 + $1.utf8.count }
    _ = SentimentLexicon.builtIn   // built before the clock starts
    let expected = await scoreInTasks(documents, scorer, tasks: tasks)   // warm-up, fixes the checksum
    var rates: [Double] = [], cpuRates: [Double] = []
    let clock = ContinuousClock()
    for repetition in 1...repetitions {
        let cpuStart = processCPUSeconds()
        let start = clock.now
        let count = await scoreInTasks(documents, scorer, tasks: tasks)
        let elapsed = clock.now - start
        cpuRates.append(Double(documents.count) / (processCPUSeconds() - cpuStart))
        guard count == expected, count > 0 else { throw BenchError("checksum \(count) != \(expected) in repetition \(repetition)") }
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        rates.append(Double(documents.count) / seconds)
        print(String(format: "repetition %d: %.0f documents/s, %.0f per CPU-second (%d tasks, %d non-zero)", repetition, rates.last!, cpuRates.last!, tasks, count))
    }
    let summary: [String: Any] = [
        "contestant": "TranscriptMiner SentimentScorer", "asciiPath": usesASCIIPath, "tasks": tasks, "documents": documents.count, "bytes": bytes,
        "nonZero": expected, "docsPerSecond": rates, "docsPerCPUSecond": cpuRates, "median": median(rates), "min": rates.min()!, "max": rates.max()!,
    ]
    if let json {
        let data = try JSONSerialization.data(withJSONObject: summary, options: [.sortedKeys])
        try data.write(to: URL(fileURLWithPath: json))
    }
}

do { try await run() } catch {
    FileHandle.standardError.write(Data("sentiment-bench: \(error)\n".utf8))
    exit(1)
}
