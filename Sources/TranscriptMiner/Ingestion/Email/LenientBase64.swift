/// Decodes base64 (RFC 2045 §6.8) as mail clients do: leniently about layout, strictly about
/// content.
///
/// ```swift
/// LenientBase64.decode(Array("Y2Fm\r\nw6k".utf8))   // Array("café".utf8): line breaks and missing padding are fine
/// LenientBase64.decode(Array("Y2Fm*w6k=".utf8))     // nil: "*" is not base64
/// ```
///
/// Ignored: whitespace and line breaks anywhere, missing `=` padding, a dangling last
/// character, and padding in the middle (concatenated encodings restart after it). The URL-safe
/// alphabet (`-`, `_`) is accepted too. Any other character makes the data undecodable (`nil`),
/// which the email readers report as a malformed message.
/// - Complexity: O(n) in the number of bytes.
enum LenientBase64 {
    /// The decoded bytes, or nil when `encoded` holds a character outside the alphabet.
    static func decode<Bytes: Collection>(_ encoded: Bytes) -> [UInt8]? where Bytes.Element == UInt8 {
        var output: [UInt8] = []
        output.reserveCapacity(encoded.count / 4 * 3 + 3)
        var accumulator: UInt32 = 0
        var count = 0
        for byte in encoded {
            let value: UInt32
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): value = UInt32(byte - UInt8(ascii: "A"))
            case UInt8(ascii: "a")...UInt8(ascii: "z"): value = UInt32(byte - UInt8(ascii: "a")) + 26
            case UInt8(ascii: "0")...UInt8(ascii: "9"): value = UInt32(byte - UInt8(ascii: "0")) + 52
            case UInt8(ascii: "+"), UInt8(ascii: "-"): value = 62
            case UInt8(ascii: "/"), UInt8(ascii: "_"): value = 63
            case 0x20, 0x09, 0x0A, 0x0D, 0x0B, 0x0C: continue
            case UInt8(ascii: "="):
                flush(&accumulator, &count, into: &output)
                continue
            default:
                return nil
            }
            accumulator = accumulator << 6 | value
            count += 1
            if count == 4 {
                output.append(UInt8(truncatingIfNeeded: accumulator >> 16))
                output.append(UInt8(truncatingIfNeeded: accumulator >> 8))
                output.append(UInt8(truncatingIfNeeded: accumulator))
                accumulator = 0
                count = 0
            }
        }
        flush(&accumulator, &count, into: &output)
        return output
    }

    /// Emits the whole bytes of a partial quantum (2 or 3 characters) and resets it; a single
    /// dangling character carries no whole byte and is dropped.
    private static func flush(_ accumulator: inout UInt32, _ count: inout Int, into output: inout [UInt8]) {
        switch count {
        case 2:
            output.append(UInt8(truncatingIfNeeded: accumulator >> 4))
        case 3:
            output.append(UInt8(truncatingIfNeeded: accumulator >> 10))
            output.append(UInt8(truncatingIfNeeded: accumulator >> 2))
        default:
            break
        }
        accumulator = 0
        count = 0
    }
}
