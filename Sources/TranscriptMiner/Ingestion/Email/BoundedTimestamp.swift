import Foundation

/// ``Timestamp/parse(_:)`` for untrusted header and JSON values: refuses inputs that could
/// overflow its arithmetic and dates outside 1900–2200.
///
/// ```swift
/// BoundedTimestamp.parse("Mon, 15 Jan 2024 10:32:00 +0100")        // 2024-01-15 09:32:00 UTC
/// BoundedTimestamp.parse("1 Jan 99999999999999 10:00")             // nil, not a crash
/// ```
///
/// Email `Date` headers and help-desk exports are input like any other: a year of twelve digits
/// would overflow the day arithmetic of the RFC 5322 path. Values longer than 200 bytes, and
/// values (other than all-digit epoch times) with a run of more than nine digits outside a
/// fraction of a second, are not dates.
/// - Complexity: O(n) in the length of the text.
enum BoundedTimestamp {
    /// The earliest accepted date (1900-01-01) and the latest (2200-01-01), as Unix seconds.
    static let range: ClosedRange<Double> = -2_208_988_800...7_258_118_400

    /// The date `text` denotes, or nil.
    static func parse(_ text: String) -> Date? {
        let bytes = Array(text.utf8)
        guard !bytes.isEmpty, bytes.count <= 200 else { return nil }
        let allDigits = bytes.allSatisfy { $0 &- 48 < 10 || $0 == 32 }
        if !allDigits {
            var run = 0
            var previous: UInt8 = 0
            var inFraction = false
            for byte in bytes {
                if byte &- 48 < 10 {
                    if run == 0 { inFraction = previous == UInt8(ascii: ".") || previous == UInt8(ascii: ",") }
                    run += 1
                    if run > 9 && !inFraction { return nil }
                } else {
                    run = 0
                }
                previous = byte
            }
        } else if bytes.count > 16 {
            return nil
        }
        guard let date = Timestamp.parse(text), range.contains(date.timeIntervalSince1970) else { return nil }
        return date
    }
}
