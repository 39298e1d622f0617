import Foundation

extension IngestionSummary: Codable {
    private struct Problem: Codable {
        var code: String
        var location: SourceLocation
        var reason: String
        var isRejection: Bool
    }

    private enum CodingKeys: String, CodingKey {
        case filesRead, filesFailed, recordsRead, recordsAnalyzed, rejectedByCode, repairedByCode, fileProblemsByCode, inputs, problems
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init()
        filesRead = try container.decode(Int.self, forKey: .filesRead)
        filesFailed = try container.decode(Int.self, forKey: .filesFailed)
        recordsRead = try container.decode(Int.self, forKey: .recordsRead)
        recordsAnalyzed = try container.decode(Int.self, forKey: .recordsAnalyzed)
        func codes(_ key: CodingKeys) throws -> [IngestionProblem.Code: Int] {
            Dictionary(uniqueKeysWithValues: try container.decode([String: Int].self, forKey: key).map { (IngestionProblem.Code(rawValue: $0.key), $0.value) })
        }
        rejectedByCode = try codes(.rejectedByCode)
        repairedByCode = try codes(.repairedByCode)
        fileProblemsByCode = try codes(.fileProblemsByCode)
        inputs = try container.decode([InputFingerprint].self, forKey: .inputs)
        problems = try container.decode([Problem].self, forKey: .problems).map {
            IngestionProblem(IngestionProblem.Code(rawValue: $0.code), at: $0.location, $0.reason, isRejection: $0.isRejection)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(filesRead, forKey: .filesRead)
        try container.encode(filesFailed, forKey: .filesFailed)
        try container.encode(recordsRead, forKey: .recordsRead)
        try container.encode(recordsAnalyzed, forKey: .recordsAnalyzed)
        func codes(_ map: [IngestionProblem.Code: Int]) -> [String: Int] {
            Dictionary(uniqueKeysWithValues: map.map { ($0.key.rawValue, $0.value) })
        }
        try container.encode(codes(rejectedByCode), forKey: .rejectedByCode)
        try container.encode(codes(repairedByCode), forKey: .repairedByCode)
        try container.encode(codes(fileProblemsByCode), forKey: .fileProblemsByCode)
        try container.encode(inputs, forKey: .inputs)
        try container.encode(problems.map { Problem(code: $0.code.rawValue, location: $0.location, reason: $0.reason, isRejection: $0.isRejection) },
                             forKey: .problems)
    }

    /// The summary of a whole run from the readings of its parts, as one run over the whole input
    /// would have counted: counts added, each part's problems renumbered after the lines of the
    /// earlier parts of its source, the first ``maximumKeptProblems`` kept, and split files
    /// fingerprinted whole (from `fingerprint`, when it can read them; otherwise without a hash).
    /// - Parameter readings: one per part, in part order (``InputPart/index``).
    /// - Throws: ``PartialError`` when the parts of a file do not tile it.
    static func merging(_ readings: [PartReading], fingerprint: (String) -> InputFingerprint?) throws(PartialError) -> IngestionSummary {
        var merged = IngestionSummary()
        var linesBefore: [String: Int] = [:]
        var nextOffset: [String: Int] = [:]
        var splitSources = Set<String>()
        for reading in readings {
            let part = reading.part
            let source = part.source
            if part.isHead {
                guard nextOffset[source] == nil else {
                    throw PartialError(file: source, reason: "is read twice: part \(part.index) starts it again")
                }
            } else if !part.readsStandardInput {
                // After a piece from standard input the byte position is unknown (-1): not checked.
                guard let expected = nextOffset[source], expected == part.offset || expected < 0 else {
                    throw PartialError(file: source, reason: "is not covered by its parts: part \(part.index) starts at byte \(part.offset), "
                                       + "the part before it ends at \(nextOffset[source].map(String.init) ?? "no part (none starts the file)")")
                }
                splitSources.insert(source)
            } else if nextOffset[source] == nil {
                throw PartialError(file: source, reason: "has no first part before part \(part.index)")
            }
            nextOffset[source] = part.readsStandardInput ? -1 : part.length.map { part.offset + $0 } ?? Int.max
            if part.length != nil { splitSources.insert(source) }
            let offset = linesBefore[source, default: 0]
            let summary = reading.summary
            merged.filesRead += summary.filesRead
            merged.filesFailed += summary.filesFailed
            merged.recordsRead += summary.recordsRead
            merged.recordsAnalyzed += summary.recordsAnalyzed
            for (code, count) in summary.rejectedByCode { merged.rejectedByCode[code, default: 0] += count }
            for (code, count) in summary.repairedByCode { merged.repairedByCode[code, default: 0] += count }
            for (code, count) in summary.fileProblemsByCode { merged.fileProblemsByCode[code, default: 0] += count }
            merged.inputs += summary.inputs
            for var problem in summary.problems where merged.problems.count < maximumKeptProblems {
                if problem.location.file == source, let line = problem.location.line { problem.location.line = line + offset }
                merged.problems.append(problem)
            }
            linesBefore[source] = offset + (reading.lineCount ?? 0)
        }
        for input in merged.inputs where splitSources.contains(input.path) && input.bytes > 0 && (0..<input.bytes).contains(nextOffset[input.path, default: 0]) {
            throw PartialError(file: input.path, reason: "is not covered by its parts: they end at byte \(nextOffset[input.path, default: 0]) of \(input.bytes)")
        }
        for index in merged.inputs.indices where merged.inputs[index].sha256 == nil && splitSources.contains(merged.inputs[index].path) {
            if let whole = fingerprint(merged.inputs[index].path) { merged.inputs[index] = whole }
        }
        return merged
    }
}
