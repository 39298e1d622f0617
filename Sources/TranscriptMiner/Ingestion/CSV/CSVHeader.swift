import Foundation

/// A CSV file's header: its column names, looked up case-insensitively.
///
/// ```swift
/// let header = CSVHeader(names: ["Conversation_ID", " Text "])
/// header.index(ofAny: ["conversation_id", "ticket_id"])   // 0
/// header.index(ofAny: ["text"])                           // 1
/// ```
/// - Complexity: lookups are O(c) in the number of candidate names.
struct CSVHeader {
    /// The names as written (surrounding spaces trimmed).
    let names: [String]
    /// Lowercased name → first column index holding it.
    private let positions: [String: Int]

    init(names: [String]) {
        self.names = names.map { ReaderText.trimmed($0) }
        var positions: [String: Int] = [:]
        for (index, name) in self.names.enumerated() where positions[name.lowercased()] == nil {
            positions[name.lowercased()] = index
        }
        self.positions = positions
    }

    /// The header of a well-formed record (invalid UTF-8 in names is repaired silently).
    init(_ record: CSVRecord) {
        self.init(names: (0..<record.fieldCount).map { record.text($0).text })
    }

    /// How many columns.
    var count: Int { names.count }

    /// The index of the first of `candidates` present, or nil.
    func index(ofAny candidates: [String]) -> Int? {
        for candidate in candidates {
            if let index = positions[ReaderText.trimmed(candidate).lowercased()] { return index }
        }
        return nil
    }

    /// Whether every one of `required` is a column.
    func contains(all required: [String]) -> Bool { required.allSatisfy { positions[$0] != nil } }

    /// The metadata key of column `index`: its lowercased name, or `column_<n>` when empty.
    func key(_ index: Int) -> String {
        let name = names[index].lowercased()
        return name.isEmpty ? "column_\(index + 1)" : name
    }

    /// Column `index`'s name as a problem's reason shows it: quoted when it looks like a column
    /// name (at most 40 letters, digits, spaces and `_-.#()/`), else only its length: a file
    /// without a header has data in its first row, and reasons never quote data.
    func quoted(_ index: Int) -> String {
        let name = names[index]
        if name.isEmpty { return "column \(index + 1) (no name)" }
        guard name.count <= 40, name.allSatisfy({ $0.isLetter || $0.isNumber || " _-.#()/".contains($0) }) else {
            return "column \(index + 1) (a name of \(name.count) characters)"
        }
        return "\"\(name)\""
    }

    /// The columns for a problem's reason: at most 20, each as ``quoted(_:)`` shows it.
    var summary: String {
        var parts = names.indices.prefix(20).map(quoted)
        if names.count > 20 { parts.append("… \(names.count - 20) more") }
        return parts.joined(separator: ", ")
    }
}
