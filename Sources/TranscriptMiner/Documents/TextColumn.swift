/// Many texts in one UTF-8 buffer, read back as `String`s: the compact way to hold a million
/// documents.
///
/// ```swift
/// var texts = TextColumn()
/// texts.append("my card has not arrived")
/// texts[0]   // "my card has not arrived" (a new String each time it is read)
/// ```
///
/// An array of a million `String`s of 250 bytes costs about 300 bytes each (every string over 15
/// bytes is a heap object with its own header and allocation rounding); a column costs the text's
/// bytes plus 8 per text.
/// - Complexity: `append` O(length); reading O(length) (the bytes are copied into a new `String`).
public struct TextColumn: RandomAccessCollection, Sendable, Hashable, ExpressibleByArrayLiteral {
    private var bytes: [UInt8] = []
    /// The end of each text in ``bytes``.
    private var ends: [Int] = []

    /// An empty column.
    public init() {}

    /// A column of `texts`, in order.
    public init(_ texts: some Sequence<String>) {
        for text in texts { append(text) }
    }

    public init(arrayLiteral texts: String...) { self.init(texts) }

    /// Appends `text`.
    public mutating func append(_ text: String) {
        bytes.append(contentsOf: text.utf8)
        ends.append(bytes.count)
    }

    /// Reserves room for `count` more texts of `bytesEach` bytes on average.
    public mutating func reserveCapacity(_ count: Int, bytesEach: Int = 0) {
        ends.reserveCapacity(ends.count + count)
        bytes.reserveCapacity(bytes.count + count * bytesEach)
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { ends.count }

    public subscript(position: Int) -> String {
        let range = (position == 0 ? 0 : ends[position - 1])..<ends[position]
        return range.isEmpty ? "" : bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[range]), as: UTF8.self) }
    }

    /// The UTF-8 length of text `position`, without reading it.
    public func byteCount(at position: Int) -> Int { ends[position] - (position == 0 ? 0 : ends[position - 1]) }
}
