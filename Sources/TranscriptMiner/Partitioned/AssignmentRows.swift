import Foundation

extension AssignmentPartial.Rows {
    /// The format identifier of a rows file (the first line's `format`).
    public static let format = "minectl/assignment-rows@1"

    /// One line of a rows file: a transcript's assignment and facts.
    private struct Row: Codable {
        var id: String
        var theme: Int?
        var similarity: Double
        var compound: Double
        var scoredTurns: Int
        var endsWorse: Bool
        var customerTurns: Int
        var channel: String
        var contentHash: String
    }

    private struct Header: Codable {
        var format: String
        var part: Int
        var modelHash: String
        var count: Int
    }

    /// The number of rows.
    public var count: Int { ids.count }

    /// The rows as a file a run history can be filled from (`minectl assign --rows-out`): a header
    /// line (format, part, model hash, row count), then one JSON object per transcript with its
    /// theme, similarity and facts, numbers at full precision.
    public func file(part: Int, modelHash: String) -> String {
        var text = String(decoding: PartialJSON.encode(Header(format: Self.format, part: part, modelHash: modelHash, count: count)), as: UTF8.self) + "\n"
        for index in ids.indices {
            let fact = facts[index]
            let row = Row(id: ids[index], theme: themes[index], similarity: similarities[index], compound: fact.compound, scoredTurns: fact.scoredTurns,
                          endsWorse: fact.endsWorse, customerTurns: fact.customerTurns, channel: fact.channel.rawValue,
                          contentHash: String(fact.contentHash, radix: 16))
            text += String(decoding: PartialJSON.encode(row), as: UTF8.self) + "\n"
        }
        return text
    }

    /// Reads a rows file written by ``file(part:modelHash:)``.
    /// - Throws: ``PartialError`` naming `path` and the line when it is not one.
    public static func read(path: String) throws(PartialError) -> (part: Int, modelHash: String, rows: AssignmentPartial.Rows) {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw PartialError(file: path, reason: "cannot be read: \((error as NSError).localizedDescription)")
        }
        let lines = data.split(separator: 10, omittingEmptySubsequences: true)
        let decoder = JSONDecoder()
        guard let first = lines.first, let header = try? decoder.decode(Header.self, from: first), header.format == format else {
            throw PartialError(file: path, reason: "is not a rows file (expected a first line with format '\(format)')")
        }
        var rows = AssignmentPartial.Rows(ids: [], themes: [], similarities: [], facts: [])
        for (number, line) in lines.dropFirst().enumerated() {
            guard let row = try? decoder.decode(Row.self, from: line), let hash = UInt64(row.contentHash, radix: 16) else {
                throw PartialError(file: path, reason: "line \(number + 2) is not a row")
            }
            rows.ids.append(row.id)
            rows.themes.append(row.theme)
            rows.similarities.append(row.similarity)
            rows.facts.append(ConversationFacts(compound: row.compound, scoredTurns: row.scoredTurns, endsWorse: row.endsWorse,
                                                customerTurns: row.customerTurns, channel: Channel(parsing: row.channel), contentHash: hash))
        }
        guard rows.count == header.count else {
            throw PartialError(file: path, reason: "has \(rows.count) rows, its header says \(header.count): it is incomplete")
        }
        return (header.part, header.modelHash, rows)
    }
}

extension ThemeReport {
    /// The report with every conversation's row (as a single run keeps them: ids, themes,
    /// similarities, facts), so it can be recorded in a run history or list its assignments.
    /// - Parameter rows: one per part, in part order, each with the part's documents in order.
    /// - Throws: ``PartialError`` when the rows do not add up to the report's conversations.
    public func addingRows(_ rows: [AssignmentPartial.Rows]) throws(PartialError) -> ThemeReport {
        let total = rows.reduce(0) { $0 + $1.count }
        guard total == conversationCount else {
            throw PartialError(file: "-", reason: "the rows hold \(total) conversations, the report \(conversationCount)")
        }
        var report = self
        report.result.transcriptIDs = rows.flatMap(\.ids)
        report.result.assignments = rows.flatMap(\.themes)
        report.result.similarities = rows.flatMap(\.similarities)
        report.result.conversations = rows.flatMap(\.facts)
        return report
    }
}
