/// The repairs made while decoding one email message: counted, then reported once per message
/// as non-rejecting problems (the message is kept).
///
/// ```swift
/// var report = EmailDecodeReport()
/// _ = EmailCharset.decode([0xC3], charset: "utf-8", report: &report)
/// report.replacements   // 1
/// ```
///
/// Holds no message text: only counts and (sanitized) character set names from headers.
struct EmailDecodeReport: Sendable, Hashable {
    /// Ill-formed UTF-8 sequences replaced with U+FFFD.
    var replacements = 0
    /// Character set names ICU does not know (at most ``maximumNames``, sanitized).
    var unknownCharsets: [String] = []
    /// How many distinct unknown names are kept.
    static let maximumNames = 3

    /// Records an unknown character set name, keeping only `[A-Za-z0-9._:+-]` and 40 characters.
    mutating func noteUnknownCharset(_ name: String) {
        let clean = String(name.unicodeScalars.filter {
            $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "._:+-".unicodeScalars.contains($0))
        }.prefix(40).map(Character.init))
        if !unknownCharsets.contains(clean), unknownCharsets.count < Self.maximumNames { unknownCharsets.append(clean) }
    }

    /// The non-rejecting problems to report for these repairs at `location`.
    func problems(at location: SourceLocation) -> [IngestionProblem] {
        var out: [IngestionProblem] = []
        if !unknownCharsets.isEmpty {
            let names = unknownCharsets.map { "'\($0)'" }.joined(separator: ", ")
            out.append(IngestionProblem(.unknownCharset, at: location,
                                        "unknown character set \(names): text decoded as UTF-8", isRejection: false))
        }
        if replacements > 0 {
            out.append(IngestionProblem(.invalidUTF8, at: location,
                                        "\(replacements) invalid UTF-8 sequence(s) replaced with U+FFFD", isRejection: false))
        }
        return out
    }
}
