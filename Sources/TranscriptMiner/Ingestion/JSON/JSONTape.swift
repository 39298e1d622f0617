/// One JSON value located in a record's bytes without being decoded: a node of a ``JSONTape``.
struct JSONSpan {
    /// The value's type.
    enum Kind: UInt8 {
        case string, number, object, array, bool, null

        /// A short name of the type, for error messages: "a string", "an array", …
        var typeName: String {
            switch self {
            case .null: "null"
            case .bool: "a boolean"
            case .number: "a number"
            case .string: "a string"
            case .array: "an array"
            case .object: "an object"
            }
        }
    }

    /// The value's type.
    var kind: Kind
    /// For a string: whether it contains a backslash escape.
    var escaped: Bool
    /// The value's first byte (the opening quote of a string).
    var start: Int
    /// One past its last byte (past the closing quote of a string).
    var end: Int
    /// For a member of an object: its key's bytes, between the quotes (keys are never escaped
    /// on the tape); `0..<0` otherwise.
    var keyStart = 0, keyEnd = 0
    /// The first 8 bytes of the key, little-endian, zero-padded: a quick key comparison.
    var keyPrefix: UInt64 = 0
    /// The tape index after this value and everything inside it (its next sibling).
    var next = 0

    /// The name of the type as ``JSONValue/typeName`` spells it, for the same messages.
    var typeName: String { kind.typeName }
}

/// A JSON record as a flat list of ``JSONSpan``s in document order (each container followed by
/// its contents), built in one validating pass without decoding any string: the fast path of
/// ``JSONRecord``.
///
/// ```swift
/// // {"id":"t1","turns":[{"text":"hi"}]} → object · "t1" (key id) · array (key turns) · object · "hi" (key text)
/// ```
///
/// Building accepts a subset of what ``JSONParser`` accepts and declines (`nil`) everything else:
/// invalid JSON, escaped keys, nesting deeper than ``maximumDepth``. A declined record goes to
/// the parser, which decides and words the error, so the tape never has to. Strings are searched
/// 8 bytes at a time for `"`, `\` and control characters.
/// - Complexity: O(n) in the record's bytes; memory is 56 bytes per value.
struct JSONTape {
    /// Deeper nesting is declined (the parser's limit is higher).
    static let maximumDepth = 64

    /// The record's bytes.
    let bytes: UnsafeBufferPointer<UInt8>
    /// The values; index 0 is the record itself.
    private(set) var nodes: [JSONSpan] = []

    /// Scans the single JSON value of `bytes` (white space around it allowed); `nil` when declined.
    init?(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        guard bytes.count > 0 else { return nil }
        nodes.reserveCapacity(64)
        var i = 0
        skipSpace(&i)
        guard value(&i, depth: 0) else { return nil }
        skipSpace(&i)
        guard i == bytes.count else { return nil }
    }

    /// The value at tape index `index`.
    subscript(index: Int) -> JSONSpan { nodes[index] }

    /// The tape indices of the direct children of the container at `index`, in order.
    func children(of index: Int) -> JSONChildren { JSONChildren(tape: self, index: index + 1, end: nodes[index].next) }

    @inline(__always) private func skipSpace(_ i: inout Int) {
        while i < bytes.count {
            let b = bytes[i]
            guard b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 else { return }
            i += 1
        }
    }

    /// Appends the value at `i` (and its contents) to the tape.
    private mutating func value(_ i: inout Int, depth: Int, keyStart: Int = 0, keyEnd: Int = 0) -> Bool {
        guard i < bytes.count else { return false }
        let start = i
        let slot = nodes.count
        var prefix: UInt64 = 0
        if keyEnd > keyStart {
            for k in 0..<min(8, keyEnd - keyStart) { prefix |= UInt64(bytes[keyStart + k]) << (8 * UInt64(k)) }
        }
        nodes.append(JSONSpan(kind: .null, escaped: false, start: start, end: start, keyStart: keyStart, keyEnd: keyEnd, keyPrefix: prefix))
        let kind: JSONSpan.Kind
        var escaped = false
        switch bytes[i] {
        case UInt8(ascii: "\""):
            guard let hasEscape = string(&i) else { return false }
            kind = .string
            escaped = hasEscape
        case UInt8(ascii: "{"):
            guard container(&i, depth: depth + 1, object: true) else { return false }
            kind = .object
        case UInt8(ascii: "["):
            guard container(&i, depth: depth + 1, object: false) else { return false }
            kind = .array
        case UInt8(ascii: "t"):
            guard literal(&i, "true") else { return false }
            kind = .bool
        case UInt8(ascii: "f"):
            guard literal(&i, "false") else { return false }
            kind = .bool
        case UInt8(ascii: "n"):
            guard literal(&i, "null") else { return false }
            kind = .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            guard number(&i) else { return false }
            kind = .number
        default:
            return false
        }
        nodes[slot].kind = kind
        nodes[slot].escaped = escaped
        nodes[slot].end = i
        nodes[slot].next = nodes.count
        return true
    }

