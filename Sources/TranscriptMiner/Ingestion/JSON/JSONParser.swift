#if canImport(Glibc)
import Glibc
#endif

/// A fast, strict JSON parser (RFC 8259) over UTF-8 bytes, for one record at a time.
///
/// ```swift
/// let value = try JSONParser.parse(Array(#"{"id":"t1","turns":[]}"#.utf8))
/// value["id"]?.string   // "t1"
/// ```
///
/// Written for the readers' hot path: strings without escapes are decoded straight from the
/// bytes, numbers with `strtod`, and nothing is boxed. Nesting deeper than ``maximumDepth`` is
/// rejected instead of overflowing the stack. Invalid UTF-8 inside strings is repaired with
/// U+FFFD (readers report the repair before parsing).
/// - Complexity: O(n) in the number of bytes.
public enum JSONParser {
    /// The deepest nesting accepted.
    public static let maximumDepth = 256

    /// Why a document is not valid JSON: the byte offset and what was expected there.
    public struct SyntaxError: Error, Sendable, Hashable, CustomStringConvertible {
        /// The 0-based byte offset of the problem.
        public let offset: Int
        /// What is wrong.
        public let reason: String
        public var description: String { "\(reason) at byte \(offset + 1)" }
    }

    /// Parses one JSON document (leading and trailing white space allowed).
    /// - Throws: ``SyntaxError``.
    public static func parse<Bytes: Collection>(_ bytes: Bytes) throws -> JSONValue where Bytes.Element == UInt8 {
        let result = try bytes.withContiguousStorageIfAvailable { try parse(buffer: $0) }
        if let result { return result }
        return try Array(bytes).withUnsafeBufferPointer { try parse(buffer: $0) }
    }

    static func parse(buffer: UnsafeBufferPointer<UInt8>) throws -> JSONValue {
        var parser = Parser(bytes: buffer)
        parser.skipSpace()
        let value = try parser.value(depth: 0)
        parser.skipSpace()
        guard parser.i == buffer.count else { throw parser.error("unexpected content after the JSON value") }
        return value
    }

    /// Decodes the JSON string whose opening quote is at `offset` in `buffer` exactly as
    /// ``parse(_:)`` decodes strings (escapes, surrogate pairs, U+FFFD for lone surrogates), for
    /// readers that locate values themselves.
    /// - Throws: ``SyntaxError``.
    /// - Complexity: O(n) in the string's length.
    static func decodeString(in buffer: UnsafeBufferPointer<UInt8>, at offset: Int) throws -> String {
        var parser = Parser(bytes: buffer)
        parser.i = offset
        return try parser.string()
    }

    private struct Parser {
        let bytes: UnsafeBufferPointer<UInt8>
        var i = 0

        init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

        func error(_ reason: String) -> SyntaxError { SyntaxError(offset: i, reason: reason) }

        @inline(__always) mutating func skipSpace() {
            while i < bytes.count {
                let b = bytes[i]
                guard b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 else { return }
                i += 1
            }
        }

        mutating func value(depth: Int) throws -> JSONValue {
            guard i < bytes.count else { throw error("unexpected end of input") }
            switch bytes[i] {
            case UInt8(ascii: "{"): return try object(depth: depth + 1)
            case UInt8(ascii: "["): return try array(depth: depth + 1)
            case UInt8(ascii: "\""): return .string(try string())
            case UInt8(ascii: "t"): try literal("true"); return .bool(true)
            case UInt8(ascii: "f"): try literal("false"); return .bool(false)
            case UInt8(ascii: "n"): try literal("null"); return .null
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try number())
            default: throw error("unexpected character")
            }
        }

        mutating func literal(_ word: StaticString) throws {
            let n = word.utf8CodeUnitCount
            guard i + n <= bytes.count else { throw error("unexpected end of input") }
            for k in 0..<n where bytes[i + k] != word.utf8Start[k] { throw error("invalid literal") }
            i += n
        }

        mutating func object(depth: Int) throws -> JSONValue {
            guard depth <= JSONParser.maximumDepth else { throw error("nesting deeper than \(JSONParser.maximumDepth)") }
            i += 1
            var members: [(key: String, value: JSONValue)] = []
            skipSpace()
            if i < bytes.count, bytes[i] == UInt8(ascii: "}") { i += 1; return .object(members) }
            while true {
                skipSpace()
                guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else { throw error("expected a string key") }
                let key = try string()
                skipSpace()
                guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else { throw error("expected ':'") }
                i += 1
                skipSpace()
                members.append((key, try value(depth: depth)))
                skipSpace()
                guard i < bytes.count else { throw error("unexpected end of input in an object") }
                if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
                if bytes[i] == UInt8(ascii: "}") { i += 1; return .object(members) }
                throw error("expected ',' or '}'")
            }
        }

