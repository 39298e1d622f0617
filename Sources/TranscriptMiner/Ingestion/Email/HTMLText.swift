import Tokenizer

/// Turns an HTML email body into plain text lines: block elements become line breaks, markup is
/// stripped with ``MarkupStripCharFilter``, and quoted blocks become a `>` marker line.
///
/// ```swift
/// HTMLText.text(from: "<p>Hi Jana,</p><p>your card&nbsp;works.</p><blockquote>old</blockquote>")
/// // "Hi Jana,\nyour card works.\n>"
/// ```
///
/// Raw line breaks in HTML source are spaces (as a browser renders them); `<br>`, `<hr>` and
/// the ends of `p`, `div`, `li`, `tr`, `table` and headings are line breaks. `<head>` is
/// dropped. Each `<blockquote>` (nested ones included) becomes one line `>`, so the quote
/// stripping of ``EmailBodyCleaner`` treats it as quoted text, as it does `>` lines in plain
/// text. Runs of spaces collapse; blank lines collapse to one.
/// - Complexity: O(n) in the length of the HTML.
enum HTMLText {
    /// The text of `html`.
    static func text(from html: String) -> String {
        let input = Array(html.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(input.count)
        var i = 0
        while i < input.count {
            let byte = input[i]
            if byte == 0x0A || byte == 0x0D || byte == 0x09 {
                output.append(0x20)
                i += 1
                continue
            }
            guard byte == UInt8(ascii: "<"), let end = tagEnd(input, from: i) else {
                output.append(byte)
                i += 1
                continue
            }
            let (name, closing) = tagName(input, from: i)
            if name == "head" && !closing {
                i = closingTagEnd(input, name: "head", from: end) ?? input.count
                continue
            }
            if name == "blockquote" && !closing {
                var depth = 1
                var j = end
                while j < input.count, depth > 0 {
                    if input[j] == UInt8(ascii: "<"), let tagEndIndex = tagEnd(input, from: j) {
                        let (inner, innerClosing) = tagName(input, from: j)
                        if inner == "blockquote" { depth += innerClosing ? -1 : 1 }
                        j = tagEndIndex
                    } else {
                        j += 1
                    }
                }
                output.append(contentsOf: Array("\n>\n".utf8))
                i = j
                continue
            }
            output.append(contentsOf: input[i..<end])
            if name == "br" || name == "hr" || (closing && blockNames.contains(name)) { output.append(0x0A) }
            i = end
        }
        let stripped = MarkupStripCharFilter().filter(String(decoding: output, as: UTF8.self)).text
        return normalizedLines(stripped)
    }

    private static let blockNames: Set<String> = ["p", "div", "li", "tr", "table", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "pre"]

    /// Lines with runs of spaces collapsed and trimmed; blank lines collapsed to one; the whole
    /// trimmed.
    static func normalizedLines(_ text: String) -> String {
        var lines: [String] = []
        var previousBlank = true
        for rawLine in mailLines(text) {
            var line = String.UnicodeScalarView()
            var space = false
            for scalar in rawLine.unicodeScalars {
                if scalar == " " || scalar == "\t" || scalar == "\u{A0}" || scalar == "\r" {
                    space = true
                } else {
                    if space && !line.isEmpty { line.append(" ") }
                    space = false
                    line.append(scalar)
                }
            }
            if line.isEmpty {
                if !previousBlank { lines.append("") }
                previousBlank = true
            } else {
                lines.append(String(line))
                previousBlank = false
            }
        }
        while lines.last == "" { lines.removeLast() }
        return lines.joined(separator: "\n")
    }

    /// The end (past `>`) of the tag at `i`, or nil when `<` does not start a tag.
    private static func tagEnd(_ s: [UInt8], from i: Int) -> Int? {
        guard i + 1 < s.count else { return nil }
        let next = s[i + 1]
        if next == UInt8(ascii: "!"), i + 3 < s.count, s[i + 2] == UInt8(ascii: "-"), s[i + 3] == UInt8(ascii: "-") {
            var j = i + 4
            while j + 2 < s.count {
                if s[j] == UInt8(ascii: "-"), s[j + 1] == UInt8(ascii: "-"), s[j + 2] == UInt8(ascii: ">") { return j + 3 }
                j += 1
            }
            return nil
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

    /// The lower-cased name of the tag at `i` and whether it is a closing tag.
    private static func tagName(_ s: [UInt8], from i: Int) -> (String, Bool) {
        var j = i + 1
        let closing = j < s.count && s[j] == UInt8(ascii: "/")
        if closing { j += 1 }
        var name: [UInt8] = []
        while j < s.count, (s[j] | 0x20) &- 97 < 26 || s[j] &- 48 < 10, name.count < 12 {
            name.append(s[j] | (s[j] &- 48 < 10 ? 0 : 0x20))
            j += 1
        }
        return (String(decoding: name, as: UTF8.self), closing)
    }

    /// The end of the closing tag `</name>` at or after `i`.
    private static func closingTagEnd(_ s: [UInt8], name: String, from i: Int) -> Int? {
        var j = i
        while j < s.count {
            if s[j] == UInt8(ascii: "<"), let end = tagEnd(s, from: j) {
                let (found, closing) = tagName(s, from: j)
                if closing && found == name { return end }
                j = end
            } else {
                j += 1
            }
        }
        return nil
    }
}
