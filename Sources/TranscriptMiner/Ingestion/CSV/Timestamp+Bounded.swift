import Foundation

extension Timestamp {
    /// ``parse(_:)`` for untrusted text: nil, not a trap, for a textual date with a number
    /// too large to be a year or day, and nil for a date outside the years ±9999.
    ///
    /// ```swift
    /// Timestamp.parseBounded("Tue Oct 31 22:10:47 +0000 2017")   // 2017-10-31T22:10:47Z
    /// Timestamp.parseBounded("Oct 31 10:00:00 99999999999999")   // nil (parse(_:) overflows)
    /// ```
    /// `parse(_:)` reads any number word of an RFC 5322 or Twitter date as a year, and a year of
    /// a dozen digits overflows its day arithmetic. The readers pass cell and header values here,
    /// so no input can crash them. Texts made only of digits (epoch seconds or milliseconds) go
    /// to `parse(_:)` unchanged (a huge epoch value gives a date out of range: nil).
    /// - Complexity: O(n) in the length of the text.
    static func parseBounded(_ text: String) -> Date? {
        let trimmed = ReaderText.trimmed(text)
        // Only textual dates (words around a time) read number words as years.
        if trimmed.utf8.contains(where: { $0 == 32 || $0 == 44 }), !trimmed.utf8.allSatisfy({ $0 &- 48 < 10 }) {
            for word in trimmed.split(whereSeparator: { $0 == " " || $0 == "," }) {
                let digits = word.drop { $0 == "+" || $0 == "-" }
                if digits.count > 6, digits.utf8.allSatisfy({ $0 &- 48 < 10 }) { return nil }
            }
        }
        guard let date = parse(text), abs(date.timeIntervalSince1970) < 253_402_300_800 else { return nil }
        return date
    }
}
