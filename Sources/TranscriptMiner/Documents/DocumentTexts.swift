/// The texts of a ``ThemeDocuments``: held in a ``TextColumn``, or, when a document is nothing
/// but its transcript's turns joined (no canned line removed), joined again from the transcripts
/// each time one is read, so that the text is not held twice.
///
/// Reading position `i` gives the same string either way.
/// - Complexity: reading O(length of the document).
public struct DocumentTexts: RandomAccessCollection, Sendable {
    private enum Storage: Sendable {
        case column(TextColumn)
        case derived(count: Int, text: @Sendable (Int) -> String)
    }

    private let storage: Storage

    /// Texts held in `column`.
    public init(_ column: TextColumn) { storage = .column(column) }

    /// `count` texts made on demand by `text` (which must return the same string for the same
    /// position every time).
    public init(count: Int, text: @escaping @Sendable (Int) -> String) { storage = .derived(count: count, text: text) }

    public var startIndex: Int { 0 }
    public var endIndex: Int {
        switch storage {
        case .column(let column): column.count
        case .derived(let count, _): count
        }
    }

    public subscript(position: Int) -> String {
        switch storage {
        case .column(let column): column[position]
        case .derived(_, let text): text(position)
        }
    }
}
