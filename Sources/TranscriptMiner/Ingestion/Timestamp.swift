import Foundation

/// Parses the timestamps support exports use, without `DateFormatter` (slow, locale-bound).
///
/// Accepted:
/// - ISO 8601 / RFC 3339: `2024-05-17`, `2024-05-17T09:31:07Z`, `2024-05-17 09:31:07`,
///   `2024-05-17T09:31:07.123+02:00`, `…+0200`; no zone means UTC.
/// - Unix epoch seconds or milliseconds: `1715938267`, `1715938267123`.
/// - Twitter's `Tue Oct 31 22:10:47 +0000 2017`.
/// - RFC 5322 email dates: `Mon, 15 Jan 2024 10:32:00 +0100` (day name optional, `GMT`/`UT`/`Z`
///   and US zone names accepted).
///
/// ```swift
/// Timestamp.parse("2024-05-17T09:31:07Z")?.timeIntervalSince1970   // 1715938267
/// Timestamp.parse("1 Jan 99999999999999 10:00")                     // nil, not a crash
/// ```
///
/// Safe on untrusted text (readers pass header, cell and JSON values straight in): years
/// outside 1–9999, zone offsets beyond ±18 h, number words of more than six digits in textual
/// dates, and inputs over 200 bytes give nil, never an arithmetic trap.
/// - Complexity: O(n) in the length of the text.
public enum Timestamp {
    /// The date `text` denotes, or nil when it is not a timestamp this parser knows.
    public static func parse(_ text: String) -> Date? {
        // Untrusted input: nothing longer than any timestamp is read at all.
        guard text.utf8.count <= 200 else { return nil }
        // Leading spaces, then trailing spaces and carriage returns, trimmed.
        let all = Array(text.utf8)
        var start = 0, end = all.count
        while start < end, all[start] == 32 { start += 1 }
        while end > start, all[end - 1] == 32 || all[end - 1] == 13 { end -= 1 }
        let bytes = start == 0 && end == all.count ? all : Array(all[start..<end])
        guard !bytes.isEmpty else { return nil }
        if bytes.allSatisfy({ $0 &- 48 < 10 }) {
            guard bytes.count <= 16, let value = Double(String(decoding: bytes, as: UTF8.self)) else { return nil }
            return Date(timeIntervalSince1970: bytes.count >= 12 ? value / 1000 : value)
        }
        if let date = iso8601(bytes) { return date }
        return textual(String(decoding: bytes, as: UTF8.self))
    }

    /// Days from 1970-01-01 to the given civil date (Howard Hinnant's algorithm).
    static func daysFromCivil(_ year: Int, _ month: Int, _ day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func date(_ year: Int, _ month: Int, _ day: Int, _ hour: Int, _ minute: Int, _ second: Double, offsetSeconds: Int) -> Date? {
        guard (1...9999).contains(year), (1...12).contains(month), (1...31).contains(day), (0...24).contains(hour),
              (0...59).contains(minute), second >= 0, second < 61, abs(offsetSeconds) <= 18 * 3600 else { return nil }
        let days = daysFromCivil(year, month, day)
        let seconds = Double(days * 86_400 + hour * 3600 + minute * 60) + second - Double(offsetSeconds)
        return Date(timeIntervalSince1970: seconds)
    }

    private static func iso8601(_ b: [UInt8]) -> Date? {
        var i = 0
        func number(_ digits: Int) -> Int? {
            guard i + digits <= b.count else { return nil }
            var value = 0
            for k in i..<(i + digits) {
                guard b[k] &- 48 < 10 else { return nil }
                value = value * 10 + Int(b[k] - 48)
            }
            i += digits
            return value
        }
        func expect(_ c: UInt8) -> Bool {
            guard i < b.count, b[i] == c else { return false }
            i += 1
            return true
        }
        guard let year = number(4), expect(45), let month = number(2), expect(45), let day = number(2) else { return nil }
        if i == b.count { return date(year, month, day, 0, 0, 0, offsetSeconds: 0) }
        guard b[i] == UInt8(ascii: "T") || b[i] == UInt8(ascii: "t") || b[i] == 32 else { return nil }
        i += 1
        guard let hour = number(2), expect(58), let minute = number(2) else { return nil }
        var second = 0.0
        if expect(58) {
            guard let whole = number(2) else { return nil }
            second = Double(whole)
            if i < b.count, b[i] == UInt8(ascii: ".") || b[i] == UInt8(ascii: ",") {
                i += 1
                var scale = 0.1
                while i < b.count, b[i] &- 48 < 10 {
                    second += Double(b[i] - 48) * scale
                    scale /= 10
                    i += 1
                }
            }
        }
        if i < b.count, b[i] == 32 { i += 1 }
        var offset = 0
        if i < b.count {
            if b[i] == UInt8(ascii: "Z") || b[i] == UInt8(ascii: "z") {
                i += 1
            } else if b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") {
                let sign = b[i] == UInt8(ascii: "-") ? -1 : 1
                i += 1
                guard let hours = number(2) else { return nil }
                _ = expect(58)
                let minutes = number(2) ?? 0
                offset = sign * (hours * 3600 + minutes * 60)
            }
        }
        guard i == b.count else { return nil }
        return date(year, month, day, hour, minute, second, offsetSeconds: offset)
    }

    private static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
    private static let zones: [String: Int] = ["gmt": 0, "ut": 0, "utc": 0, "z": 0, "est": -5, "edt": -4, "cst": -6, "cdt": -5,
                                               "mst": -7, "mdt": -6, "pst": -8, "pdt": -7]

    /// RFC 5322 and Twitter dates: words in any order around `HH:MM[:SS]`.
    private static func textual(_ text: String) -> Date? {
        let words = text.lowercased().split { $0 == " " || $0 == "," }.map(String.init)
        var day: Int?, month: Int?, year: Int?, time: (Int, Int, Int)?, offset = 0
        for word in words {
            if let m = months.firstIndex(where: { word.hasPrefix($0) }), word.first!.isLetter {
                month = m + 1
            } else if word.contains(Character(":")) {
                let parts = word.split(separator: ":").map { Int($0) }
                guard parts.count >= 2, let h = parts[0], let mi = parts[1] else { return nil }
                time = (h, mi, parts.count > 2 ? (parts[2] ?? 0) : 0)
            } else if (word.hasPrefix("+") || word.hasPrefix("-")) && word.count == 5, let v = Int(word.dropFirst()) {
                offset = (word.hasPrefix("-") ? -1 : 1) * ((v / 100) * 3600 + (v % 100) * 60)
            } else if let zone = zones[word] {
                offset = zone * 3600
            } else if word.count <= 6, let v = Int(word) {
                if v > 31 { year = v < 100 ? 2000 + v : v } else if day == nil { day = v } else { year = 2000 + v }
            }
        }
        guard let day, let month, let year, let time else { return nil }
        return date(year, month, day, time.0, time.1, Double(time.2), offsetSeconds: offset)
    }
}
