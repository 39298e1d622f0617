/// One part of a partitioned run read into memory: the kept transcripts (as the themes job keeps
/// them), what reading found, and the accepted ids' fingerprints.
struct PartInput: Sendable {
    /// The transcripts the filter kept, customer text only.
    var transcripts = TranscriptStore()
    /// Counts and problems of the part.
    var reading: PartReading
    /// Transcripts read but left out by the filter.
    var filteredOut = 0
    /// ``Ingestor/fingerprint(_:)`` of every accepted id (kept or filtered out), in input order.
    var fingerprints: [UInt64] = []
    /// Each kept transcript's ``Transcript/contentHash`` (taken before the store drops texts), when
    /// asked for; zeros otherwise.
    var contentHashes: [UInt64] = []

    private enum Entry: Sendable {
        case kept(Transcript, contentHash: UInt64)
        case filteredOut
    }

    /// Reads `part` with `options`.
    /// - Parameter earlierIDs: fingerprints of ids accepted by earlier parts (rejected here as
    ///   duplicates).
    /// - Throws: ``IngestionProblem`` (strict mode, or a part that cannot be read as asked).
    /// - Parameter hashingContent: whether to take each kept transcript's content hash (the run
    ///   history's "seen before" test).
    static func read(_ part: InputPart, options: ThemeJobOptions, strict: Bool, earlierIDs: Set<UInt64> = [],
                     hashingContent: Bool = false) throws -> PartInput {
        let filter = options.filter
        let roles = options.themeOptions.documents.roles
        var transcripts = TranscriptStore()
        var filteredOut = 0
        var fingerprints: [UInt64] = []
        var contentHashes: [UInt64] = []
        let reading = try Ingestor(options: options.ingestionOptions(strict: strict)).read(part, earlierIDs: earlierIDs, prepare: { transcript in
            (Ingestor.fingerprint(transcript.id),
             filter.includes(transcript) ? Entry.kept(transcript, contentHash: hashingContent ? transcript.contentHash : 0) : Entry.filteredOut)
        }) { prepared, _ in
            fingerprints.append(prepared.0)
            switch prepared.1 {
            case .kept(let transcript, let contentHash):
                transcripts.append(transcript, keepingTextOf: roles)
                contentHashes.append(contentHash)
            case .filteredOut: filteredOut += 1
            }
        }
        var input = PartInput(reading: reading)
        input.transcripts = transcripts
        input.filteredOut = filteredOut
        input.fingerprints = fingerprints
        input.contentHashes = contentHashes
        return input
    }
}
