import Foundation

/// Locates the project's shared data sets (`../shared/data` beside the project root).
///
/// A user's fresh clone has no `../shared`; tests that read it are disabled with
/// ``SharedData/absentMessage`` as their reason instead of failing.
public enum SharedData {
    /// The project root: the folder holding `Package.swift`, found from this file's path.
    public static let projectRoot: URL = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
                return url
            }
        }
        return URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    }()

    /// `../shared/data` beside the project root, or the folder named by `TRANSCRIPTMINER_SHARED_DATA`.
    public static let root: URL = {
        if let override = ProcessInfo.processInfo.environment["TRANSCRIPTMINER_SHARED_DATA"] {
            return URL(fileURLWithPath: override)
        }
        return projectRoot.deletingLastPathComponent().appendingPathComponent("shared/data")
    }()

    /// The URL of `relativePath` inside the shared data, or `nil` when it is absent.
    public static func url(_ relativePath: String) -> URL? {
        let url = root.appendingPathComponent(relativePath)
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }

    /// Whether `relativePath` exists inside the shared data.
    public static func has(_ relativePath: String) -> Bool { url(relativePath) != nil }

    /// The reason printed for a test skipped because the shared data is absent.
    public static func absentMessage(_ relativePath: String) -> String {
        "skipped: \(root.appendingPathComponent(relativePath).path) is absent (a fresh clone has no ../shared)"
    }

    /// The project's own fixture corpora (`corpora/`).
    public static func corpus(_ name: String) -> URL {
        projectRoot.appendingPathComponent("corpora").appendingPathComponent(name)
    }
}
