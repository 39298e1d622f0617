import Foundation

/// `.messages` mode: one message per row, grouped into conversations.
extension CSVReader {
    /// Reads the data rows after the header, emitting each rejected row at once and each
    /// conversation when it is complete (see ``CSVConversationGrouper``).
    /// - Complexity: O(n) in the bytes read, plus sorting each conversation's turns.
    func readMessages(_ parser: inout CSVRecordParser, header: CSVHeader, columns: CSVColumns, file: String,
                      emit: (ReadEvent) throws -> Void) throws {
        let rule = CSVRoleRule(agentAuthors: options.agentAuthors, defaultRole: options.defaultRole ?? .unknown)
        var grouper = CSVConversationGrouper(window: options.groupWindow)
        var dataRow = 0
        func flush(_ conversations: [CSVConversationGrouper.Conversation]) throws {
            for conversation in conversations {
                let transcript = CSVConversationGrouper.transcript(conversation, defaultChannel: options.defaultChannel)
                try emit(.transcript(transcript, SourceLocation(file: file, line: conversation.line, record: conversation.row)))
            }
        }
        do {
            while let record = try parser.next() {
                dataRow += 1
                if let problem = CSVRow.structuralProblem(record, dataRow: dataRow, header: header, file: file) {
                    try emit(.problem(problem))
                } else {
                    let row = CSVRow(record, dataRow: dataRow, file: file)
                    try accept(row, header: header, columns: columns, rule: rule, grouper: &grouper, emit: emit)
                }
                try flush(grouper.expired(atRow: dataRow))
            }
        } catch let error as ByteStreamError {
            try flush(grouper.drain())
            throw error
        }
        if dataRow == 0 { try emit(.problem(Self.noRows(file))) }
        try flush(grouper.drain())
    }

    private func accept(_ row: CSVRow, header: CSVHeader, columns: CSVColumns, rule: CSVRoleRule,
                        grouper: inout CSVConversationGrouper, emit: (ReadEvent) throws -> Void) throws {
        guard let id = row.value(columns.conversation) else {
            try emit(.problem(IngestionProblem(.missingField, at: row.location(column: columns.conversation),
                                               "the conversation column \(Self.name(columns.conversation, header)) is empty")))
            return
        }
        guard let turn = try turn(row, header: header, columns: columns, rule: rule, emit: emit) else { return }
        switch grouper.add(turn, to: id, line: row.line, row: row.dataRow) {
        case .late:
            let reason = "the row's conversation was already emitted: its rows are more than \(grouper.window) rows apart"
                + " (raise the group window or sort the file by conversation)"
            try emit(.problem(IngestionProblem(.duplicateID, at: row.location(column: columns.conversation), reason)))
        case .added(let conversation):
            if let problem = row.repairProblem(header: header) { try emit(.problem(problem)) }
            if conversation.channel == nil, let channel = row.value(columns.channel) {
                conversation.channel = Channel(parsing: channel)
            }
            columns.collect(row, header: header, metadata: &conversation.metadata, scores: &conversation.scores)
        }
    }

    /// The turn of a row, or nil after emitting why the row is rejected (empty text,
    /// unparseable timestamp).
    func turn(_ row: CSVRow, header: CSVHeader, columns: CSVColumns, rule: CSVRoleRule,
              emit: (ReadEvent) throws -> Void) throws -> Turn? {
        guard let text = row.value(columns.text) else {
            try emit(.problem(IngestionProblem(.missingField, at: row.location(column: columns.text),
                                               "the text column \(Self.name(columns.text, header)) is empty")))
            return nil
        }
        var timestamp: Date?
        if let value = row.value(columns.timestamp) {
            guard let date = Timestamp.parse(value) else {
                let reason = "the timestamp column \(Self.name(columns.timestamp, header)) holds \(value.count) characters"
                    + " that are not a timestamp"
                try emit(.problem(IngestionProblem(.invalidField, at: row.location(column: columns.timestamp), reason)))
                return nil
            }
            timestamp = date
        }
        let author = row.value(columns.author)
        let role = rule.role(roleValue: row.value(columns.role), inboundValue: row.value(columns.inbound), author: author)
        return Turn(role: role, author: author, timestamp: timestamp, text: text)
    }

    /// A column's quoted name for a reason.
    static func name(_ column: Int?, _ header: CSVHeader) -> String {
        guard let column, column < header.count else { return "(absent)" }
        return header.quoted(column)
    }
}
