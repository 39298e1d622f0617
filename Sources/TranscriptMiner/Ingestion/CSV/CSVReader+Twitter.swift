import Foundation

/// `.twitter` mode: the Twitter customer-support export, one transcript per reply thread.
extension CSVReader {
    /// Reads every tweet into a ``TwitterThreadTable``, then emits one transcript per thread:
    /// id = the root's `tweet_id`, channel `.social`, turns ordered by `created_at` (stable),
    /// `inbound` → customer, else agent, author = `author_id`.
    ///
    /// Rows are rejected as in the other modes, and also for a `tweet_id` or
    /// `in_response_to_tweet_id` that is not a number (a trailing `.0`, as pandas writes ids,
    /// is accepted), an `inbound` that is not a flag (`invalid-field`), or a `tweet_id` seen
    /// before (`duplicate-id`). A thread whose reply ids form a cycle is rejected as one record
    /// (`invalid-field`). `response_tweet_id` is redundant with the replies' ids and ignored.
    /// - Complexity: O(n) in the bytes read plus O(t log t) in tweets; memory is proportional to
    ///   the file (the documented exception to streaming).
    func readTwitter(_ parser: inout CSVRecordParser, header: CSVHeader, file: String,
                     emit: (ReadEvent) throws -> Void) throws {
        func column(_ name: String) -> Int { header.index(ofAny: [name])! }
        let idColumn = column("tweet_id"), authorColumn = column("author_id"), inboundColumn = column("inbound")
        let timeColumn = column("created_at"), textColumn = column("text"), parentColumn = column("in_response_to_tweet_id")
        var table = TwitterThreadTable()
        var dataRow = 0

        func reject(_ code: IngestionProblem.Code, _ row: CSVRow, _ column: Int, _ reason: String) throws {
            try emit(.problem(IngestionProblem(code, at: row.location(column: column), reason)))
        }
        do {
            while let record = try parser.next() {
                dataRow += 1
                if let problem = CSVRow.structuralProblem(record, dataRow: dataRow, header: header, file: file) {
                    try emit(.problem(problem))
                    continue
                }
                let row = CSVRow(record, dataRow: dataRow, file: file)
                guard let idText = row.value(idColumn) else {
                    try reject(.missingField, row, idColumn, "the tweet_id column is empty")
                    continue
                }
                guard let id = Self.tweetID(idText) else {
                    try reject(.invalidField, row, idColumn, "the tweet_id column is not a number (\(idText.count) characters)")
                    continue
                }
                var parent: UInt64?
                if let parentText = row.value(parentColumn) {
                    guard let value = Self.tweetID(parentText) else {
                        try reject(.invalidField, row, parentColumn,
                                   "the in_response_to_tweet_id column is not a number (\(parentText.count) characters)")
                        continue
                    }
                    parent = value
                }
                guard let inbound = row.value(inboundColumn).flatMap(CSVRoleRule.inboundFlag) else {
                    try reject(.invalidField, row, inboundColumn, "the inbound column is not true or false")
                    continue
                }
                var time: Date?
                if let timeText = row.value(timeColumn) {
                    guard let date = Timestamp.parse(timeText) else {
                        try reject(.invalidField, row, timeColumn,
                                   "the created_at column holds \(timeText.count) characters that are not a timestamp")
                        continue
                    }
                    time = date
                }
                guard let text = row.value(textColumn) else {
                    try reject(.missingField, row, textColumn, "the text column is empty")
                    continue
                }
                guard table.add(id: id, inReplyTo: parent, inbound: inbound, time: time, author: row.value(authorColumn) ?? "",
                                text: text, line: row.line, row: row.dataRow) else {
                    try reject(.duplicateID, row, idColumn, "the tweet_id was seen on an earlier row")
                    continue
                }
                if let problem = row.repairProblem(header: header) { try emit(.problem(problem)) }
            }
        } catch let error as ByteStreamError {
            try emitThreads(table, file: file, emit: emit)
            throw error
        }
        if dataRow == 0 { try emit(.problem(Self.noRows(file))) }
        try emitThreads(table, file: file, emit: emit)
    }

    private func emitThreads(_ table: TwitterThreadTable, file: String, emit: (ReadEvent) throws -> Void) throws {
        for thread in table.threads() {
            let (line, row) = table.location(at: thread.root)
            let location = SourceLocation(file: file, line: line, record: row)
            if thread.isCycle {
                let count = thread.members.count
                let reason = "the reply ids of \(count) tweet\(count == 1 ? "" : "s") form a cycle: the thread has no root"
                try emit(.problem(IngestionProblem(.invalidField, at: location, reason)))
                continue
            }
            let turns = CSVConversationGrouper.orderedByTimestamp(thread.members.map(table.turn(at:)))
            let transcript = Transcript(id: String(table.id(at: thread.root)), channel: .social,
                                        createdAt: turns.lazy.compactMap(\.timestamp).min(), turns: turns)
            try emit(.transcript(transcript, location))
        }
    }

    /// A tweet id: decimal digits, with an optional `.0` (pandas writes float ids).
    static func tweetID(_ text: String) -> UInt64? {
        var digits = Substring(text)
        if digits.hasSuffix(".0") { digits = digits.dropLast(2) }
        guard !digits.isEmpty, digits.utf8.allSatisfy({ $0 &- 48 < 10 }) else { return nil }
        return UInt64(digits)
    }
}
