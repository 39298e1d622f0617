/// The header block of an RFC 5322 message or a MIME part: fields unfolded, names matched
/// case-insensitively.
///
/// ```swift
/// let bytes = Array("Subject: card\n  blocked\nFrom: a@example.net\n\nbody".utf8)
/// let headers = EmailHeaders.parse(bytes[...])
/// headers.headers.text("SUBJECT")   // "card  blocked"  (unfolded: the line break is removed)
/// bytes[headers.bodyStart...]       // "body"
/// ```
///
/// Fields run to the first blank line. A line starting with a space or tab continues the field
/// before it (unfolding removes only the line break, RFC 5322 §2.2.3). A name is printable
/// ASCII other than `:` (a space before the colon, obsolete syntax, is accepted). A line that
/// is neither, after at least one field, starts the body (lenient, as mail clients are); before
/// any field, there is no header block: ``fields`` is empty and the body is everything.
/// - Complexity: O(n) in the bytes of the header block.
struct EmailHeaders: Sendable {
    /// One field: its lower-cased name and its unfolded raw value (bytes, not yet decoded).
    struct Field: Sendable {
        var name: String
        var value: [UInt8]
    }

    /// The fields, in order.
    var fields: [Field] = []

    /// The raw value of the first field named `name` (any case).
    func raw(_ name: String) -> [UInt8]? {
        let key = name.lowercased()
        return fields.first { $0.name == key }?.value
    }

    /// The value of the first field named `name`, decoded as UTF-8 (repairs counted in
    /// `report`) and trimmed, without RFC 2047 decoding (for structured fields: ids, types).
    func text(_ name: String, report: inout EmailDecodeReport) -> String? {
        raw(name).map { EmailCharset.decode($0, charset: "utf-8", report: &report).mailTrimmed() }
    }

    /// ``text(_:report:)`` ignoring repairs.
    func text(_ name: String) -> String? {
        var report = EmailDecodeReport()
        return text(name, report: &report)
    }

    /// Parses the header block at the start of `bytes`; returns it and the index where the body
    /// starts (after the blank line).
    static func parse(_ bytes: ArraySlice<UInt8>) -> (headers: EmailHeaders, bodyStart: Int) {
        var headers = EmailHeaders()
        var i = bytes.startIndex
        while i < bytes.endIndex {
            var lineEnd = i
            while lineEnd < bytes.endIndex, bytes[lineEnd] != 0x0A { lineEnd += 1 }
            let next = lineEnd < bytes.endIndex ? lineEnd + 1 : lineEnd
            var end = lineEnd
            if end > i, bytes[end - 1] == 0x0D { end -= 1 }
            let line = bytes[i..<end]
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) {
                return (headers, next)  // the blank line ending the block
            }
            if line.first == 0x20 || line.first == 0x09 {
                guard !headers.fields.isEmpty else { return (headers, i) }
                headers.fields[headers.fields.count - 1].value.append(contentsOf: line)
                i = next
                continue
            }
            guard let field = parseField(line) else { return (headers, i) }
            headers.fields.append(field)
            i = next
        }
        return (headers, bytes.endIndex)
    }

    /// `Name: value` with a valid name, or nil.
    private static func parseField(_ line: ArraySlice<UInt8>) -> Field? {
        guard let colon = line.firstIndex(of: UInt8(ascii: ":")), colon > line.startIndex else { return nil }
        var nameEnd = colon
        while nameEnd > line.startIndex, line[nameEnd - 1] == 0x20 || line[nameEnd - 1] == 0x09 { nameEnd -= 1 }
        let name = line[line.startIndex..<nameEnd]
        guard !name.isEmpty, name.count <= 256, name.allSatisfy({ $0 > 32 && $0 < 127 }) else { return nil }
        var valueStart = colon + 1
        while valueStart < line.endIndex, line[valueStart] == 0x20 || line[valueStart] == 0x09 { valueStart += 1 }
        return Field(name: String(decoding: name, as: UTF8.self).lowercased(), value: Array(line[valueStart...]))
    }

    /// Whether the block has a field only a message has (From, To, Subject, Date, Message-ID,
    /// MIME-Version, Content-Type, Received…): a block without one is not a message.
    var hasMessageFields: Bool {
        let names: Set<String> = ["from", "to", "cc", "subject", "date", "message-id", "mime-version", "content-type",
                                  "received", "return-path", "in-reply-to", "references", "sender", "reply-to"]
        return fields.contains { names.contains($0.name) }
    }
}
