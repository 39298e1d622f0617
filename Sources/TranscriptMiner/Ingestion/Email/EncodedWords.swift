/// Decodes RFC 2047 encoded words in header text: `=?charset?B?base64?=` and
/// `=?charset?Q?quoted?=`.
///
/// ```swift
/// var report = EmailDecodeReport()
/// EncodedWords.decode(Array("=?utf-8?B?Q2FyZCBibG9ja2Vk?= =?utf-8?B?IGF0IHRoZSBjYWbDqQ==?=".utf8), report: &report)
/// // "Card blocked at the café"
/// EncodedWords.decode(Array("Re: =?iso-8859-1?Q?caf=E9_au_lait?=".utf8), report: &report)   // "Re: café au lait"
/// ```
///
/// - Whitespace between two adjacent encoded words is dropped (§6.2); encoded words of the same
///   character set next to each other are joined as bytes before decoding, so a multi-byte
///   character split across two words (a common encoder bug) survives.
/// - The character set goes through ``EmailCharset`` (ICU; unknown names noted in the report);
///   an RFC 2231 language suffix (`utf-8*en`) is ignored.
/// - Text outside encoded words is UTF-8 (RFC 6532), repaired and counted when ill-formed.
/// - Lenient: a word whose base64 does not decode, or that is not well formed, stays as it is.
/// - Complexity: O(n) in the length of the header value.
enum EncodedWords {
    /// The decoded text of a raw header value.
    static func decode(_ raw: [UInt8], report: inout EmailDecodeReport) -> String {
        var out = ""
        var pendingCharset: String?
        var pending: [UInt8] = []
        var literal: [UInt8] = []
        func flushPending() {
            if let charset = pendingCharset { out += EmailCharset.decode(pending, charset: charset, report: &report) }
            pendingCharset = nil
            pending.removeAll()
        }
        func flushLiteral() {
            if !literal.isEmpty { out += EmailCharset.decode(literal, charset: "utf-8", report: &report) }
            literal.removeAll()
        }
        var i = 0
        while i < raw.count {
            if raw[i] == UInt8(ascii: "="), i + 1 < raw.count, raw[i + 1] == UInt8(ascii: "?"),
               let word = parseWord(raw, from: i) {
                let onlySpace = literal.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D || $0 == 0x0A }
                if pendingCharset != nil && onlySpace {
                    literal.removeAll()
                    if pendingCharset != word.charset { flushPending() }
                } else {
                    flushPending()
                    flushLiteral()
                }
                pendingCharset = word.charset
                pending.append(contentsOf: word.bytes)
                i = word.end
                continue
            }
            literal.append(raw[i])
            i += 1
        }
        flushPending()
        flushLiteral()
        return out
    }

    /// The encoded word starting at `start` (at `=?`): its normalized charset, decoded bytes and
    /// end; nil when it is not a well-formed word.
    static func parseWord(_ raw: [UInt8], from start: Int) -> (charset: String, bytes: [UInt8], end: Int)? {
        var i = start + 2
        let charsetStart = i
        while i < raw.count, raw[i] != UInt8(ascii: "?"), i - charsetStart < 76 {
            guard raw[i] > 32, raw[i] < 127 else { return nil }
            i += 1
        }
        guard i < raw.count, raw[i] == UInt8(ascii: "?"), i > charsetStart else { return nil }
        let charset = EmailCharset.normalized(String(decoding: raw[charsetStart..<i], as: UTF8.self))
        i += 1
        guard i + 1 < raw.count, raw[i + 1] == UInt8(ascii: "?") else { return nil }
        let encoding = raw[i] | 0x20
        guard encoding == UInt8(ascii: "b") || encoding == UInt8(ascii: "q") else { return nil }
        i += 2
        let textStart = i
        while i < raw.count, raw[i] != UInt8(ascii: "?") {
            guard raw[i] > 32, raw[i] < 127 else { return nil }
            i += 1
        }
        guard i + 1 < raw.count, raw[i + 1] == UInt8(ascii: "=") else { return nil }
        let text = raw[textStart..<i]
        let bytes: [UInt8]
        if encoding == UInt8(ascii: "b") {
            guard let decoded = LenientBase64.decode(text) else { return nil }
            bytes = decoded
        } else {
            bytes = decodeQ(text)
        }
        return (charset, bytes, i + 2)
    }

    /// The "Q" encoding: quoted-printable where `_` is a space.
    static func decodeQ(_ text: ArraySlice<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(text.count)
        var i = text.startIndex
        while i < text.endIndex {
            let byte = text[i]
            if byte == UInt8(ascii: "_") {
                out.append(0x20)
            } else if byte == UInt8(ascii: "="), i + 2 < text.endIndex,
                      let high = QuotedPrintable.hexValue(text[i + 1]), let low = QuotedPrintable.hexValue(text[i + 2]) {
                out.append(high << 4 | low)
                i += 3
                continue
            } else {
                out.append(byte)
            }
            i += 1
        }
        return out
    }
}
