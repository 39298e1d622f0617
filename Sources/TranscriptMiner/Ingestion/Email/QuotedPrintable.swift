/// Decodes the quoted-printable content transfer encoding (RFC 2045 §6.7), leniently.
///
/// ```swift
/// QuotedPrintable.decode(Array("caf=E9 =\nau lait".utf8))   // [0x63, 0x61, 0x66, 0xE9, 0x20, 0x61, …]
/// ```
///
/// `=XX` (upper- or lower-case hex) becomes the byte; `=` at the end of a line is a soft line
/// break; trailing spaces and tabs of a line (transport padding) are dropped. Lenient like mail
/// clients: an `=` not followed by two hex digits is kept as it is, never an error.
/// - Complexity: O(n) in the number of bytes.
enum QuotedPrintable {
    /// The decoded bytes of `encoded` (lines separated by `\n`; a `\r` before it is ignored).
    static func decode<Bytes: Collection>(_ encoded: Bytes) -> [UInt8] where Bytes.Element == UInt8 {
        let input = Array(encoded)
        var output: [UInt8] = []
        output.reserveCapacity(input.count)
        var lineStart = 0
        while lineStart <= input.count {
            var lineEnd = lineStart
            while lineEnd < input.count, input[lineEnd] != 0x0A { lineEnd += 1 }
            let hasNewline = lineEnd < input.count
            var end = lineEnd
            while end > lineStart, input[end - 1] == 0x20 || input[end - 1] == 0x09 || input[end - 1] == 0x0D { end -= 1 }
            var softBreak = false
            var i = lineStart
            while i < end {
                let byte = input[i]
                if byte == UInt8(ascii: "=") {
                    if i + 1 == end {
                        softBreak = true
                        i += 1
                        continue
                    }
                    if i + 2 < end, let high = hexValue(input[i + 1]), let low = hexValue(input[i + 2]) {
                        output.append(high << 4 | low)
                        i += 3
                        continue
                    }
                }
                output.append(byte)
                i += 1
            }
            if hasNewline && !softBreak { output.append(0x0A) }
            if !hasNewline { break }
            lineStart = lineEnd + 1
        }
        return output
    }

    /// The value of an ASCII hex digit, or nil.
    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        default: return nil
        }
    }
}
