import Foundation

/// A well-formed data row, decoded: its values, where it is, and how much invalid UTF-8 was
/// repaired in it.
///
/// ```swift
/// let row = CSVRow(record, dataRow: 3, file: "messages.csv")
/// row.value(columns.text)        // "My card hasn't arrived"
/// ```
/// - Complexity: O(r) in the row's length.
struct CSVRow {
    /// The decoded fields.
    let values: [String]
    /// The 1-based physical line where the row starts.
    let line: Int
    /// The 1-based data row (the header not counted).
    let dataRow: Int
    /// The file's name for locations.
    let file: String
    /// Ill-formed UTF-8 sequences replaced, in all fields.
    private(set) var repairs = 0
    /// The 0-based fields that had repairs.
    private(set) var repairedFields: [Int] = []

    init(_ record: CSVRecord, dataRow: Int, file: String) {
        var values: [String] = []
        values.reserveCapacity(record.fieldCount)
        for index in 0..<record.fieldCount {
            let text = record.text(index)
            if text.replacements > 0 {
                repairs += text.replacements
                repairedFields.append(index)
            }
            values.append(text.text)
        }
        self.values = values
        self.line = record.line
        self.dataRow = dataRow
        self.file = file
    }

    /// The value of column `index` with surrounding whitespace trimmed, nil when the column is
    /// absent or the value empty.
    func value(_ index: Int?) -> String? {
        guard let index, index < values.count else { return nil }
        let value = ReaderText.trimmed(values[index])
        return value.isEmpty ? nil : value
    }

    /// The location of the row, or of one of its fields (0-based `column`).
    func location(column: Int? = nil) -> SourceLocation {
        SourceLocation(file: file, line: line, column: column.map { $0 + 1 }, record: dataRow)
    }

    /// The non-rejecting `invalid-utf8` problem for this row, when it had repairs.
    func repairProblem(header: CSVHeader) -> IngestionProblem? {
        guard repairs > 0 else { return nil }
        let names = repairedFields.prefix(5).map(header.quoted).joined(separator: ", ")
        let reason = "\(repairs) invalid UTF-8 sequence\(repairs == 1 ? "" : "s") replaced with U+FFFD"
            + " in column\(repairedFields.count == 1 ? "" : "s") \(names)"
        return IngestionProblem(.invalidUTF8, at: location(column: repairedFields.first), reason, isRejection: false)
    }

    /// The problem that rejects a record before it is decoded: malformed quoting, a size limit,
    /// or a field count different from the header's. Nil for a usable record.
    static func structuralProblem(_ record: CSVRecord, dataRow: Int, header: CSVHeader, file: String) -> IngestionProblem? {
        if let issue = record.issue {
            var column: Int?
            switch issue {
            case .unterminatedQuote(let field, _), .textAfterClosingQuote(let field), .fieldTooLong(let field, _, _): column = field
            case .recordTooLong, .tooManyFields: column = nil
            }
            return IngestionProblem(issue.isSizeLimit ? .lineTooLong : .malformedRow,
                                    at: SourceLocation(file: file, line: record.line, column: column, record: dataRow),
                                    issue.description)
        }
        if record.fieldCount != header.count {
            return IngestionProblem(.malformedRow, at: SourceLocation(file: file, line: record.line, record: dataRow),
                                    "the row has \(record.fieldCount) field\(record.fieldCount == 1 ? "" : "s"), the header \(header.count)")
        }
        return nil
    }
}
