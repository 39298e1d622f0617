/// A parsed `Content-Type` value: a lower-cased type and subtype,
/// and parameters.
///
/// ```swift
/// let type = MIMEContentType(parsing: "multipart/alternative; boundary=\"=_b1\"; charset=UTF-8")
/// type.mediaType              // "multipart/alternative"
/// type.parameters["boundary"] // "=_b1"
/// ```
///
/// Parameter names are lower-cased; values may be tokens or quoted strings (with `\`
/// escapes); comments in parentheses are skipped; an RFC 2231 extended value
/// (`charset*=utf-8''%E2%82%AC`) is percent-decoded. A value without a `/` (or none at all)
/// gives `text/plain`, the RFC 2045 default. Lenient: a malformed parameter is skipped.
/// - Complexity: O(n) in the length of the value.
struct MIMEContentType: Sendable, Hashable {
    /// The type, lower-cased (`text`, `multipart`, …).
    var type: String
    /// The subtype, lower-cased (`plain`, `html`, `alternative`, …).
    var subtype: String
    /// The parameters by lower-cased name.
    var parameters: [String: String]

    /// `type/subtype`.
    var mediaType: String { "\(type)/\(subtype)" }

    /// Parses a header value; `nil` gives `text/plain`.
    init(parsing value: String?) {
        let scalars = Array((value ?? "").unicodeScalars)
        var i = 0
        func skipSpaceAndComments() {
            while i < scalars.count {
                if isMailSpace(scalars[i]) {
                    i += 1
                } else if scalars[i] == "(" {
                    var depth = 0
                    while i < scalars.count {
                        if scalars[i] == "\\" { i += 2; continue }
                        if scalars[i] == "(" { depth += 1 }
                        if scalars[i] == ")" { depth -= 1; if depth == 0 { i += 1; break } }
                        i += 1
                    }
                } else {
                    break
                }
            }
        }
        func token(stoppingAt stops: Set<Unicode.Scalar>) -> String {
            var out = String.UnicodeScalarView()
            while i < scalars.count, !stops.contains(scalars[i]), !isMailSpace(scalars[i]), scalars[i] != "(" {
                out.append(scalars[i])
                i += 1
            }
            return String(out)
        }
        skipSpaceAndComments()
        let full = token(stoppingAt: [";"]).lowercased()
        let parts = full.split(separator: "/", maxSplits: 1)
        if parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty {
            type = String(parts[0])
            subtype = String(parts[1])
        } else {
            type = "text"
            subtype = "plain"
        }
        parameters = [:]
        while i < scalars.count {
            while i < scalars.count, scalars[i] != ";" { i += 1 }
            guard i < scalars.count else { break }
            i += 1
            skipSpaceAndComments()
            let name = token(stoppingAt: ["=", ";"]).lowercased()
            skipSpaceAndComments()
            guard i < scalars.count, scalars[i] == "=", !name.isEmpty else { continue }
            i += 1
            skipSpaceAndComments()
            var parameterValue: String
            if i < scalars.count, scalars[i] == "\"" {
                i += 1
                var out = String.UnicodeScalarView()
                while i < scalars.count, scalars[i] != "\"" {
                    if scalars[i] == "\\", i + 1 < scalars.count { i += 1 }
                    out.append(scalars[i])
                    i += 1
                }
                i += 1
                parameterValue = String(out)
            } else {
                parameterValue = token(stoppingAt: [";"])
            }
            if name.hasSuffix("*") {
                parameterValue = Self.extendedValue(parameterValue)
                parameters[String(name.dropLast()), default: parameterValue] = parameterValue
            } else if parameters[name] == nil {
                parameters[name] = parameterValue
            }
        }
    }

    /// Whether a `Content-Disposition` value marks an attachment (its first token is
    /// `attachment`).
    static func isAttachment(disposition: String?) -> Bool {
        guard let disposition else { return false }
        let first = disposition.split(whereSeparator: { $0 == ";" || $0 == " " || $0 == "\t" }).first ?? ""
        return first.lowercased() == "attachment"
    }

    /// The value of an RFC 2231 `name*=charset'lang'%XX…` parameter, percent-decoded as UTF-8
    /// (character sets other than UTF-8 are rare here and decoded as UTF-8 too).
    private static func extendedValue(_ value: String) -> String {
        let pieces = value.split(separator: "'", maxSplits: 2, omittingEmptySubsequences: false)
        let encoded = pieces.count == 3 ? pieces[2] : Substring(value)
        var bytes: [UInt8] = []
        let utf8 = Array(encoded.utf8)
        var i = 0
        while i < utf8.count {
            if utf8[i] == UInt8(ascii: "%"), i + 2 < utf8.count,
               let high = QuotedPrintable.hexValue(utf8[i + 1]), let low = QuotedPrintable.hexValue(utf8[i + 2]) {
                bytes.append(high << 4 | low)
                i += 3
            } else {
                bytes.append(utf8[i])
                i += 1
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
