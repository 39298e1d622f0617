/// Finds the spans that word-break rules would cut apart: URLs, emails, @mentions, #hashtags,
/// order identifiers, placeholders and digit groups.
///
/// ICU's word rules (UAX #29) split `https://example.com/a` at `:` and `/`, an email at `@`,
/// and `A-1234` into `A` and `1234`. The scanner runs first, in one pass over the UTF-8 bytes,
/// and ``ICUWordSegmenter`` emits each span as one token in place of the ICU segments it covers.
///
/// What it recognises (ASCII syntax; text around it may be in any script):
/// - URLs: `scheme://…` (scheme of letters, digits, `+`, `.`, `-`), `www.…`, and bare domains
///   whose last label is a common top-level domain (`example.com/help`). A URL ends at white
///   space, a non-ASCII byte, or `<>"`; trailing `.,;:!?'` and unbalanced `)]}` are left out.
/// - Emails: `local@domain.tld` with a top-level domain of 2+ letters.
/// - Mentions: `@handle` after a non-word character.
/// - Hashtags: `#tag` where the tag has a letter (any script).
/// - Identifiers: groups of ASCII letters and digits joined by `-` or `/` with at least one
///   group that has a letter and one all-digit group of 2+ digits (`A-1234`, `ORD-2024-0042`),
///   or the same after `#`, or `#` followed by 2+ digits (`#12345`).
/// - Digit groups: 2+ all-digit groups joined by `-` or `/` (`2024-05-17`, `555-123-4567`) as
///   one `.number`.
/// - Placeholders: `[UPPER_CASE]` (redaction markers such as `[EMAIL]`) and `<lower_case>`.
///
/// Spans never overlap and come in order.
/// - Complexity: O(n) in the length of the text; a byte is revisited only while a candidate
///   span is measured, and the scan resumes after each span found.
public struct SpecialSpanScanner: Sendable, Hashable {
    /// Creates a scanner.
    public init() {}

    /// Appends the spans of `bytes` to `spans` (which is emptied first).
    public func scan(_ bytes: UnsafeBufferPointer<UInt8>, into spans: inout [SpecialSpan]) {
        spans.removeAll(keepingCapacity: true)
        var scan = Scan(bytes: bytes)
        var i = 0
        let n = bytes.count
        // Bytes that may start or anchor a span: : . # - / < (below 64) and @ [ (64–127). A
        // `www.` URL is found at its dot (letters are too common to stop at every `w`).
        let low: UInt64 = 1 << 58 | 1 << 46 | 1 << 35 | 1 << 45 | 1 << 47 | 1 << 60
        let high: UInt64 = 1 << (64 - 64) | 1 << (91 - 64)
        guard let base = bytes.baseAddress else { return }
        while i < n {
            // Skip to the next trigger byte (no bounds checks in this loop).
            var b = base[i]
            while (((b < 64 ? low : (b < 128 ? high : 0)) >> UInt64(b & 63)) & 1) == 0 {
                i += 1
                if i == n { return }
                b = base[i]
            }
            let found: SpecialSpan?
            switch b {
            case UInt8(ascii: ":"): found = scan.schemeURL(colon: i)
            case UInt8(ascii: "."): found = scan.wwwURL(dot: i) ?? scan.bareDomain(dot: i)
            case UInt8(ascii: "@"): found = scan.emailOrMention(at: i)
            case UInt8(ascii: "#"): found = scan.hashtagOrIdentifier(at: i)
            case UInt8(ascii: "-"), UInt8(ascii: "/"): found = scan.joinedGroups(separator: i)
            case UInt8(ascii: "["), UInt8(ascii: "<"): found = scan.placeholder(at: i)
            default: found = nil
            }
            if let found {
                spans.append(found)
                scan.floor = found.range.upperBound
                i = found.range.upperBound
            } else {
                i += 1
            }
        }
    }
}

/// The state of one scan: the bytes and the end of the last span (no span may start before it).
private struct Scan {
    let bytes: UnsafeBufferPointer<UInt8>
    var floor = 0

    init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    var count: Int { bytes.count }

    // MARK: Byte classes

