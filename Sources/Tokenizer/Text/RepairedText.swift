/// Text decoded from bytes that may not be valid UTF-8, with the number of repairs made.
///
/// Each maximal ill-formed subsequence becomes one U+FFFD (the Unicode-recommended practice,
/// which is also what `String(decoding:as:)` does); ``replacements`` counts them, so a batch job
/// can report how much of its input was damaged instead of silently changing it.
///
/// ```swift
/// let repaired = RepairedText([0x63, 0x61, 0x66, 0xC3])   // "caf" + a truncated "é"
/// repaired.text           // "caf\u{FFFD}"
/// repaired.replacements   // 1
/// ```
public struct RepairedText: Sendable, Hashable {
    /// The decoded text.
    public let text: String
    /// How many ill-formed sequences were replaced with U+FFFD.
    public let replacements: Int

    /// Decodes `bytes` as UTF-8, repairing ill-formed sequences.
    /// - Complexity: O(n) in the number of bytes.
    public init<Bytes: Collection>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        if let valid = String(validating: bytes, as: UTF8.self) {
            self.text = valid
            self.replacements = 0
            return
        }
        var replacements = 0
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var scalars = String.UnicodeScalarView()
        scalars.reserveCapacity(bytes.count)
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                scalars.append(scalar)
            case .error:
                replacements += 1
                scalars.append("\u{FFFD}")
            case .emptyInput:
                break loop
            }
        }
        self.text = String(scalars)
        self.replacements = replacements
    }

    /// Wraps text that is already valid (a Swift `String` always is).
    public init(valid text: String) {
        self.text = text
        self.replacements = 0
    }
}
