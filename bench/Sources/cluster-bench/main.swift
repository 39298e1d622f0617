// cluster-bench: the speed of ThemeCluster's SphericalKMeans on TF-IDF vectors, against
// scikit-learn's KMeans on the very same vectors (bench/peers/kmeans_peer.py, run-cluster.sh).
//
// Usage:
//   cluster-bench vectorize CORPUS --out DIR [--jsonl]
//       Fits TF-IDF once with the library (minDF 2, sublinear tf, the standard chain with stems,
//       L2 norm), drops the rows left without any term, and writes the matrix to DIR as
//       little-endian binary arrays Python loads exactly: indptr.i64 (Int64), indices.i32 (Int32),
//       data.f64 (Float64), shape.txt ("rows columns nonzeros"), kept.txt (the 0-based document
//       index of each row). CORPUS has one document per line (a trailing CR dropped, empty lines
//       skipped); with --jsonl it is a transcripts JSONL file and each transcript is one document:
//       its customer turns joined with newlines.
//   cluster-bench time DIR --seed S [--workers 1,2] [--repetitions 3] [--k 77]
//                          [--max-iterations 100] [--json PATH] [--assignments PATH] [--dump PATH]
//       Loads the matrix, runs one untimed warm-up fit per worker count that fixes the check
//       values (objective, iterations), then `--repetitions` rounds in which each worker count
//       fits once, in turn: SphericalKMeans(options: KMeansOptions(k:, seed:, restarts: 1,
//       maxIterations:, workers:)).fit(matrix), with the check inside the timed block.
//       --assignments writes the cluster of each row, one per line. --dump writes the warm-up
//       result's exact bits (to compare two builds with cmp): labels (Int32), similarities,
//       centroid values (term-major) and the objective (Float64), little-endian, one after the other.
//   cluster-bench regions
//       The fixed cost of one ChunkedWork region (trivial chunks: 2, 8 and 32 of them) on 1 and 2
//       workers, in µs per region: what every parallel step of a fit pays before its work.
import Foundation
import TranscriptMiner

struct BenchError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

// MARK: - Corpus

func loadLines(_ path: String) throws -> [String] {
    guard let data = FileManager.default.contents(atPath: path) else { throw BenchError("cannot read \(path)") }
    var documents: [String] = []
    for line in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
        var bytes = line
        if bytes.last == UInt8(ascii: "\r") { bytes = bytes.dropLast() }
        if bytes.isEmpty { continue }
        documents.append(String(decoding: bytes, as: UTF8.self))
    }
    return documents
}

struct TranscriptLine: Decodable {
    struct Turn: Decodable {
        let role: String
        let text: String
    }
    let turns: [Turn]
}

/// One document per transcript: its customer turns joined with newlines.
func loadTranscripts(_ path: String) throws -> [String] {
    guard let data = FileManager.default.contents(atPath: path) else { throw BenchError("cannot read \(path)") }
    let decoder = JSONDecoder()
    var documents: [String] = []
    for line in data.split(separator: UInt8(ascii: "\n")) where !line.allSatisfy({ $0 == 32 || $0 == 13 }) {
        let transcript = try decoder.decode(TranscriptLine.self, from: Data(line))
        documents.append(transcript.turns.filter { $0.role == "customer" }.map(\.text).joined(separator: "\n"))
    }
    return documents
}

// MARK: - Matrix files

func writeArray<T>(_ array: [T], to path: String) throws {
    let data = array.withUnsafeBufferPointer { Data(buffer: $0) }  // little-endian on every platform we run
    try data.write(to: URL(fileURLWithPath: path))
}

func readArray<T>(_ path: String, as type: T.Type) throws -> [T] {
    guard let data = FileManager.default.contents(atPath: path) else { throw BenchError("cannot read \(path)") }
    guard data.count % MemoryLayout<T>.stride == 0 else { throw BenchError("\(path): size \(data.count) is not a multiple of \(MemoryLayout<T>.stride)") }
    return data.withUnsafeBytes { Array($0.bindMemory(to: T.self)) }
}