    @inline(__always) static func isDigit(_ b: UInt8) -> Bool { b &- 48 < 10 }
    @inline(__always) static func isLetter(_ b: UInt8) -> Bool { (b | 0x20) &- 97 < 26 }
    @inline(__always) static func isAlnum(_ b: UInt8) -> Bool { isDigit(b) || isLetter(b) }
    /// Letters, digits, `_` and any non-ASCII byte (which is part of a letter in most text).
    @inline(__always) static func isWordByte(_ b: UInt8) -> Bool { isAlnum(b) || b == 95 || b >= 0x80 }
    @inline(__always) static func isLocalPart(_ b: UInt8) -> Bool {
        isAlnum(b) || b == UInt8(ascii: ".") || b == UInt8(ascii: "_") || b == UInt8(ascii: "%")
            || b == UInt8(ascii: "+") || b == UInt8(ascii: "-")
    }

    /// Whether a span may start at `i`: nothing word-like stands right before it.
    @inline(__always) func startsWord(_ i: Int) -> Bool { i == 0 || !Scan.isWordByte(bytes[i - 1]) }

    // MARK: URLs

    static let topLevelDomains: Set<String> = [
        "com", "org", "net", "edu", "gov", "mil", "int", "io", "co", "uk", "us", "ca", "au", "de", "fr", "es",
        "nl", "be", "ch", "at", "se", "no", "dk", "fi", "pl", "pt", "ie", "jp", "cn", "kr", "ru", "br", "mx",
        "nz", "za", "sg", "hk", "tw", "info", "biz", "app", "dev", "ly", "tv", "ai", "gl",
    ]

    /// `scheme://…` with the colon at `colon`.
    func schemeURL(colon: Int) -> SpecialSpan? {
        guard colon + 3 < count, bytes[colon + 1] == UInt8(ascii: "/"), bytes[colon + 2] == UInt8(ascii: "/") else { return nil }
        var start = colon
        while start > floor {
            let b = bytes[start - 1]
            guard Scan.isAlnum(b) || b == UInt8(ascii: "+") || b == UInt8(ascii: ".") || b == UInt8(ascii: "-") else { break }
            start -= 1
        }
        guard start < colon, Scan.isLetter(bytes[start]), startsWord(start) else { return nil }
        let end = urlEnd(from: colon + 3)
        return end > colon + 3 ? SpecialSpan(range: start..<end, kind: .url) : nil
    }

    /// `www.` whose dot is at `dot`.
    ///
    /// The same as looking at every `w`: a `www.` URL starting at `i` needs its dot at `i + 3`,
    /// and no other trigger byte can come between (so no span found in between moves `floor`).
    @inline(__always)
    func wwwURL(dot: Int) -> SpecialSpan? {
        guard dot >= 3, bytes[dot - 1] | 0x20 == UInt8(ascii: "w") else { return nil }
        return wwwURL(at: dot - 3)
    }

    /// `www.` at `i`.
    func wwwURL(at i: Int) -> SpecialSpan? {
        guard i >= floor, i + 4 < count, bytes[i] | 0x20 == UInt8(ascii: "w"), startsWord(i),
              bytes[i + 1] | 0x20 == UInt8(ascii: "w"), bytes[i + 2] | 0x20 == UInt8(ascii: "w"),
              bytes[i + 3] == UInt8(ascii: "."), Scan.isAlnum(bytes[i + 4]) else { return nil }
        return SpecialSpan(range: i..<urlEnd(from: i + 4), kind: .url)
    }

    /// `label.tld` with the first dot at `dot`, where the text after the last dot is a
    /// well-known top-level domain.
    func bareDomain(dot: Int) -> SpecialSpan? {
        var start = dot
        while start > floor, Scan.isAlnum(bytes[start - 1]) || bytes[start - 1] == UInt8(ascii: "-") { start -= 1 }
        guard dot - start >= 2, Scan.isAlnum(bytes[start]), startsWord(start) else { return nil }
        // Labels after the dot: the last one must be a known TLD.
        var end = dot
        var lastLabel = dot..<dot
        while end < count, bytes[end] == UInt8(ascii: ".") {
            var j = end + 1
            while j < count, Scan.isAlnum(bytes[j]) || bytes[j] == UInt8(ascii: "-") { j += 1 }
            if j == end + 1 { break }
            lastLabel = (end + 1)..<j
            end = j
        }
        guard end > dot, end == count || !Scan.isWordByte(bytes[end]) else { return nil }
        guard lastLabel.count <= 4, lastLabel.allSatisfy({ Scan.isLetter(bytes[$0]) }) else { return nil }
        let tld = String(decoding: UnsafeBufferPointer(rebasing: bytes[lastLabel]), as: UTF8.self).lowercased()
        guard Scan.topLevelDomains.contains(tld) else { return nil }
        // A path, query or fragment after the domain belongs to the URL.
        if end < count, bytes[end] == UInt8(ascii: "/") || bytes[end] == UInt8(ascii: "?") || bytes[end] == UInt8(ascii: "#") {
            end = max(end, urlEnd(from: end))
        }
        return SpecialSpan(range: start..<end, kind: .url)
    }

