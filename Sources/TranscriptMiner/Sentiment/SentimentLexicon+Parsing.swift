import Foundation

extension SentimentLexicon {
    /// Reads a lexicon file (see ``SentimentLexiconFormat`` for the layouts).
    ///
    /// ```swift
    /// let afinn = try SentimentLexicon(contentsOf: URL(fileURLWithPath: "AFINN-111.txt"))   // scaled by 0.8
    /// ```
    /// - Parameters:
    ///   - url: the file.
    ///   - format: default ``SentimentLexiconFormat/automatic``.
    /// - Throws: ``SentimentLexiconError``: `.unreadableFile`, `.invalidUTF8`, or the first bad
    ///   line with its number.
    /// - Complexity: O(n) in the file's size.
    public init(contentsOf url: URL, format: SentimentLexiconFormat = .automatic) throws {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw SentimentLexiconError(.unreadableFile, file: url.path, line: 0, "cannot read the file (\(error.localizedDescription))")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw SentimentLexiconError(.invalidUTF8, file: url.path, line: 0, "the file is not valid UTF-8")
        }
        try self.init(parsing: text, file: url.path, format: format)
    }

    /// Parses lexicon text (see ``SentimentLexiconFormat``). A term listed twice keeps its last
    /// valence.
    ///
    /// ```swift
    /// let lexicon = try SentimentLexicon(parsing: """
    ///     # term<TAB>mean<TAB>stddev<TAB>ratings (VADER's layout)
    ///     splendid\t2.8\t0.6\t[3, 2, 3, 4, 2, 3, 3, 3, 2, 3]
    ///     still waiting\t-2.0
    ///     """)
    /// ```
    /// - Parameters:
    ///   - text: the lexicon.
    ///   - file: the name used in errors; default `<text>`.
    ///   - format: default ``SentimentLexiconFormat/automatic``.
    /// - Throws: ``SentimentLexiconError`` for the first bad line, naming `file` and the line.
    /// - Complexity: O(n) in the text's size, plus one analysis per entry.
    public init(parsing text: String, file: String = "<text>", format: SentimentLexiconFormat = .automatic) throws {
        self.init()
        var rows: [Row] = []
        var lineNumber = 0
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            var line = Substring(rawLine)
            if line.last == "\r" { line = line.dropLast() }
            let content = line.drop { $0 == " " || $0 == "\t" }
            if content.isEmpty || content.first == "#" { continue }
            if lineNumber == 1, content.first == "\u{FEFF}" { line = line.dropFirst() }
            rows.append(try Row(line, file: file, line: lineNumber))
        }
        let resolved = format == .automatic ? Self.detectFormat(rows, file: file) : format
        let session = SentimentScorer.analyzer.makeSession()
        for row in rows {
            let valence = try row.valence(in: resolved, file: file)
            guard let key = LexiconKey(row.term, session: session) else {
                throw SentimentLexiconError(.invalidTerm, file: file, line: row.line, "the term is empty")
            }
            insert(key, valence)
        }
    }

    /// ``SentimentLexiconFormat/automatic``'s decision (documented there).
    static func detectFormat(_ rows: [Row], file: String) -> SentimentLexiconFormat {
        if URL(fileURLWithPath: file).lastPathComponent.lowercased().contains("afinn") { return .afinn }
        guard !rows.isEmpty, rows.allSatisfy({ $0.extraColumns.isEmpty && Int($0.value) != nil }) else { return .valence }
        return rows.contains { abs(Int($0.value) ?? 0) == 5 } ? .afinn : .valence
    }

    /// One entry line, split into columns.
    struct Row {
        var term: String
        var value: String
        var extraColumns: [Substring]
        var line: Int

        init(_ text: Substring, file: String, line: Int) throws {
            let columns = text.split(separator: "\t", omittingEmptySubsequences: false)
            let term = columns[0].trimmingCharacters(in: .whitespaces)
            guard !term.isEmpty else {
                throw SentimentLexiconError(.invalidTerm, file: file, line: line, "the line starts with a TAB: no term")
            }
            guard columns.count >= 2 else {
                throw SentimentLexiconError(.missingValence, file: file, line: line,
                                            "expected term<TAB>valence, found no TAB after \"\(term.prefix(40))\"")
            }
            self.term = term
            self.value = columns[1].trimmingCharacters(in: .whitespaces)
            self.line = line
            // A "# note" column ends the entry.
            var extra: [Substring] = []
            for column in columns.dropFirst(2) {
                if column.trimmingCharacters(in: .whitespaces).hasPrefix("#") { break }
                extra.append(column)
            }
            self.extraColumns = extra
        }

        func valence(in format: SentimentLexiconFormat, file: String) throws -> Double {
            switch format {
            case .afinn:
                guard let score = Int(value) else {
                    throw SentimentLexiconError(.invalidValence, file: file, line: line, "\"\(term)\" has AFINN score \"\(value.prefix(40))\", not an integer")
                }
                guard (-5...5).contains(score) else {
                    throw SentimentLexiconError(.valenceOutOfRange, file: file, line: line, "\"\(term)\" has AFINN score \(score), outside -5...5")
                }
                guard extraColumns.isEmpty else {
                    throw SentimentLexiconError(.malformedColumns, file: file, line: line, "an AFINN line has two columns, this one has \(2 + extraColumns.count)")
                }
                return Double(score) * SentimentLexiconFormat.afinnScale
            case .valence, .automatic:
                guard let valence = Double(value), valence.isFinite else {
                    throw SentimentLexiconError(.invalidValence, file: file, line: line, "\"\(term)\" has valence \"\(value.prefix(40))\", not a number")
                }
                guard (-4...4).contains(valence) else {
                    throw SentimentLexiconError(.valenceOutOfRange, file: file, line: line, "\"\(term)\" has valence \(valence), outside -4...4")
                }
                if !extraColumns.isEmpty {
                    // VADER's layout: standard deviation, then the raw ratings as a bracketed list.
                    let deviation = extraColumns[0].trimmingCharacters(in: .whitespaces)
                    guard let sd = Double(deviation), sd >= 0, sd.isFinite else {
                        throw SentimentLexiconError(.malformedColumns, file: file, line: line,
                                                    "the third column (standard deviation) is \"\(deviation.prefix(40))\", not a number >= 0")
                    }
                    if extraColumns.count >= 2 {
                        let ratings = extraColumns[1].trimmingCharacters(in: .whitespaces)
                        guard ratings.hasPrefix("["), ratings.hasSuffix("]") else {
                            throw SentimentLexiconError(.malformedColumns, file: file, line: line,
                                                        "the fourth column (ratings) should be a bracketed list such as [1, 2, 2]")
                        }
                    }
                    guard extraColumns.count <= 2 else {
                        throw SentimentLexiconError(.malformedColumns, file: file, line: line,
                                                    "expected at most 4 columns (term, mean, stddev, ratings), found \(2 + extraColumns.count)")
                    }
                }
                return valence
            }
        }
    }
}
