import Foundation

/// Runs the built `minectl` binary end to end, with files for its standard streams (no pipe
/// deadlocks on large outputs).
public enum MinectlRunner {
    /// The result of one run.
    public struct Result: Sendable {
        public let status: Int32
        public let stdout: String
        public let stderr: String
    }

    /// The `minectl` next to the test bundle (both are built into the same folder by
    /// `swift build --build-tests`), or nil when it is not there.
    public static let binary: URL? = {
        var candidates: [URL] = []
        let argument0 = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        candidates.append(argument0.deletingLastPathComponent())
        candidates.append(Bundle.main.bundleURL.deletingLastPathComponent())
        candidates.append(Bundle.main.bundleURL)
        for folder in candidates {
            let url = folder.appendingPathComponent("minectl")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return nil
    }()

    /// Runs `minectl arguments` with `input` on standard input.
    public static func run(_ arguments: [String], input: Data = Data(), environment: [String: String]? = nil) throws -> Result {
        guard let binary else { throw RunnerError(reason: "minectl is not built next to the tests (\(CommandLine.arguments[0]))") }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("minectl-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let inURL = folder.appendingPathComponent("stdin"), outURL = folder.appendingPathComponent("stdout"),
            errURL = folder.appendingPathComponent("stderr")
        try input.write(to: inURL)
        FileManager.default.createFile(atPath: outURL.path, contents: nil)
        FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        if let environment { process.environment = environment }
        process.standardInput = try FileHandle(forReadingFrom: inURL)
        process.standardOutput = try FileHandle(forWritingTo: outURL)
        process.standardError = try FileHandle(forWritingTo: errURL)
        try process.run()
        process.waitUntilExit()
        return Result(status: process.terminationStatus,
                      stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
                      stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
    }

    public struct RunnerError: Error, CustomStringConvertible {
        public let reason: String
        public var description: String { reason }
    }
}

/// Golden files: compare with `Snapshots/NAME` beside the test; `RECORD_SNAPSHOTS=1` rewrites
/// them and fails the test, so a recording is never mistaken for a pass.
public enum Golden {
    /// Nil when `actual` equals the golden file; otherwise why not.
    public static func mismatch(_ actual: String, named name: String, testFile: String = #filePath) -> String? {
        let url = URL(fileURLWithPath: testFile).deletingLastPathComponent().appendingPathComponent("Snapshots").appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
            try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try? actual.write(to: url, atomically: true, encoding: .utf8)
            return "recorded \(url.path); run again without RECORD_SNAPSHOTS"
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else { return "no golden file \(url.path) (record with RECORD_SNAPSHOTS=1)" }
        return expected == actual ? nil : "differs from \(url.path):\n--- expected\n\(expected)\n--- actual\n\(actual)"
    }
}