    /// Where a URL that continues at `i` ends.
    func urlEnd(from i: Int) -> Int {
        var end = i
        var open = 0
        while end < count {
            let b = bytes[end]
            if b <= 0x20 || b >= 0x7F || b == UInt8(ascii: "<") || b == UInt8(ascii: ">") || b == UInt8(ascii: "\"") { break }
            if b == UInt8(ascii: "(") { open += 1 }
            if b == UInt8(ascii: ")") { open -= 1 }
            end += 1
        }
        // Trailing punctuation belongs to the sentence, not the URL.
        while end > i {
            let b = bytes[end - 1]
            if b == UInt8(ascii: ")") && open < 0 { open += 1; end -= 1; continue }
            if [UInt8(ascii: "."), UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: ":"), UInt8(ascii: "!"),
                UInt8(ascii: "?"), UInt8(ascii: "'"), UInt8(ascii: "]"), UInt8(ascii: "}")].contains(b) {
                end -= 1
                continue
            }
            break
        }
        return end
    }

    // MARK: Emails and mentions

    func emailOrMention(at: Int) -> SpecialSpan? {
        var start = at
        while start > floor, Scan.isLocalPart(bytes[start - 1]) { start -= 1 }
        if start < at {
            guard bytes[start] != UInt8(ascii: "."), startsWord(start), let end = domainEnd(from: at + 1) else { return nil }
            return SpecialSpan(range: start..<end, kind: .email)
        }
        guard startsWord(at) else { return nil }
        var end = at + 1
        while end < count, Scan.isAlnum(bytes[end]) || bytes[end] == UInt8(ascii: "_") { end += 1 }
        guard end > at + 1, end == count || !Scan.isWordByte(bytes[end]) else { return nil }
        return SpecialSpan(range: at..<end, kind: .mention)
    }

    /// The end of `label(.label)+` starting at `i` whose last label is 2+ letters, or nil.
    func domainEnd(from i: Int) -> Int? {
        var end = i
        var labels = 0
        var lastLabelIsTLD = false
        while end < count {
            var j = end
            var letters = true
            while j < count, Scan.isAlnum(bytes[j]) || bytes[j] == UInt8(ascii: "-") {
                letters = letters && Scan.isLetter(bytes[j])
                j += 1
            }
            if j == end { break }
            labels += 1
            lastLabelIsTLD = letters && j - end >= 2
            end = j
            guard end + 1 < count, bytes[end] == UInt8(ascii: "."), Scan.isAlnum(bytes[end + 1]) else { break }
            end += 1
        }
        guard labels >= 2, lastLabelIsTLD, end == count || !Scan.isWordByte(bytes[end]) else { return nil }
        return end
    }

    // MARK: Hashtags and identifiers

    func hashtagOrIdentifier(at: Int) -> SpecialSpan? {
        guard at >= floor, at + 1 < count, startsWord(at) else { return nil }
        if let groups = measureGroups(from: at + 1) {
            if groups.isIdentifier || (groups.count == 1 && groups.digitsOnly && groups.end - at - 1 >= 2) {
                return SpecialSpan(range: at..<groups.end, kind: .identifier)
            }
        }
        // A hashtag: letters, marks, digits and `_` of any script, with at least one letter.
        var end = at + 1
        var hasLetter = false
        while end < count {
            let b = bytes[end]
            if b < 0x80 {
                guard Scan.isAlnum(b) || b == UInt8(ascii: "_") else { break }
                hasLetter = hasLetter || Scan.isLetter(b)
                end += 1
                continue
            }
            guard let (scalar, length) = decodeScalar(at: end) else { break }
            let properties = scalar.properties
            let isLetter = properties.isAlphabetic
            guard isLetter || properties.generalCategory == .decimalNumber || properties.generalCategory == .nonspacingMark
                    || properties.generalCategory == .spacingMark else { break }
            hasLetter = hasLetter || isLetter
            end += length
        }
        guard hasLetter else { return nil }
        return SpecialSpan(range: at..<end, kind: .hashtag)
    }

    /// ASCII alphanumeric groups joined by `-` or `/`, with the separator at `separator`.
    func joinedGroups(separator: Int) -> SpecialSpan? {
        var start = separator
        while start > floor, Scan.isAlnum(bytes[start - 1]) { start -= 1 }
        guard start < separator, startsWord(start), start == 0 || (bytes[start - 1] != UInt8(ascii: "-") && bytes[start - 1] != UInt8(ascii: "/")) else { return nil }
        guard let groups = measureGroups(from: start), groups.count >= 2 else { return nil }
        if groups.isIdentifier { return SpecialSpan(range: start..<groups.end, kind: .identifier) }
        if groups.digitsOnly { return SpecialSpan(range: start..<groups.end, kind: .number) }
        return nil
    }

    struct Groups {
        var end: Int
        var count: Int
        var digitsOnly: Bool
        /// A group with a letter and an all-digit group of 2+ digits.
        var isIdentifier: Bool
    }

    /// Measures `group([-/]group)*` from `i`, where a group is ASCII letters and digits.
    func measureGroups(from i: Int) -> Groups? {
        var end = i
        var groupCount = 0
        var digitsOnly = true
        var hasLetterGroup = false
        var hasNumberGroup = false
        while end < bytes.count {
            var j = end
            var letters = 0
            while j < bytes.count, Scan.isAlnum(bytes[j]) {
                if Scan.isLetter(bytes[j]) { letters += 1 }
                j += 1
            }
            if j == end { break }
            groupCount += 1
            if letters > 0 { hasLetterGroup = true; digitsOnly = false }
            if letters == 0 && j - end >= 2 { hasNumberGroup = true }
            end = j
            guard end + 1 < bytes.count, bytes[end] == UInt8(ascii: "-") || bytes[end] == UInt8(ascii: "/"),
                  Scan.isAlnum(bytes[end + 1]) else { break }
            end += 1
        }
        guard groupCount > 0, end == bytes.count || !Scan.isWordByte(bytes[end]) else { return nil }
        return Groups(end: end, count: groupCount, digitsOnly: digitsOnly, isIdentifier: hasLetterGroup && hasNumberGroup)
    }

    // MARK: Placeholders

    /// `[UPPER_CASE]` or `<lower_case>` at `at`.
    func placeholder(at: Int) -> SpecialSpan? {
        let open = bytes[at]
        let close = open == UInt8(ascii: "[") ? UInt8(ascii: "]") : UInt8(ascii: ">")
        var end = at + 1
        while end < count, end - at <= 32 {
            let b = bytes[end]
            if b == close { break }
            let allowed = open == UInt8(ascii: "[")
                ? (b &- 65 < 26 || Scan.isDigit(b) || b == UInt8(ascii: "_"))
                : (b &- 97 < 26 || b == UInt8(ascii: "_"))
            guard allowed else { return nil }
            end += 1
        }
        guard end < count, bytes[end] == close, end > at + 1, !Scan.isDigit(bytes[at + 1]), bytes[at + 1] != UInt8(ascii: "_") else { return nil }
        return SpecialSpan(range: at..<(end + 1), kind: .placeholder)
    }

    // MARK: UTF-8

    /// The scalar starting at `i` and its length in bytes, or nil for an ill-formed sequence.
    func decodeScalar(at i: Int) -> (Unicode.Scalar, Int)? {
        let b0 = UInt32(bytes[i])
        let length = b0 >= 0xF0 ? 4 : b0 >= 0xE0 ? 3 : b0 >= 0xC0 ? 2 : 1
        guard length > 1, i + length <= count else { return nil }
        var value = b0 & (0xFF >> (length + 1))
        for k in 1..<length {
            let b = UInt32(bytes[i + k])
            guard b & 0xC0 == 0x80 else { return nil }
            value = value << 6 | (b & 0x3F)
        }
        guard let scalar = Unicode.Scalar(value) else { return nil }
        return (scalar, length)
    }
}
