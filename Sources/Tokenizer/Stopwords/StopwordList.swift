import Foundation

/// A named list of stopwords, as written (before normalisation).
///
/// ```swift
/// let mine = try StopwordList(contentsOf: URL(fileURLWithPath: "stopwords.txt"))
/// let filter = StopFilter(Stopwords.english, Stopwords.supportConversation, mine)
/// ```
public struct StopwordList: Sendable, Hashable {
    /// A name for reports and errors ("english", a file name).
    public var name: String
    /// The words, as written.
    public var entries: [String]

    /// Creates a list.
    public init(name: String, entries: [String]) {
        self.name = name
        self.entries = entries
    }

    /// Parses a list: one entry per line; blank lines and text after `#` are ignored; entries
    /// are trimmed. (A `#` cannot be part of an entry.)
    public init(name: String, parsing text: String) {
        self.name = name
        self.entries = text.split(whereSeparator: \.isNewline).compactMap { line in
            let content = line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            let trimmed = content.trimmingCharacters(in: .whitespaces)
            return trimmed.isEmpty ? nil : trimmed
        }
    }

    /// Loads a list from a UTF-8 file (see ``init(name:parsing:)`` for the format).
    /// - Throws: ``StopwordListError`` naming the file when it cannot be read or is not UTF-8.
    public init(contentsOf url: URL) throws {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw StopwordListError(path: url.path, reason: "cannot be read (\(error.localizedDescription))")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw StopwordListError(path: url.path, reason: "is not valid UTF-8")
        }
        self.init(name: url.lastPathComponent, parsing: text)
    }
}

/// A stopword file that could not be loaded.
public struct StopwordListError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The file's path.
    public let path: String
    /// Why it could not be loaded.
    public let reason: String
    public var description: String { "stopword list \(path) \(reason)" }
}
