/// `.documents` mode: one transcript of one turn per row.
extension CSVReader {
    /// Reads the data rows after the header, emitting a transcript or a rejection for each.
    ///
    /// The id is the id column's value, or `<file>#<row>` (1-based data row) when there is no id
    /// column or the value is empty; the channel and `createdAt` come from their columns; extra
    /// columns are metadata and score columns scores.
    /// - Complexity: O(n) in the bytes read; memory is one chunk plus one row.
    func readDocuments(_ parser: inout CSVRecordParser, header: CSVHeader, columns: CSVColumns, file: String,
                       emit: (ReadEvent) throws -> Void) throws {
        let rule = CSVRoleRule(agentAuthors: options.agentAuthors, defaultRole: options.defaultRole ?? .customer)
        var dataRow = 0
        while let record = try parser.next() {
            dataRow += 1
            if let problem = CSVRow.structuralProblem(record, dataRow: dataRow, header: header, file: file) {
                try emit(.problem(problem))
                continue
            }
            let row = CSVRow(record, dataRow: dataRow, file: file)
            guard let turn = try turn(row, header: header, columns: columns, rule: rule, emit: emit) else { continue }
            if let problem = row.repairProblem(header: header) { try emit(.problem(problem)) }
            var metadata: [String: String] = [:]
            var scores: [String: Double] = [:]
            columns.collect(row, header: header, metadata: &metadata, scores: &scores)
            let transcript = Transcript(id: row.value(columns.id) ?? (options.qualifiesRowIDs ? "\(file)#\(dataRow)" : String(dataRow)),
                                        channel: row.value(columns.channel).map(Channel.init(parsing:)) ?? options.defaultChannel,
                                        createdAt: turn.timestamp, turns: [turn], metadata: metadata, scores: scores)
            try emit(.transcript(transcript, row.location()))
        }
        if dataRow == 0 { try emit(.problem(Self.noRows(file))) }
    }
}
