import Foundation

/// Removes what an email body repeats or appends rather than says: quoted replies, forwarded
/// messages and signatures.
///
/// ```swift
/// let cleaner = EmailBodyCleaner()
/// cleaner.clean("Still blocked.\n\nOn Mon, 15 Jan 2024, Tom wrote:\n> Try again\n\n-- \nJana")
/// // "Still blocked."
/// ```
///
/// Quoted text (``stripsQuotes``), in this order:
/// 1. The body is cut at the first separator line: `-----Original Message-----`,
///    `---------- Forwarded message ---------`, `Begin forwarded message:`, an Outlook header
///    block (a `From:` line with a `Sent:` or `Date:` line among the next four, and the
///    `____` rule above it if any), or an attribution (`On … wrote:`, also wrapped over up to
///    three lines, and `Am … schrieb …:`, `Le … a écrit :`, `El … escribió:`) when the next
///    non-blank line is quoted (`>`).
/// 2. Every remaining line starting with `>` is dropped (interleaved replies keep their
///    unquoted parts).
///
/// Signatures (``stripsSignatures``):
/// 1. Cut at the signature delimiter `-- ` (RFC 3676; `--` alone, as clients that trim spaces
///    send it, too).
/// 2. Cut at a mobile or client footer: `Sent from my iPhone`, `Sent from Outlook for …`,
///    `Get Outlook for …`, `Sent from Mail for Windows`, `Sent from Yahoo Mail`, ….
/// 3. Cut a closing sign-off block: a line that is only a valediction (`Best regards,`,
///    `Kind regards`, `Thanks,`, `Cheers`, `Sincerely`, …), after some text, followed by at
///    most four short lines (≤ 60 characters and ≤ 5 words: name, title, company, phone) to
///    the end.
///
/// Then blank lines collapse to one and the text is trimmed. The result may be empty (a
/// message that only quotes).
/// - Complexity: O(n) in the length of the body.
struct EmailBodyCleaner: Sendable, Hashable {
    /// Whether quoted replies and forwarded messages are removed. Default `true`.
    var stripsQuotes = true
    /// Whether signatures, client footers and sign-off blocks are removed. Default `true`.
    var stripsSignatures = true

    /// The cleaned text of `body`.
    func clean(_ body: String) -> String {
        var lines = mailLines(body)
        if stripsQuotes {
            if let cut = Self.quoteCut(lines) { lines.removeSubrange(cut...) }
            lines.removeAll { Self.isQuoted($0) }
        }
        if stripsSignatures {
            if let cut = lines.firstIndex(where: { Self.isSignatureDelimiter($0) || Self.isClientFooter($0) }) {
                lines.removeSubrange(cut...)
            }
            if let cut = Self.signOffCut(lines) { lines.removeSubrange(cut...) }
        }
        return HTMLText.normalizedLines(lines.joined(separator: "\n"))
    }

    /// Whether `line` is quoted text (`>` after optional spaces).
    static func isQuoted(_ line: Substring) -> Bool {
        line.drop { $0 == " " || $0 == "\t" }.first == ">"
    }

    /// The index of the first line of quoted or forwarded material, if any.
    static func quoteCut(_ lines: [Substring]) -> Int? {
        for (index, raw) in lines.enumerated() {
            let line = raw.mailTrimmed()
            let lower = line.lowercased()
            let letters = lower.filter { $0.isLetter || $0 == " " }.mailTrimmed()
            if lower.hasPrefix("--"), letters == "original message" || letters == "forwarded message" { return index }
            if lower.hasPrefix("begin forwarded message") { return index }
            if lower.hasPrefix("-----") || lower.hasPrefix("_____"), line.allSatisfy({ $0 == "-" || $0 == "_" }),
               index + 1 < lines.count, isOutlookBlock(lines, at: index + 1) {
                return index
            }
            if isOutlookBlock(lines, at: index) { return index }
            if let end = attributionEnd(lines, at: index) {
                var next = end + 1
                while next < lines.count, lines[next].allSatisfy({ $0 == " " || $0 == "\t" }) { next += 1 }
                if next < lines.count, isQuoted(lines[next]) { return index }
            }
        }
        return nil
    }