    /// The object or array at `i`, its contents appended.
    private mutating func container(_ i: inout Int, depth: Int, object: Bool) -> Bool {
        guard depth <= Self.maximumDepth else { return false }
        let close: UInt8 = object ? UInt8(ascii: "}") : UInt8(ascii: "]")
        i += 1
        skipSpace(&i)
        if i < bytes.count, bytes[i] == close {
            i += 1
            return true
        }
        while true {
            skipSpace(&i)
            var keyStart = 0, keyEnd = 0
            if object {
                guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else { return false }
                keyStart = i + 1
                guard let escapedKey = string(&i), !escapedKey else { return false }
                keyEnd = i - 1
                skipSpace(&i)
                guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else { return false }
                i += 1
                skipSpace(&i)
            }
            guard value(&i, depth: depth, keyStart: keyStart, keyEnd: keyEnd) else { return false }
            skipSpace(&i)
            guard i < bytes.count else { return false }
            if bytes[i] == UInt8(ascii: ",") {
                i += 1
                continue
            }
            if bytes[i] == close {
                i += 1
                return true
            }
            return false
        }
    }

    private func literal(_ i: inout Int, _ word: StaticString) -> Bool {
        let n = word.utf8CodeUnitCount
        guard i + n <= bytes.count else { return false }
        for k in 0..<n where bytes[i + k] != word.utf8Start[k] { return false }
        i += n
        return true
    }

    /// A number of JSON's grammar, `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`. What
    /// follows it is checked by the caller (the parser stops at the same place).
    private func number(_ i: inout Int) -> Bool {
        if bytes[i] == UInt8(ascii: "-") { i += 1 }
        guard i < bytes.count, bytes[i] &- 48 < 10 else { return false }
        if bytes[i] == UInt8(ascii: "0") {
            i += 1
        } else {
            while i < bytes.count, bytes[i] &- 48 < 10 { i += 1 }
        }
        if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
            i += 1
            guard i < bytes.count, bytes[i] &- 48 < 10 else { return false }
            while i < bytes.count, bytes[i] &- 48 < 10 { i += 1 }
        }
        if i < bytes.count, bytes[i] | 0x20 == UInt8(ascii: "e") {
            i += 1
            if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
            guard i < bytes.count, bytes[i] &- 48 < 10 else { return false }
            while i < bytes.count, bytes[i] &- 48 < 10 { i += 1 }
        }
        return true
    }

    /// Skips the string whose opening quote is at `i`, checking escapes and control characters.
    /// - Returns: whether it has an escape; `nil` when declined.
    private func string(_ index: inout Int) -> Bool? {
        var i = index + 1
        var escaped = false
        let n = bytes.count
        let base = UnsafeRawPointer(bytes.baseAddress!)
        while true {
            // 8 bytes at a time while none is `"`, `\` or below 0x20.
            while i + 8 <= n, !Self.hasSpecialByte(base.loadUnaligned(fromByteOffset: i, as: UInt64.self)) { i += 8 }
            guard i < n else { return nil }
            let b = bytes[i]
            if b == UInt8(ascii: "\"") {
                index = i + 1
                return escaped
            }
            if b == UInt8(ascii: "\\") {
                escaped = true
                guard i + 1 < n else { return nil }
                switch bytes[i + 1] {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
                     UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                    i += 2
                case UInt8(ascii: "u"):
                    guard i + 6 <= n else { return nil }
                    for k in 2..<6 where !Self.isHexDigit(bytes[i + k]) { return nil }
                    i += 6
                default:
                    return nil
                }
                continue
            }
            if b < 0x20 { return nil }
            i += 1
        }
    }

    @inline(__always) private static func isHexDigit(_ b: UInt8) -> Bool {
        b &- 48 < 10 || (b | 0x20) &- 97 < 6
    }

    /// Whether any byte of `word` is `"`, `\` or below 0x20 (exact: no false answers either way).
    @inline(__always) static func hasSpecialByte(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let quote = word ^ (ones &* 0x22)
        let backslash = word ^ (ones &* 0x5C)
        let zeroQuote = (quote &- ones) & ~quote
        let zeroBackslash = (backslash &- ones) & ~backslash
        let control = (word &- ones &* 0x20) & ~word
        return (zeroQuote | zeroBackslash | control) & highs != 0
    }
}

/// The tape indices of a container's direct children, in order.
struct JSONChildren: Sequence, IteratorProtocol {
    let tape: JSONTape
    var index: Int
    let end: Int

    mutating func next() -> Int? {
        guard index < end else { return nil }
        defer { index = tape[index].next }
        return index
    }
}
