import Foundation
import Tokenizer

extension HelpDeskFieldMapping {
    /// The transcript of one ticket (a `JSONSerialization` value), or the rejecting problem; the
    /// rules are on ``HelpDeskFieldMapping``. A comment whose body is present but blank (an
    /// attachment-only comment) gives no turn.
    ///
    /// ```swift
    /// let ticket: Any = ["id": 1, "requester_id": 5, "comments": [["author_id": 5, "body": "Card blocked", "public": true]]]
    /// HelpDeskFieldMapping.zendesk.transcript(from: ticket, at: SourceLocation(file: "t.json", record: 1))
    /// // .success: one customer turn
    /// ```
    /// - Complexity: O(c) in the size of the ticket.
    func transcript(from ticket: Any, at location: SourceLocation) -> Result<Transcript, IngestionProblem> {
        func reject(_ code: IngestionProblem.Code, _ reason: String) -> Result<Transcript, IngestionProblem> {
            .failure(IngestionProblem(code, at: location, reason))
        }
        guard ticket is [String: Any] else {
            return reject(.invalidField, "a ticket must be a JSON object, not \(FoundationJSON.typeName(ticket))")
        }
        guard let rawID = id.value(in: ticket) else { return reject(.missingField, "no \"\(id)\": a ticket id is required") }
        guard let ticketID = FoundationJSON.string(rawID), !ticketID.isEmpty else {
            return reject(.invalidField, "\"\(id)\" must be a non-empty string or number, not \(FoundationJSON.typeName(rawID))")
        }
        var requesterID = requester.flatMap { FoundationJSON.string($0.value(in: ticket)) }
        var turns: [Turn] = []
        let rawComments = comments.value(in: ticket)
        if let rawComments {
            guard let array = rawComments as? [Any] else {
                return reject(.invalidField, "\"\(comments)\" must be an array, not \(FoundationJSON.typeName(rawComments))")
            }
            for (index, element) in array.enumerated() {
                guard element is [String: Any] else {
                    return reject(.invalidField, "\"\(comments)\"[\(index)] must be an object, not \(FoundationJSON.typeName(element))")
                }
                guard let text = commentText(element) else {
                    let keys = (commentBodies + commentHTMLBodies).map { "\"\($0)\"" }.joined(separator: ", ")
                    return reject(.missingField, "\"\(comments)\"[\(index)] has no text (none of \(keys) is a string)")
                }
                let author = commentAuthor.flatMap { FoundationJSON.string($0.value(in: element)) }
                if requesterID == nil { requesterID = author }
                guard !text.isEmpty else { continue }
                let role: Role
                if let fromRequester = commentFromRequester.flatMap({ FoundationJSON.bool($0.value(in: element)) }) {
                    role = fromRequester ? .customer : .agent
                } else if let author {
                    role = author == requesterID ? .customer : .agent
                } else {
                    role = .unknown
                }
                var isPublic = true
                if let flag = commentPublic.flatMap({ FoundationJSON.bool($0.value(in: element)) }), !flag { isPublic = false }
                if let flag = commentPrivate.flatMap({ FoundationJSON.bool($0.value(in: element)) }), flag { isPublic = false }
                let timestamp = commentCreatedAt.flatMap { FoundationJSON.string($0.value(in: element)) }.flatMap(Timestamp.parse)
                turns.append(Turn(role: role, author: author, timestamp: timestamp, text: text, isPublic: isPublic))
            }
        }
        if rawComments == nil || (rawComments as? [Any])?.isEmpty == true {
            guard let text = ticketDescription.flatMap({ $0.value(in: ticket) as? String }) else {
                let what = ticketDescription.map { " and no \"\($0)\"" } ?? ""
                return reject(.missingField, "no comments (\"\(comments)\")\(what)")
            }
            turns = [Turn(role: .customer, author: requesterID, text: text.mailTrimmed())]
        }
        var metadata: [String: String] = [:]
        for (name, path) in self.metadata {
            if let value = FoundationJSON.string(path.value(in: ticket)) { metadata[name] = value }
        }
        if let value = subject.flatMap({ $0.value(in: ticket) as? String }) { metadata["subject"] = value }
        if let requesterID { metadata["requester_id"] = requesterID }
        if let value = tags.flatMap({ $0.value(in: ticket) }) {
            if let list = value as? [Any] {
                let names = list.compactMap(FoundationJSON.string)
                if !names.isEmpty { metadata["tags"] = names.joined(separator: ",") }
            } else if let text = FoundationJSON.string(value), !text.isEmpty {
                metadata["tags"] = text
            }
        }
        var ticketChannel = Channel.other
        if let raw = channel.flatMap({ FoundationJSON.string($0.value(in: ticket)) }) {
            ticketChannel = channelNames[raw.lowercased()] ?? Channel(parsing: raw)
            metadata["via_channel"] = raw
        }
        var scores: [String: Double] = [:]
        if let value = satisfaction.flatMap({ $0.value(in: ticket) }) {
            if let text = value as? String, let score = satisfactionScores[text.lowercased()] {
                scores["csat"] = score
            } else if let number = FoundationJSON.number(value), number.isFinite {
                scores["csat"] = number
            }
        }
        let created = createdAt.flatMap { FoundationJSON.string($0.value(in: ticket)) }.flatMap(Timestamp.parse)
        return .success(Transcript(id: ticketID, channel: ticketChannel, createdAt: created, turns: turns,
                                   metadata: metadata, scores: scores))
    }

    /// A comment's text: the first non-blank plain body, else the first non-blank HTML body
    /// stripped; "" when bodies are present but blank; nil when no body is a string.
    private func commentText(_ comment: Any) -> String? {
        var sawBody = false
        for path in commentBodies {
            guard let text = path.value(in: comment) as? String else { continue }
            sawBody = true
            let trimmed = text.mailTrimmed()
            if !trimmed.isEmpty { return trimmed }
        }
        for path in commentHTMLBodies {
            guard let html = path.value(in: comment) as? String else { continue }
            sawBody = true
            // Quoted replies in HTML bodies become `>` marker lines (see HTMLText): drop them.
            let text = mailLines(HTMLText.text(from: html))
                .filter { $0 != ">" }.joined(separator: "\n").mailTrimmed()
            if !text.isEmpty { return text }
        }
        return sawBody ? "" : nil
    }
}
