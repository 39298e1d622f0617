/// Strips HTML or XML markup from email bodies and rich chat messages: tags, comments, and the
/// contents of `<script>` and `<style>`; decodes character references (`&amp;`, `&#233;`, `&#xE9;`,
/// and the common named ones).
///
/// ```swift
/// let analyzer = Analyzer(charFilters: [MarkupStripCharFilter()], filters: [CaseFoldFilter()])
/// analyzer.tokens(in: "<p>Card&nbsp;<b>blocked</b></p>").map(\.text)   // ["card", "blocked"]
/// ```
///
/// A tag becomes one space (so `a<br>b` stays two words); offsets of the remaining text map
/// back to the original through the ``OffsetMap``. Unterminated tags (`a < b`) are kept as text.
/// Do not use it on plain text that contains placeholders such as `<url>`: they look like tags.
/// - Complexity: O(n) in the length of the text.
public struct MarkupStripCharFilter: CharFilter, Hashable {
    /// Creates the filter.
    public init() {}

    static let namedReferences: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ", "eacute": "é", "egrave": "è",
        "agrave": "à", "ccedil": "ç", "uuml": "ü", "ouml": "ö", "auml": "ä", "szlig": "ß", "hellip": "…",
        "rsquo": "’", "lsquo": "‘", "rdquo": "”", "ldquo": "“", "ndash": "–", "mdash": "—", "euro": "€", "pound": "£",
    ]

    public func filter(_ text: String) -> FilteredText {
        let input = Array(text.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(input.count)
        var map = OffsetMap()
        var i = 0
        while i < input.count {
            let b = input[i]
            if b == UInt8(ascii: "<"), let end = tagEnd(input, from: i) {
                var skipTo = end
                let name = tagName(input, from: i)
                if name == "script" || name == "style", let close = find(Array("</\(name)".utf8), in: input, from: end),
                   let closeEnd = tagEnd(input, from: close) {
                    skipTo = closeEnd
                }
                output.append(UInt8(ascii: " "))
                map.record(outputOffset: output.count, inputOffset: skipTo)
                i = skipTo
                continue
            }
            if b == UInt8(ascii: "&"), let (decoded, end) = reference(input, from: i) {
                output.append(contentsOf: decoded.utf8)
                map.record(outputOffset: output.count, inputOffset: end)
                i = end
                continue
            }
            output.append(b)
            i += 1
        }
        return FilteredText(text: String(decoding: output, as: UTF8.self), offsets: map)
    }

    /// The end (past `>`) of a tag or comment starting at `i`, or nil when it is not one.
    private func tagEnd(_ s: [UInt8], from i: Int) -> Int? {
        guard i + 1 < s.count else { return nil }
        let next = s[i + 1]
        if next == UInt8(ascii: "!"), s[i...].starts(with: Array("<!--".utf8)) {
            return find(Array("-->".utf8), in: s, from: i + 4).map { $0 + 3 }
        }
        guard (next | 0x20) &- 97 < 26 || next == UInt8(ascii: "/") || next == UInt8(ascii: "!") || next == UInt8(ascii: "?") else { return nil }
        var j = i + 1
        var quote: UInt8 = 0
        while j < s.count {
            let c = s[j]
            if quote != 0 {
                if c == quote { quote = 0 }
            } else if c == UInt8(ascii: "\"") || c == UInt8(ascii: "'") {
                quote = c
            } else if c == UInt8(ascii: ">") {
                return j + 1
            } else if c == UInt8(ascii: "<") {
                return nil
            }
            j += 1
        }
        return nil
    }

    private func tagName(_ s: [UInt8], from i: Int) -> String {
        var j = i + 1
        var name: [UInt8] = []
        while j < s.count, (s[j] | 0x20) &- 97 < 26, name.count < 10 {
            name.append(s[j] | 0x20)
            j += 1
        }
        return String(decoding: name, as: UTF8.self)
    }

    private func find(_ needle: [UInt8], in s: [UInt8], from i: Int) -> Int? {
        guard needle.count <= s.count else { return nil }
        var j = i
        while j + needle.count <= s.count {
            if s[j] == needle[0] || (s[j] | 0x20) == needle[0] {
                var k = 1
                while k < needle.count, s[j + k] | 0x20 == needle[k] | 0x20 { k += 1 }
                if k == needle.count { return j }
            }
            j += 1
        }
        return nil
    }

    /// The decoded character reference at `i` (`&name;`, `&#nnn;`, `&#xhh;`) and its end.
    private func reference(_ s: [UInt8], from i: Int) -> (String, Int)? {
        var j = i + 1
        while j < s.count, j - i <= 10, s[j] != UInt8(ascii: ";") { j += 1 }
        guard j < s.count, s[j] == UInt8(ascii: ";"), j > i + 1 else { return nil }
        let body = String(decoding: s[(i + 1)..<j], as: UTF8.self)
        if body.hasPrefix("#") {
            let digits = body.dropFirst()
            let value = digits.first == "x" || digits.first == "X" ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
            guard let value, let scalar = Unicode.Scalar(value), value != 0 else { return nil }
            return (String(Character(scalar)), j + 1)
        }
        guard let named = MarkupStripCharFilter.namedReferences[body] else { return nil }
        return (named, j + 1)
    }
}