        mutating func array(depth: Int) throws -> JSONValue {
            guard depth <= JSONParser.maximumDepth else { throw error("nesting deeper than \(JSONParser.maximumDepth)") }
            i += 1
            var elements: [JSONValue] = []
            skipSpace()
            if i < bytes.count, bytes[i] == UInt8(ascii: "]") { i += 1; return .array(elements) }
            while true {
                skipSpace()
                elements.append(try value(depth: depth))
                skipSpace()
                guard i < bytes.count else { throw error("unexpected end of input in an array") }
                if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
                if bytes[i] == UInt8(ascii: "]") { i += 1; return .array(elements) }
                throw error("expected ',' or ']'")
            }
        }

        mutating func string() throws -> String {
            i += 1
            let start = i
            // Fast path: no escapes.
            while i < bytes.count {
                let b = bytes[i]
                if b == UInt8(ascii: "\"") {
                    let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)
                    i += 1
                    return text
                }
                if b == UInt8(ascii: "\\") { break }
                if b < 0x20 { throw error("control character in a string") }
                i += 1
            }
            var out: [UInt8] = []
            out.reserveCapacity(i - start + 64)
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<i]))
            while i < bytes.count {
                let b = bytes[i]
                if b == UInt8(ascii: "\"") {
                    i += 1
                    return String(decoding: out, as: UTF8.self)
                }
                if b < 0x20 { throw error("control character in a string") }
                if b != UInt8(ascii: "\\") {
                    // Copy the run up to the next quote, backslash or control character at once.
                    var end = i + 1
                    while end < bytes.count {
                        let c = bytes[end]
                        if c == UInt8(ascii: "\"") || c == UInt8(ascii: "\\") || c < 0x20 { break }
                        end += 1
                    }
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[i..<end]))
                    i = end
                    continue
                }
                guard i + 1 < bytes.count else { break }
                let e = bytes[i + 1]
                i += 2
                switch e {
                case UInt8(ascii: "\""): out.append(0x22)
                case UInt8(ascii: "\\"): out.append(0x5C)
                case UInt8(ascii: "/"): out.append(0x2F)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "u"):
                    var scalar = try hex4()
                    if (0xD800..<0xDC00).contains(scalar), i + 1 < bytes.count, bytes[i] == UInt8(ascii: "\\"), bytes[i + 1] == UInt8(ascii: "u") {
                        let save = i
                        i += 2
                        let low = try hex4()
                        if (0xDC00..<0xE000).contains(low) {
                            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                        } else {
                            i = save
                        }
                    }
                    let value = Unicode.Scalar(scalar) ?? "\u{FFFD}"
                    out.append(contentsOf: Array(String(Character(value)).utf8))
                default:
                    i -= 1
                    throw error("invalid escape")
                }
            }
            throw error("unterminated string")
        }

        mutating func hex4() throws -> UInt32 {
            guard i + 4 <= bytes.count else { throw error("truncated \\u escape") }
            var value: UInt32 = 0
            for _ in 0..<4 {
                let b = bytes[i]
                let digit: UInt32
                switch b {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(b - 48)
                case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(b - 87)
                case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(b - 55)
                default: throw error("invalid \\u escape")
                }
                value = value << 4 | digit
                i += 1
            }
            return value
        }

        mutating func number() throws -> Double {
            let start = i
            if bytes[i] == UInt8(ascii: "-") { i += 1 }
            guard i < bytes.count, bytes[i] &- 48 < 10 else { throw error("invalid number") }
            var integral: Int64 = 0
            var digits = 0
            if bytes[i] == UInt8(ascii: "0") {
                i += 1
                digits = 1
            } else {
                while i < bytes.count, bytes[i] &- 48 < 10 {
                    if digits < 18 { integral = integral * 10 + Int64(bytes[i] - 48) }
                    digits += 1
                    i += 1
                }
            }
            var simple = digits <= 18
            if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
                simple = false
                i += 1
                guard i < bytes.count, bytes[i] &- 48 < 10 else { throw error("invalid number") }
                while i < bytes.count, bytes[i] &- 48 < 10 { i += 1 }
            }
            if i < bytes.count, bytes[i] | 0x20 == UInt8(ascii: "e") {
                simple = false
                i += 1
                if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
                guard i < bytes.count, bytes[i] &- 48 < 10 else { throw error("invalid number") }
                while i < bytes.count, bytes[i] &- 48 < 10 { i += 1 }
            }
            if simple { return Double(bytes[start] == UInt8(ascii: "-") ? -integral : integral) }
            // Exact decimal conversion for fractions and exponents.
            var text = [CChar](repeating: 0, count: i - start + 1)
            for k in start..<i { text[k - start] = CChar(bitPattern: bytes[k]) }
            return strtod(text, nil)
        }
    }
}
