/// Finds the text of a MIME message or part: walks multipart trees, undoes the transfer
/// encoding, converts the character set, and prefers plain text to HTML.
///
/// ```swift
/// let message = Array("Content-Type: text/plain; charset=iso-8859-1\nContent-Transfer-Encoding: quoted-printable\n\ncaf=E9".utf8)
/// let (headers, bodyStart) = EmailHeaders.parse(message[...])
/// MIMEBody.text(headers: headers, body: message[bodyStart...])   // .text("café", isHTML: false, …)
/// ```
///
/// - `text/plain`: the text (`format=flowed` lines are re-joined, RFC 3676).
/// - `text/html`: the text of ``HTMLText``.
/// - `multipart/alternative`: the first non-blank `text/plain` alternative, else the first
///   HTML one (alternatives may themselves be multipart).
/// - Other `multipart/*` (`mixed`, `related`, `signed`, …): the first non-blank text of a part
///   that is not an attachment (`Content-Disposition: attachment`).
/// - Anything else (images, PDFs, `message/rfc822` attachments, calendars): no text.
/// - `Content-Transfer-Encoding`: `quoted-printable` and `base64` decoded leniently
///   (``QuotedPrintable``, ``LenientBase64``); `7bit`, `8bit`, `binary` and unknown ones as is.
///
/// Failure (``Outcome/failed(_:)``) when no text was found and a text part could not be
/// decoded (base64 with foreign characters), a multipart has no boundary or no parts, or parts
/// nest deeper than ``maximumDepth``. The reason never quotes the text.
/// - Complexity: O(n·d) in the body's bytes n and the nesting depth d (each level scans its
///   part once).
enum MIMEBody {
    /// What a message or part yields.
    enum Outcome {
        /// Text was found; `report` holds the repairs made decoding this part only.
        case text(String, isHTML: Bool, report: EmailDecodeReport)
        /// No text part (only attachments, images, …).
        case noText
        /// Broken MIME: why, without quoting content.
        case failed(String)
    }

    /// How deep multiparts may nest.
    static let maximumDepth = 20

    /// The text of the part with `headers` and `body`.
    static func text(headers: EmailHeaders, body: ArraySlice<UInt8>, depth: Int = 0) -> Outcome {
        let contentType = MIMEContentType(parsing: headers.text("content-type"))
        switch contentType.type {
        case "multipart":
            return multipartText(contentType, body: body, depth: depth)
        case "text" where contentType.subtype == "plain" || contentType.subtype == "html":
            return leafText(contentType, headers: headers, body: body)
        default:
            return .noText
        }
    }

    private static func leafText(_ contentType: MIMEContentType, headers: EmailHeaders, body: ArraySlice<UInt8>) -> Outcome {
        let encoding = (headers.text("content-transfer-encoding") ?? "").lowercased()
        var bytes: [UInt8]
        if encoding.hasPrefix("base64") {
            guard let decoded = LenientBase64.decode(body) else {
                return .failed("\(contentType.mediaType) part's base64 body (\(body.count) bytes) holds characters outside the base64 alphabet")
            }
            bytes = decoded
        } else if encoding.hasPrefix("quoted-printable") {
            bytes = QuotedPrintable.decode(body)
        } else {
            bytes = Array(body)
        }
        var report = EmailDecodeReport()
        var text = EmailCharset.decode(bytes, charset: contentType.parameters["charset"], report: &report)
        bytes = []
        if contentType.subtype == "html" {
            return .text(HTMLText.text(from: text), isHTML: true, report: report)
        }
        if contentType.parameters["format"]?.lowercased() == "flowed" {
            text = unflowed(text, deleteSpace: contentType.parameters["delsp"]?.lowercased() == "yes")
        }
        return .text(text, isHTML: false, report: report)
    }

