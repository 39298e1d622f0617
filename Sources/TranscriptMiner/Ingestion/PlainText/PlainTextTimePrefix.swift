import Foundation

/// A timestamp written before a speaker in a plain-text transcript line.
///
/// ```swift
/// PlainTextTimePrefix.parse("[10:32] Agent: hi")                  // (.timeOfDay(37920), "Agent: hi")
/// PlainTextTimePrefix.parse("[2024-05-17 10:32] Agent: hi")       // (.instant(…), "Agent: hi")
/// PlainTextTimePrefix.parse("2024-05-17T10:32:00Z Agent: hi")     // (.instant(…), "Agent: hi")
/// PlainTextTimePrefix.parse("Agent: hi")                          // nil
/// ```
///
/// Accepted, optionally followed by ` - ` or ` | `:
/// - `[…]` holding a time of day (`10:32`, `9:05:10`, `10:32 PM`) or anything
///   ``Timestamp/parse(_:)`` reads (`2024-05-17 10:32`, `2024-05-17T10:32:00Z`).
/// - Unbracketed: a time of day; an ISO 8601 date-time in one word; or a `YYYY-MM-DD` date then
///   a time of day.
/// - Complexity: O(n) in the length of the prefix.
enum PlainTextTimePrefix: Hashable {
    /// A full date and time.
    case instant(Date)
    /// A time of day alone, in seconds after midnight: dated by the block's header, if any.
    case timeOfDay(Int)

    /// The time at the start of `line` and the rest of the line after it (spaces and a
    /// separator skipped), or nil when the line does not start with a timestamp.
    static func parse(_ line: Substring) -> (PlainTextTimePrefix, Substring)? {
        if line.first == "[" {
            guard let close = line.prefix(48).firstIndex(of: "]") else { return nil }
            let inner = ReaderText.trimmed(line[line.index(after: line.startIndex)..<close])
            // Bare digits would read as epoch seconds: "[1]" is a footnote, not 1970.
            guard inner.contains(where: { $0 == ":" || $0 == "-" }) else { return nil }
            guard let time = timeOfDay(Substring(inner)).map(PlainTextTimePrefix.timeOfDay)
                    ?? Timestamp.parse(inner).map(PlainTextTimePrefix.instant) else { return nil }
            return (time, afterSeparator(line[line.index(after: close)...]))
        }
        guard let first = line.first, first.isASCII, first.isNumber else { return nil }
        let words = line.split(separator: " ", maxSplits: 3, omittingEmptySubsequences: true)
        guard let word = words.first else { return nil }
        // A time of day, with an optional AM/PM word.
        if timeOfDay(word) != nil {
            if words.count > 1, let seconds = timeOfDay(Substring(word + " " + words[1])), isMeridiem(words[1]) {
                return (.timeOfDay(seconds), afterSeparator(line[words[1].endIndex...]))
            }
            return (.timeOfDay(timeOfDay(word)!), afterSeparator(line[word.endIndex...]))
        }
        if isDate(word) {
            if words.count > 1, timeOfDay(words[1]) != nil, let date = Timestamp.parse(word + " " + words[1]) {
                return (.instant(date), afterSeparator(line[words[1].endIndex...]))
            }
            return nil
        }
        if word.contains("T") || word.contains("t"), let date = Timestamp.parse(String(word)) {
            return (.instant(date), afterSeparator(line[word.endIndex...]))
        }
        return nil
    }

    /// `H:MM`, `HH:MM`, `HH:MM:SS`, each optionally followed by `AM`/`PM` (with or without a
    /// space), as seconds after midnight.
    static func timeOfDay(_ text: Substring) -> Int? {
        var body = ReaderText.trimmed(text).lowercased()
        var meridiem: Int?
        if body.hasSuffix("am") || body.hasSuffix("pm") {
            meridiem = body.hasSuffix("pm") ? 12 : 0
            body = ReaderText.trimmed(body.dropLast(2))
        }
        let parts = body.split(separator: ":", omittingEmptySubsequences: false)
        guard (2...3).contains(parts.count), (1...2).contains(parts[0].count),
              parts.dropFirst().allSatisfy({ $0.count == 2 }),
              parts.allSatisfy({ $0.utf8.allSatisfy { $0 &- 48 < 10 } }) else { return nil }
        var hour = Int(parts[0])!
        let minute = Int(parts[1])!, second = parts.count == 3 ? Int(parts[2])! : 0
        guard minute < 60, second < 60 else { return nil }
        if let meridiem {
            guard (1...12).contains(hour) else { return nil }
            hour = hour % 12 + meridiem
        }
        guard hour < 24 else { return nil }
        return hour * 3600 + minute * 60 + second
    }

    private static func isMeridiem(_ word: Substring) -> Bool {
        ["am", "pm"].contains(word.lowercased())
    }

    /// `YYYY-MM-DD`.
    private static func isDate(_ word: Substring) -> Bool {
        let bytes = Array(word.utf8)
        guard bytes.count == 10, bytes[4] == 45, bytes[7] == 45 else { return false }
        return bytes.enumerated().allSatisfy { $0.offset == 4 || $0.offset == 7 || $0.element &- 48 < 10 }
    }

    /// `rest` without leading spaces and one ` - `, ` – ` or ` | ` separator.
    private static func afterSeparator(_ rest: Substring) -> Substring {
        var rest = rest.drop { $0 == " " || $0 == "\t" }
        if let first = rest.first, first == "-" || first == "–" || first == "|" {
            let after = rest.dropFirst()
            if after.first == " " || after.first == "\t" { rest = after.drop { $0 == " " || $0 == "\t" } }
        }
        return rest
    }

    /// The date of this time: an instant as it is; a time of day on `day`'s UTC date (nil
    /// without a day).
    func date(on day: Date?) -> Date? {
        switch self {
        case .instant(let date): return date
        case .timeOfDay(let seconds):
            guard let day else { return nil }
            let midnight = (day.timeIntervalSince1970 / 86_400).rounded(.down) * 86_400
            return Date(timeIntervalSince1970: midnight + Double(seconds))
        }
    }
}