func vectorize(corpus: String, jsonl: Bool, out: String) async throws {
    let clock = ContinuousClock()
    let documents = jsonl ? try loadTranscripts(corpus) : try loadLines(corpus)
    let start = clock.now
    let vectorizer = TFIDFVectorizer(options: TFIDFOptions(minDF: .count(2), sublinearTF: true),
                                     extractor: .standard(stems: true))
    let (model, fitted) = try await vectorizer.fitTransform(documents)
    let unit = fitted.unitRows()
    var builder = SparseMatrix.Builder(columnCount: unit.columnCount, expectedRows: unit.rowCount,
                                       expectedNonZeros: unit.nonZeroCount)
    var kept: [Int] = []
    for row in 0..<unit.rowCount {
        let range = unit.entries(ofRow: row)
        if range.isEmpty { continue }
        builder.appendRow(indices: unit.columnIndices[range], values: unit.values[range])
        kept.append(row)
    }
    let matrix = builder.build()
    let seconds = (clock.now - start) / .seconds(1)
    try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
    try writeArray(matrix.rowOffsets.map(Int64.init), to: "\(out)/indptr.i64")
    try writeArray(matrix.columnIndices, to: "\(out)/indices.i32")
    try writeArray(matrix.values, to: "\(out)/data.f64")
    try "\(matrix.rowCount) \(matrix.columnCount) \(matrix.nonZeroCount)\n".write(toFile: "\(out)/shape.txt", atomically: true, encoding: .utf8)
    try (kept.map(String.init).joined(separator: "\n") + "\n").write(toFile: "\(out)/kept.txt", atomically: true, encoding: .utf8)
    print("vectorized \(documents.count) documents in \(String(format: "%.2f", seconds)) s: vocabulary \(model.columnCount), "
          + "\(matrix.rowCount) non-empty rows (\(documents.count - matrix.rowCount) empty dropped), \(matrix.nonZeroCount) non-zeros; "
          + "rows L2-normalised; written to \(out)")
}

func loadMatrix(_ directory: String) throws -> SparseMatrix {
    let shape = try String(contentsOfFile: "\(directory)/shape.txt", encoding: .utf8).split(separator: " ")
        .compactMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
    guard shape.count == 3 else { throw BenchError("\(directory)/shape.txt: expected 'rows columns nonzeros'") }
    let indptr = try readArray("\(directory)/indptr.i64", as: Int64.self)
    let indices = try readArray("\(directory)/indices.i32", as: Int32.self)
    let data = try readArray("\(directory)/data.f64", as: Double.self)
    guard indptr.count == shape[0] + 1, indices.count == shape[2], data.count == shape[2] else {
        throw BenchError("\(directory): array sizes do not match shape.txt")
    }
    var builder = SparseMatrix.Builder(columnCount: shape[1], expectedRows: shape[0], expectedNonZeros: shape[2])
    for row in 0..<shape[0] {
        let range = Int(indptr[row])..<Int(indptr[row + 1])
        builder.appendRow(indices: indices[range], values: data[range])
    }
    return builder.build()
}

// MARK: - Timing

func processCPUSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

struct Run: Codable {
    var workers: Int
    var seconds: Double
    var cpuSeconds: Double
    var iterations: Int
    var objective: Double
}

