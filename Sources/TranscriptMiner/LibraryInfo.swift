@_exported import Tokenizer
@_exported import ThemeCluster

/// Facts about the TranscriptMiner library.
public enum LibraryInfo {
    /// The library's version, reported by `minectl --version` and in reports.
    public static let version = "0.1.0"
}