    private static func multipartText(_ contentType: MIMEContentType, body: ArraySlice<UInt8>, depth: Int) -> Outcome {
        guard depth < maximumDepth else { return .failed("MIME parts nest deeper than \(maximumDepth) levels") }
        guard let boundary = contentType.parameters["boundary"], !boundary.isEmpty, boundary.utf8.count <= 200 else {
            return .failed("\(contentType.mediaType) without a usable boundary parameter")
        }
        let parts = split(body, boundary: Array(boundary.utf8))
        guard !parts.isEmpty else { return .failed("\(contentType.mediaType) body has no part delimited by its boundary") }
        var failure: String?
        var blank: Outcome?
        if contentType.subtype == "alternative" {
            var html: Outcome?
            for part in parts {
                let (headers, start) = EmailHeaders.parse(part)
                let outcome = text(headers: headers, body: part[start...], depth: depth + 1)
                switch outcome {
                case .text(let text, let isHTML, _):
                    if text.mailTrimmed().isEmpty {
                        blank = blank ?? outcome
                    } else if !isHTML {
                        return outcome
                    } else if html == nil {
                        html = outcome
                    }
                case .failed(let reason):
                    failure = failure ?? reason
                case .noText:
                    break
                }
            }
            if let html { return html }
        } else {
            for part in parts {
                let (headers, start) = EmailHeaders.parse(part)
                if MIMEContentType.isAttachment(disposition: headers.text("content-disposition")) { continue }
                let outcome = text(headers: headers, body: part[start...], depth: depth + 1)
                switch outcome {
                case .text(let text, _, _):
                    if !text.mailTrimmed().isEmpty { return outcome }
                    blank = blank ?? outcome
                case .failed(let reason):
                    failure = failure ?? reason
                case .noText:
                    break
                }
            }
        }
        if let failure { return .failed(failure) }
        return blank ?? .noText
    }

    /// The parts of a multipart body: the bytes between delimiter lines `--boundary`, up to the
    /// close delimiter `--boundary--` (or the end, when it is missing); preamble and epilogue
    /// are dropped. The line break before a delimiter belongs to the delimiter.
    static func split(_ body: ArraySlice<UInt8>, boundary: [UInt8]) -> [ArraySlice<UInt8>] {
        let delimiter = Array("--".utf8) + boundary
        var parts: [ArraySlice<UInt8>] = []
        var partStart: Int?
        var lineStart = body.startIndex
        while lineStart < body.endIndex {
            var lineEnd = lineStart
            while lineEnd < body.endIndex, body[lineEnd] != 0x0A { lineEnd += 1 }
            let nextLine = lineEnd < body.endIndex ? lineEnd + 1 : lineEnd
            if body[lineStart..<lineEnd].starts(with: delimiter) {
                var rest = body[(lineStart + delimiter.count)..<lineEnd]
                while let last = rest.last, last == 0x20 || last == 0x09 || last == 0x0D { rest = rest.dropLast() }
                let isClose = rest.elementsEqual([UInt8(ascii: "-"), UInt8(ascii: "-")])
                if rest.isEmpty || isClose {
                    if let start = partStart {
                        var end = lineStart
                        if end > start, body[end - 1] == 0x0A { end -= 1 }
                        if end > start, body[end - 1] == 0x0D { end -= 1 }
                        parts.append(body[start..<max(start, end)])
                    }
                    if isClose { return parts }
                    partStart = nextLine
                }
            }
            lineStart = nextLine
        }
        if let start = partStart, start < body.endIndex { parts.append(body[start...]) }
        return parts
    }

    /// Plain text with RFC 3676 `format=flowed` soft line breaks (a trailing space) re-joined
    /// and space-stuffing removed; the signature delimiter `-- ` is never joined.
    static func unflowed(_ text: String, deleteSpace: Bool) -> String {
        var out: [Substring] = []
        var current = ""
        var open = false
        for raw in mailLines(text) {
            var line = raw
            if line == "-- " {
                if open { out.append(Substring(current)); current = ""; open = false }
                out.append(line)
                continue
            }
            if line.first == " " { line = line.dropFirst() }
            if line.last == " " {
                current += deleteSpace ? line.dropLast() : line
                open = true
            } else {
                out.append(Substring(current + line))
                current = ""
                open = false
            }
        }
        if open { out.append(Substring(current)) }
        return out.joined(separator: "\n")
    }
}
