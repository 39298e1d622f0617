import Foundation

/// Runs Debian's `chromium` headless on a local HTML file: a PNG screenshot and the DOM after
/// load (`--dump-dom`), in one run with a fresh profile, under a time limit.
///
/// `scripts/ensure-deps` installs the `chromium` package; where it is absent (a user's machine)
/// tests that need it are disabled with ``absentMessage`` instead of failing. `CHROMIUM` names
/// another binary.
public enum HeadlessChromium {
    /// The browser binary: `$CHROMIUM`, else `chromium` or `chromium-browser` on `PATH`; `nil` when
    /// none is there.
    public static let executable: String? = {
        let environment = ProcessInfo.processInfo.environment
        if let override = environment["CHROMIUM"], !override.isEmpty {
            return FileManager.default.isExecutableFile(atPath: override) ? override : nil
        }
        let folders = (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").map(String.init)
        for name in ["chromium", "chromium-browser"] {
            for folder in folders where FileManager.default.isExecutableFile(atPath: folder + "/" + name) {
                return folder + "/" + name
            }
        }
        return nil
    }()

    /// Why browser tests are skipped here.
    public static let absentMessage =
        "skipped: chromium is not installed (scripts/ensure-deps installs Debian's chromium; CHROMIUM=/path names another browser)"

    /// What one run produced.
    public struct Output: Sendable {
        /// The browser's exit status (124 or 137 when the time limit killed it).
        public let status: Int32
        /// The serialised DOM after load, or "" when not asked.
        public let dom: String
        /// The screenshot's bytes, or empty when none was written.
        public let screenshot: [UInt8]
        /// The browser's diagnostics (much D-Bus noise on a server).
        public let stderr: String
    }

    /// Why a run could not be made or did not finish.
    public struct Failure: Error, CustomStringConvertible {
        /// Why.
        public let description: String
    }

    /// Loads `htmlFile` (an absolute path) in a window of `width` × `height` CSS pixels and returns
    /// its DOM and a screenshot. The browser runs under coreutils `timeout`, which kills its whole
    /// process group (renderers included) after `seconds`; a watchdog here terminates `timeout`
    /// itself if even that hangs.
    public static func render(
        _ htmlFile: String, in folder: URL, width: Int = 1200, height: Int = 2000,
        seconds: Int = 60
    ) throws -> Output {
        guard let executable else { throw Failure(description: absentMessage) }
        let run = folder.appendingPathComponent("chromium-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: run, withIntermediateDirectories: true)
        let png = run.appendingPathComponent("page.png"), outURL = run.appendingPathComponent("stdout"),
            errURL = run.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let browserArguments = [
            executable, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--no-default-browser-check",
            "--disable-extensions", "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--hide-scrollbars", "--user-data-dir=" + run.appendingPathComponent("profile").path,
            "--window-size=\(width),\(height)", "--screenshot=" + png.path, "--dump-dom",
            URL(fileURLWithPath: htmlFile).absoluteString,
        ]
        let process = Process()
        if FileManager.default.isExecutableFile(atPath: "/usr/bin/timeout") {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/timeout")
            process.arguments = ["-k", "5", String(seconds)] + browserArguments
        } else {
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = Array(browserArguments.dropFirst())
        }
        var environment = ProcessInfo.processInfo.environment
        environment["HOME"] = run.path  // a writable home for the browser's caches
        process.environment = environment
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = try FileHandle(forWritingTo: outURL)
        process.standardError = try FileHandle(forWritingTo: errURL)
        try process.run()
        let deadline = Date().addingTimeInterval(Double(seconds + 15))
        while process.isRunning && Date() < deadline { usleep(50_000) }
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
            throw Failure(description: "chromium did not finish within \(seconds + 15) s")
        }
        process.waitUntilExit()
        let screenshot = (try? Data(contentsOf: png)).map { [UInt8]($0) } ?? []
        let output = Output(
            status: process.terminationStatus, dom: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
            screenshot: screenshot, stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
        try? FileManager.default.removeItem(at: run.appendingPathComponent("profile"))
        return output
    }

    /// The width and height in a PNG's header, or `nil` when `bytes` is not a PNG.
    public static func pngSize(_ bytes: [UInt8]) -> (width: Int, height: Int)? {
        let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        guard bytes.count >= 24, Array(bytes[0..<8]) == signature, Array(bytes[12..<16]) == Array("IHDR".utf8) else { return nil }
        func int(_ at: Int) -> Int { bytes[at..<at + 4].reduce(0) { $0 << 8 | Int($1) } }
        return (int(16), int(20))
    }
}
