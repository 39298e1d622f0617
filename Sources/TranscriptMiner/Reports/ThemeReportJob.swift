/// The whole themes job as one call: read (or receive) transcripts → filter → analyse → a
/// ``ThemeReport`` ready for any ``ThemeReportRenderer``. `minectl themes` is this job plus
/// argument parsing and printing.
///
/// ```swift
/// var job = ThemeReportJob()
/// job.analysis.clustering.k = 12
/// let report = try await job.run(paths: ["chats.jsonl.gz"])
/// print(ThemeMarkdownRenderer().render(report))
///
/// // or stream transcripts in from anywhere:
/// let report = try await job.run(transcripts: myAsyncSequenceOfTranscripts)
/// ```
///
/// Clustering needs every document at once, so transcripts are collected as they arrive (after
/// the filter); memory is proportional to the analysed text.
public struct ThemeReportJob: Sendable {
    /// How inputs are read (formats, redaction, strictness). Used by ``run(paths:progress:)``.
    public var ingestion: IngestionOptions
    /// The analysis.
    public var analysis: ThemeOptions
    /// Which transcripts are analysed; the rest are counted as filtered out.
    public var filter: TranscriptFilter
    /// The settings to show in the report.
    public var settings: [ReportSetting]
    /// How many themes the report shows (`nil`: all).
    public var top: Int?
    /// Whether each transcript's ``Transcript/contentHash`` is taken (``ConversationFacts/contentHash``:
    /// what a run history uses to recognise conversations it has counted). Without it the text of
    /// roles the analysis does not read is dropped as the input is read, before redaction, and
    /// the content hashes are 0. Default `true`; `minectl themes` turns it off without `--db`.
    public var hashesContent = true

    /// Creates a job with default options.
    public init(ingestion: IngestionOptions = IngestionOptions(), analysis: ThemeOptions = ThemeOptions(),
                filter: TranscriptFilter = TranscriptFilter(), settings: [ReportSetting] = [], top: Int? = nil) {
        self.ingestion = ingestion
        self.analysis = analysis
        self.filter = filter
        self.settings = settings
        self.top = top
    }

    /// Progress events of a run, for displays.
    public enum Progress: Sendable {
        /// Transcripts read so far (kept and filtered out), and how far into the input bytes
        /// (``ReadProgress/fraction`` is `nil` for standard input and for transcripts from an
        /// asynchronous source).
        case reading(transcripts: Int, input: ReadProgress?)
        /// A stage ended.
        case stage(StageTiming)
    }

    /// Reads `paths` (files, folders, `-` for standard input) and reports on them.
    /// - Throws: the first ``IngestionProblem`` under strict ingestion, or, when no input could be
    ///   read at all, the first problem met (it names the file and the reason);
    ///   ``ThemeAnalysisError`` when there is nothing to cluster.
    public func run(paths: [String], progress: (@Sendable (Progress) -> Void)? = nil) async throws -> ThemeReport {
        let started = ContinuousClock.now
        var kept = Kept(filter: filter, roles: analysis.documents.roles, progress: progress)
        var input: ReadProgress?
        // The filter and the content hash run on the ingestor's decoding threads.
        let filter = kept.filter
        let hashesContent = hashesContent
        var ingestion = ingestion
        if !hashesContent { ingestion.keepsTextOf = analysis.documents.roles }
        let summary = try Ingestor(options: ingestion).read(paths, progress: kept.progress == nil ? nil : { input = $0 },
                                                            prepare: { Kept.entry(for: $0, filter: filter, hashesContent: hashesContent) }) { entry, _ in
            kept.add(entry, input: input)
        }
        if summary.filesRead == 0 {
            throw summary.problems.first ?? IngestionProblem(.unreadableInput, at: SourceLocation(file: paths.first ?? "-"), "no input could be read")
        }
        return try await report(kept, ingestion: summary, readSince: started)
    }

    /// Reports on transcripts from any asynchronous source (already redacted, or redacted by the
    /// caller: this entry point does not read files, so ``ingestion`` does not apply). The
    /// report's ingestion counts say how many arrived.
    public func run<Source: AsyncSequence & Sendable>(transcripts source: Source, progress: (@Sendable (Progress) -> Void)? = nil)
        async throws -> ThemeReport where Source.Element == Transcript {
        let started = ContinuousClock.now
        var kept = Kept(filter: filter, roles: analysis.documents.roles, progress: progress)
        for try await transcript in source { kept.add(transcript) }
        var summary = IngestionSummary()
        summary.recordsRead = kept.transcripts.count + kept.filteredOut
        summary.recordsAnalyzed = summary.recordsRead
        return try await report(kept, ingestion: summary, readSince: started)
    }

    /// The transcripts the filter keeps, and how many it left out, as they arrive. Kept
    /// transcripts are held in a ``TranscriptStore`` (only the text the analysis reads, about a
    /// third of the memory of `Transcript` values), with each content hash taken first.
    private struct Kept {
        let filter: TranscriptFilter
        let roles: Set<Role>
        let progress: (@Sendable (Progress) -> Void)?
        var transcripts = TranscriptStore()
        var contentHashes: [UInt64] = []
        var filteredOut = 0

        /// What is kept of one transcript: its content hash and the transcript, or nothing.
        enum Entry: Sendable {
            case kept(contentHash: UInt64, transcript: Transcript)
            case filteredOut
        }

        /// The entry for `transcript`: the filter and the hash (any thread). The store drops the
        /// texts the analysis does not read when the entry is added.
        /// - Complexity: O(n) in the transcript's text.
        static func entry(for transcript: Transcript, filter: TranscriptFilter, hashesContent: Bool = true) -> Entry {
            guard filter.includes(transcript) else { return .filteredOut }
            return .kept(contentHash: hashesContent ? transcript.contentHash : 0, transcript: transcript)
        }

        mutating func add(_ transcript: Transcript, input: ReadProgress? = nil) {
            add(Self.entry(for: transcript, filter: filter), input: input)
        }

        mutating func add(_ entry: Entry, input: ReadProgress? = nil) {
            switch entry {
            case .kept(let contentHash, let transcript):
                contentHashes.append(contentHash)
                transcripts.append(transcript, keepingTextOf: roles)
            case .filteredOut:
                filteredOut += 1
            }
            progress?(.reading(transcripts: transcripts.count + filteredOut, input: input))
        }
    }

    /// Ends the read stage and runs the analysis on what was kept.
    private func report(_ kept: Kept, ingestion summary: IngestionSummary, readSince started: ContinuousClock.Instant) async throws -> ThemeReport {
        let read = StageTiming("read", duration: started.duration(to: .now))
        kept.progress?(.stage(read))
        var analysis = ThemeAnalysis(options: analysis)
        if let progress = kept.progress { analysis.progress = { @Sendable timing in progress(.stage(timing)) } }
        let result = try await analysis.run(kept.transcripts, contentHashes: kept.contentHashes)
        return ThemeReport(result: result, ingestion: summary, settings: settings, inputs: summary.inputs, filteredOut: kept.filteredOut,
                           timings: [read] + result.timings, top: top)
    }
}
