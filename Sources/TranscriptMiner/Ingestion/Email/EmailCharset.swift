import Tokenizer

/// Decodes the bytes of a MIME part or encoded word in its declared character set, through
/// ICU's converters (``CharsetConverter``), never failing.
///
/// ```swift
/// var report = EmailDecodeReport()
/// EmailCharset.decode([0x63, 0x61, 0x66, 0xE9], charset: "ISO-8859-1", report: &report)   // "café"
/// EmailCharset.decode(Array("ok".utf8), charset: "x-unknown-7", report: &report)          // "ok", noted as unknown
/// ```
///
/// - No charset, `us-ascii` and `utf-8`: UTF-8, with ill-formed sequences repaired and counted
///   (8-bit bytes labelled us-ascii are common and almost always UTF-8).
/// - `iso-8859-1`/`latin1`: decoded as windows-1252, its superset, as browsers do (WHATWG
///   Encoding): mail labelled Latin-1 often holds `€` or curly quotes from 0x80–0x9F.
/// - Any other name ICU knows: ICU (unmappable bytes become U+FFFD).
/// - A name ICU does not know: UTF-8 with repairs, and the name is noted in the report.
/// - Bytes that are all ASCII, in a charset where ASCII means ASCII, are taken as they are
///   without asking ICU (so an unknown name is not reported when nothing needed repair).
/// - Complexity: O(n) in the number of bytes.
enum EmailCharset {
    /// The text of `bytes` in `charset` (nil or empty: UTF-8).
    static func decode(_ bytes: [UInt8], charset: String?, report: inout EmailDecodeReport) -> String {
        let name = normalized(charset)
        switch name {
        case "", "us-ascii", "ascii", "utf-8", "utf8", "unicode-1-1-utf-8", "ansi_x3.4-1968", "646":
            return utf8(bytes, report: &report)
        default:
            break
        }
        let icuName: String
        switch name {
        case "iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "latin-1", "l1", "iso-ir-100", "cp819", "ibm819":
            icuName = "windows-1252"
        default:
            icuName = name
        }
        if bytes.allSatisfy({ $0 < 0x80 }), isASCIICompatible(icuName) {
            return String(decoding: bytes, as: UTF8.self)
        }
        do {
            return try CharsetConverter.decode(bytes, charset: icuName)
        } catch {
            report.noteUnknownCharset(name)
            return utf8(bytes, report: &report)
        }
    }

    /// The charset name as compared: trimmed, unquoted, lower-cased, without an RFC 2231
    /// language suffix (`utf-8*en`).
    static func normalized(_ charset: String?) -> String {
        guard var name = charset?.mailTrimmed().lowercased() else { return "" }
        name = String(name.filter { $0 != "\"" && $0 != "'" })
        if let star = name.firstIndex(of: "*") { name = String(name[..<star]) }
        return name
    }

    /// Whether ASCII bytes mean ASCII characters in `name` (false for UTF-7, UTF-16/32 and the
    /// stateful ISO-2022 encodings, where an ICU round is needed).
    private static func isASCIICompatible(_ name: String) -> Bool {
        !(name.hasPrefix("utf-7") || name.hasPrefix("utf-16") || name.hasPrefix("utf-32") || name.hasPrefix("ucs")
          || name.hasPrefix("iso-2022") || name.hasPrefix("hz") || name.hasPrefix("unicode"))
    }

    private static func utf8(_ bytes: [UInt8], report: inout EmailDecodeReport) -> String {
        let repaired = RepairedText(bytes)
        report.replacements += repaired.replacements
        return repaired.text
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces, tabs, CR and LF (the email readers' trim).
    func mailTrimmed() -> String {
        let scalars = Substring(self).unicodeScalars
        guard let first = scalars.firstIndex(where: { !isMailSpace($0) }) else { return "" }
        let last = scalars.lastIndex(where: { !isMailSpace($0) })!
        return String(Substring(scalars[first...last]))
    }
}

/// The lines of `text`, split at every `\n` scalar (a `\r\n` pair is one `Character` in Swift,
/// so splitting on the character `"\n"` would miss it), without a trailing `\r`.
func mailLines(_ text: String) -> [Substring] {
    text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map { scalars in
        let line = Substring(scalars)
        return line.unicodeScalars.last == "\r" ? Substring(line.unicodeScalars.dropLast()) : line
    }
}

/// Whether `scalar` is a space, tab, CR or LF.
@inline(__always) func isMailSpace(_ scalar: Unicode.Scalar) -> Bool {
    scalar == " " || scalar == "\t" || scalar == "\r" || scalar == "\n"
}
