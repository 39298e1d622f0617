/// Which header column plays which part, resolved once per file from ``CSVReaderOptions``.
///
/// ```swift
/// let columns = CSVColumns(header: CSVHeader(names: ["ticket_id", "body", "csat"]), options: CSVReaderOptions(), mode: .messages)
/// columns.conversation   // 0
/// columns.text           // 1
/// columns.scores         // [2]
/// ```
/// Every column not given a part is an extra: it goes to ``Transcript/metadata``.
/// - Complexity: O(h + c) in header columns and candidate names.
struct CSVColumns {
    var conversation: Int?
    var id: Int?
    var text: Int?
    var role: Int?
    var author: Int?
    var timestamp: Int?
    var channel: Int?
    var inbound: Int?
    /// Score columns present.
    var scores: [Int] = []
    /// Every other column.
    var extras: [Int] = []
    /// The first required column absent, as its candidate names, or nil.
    var missing: [String]?

    init(header: CSVHeader, options: CSVReaderOptions, mode: CSVReaderOptions.Mode) {
        text = header.index(ofAny: options.textColumns)
        if mode == .messages { conversation = header.index(ofAny: options.conversationColumns) }
        if mode == .documents { id = header.index(ofAny: options.idColumns) }
        role = header.index(ofAny: options.roleColumns)
        author = header.index(ofAny: options.authorColumns)
        timestamp = header.index(ofAny: options.timestampColumns)
        channel = header.index(ofAny: options.channelColumns)
        inbound = header.index(ofAny: options.inboundColumns)
        let scoreNames = Set(options.scoreColumns.map { $0.lowercased() })
        let used = Set([conversation, id, text, role, author, timestamp, channel, inbound].compactMap { $0 })
        for index in 0..<header.count where !used.contains(index) {
            if scoreNames.contains(header.key(index)) { scores.append(index) } else { extras.append(index) }
        }
        if mode == .messages && conversation == nil {
            missing = options.conversationColumns
        } else if text == nil {
            missing = options.textColumns
        }
    }

    /// The reason a file lacking a required column gives for each of its rows.
    static func missingReason(_ candidates: [String], header: CSVHeader) -> String {
        let names = candidates.prefix(8).map { "\"\($0)\"" }.joined(separator: ", ")
        let what = candidates.count == 1 ? "column \(names) is" : "none of the columns \(names) is"
        return "\(what) in the header (columns: \(header.summary))"
    }
}

extension CSVColumns {
    /// Adds `row`'s extra columns to `metadata` and its score columns to `scores`, keeping values
    /// already there (the first non-empty value of a conversation wins). A score whose first
    /// value is not a finite number goes to `metadata`.
    /// - Complexity: O(h) in header columns.
    func collect(_ row: CSVRow, header: CSVHeader, metadata: inout [String: String], scores values: inout [String: Double]) {
        for index in extras {
            let key = header.key(index)
            if metadata[key] == nil, let value = row.value(index) { metadata[key] = value }
        }
        for index in scores {
            let key = header.key(index)
            guard values[key] == nil, metadata[key] == nil, let value = row.value(index) else { continue }
            if let number = Double(value), number.isFinite {
                values[key] = number
            } else if metadata[key] == nil {
                metadata[key] = value
            }
        }
    }
}