    /// Whether an Outlook header block (`From:` then `Sent:`/`Date:` within four lines) starts at
    /// `index`.
    static func isOutlookBlock(_ lines: [Substring], at index: Int) -> Bool {
        func field(_ line: Substring) -> String {
            let trimmed = line.mailTrimmed().replacingOccurrences(of: "*", with: "")
            guard let colon = trimmed.firstIndex(of: ":") else { return "" }
            return trimmed[..<colon].lowercased()
        }
        guard index < lines.count, ["from", "von", "de"].contains(field(lines[index])) else { return false }
        let after = lines[(index + 1)..<min(lines.count, index + 5)]
        return after.contains { ["sent", "date", "gesendet", "envoyé", "enviado"].contains(field($0)) }
    }

    /// The index of the last line of an attribution (`On … wrote:`) starting at `index`, which
    /// may be wrapped over up to three lines.
    static func attributionEnd(_ lines: [Substring], at index: Int) -> Int? {
        let first = lines[index].mailTrimmed()
        let starts = ["On ", "Am ", "Le ", "El "]
        guard starts.contains(where: { first.hasPrefix($0) }) else { return nil }
        let german = first.hasPrefix("Am ")
        var joined = ""
        for end in index..<min(lines.count, index + 3) {
            joined += (joined.isEmpty ? "" : " ") + lines[end].mailTrimmed()
            let lower = joined.lowercased()
            if lower.hasSuffix("wrote:") || (german && lower.contains(" schrieb") && lower.hasSuffix(":")) || lower.hasSuffix("a écrit :")
                || lower.hasSuffix("a écrit:") || lower.hasSuffix("escribió:") {
                return end
            }
            if lines[end].mailTrimmed().isEmpty { return nil }
        }
        return nil
    }

    /// Whether `line` is the signature delimiter `-- ` (or `--`).
    static func isSignatureDelimiter(_ line: Substring) -> Bool {
        line == "-- " || line == "--"
    }

    private static let footerPrefixes = [
        "sent from my ", "sent from outlook", "get outlook for", "sent from mail for windows", "sent from yahoo mail",
        "sent from samsung", "sent from gmail", "sent via ", "von meinem iphone gesendet", "envoyé de mon iphone",
        "enviado desde mi iphone",
    ]

    /// Whether `line` is a mobile or mail-client footer (`Sent from my iPhone`, …).
    static func isClientFooter(_ line: Substring) -> Bool {
        let lower = line.mailTrimmed().lowercased()
        guard lower.count <= 60 else { return false }
        return footerPrefixes.contains { lower.hasPrefix($0) }
    }

    private static let valedictions: Set<String> = [
        "best", "best regards", "kind regards", "regards", "warm regards", "best wishes", "many thanks", "thanks",
        "thank you", "thanks again", "thanks in advance", "cheers", "sincerely", "yours sincerely", "yours truly",
        "all the best", "take care", "br", "mit freundlichen grüßen", "viele grüße", "cordialement", "saludos",
        "un saludo", "atentamente",
    ]

    /// The index of a closing sign-off block's valediction, if the body ends with one.
    static func signOffCut(_ lines: [Substring]) -> Int? {
        var nonBlankAfter = 0
        var index = lines.count - 1
        while index >= 0 {
            let trimmed = lines[index].mailTrimmed()
            if !trimmed.isEmpty {
                var key = trimmed.lowercased()
                while let last = key.last, ",.!;-–".contains(last) { key.removeLast() }
                if valedictions.contains(key.mailTrimmed()) {
                    let textBefore = lines[..<index].contains { !$0.mailTrimmed().isEmpty }
                    return textBefore ? index : nil
                }
                nonBlankAfter += 1
                let words = trimmed.split(whereSeparator: { $0 == " " || $0 == "\t" }).count
                if nonBlankAfter > 4 || trimmed.count > 60 || words > 5 { return nil }
            }
            index -= 1
        }
        return nil
    }
}
