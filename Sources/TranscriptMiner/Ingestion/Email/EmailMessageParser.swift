/// Parses the bytes of one RFC 5322 message into an ``EmailMessage``, or explains why it is
/// rejected.
///
/// ```swift
/// let parser = EmailMessageParser(cleaner: EmailBodyCleaner())
/// let bytes = Array("From: a@example.net\nSubject: Hi\n\nMy card is blocked.".utf8)
/// switch parser.parse(bytes[...], at: SourceLocation(file: "a.eml", line: 1)) {
/// case .message(let message, _): message.text   // "My card is blocked."
/// case .rejected(let problem): print(problem)
/// }
/// ```
///
/// Rejected with ``IngestionProblem/Code/malformedMessage``: no header block with a message
/// field (``EmailHeaders/hasMessageFields``), no text part (only attachments, or broken MIME),
/// or a text part that cannot be decoded (see ``MIMEBody``). Kept with repairs reported
/// (non-rejecting): invalid UTF-8 and unknown character sets, in headers or the chosen text.
/// - Complexity: O(n) in the message's bytes (times the MIME nesting depth).
struct EmailMessageParser: Sendable {
    /// The result of parsing one message.
    enum Outcome {
        /// The message, and the non-rejecting problems (repairs) to report for it.
        case message(EmailMessage, repairs: [IngestionProblem])
        /// The rejecting problem.
        case rejected(IngestionProblem)
    }

    /// How the body is cleaned.
    var cleaner: EmailBodyCleaner

    /// Parses `bytes` (line breaks `\n` or `\r\n`), located at `location`.
    func parse(_ bytes: ArraySlice<UInt8>, at location: SourceLocation) -> Outcome {
        let (headers, bodyStart) = EmailHeaders.parse(bytes)
        guard headers.hasMessageFields else {
            let reason = bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D })
                ? "empty message" : "no header block (\(bytes.count) bytes without From, Subject, Date or Message-ID fields)"
            return .rejected(IngestionProblem(.malformedMessage, at: location, reason))
        }
        var report = EmailDecodeReport()
        let body: String
        switch MIMEBody.text(headers: headers, body: bytes[bodyStart...]) {
        case .text(let text, _, let partReport):
            body = text
            report.replacements += partReport.replacements
            for name in partReport.unknownCharsets { report.noteUnknownCharset(name) }
        case .noText:
            let type = MIMEContentType(parsing: headers.text("content-type")).mediaType
            return .rejected(IngestionProblem(.malformedMessage, at: location, "no text part (content type \(type.prefix(60)))"))
        case .failed(let reason):
            return .rejected(IngestionProblem(.malformedMessage, at: location, reason))
        }
        let subject = headers.raw("subject").map { EncodedWords.decode($0, report: &report).mailTrimmed() }
        let from = (headers.raw("from") ?? headers.raw("sender")).map { EncodedWords.decode($0, report: &report) }
        let messageID = headers.text("message-id", report: &report).flatMap { EmailAddress.messageIDs(in: $0, limit: 1).first }
        var parents: [String] = []
        for name in ["references", "in-reply-to"] {
            for id in EmailAddress.messageIDs(in: headers.text(name, report: &report) ?? "") where !parents.contains(id) && id != messageID {
                parents.append(id)
            }
        }
        let message = EmailMessage(
            messageID: messageID,
            parentIDs: parents,
            date: headers.text("date", report: &report).flatMap(Timestamp.parse),
            sender: from.flatMap(EmailAddress.address(in:)),
            subject: subject.map { String($0.prefix(998)) },
            text: cleaner.clean(body),
            location: location
        )
        return .message(message, repairs: report.problems(at: location))
    }
}