func timeFits(directory: String, seed: UInt64, workerCounts: [Int], repetitions: Int, k: Int, maxIterations: Int,
              jsonPath: String?, assignmentsPath: String?, dumpPath: String? = nil) async throws {
    let matrix = try loadMatrix(directory)
    func options(_ workers: Int) -> KMeansOptions {
        KMeansOptions(k: k, seed: seed, restarts: 1, maxIterations: maxIterations, workers: workers)
    }
    // Warm-up: fixes the check values; every worker count must give the same clustering.
    var expected: KMeansResult?
    for workers in workerCounts {
        let result = try await SphericalKMeans(options: options(workers)).fit(matrix)
        if let expected, expected.objective != result.objective || expected.assignments != result.assignments {
            throw BenchError("seed \(seed): \(workers) workers gave objective \(result.objective), \(workerCounts[0]) gave \(expected.objective)")
        }
        expected = expected ?? result
    }
    let check = expected!
    if let assignmentsPath {
        try (check.assignments.map { String($0) }.joined(separator: "\n") + "\n")
            .write(toFile: assignmentsPath, atomically: true, encoding: .utf8)
    }
    if let dumpPath {
        var data = check.assignments.withUnsafeBufferPointer { Data(buffer: $0) }
        data.append(check.similarities.withUnsafeBufferPointer { Data(buffer: $0) })
        data.append(check.centroids.values.withUnsafeBufferPointer { Data(buffer: $0) })
        data.append(withUnsafeBytes(of: check.objective) { Data($0) })
        try data.write(to: URL(fileURLWithPath: dumpPath))
    }
    let clock = ContinuousClock()
    var runs: [Run] = []
    for repetition in 1...repetitions {
        for workers in workerCounts {
            let kmeans = SphericalKMeans(options: options(workers))
            let cpu0 = processCPUSeconds()
            let start = clock.now
            let result = try await kmeans.fit(matrix)
            guard result.objective == check.objective, result.iterations == check.iterations else {
                throw BenchError("seed \(seed), \(workers) workers, repetition \(repetition): objective \(result.objective) "
                                 + "iterations \(result.iterations), expected \(check.objective) and \(check.iterations)")
            }
            let seconds = (clock.now - start) / .seconds(1)
            let cpu = processCPUSeconds() - cpu0
            runs.append(Run(workers: workers, seconds: seconds, cpuSeconds: cpu, iterations: result.iterations,
                            objective: result.objective))
            print(String(format: "  seed %llu  %d worker%@  %8.3f s  (CPU %.3f s)  %d iterations  objective %.6f",
                         seed, workers, workers == 1 ? " " : "s", seconds, cpu, result.iterations, result.objective))
        }
    }
    for workers in workerCounts {
        let times = runs.filter { $0.workers == workers }.map(\.seconds).sorted()
        let middle = times.count / 2
        let median = times.count % 2 == 1 ? times[middle] : (times[middle - 1] + times[middle]) / 2
        print(String(format: "seed %llu, %d worker(s): median %.3f s, min %.3f, max %.3f over %d; %d iterations",
                     seed, workers, median, times.first!, times.last!, times.count, check.iterations))
    }
    if let jsonPath {
        struct Report: Codable {
            var rows: Int
            var columns: Int
            var nonZeros: Int
            var k: Int
            var seed: UInt64
            var maxIterations: Int
            var runs: [Run]
        }
        let report = Report(rows: matrix.rowCount, columns: matrix.columnCount, nonZeros: matrix.nonZeroCount, k: k,
                            seed: seed, maxIterations: maxIterations, runs: runs)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try encoder.encode(report).write(to: URL(fileURLWithPath: jsonPath))
    }
}

/// The cost of one ChunkedWork region with trivial chunks, called from a nonisolated async function
/// as the library calls it (top-level code runs on the main actor, and each call from there would
/// also pay two hops between executors).
nonisolated func regionCosts() async {
    let clock = ContinuousClock()
    let n = 50000
    for workers in [1, 2, 1, 2] {
        for chunks in [2, 8, 32] {
            let start = clock.now
            var total = 0
            for _ in 0..<n {
                let parts = await ChunkedWork.map(count: chunks, chunkSize: 1, workers: workers) { range in range.lowerBound }
                total &+= parts.count
            }
            let us = (clock.now - start) / .seconds(1) / Double(n) * 1e6
            print(String(format: "%d workers, %2d chunks: %.3f us per region (%d)", workers, chunks, us, total))
        }
    }
}

// MARK: - Arguments

func value(_ arguments: [String], _ name: String) -> String? {
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return nil }
    return arguments[index + 1]
}

do {
    let arguments = Array(CommandLine.arguments.dropFirst())
    switch arguments.first {
    case "vectorize":
        guard arguments.count >= 2, let out = value(arguments, "--out") else {
            throw BenchError("usage: cluster-bench vectorize CORPUS --out DIR [--jsonl]")
        }
        try await vectorize(corpus: arguments[1], jsonl: arguments.contains("--jsonl"), out: out)
    case "time":
        guard arguments.count >= 2, let seed = value(arguments, "--seed").flatMap(UInt64.init) else {
            throw BenchError("usage: cluster-bench time DIR --seed S [--workers 1,2] [--repetitions 3] [--k 77] "
                             + "[--max-iterations 100] [--json PATH] [--assignments PATH] [--dump PATH]")
        }
        let workers = (value(arguments, "--workers") ?? "1,2").split(separator: ",").compactMap { Int($0) }
        try await timeFits(directory: arguments[1], seed: seed, workerCounts: workers,
                           repetitions: value(arguments, "--repetitions").flatMap(Int.init) ?? 3,
                           k: value(arguments, "--k").flatMap(Int.init) ?? 77,
                           maxIterations: value(arguments, "--max-iterations").flatMap(Int.init) ?? 100,
                           jsonPath: value(arguments, "--json"), assignmentsPath: value(arguments, "--assignments"),
                           dumpPath: value(arguments, "--dump"))
    case "regions":
        await regionCosts()
    default:
        throw BenchError("usage: cluster-bench vectorize CORPUS --out DIR [--jsonl] | cluster-bench time DIR --seed S ... | cluster-bench regions")
    }
} catch {
    FileHandle.standardError.write(Data("cluster-bench: \(error)\n".utf8))
    exit(1)
}
