import Foundation

/// Reads inputs of any supported format into transcripts, with exact accounting.
///
/// ```swift
/// let ingestor = Ingestor(options: IngestionOptions())
/// let summary = try ingestor.read(["chats.jsonl.gz", "exports/"]) { transcript, location in
///     analyse(transcript)
/// }
/// print(summary.recordsRead, summary.recordsAnalyzed, summary.rejectedByCode)
/// ```
///
/// For each input (a file, `-` for standard input, or a directory read recursively in sorted
/// order) it opens a stream, decompresses gzip transparently, detects the format (or uses
/// ``IngestionOptions/format``), and runs the format's ``TranscriptReader``. Then, for every
/// transcript: private turns are dropped unless kept, a transcript with no text is rejected
/// (`empty-transcript`), and an id seen before in the run is rejected (`duplicate-id`).
///
/// Batch mode skips and reports: problems are counted in the ``IngestionSummary``. In strict
/// mode the first problem is thrown as an ``IngestionProblem``.
/// - Complexity: O(n) in the input; memory is one record plus 8 bytes per transcript id seen
///   (a fingerprint, for the duplicate check).
public struct Ingestor: Sendable {
    /// The options.
    public let options: IngestionOptions

    /// Creates an ingestor.
    public init(options: IngestionOptions = IngestionOptions()) { self.options = options }

    /// Reads `paths` and calls `consume` with each accepted transcript, in input order.
    /// - Parameter progress: called after each accepted transcript with the input bytes read so
    ///   far (as stored: compressed for gzip) and the total (`nil` when standard input is read),
    ///   for progress displays and ETAs. Default `nil`.
    /// - Throws: in strict mode, the first ``IngestionProblem``; always, what `consume` throws.
    /// - Complexity: O(n) in the input; JSONL and lines inputs are decoded on
    ///   ``IngestionOptions/workers`` threads (see ``read(_:progress:prepare:consume:)``).
    public func read(_ paths: [String], progress: ((ReadProgress) -> Void)? = nil,
                     consume: (Transcript, SourceLocation) throws -> Void) throws -> IngestionSummary {
        try read(paths, progress: progress, prepare: { $0 }, consume: consume)
    }

    /// Reads `paths`, turns each accepted transcript into what the caller keeps with `prepare`,
    /// and calls `consume` with the results in input order.
    ///
    /// ```swift
    /// // Keep only a hash and the customer text; the work is spread over the decoding threads.
    /// let summary = try Ingestor().read(paths, prepare: { ($0.contentHash, $0.text(of: [.customer])) }) { kept, _ in
    ///     rows.append(kept)
    /// }
    /// ```
    ///
    /// JSONL and lines inputs are read in blocks of whole lines that are decoded, checked,
    /// redacted and prepared on up to ``IngestionOptions/workers`` threads, while the order-dependent
    /// work (the duplicate-id check, the counts, strict mode's stop at the first problem in input
    /// order, progress and `consume`) stays on the calling thread, in input order: the results do
    /// not depend on the number of threads. Other formats are read on the calling thread.
    /// `prepare` may be called for records that are then rejected as duplicates.
    /// - Parameters:
    ///   - progress: as in ``read(_:progress:consume:)``.
    ///   - prepare: runs on any thread, once per transcript that has text, after redaction.
    ///   - consume: runs on the calling thread, once per accepted transcript, in input order.
    /// - Throws: in strict mode, the first ``IngestionProblem``; always, what `consume` throws.
    /// - Complexity: O(n) in the input; memory is a few blocks of 1 MiB per thread plus 8 bytes
    ///   per transcript id seen.
    public func read<Prepared: Sendable>(_ paths: [String], progress: ((ReadProgress) -> Void)? = nil,
                                         prepare: @escaping @Sendable (Transcript) -> Prepared,
                                         consume: (Prepared, SourceLocation) throws -> Void) throws -> IngestionSummary {
        var summary = IngestionSummary()
        var seen = Set<UInt64>()
        // `.eml` files of the whole run are threaded together: a thread may span files.
        var threader = options.email.threadsMessages ? EmailThreader(options: options.email) : nil
        let files = expand(paths, summary: &summary)
        let meter = progress.map { ReadMeter(totalBytes: Self.totalBytes(of: files), report: $0) }
        try withoutActuallyEscaping(consume) { consume in
            let sink = Sink(prepare: prepare, consume: consume)
            for path in files {
                try readOne(path, summary: &summary, seen: &seen, threader: &threader, singleInput: files.count == 1, meter: meter, sink: sink)
            }
            if var threader, threader.messageCount > 0 {
                try threader.finish { event in try accept(decode(event, prepare: prepare), summary: &summary, seen: &seen, meter: meter, sink: sink) }
            }
        }
        return summary
    }

    /// Where accepted transcripts go: the caller's two closures.
    struct Sink<Prepared: Sendable> {
        let prepare: @Sendable (Transcript) -> Prepared
        let consume: (Prepared, SourceLocation) throws -> Void
    }

    /// The stored size of `files`, or `nil` when one is standard input or cannot be measured.
    static func totalBytes(of files: [String]) -> Int? {
        var total = 0
        for file in files {
            guard file != "-", let size = fileSize(file) else { return nil }
            total += size
        }
        return total
    }

    /// One reader event after the work that needs no state of the run (so it can run on any
    /// thread): private turns dropped, emptiness checked, the id fingerprinted, the transcript
    /// redacted and prepared.
    enum Decoded<Prepared: Sendable>: Sendable {
        /// A problem the reader reported.
        case problem(IngestionProblem)
        /// A transcript with no text to analyse.
        case empty(SourceLocation)
        /// A transcript with text, prepared, with its id's ``Ingestor/fingerprint(_:)``.
        case transcript(Prepared, SourceLocation, idFingerprint: UInt64)
    }

    /// The stateless part of accepting `event` (see ``Decoded``).
    /// - Complexity: O(n) in the transcript's text (redaction).
    func decode<Prepared: Sendable>(_ event: ReadEvent, prepare: (Transcript) -> Prepared) -> Decoded<Prepared> {
        switch event {
        case .problem(let problem):
            return .problem(problem)
        case .transcript(var transcript, let location):
            if !options.keepsPrivateTurns { transcript.turns.removeAll { !$0.isPublic } }
            guard transcript.hasText else { return .empty(location) }
            let fingerprint = Self.fingerprint(transcript.id)
            if let roles = options.keepsTextOf {
                for index in transcript.turns.indices where !roles.contains(transcript.turns[index].role) && transcript.turns[index].role != .unknown {
                    transcript.turns[index].text = ""
                }
            }
            if let redactor = options.redactor { transcript = Self.redact(transcript, with: redactor) }
            return .transcript(prepare(transcript), location, idFingerprint: fingerprint)
        }
    }

    /// Counts, checks and hands on one decoded event, in input order.
    func accept<Prepared>(_ decoded: Decoded<Prepared>, summary: inout IngestionSummary, seen: inout Set<UInt64>, meter: ReadMeter?,
                                  sink: Sink<Prepared>) throws {
        switch decoded {
        case .problem(let problem):
            summary.record(problem, fileLevel: problem.code == .emptyFile)
            if options.strict { throw problem }
        case .empty(let location):
            let problem = IngestionProblem(.emptyTranscript, at: location, "transcript has no text to analyse")
            summary.record(problem)
            if options.strict { throw problem }
        case .transcript(let prepared, let location, let fingerprint):
            guard seen.insert(fingerprint).inserted else {
                let problem = IngestionProblem(.duplicateID, at: location, "transcript id was already read earlier in this run")
                summary.record(problem)
                if options.strict { throw problem }
                return
            }
            summary.recordsRead += 1
            summary.recordsAnalyzed += 1
            try sink.consume(prepared, location)
            meter?.tick()
        }
    }

    /// Decodes every line of `block` (on a worker thread): its reader events, each through
    /// ``decode(_:prepare:)``.
    /// - Complexity: O(n) in the block's bytes.
    func decode<Prepared: Sendable>(_ block: LineBlock, as format: LineRecordFormat, file: String, maximumLineLength: Int,
                                    prepare: (Transcript) -> Prepared) -> [Decoded<Prepared>] {
        var decoded: [Decoded<Prepared>] = []
        decoded.reserveCapacity(block.lines.count)
        var events: [ReadEvent] = []
        for line in block.lines {
            events.removeAll(keepingCapacity: true)
            format.decode(block.bytes(of: line), number: line.number, overlongLength: line.overlongLength, file: file,
                          maximumLineLength: maximumLineLength, into: &events)
            for event in events { decoded.append(decode(event, prepare: prepare)) }
        }
        return decoded
    }

    /// The files a run over `paths` reads, in order: `-` as is, directories expanded recursively
    /// (sorted, hidden files skipped), other paths as given (reading a missing one reports it).
    public static func files(of paths: [String]) -> [String] {
        var summary = IngestionSummary()
        return Ingestor().expand(paths, summary: &summary)
    }

    /// Files of `paths`: `-` as is, directories expanded recursively (sorted, hidden files
    /// skipped); paths that do not exist are reported.
    private func expand(_ paths: [String], summary: inout IngestionSummary) -> [String] {
        var out: [String] = []
        let files = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            if path == "-" || (files.fileExists(atPath: path, isDirectory: &isDirectory) && !isDirectory.boolValue) {
                out.append(path)
            } else if isDirectory.boolValue {
                let entries = (files.enumerator(atPath: path)?.allObjects as? [String] ?? []).sorted()
                for entry in entries where !entry.split(separator: "/").contains(where: { $0.hasPrefix(".") }) {
                    var entryIsDirectory: ObjCBool = false
                    let full = (path as NSString).appendingPathComponent(entry)
                    if files.fileExists(atPath: full, isDirectory: &entryIsDirectory), !entryIsDirectory.boolValue { out.append(full) }
                }
            } else {
                out.append(path)  // opening it reports the problem
            }
        }
        return out
    }

    func fail(_ problem: IngestionProblem, summary: inout IngestionSummary) throws {
        summary.filesFailed += 1
        summary.record(problem, fileLevel: true)
        if options.strict { throw problem }
    }

    func readOne<Prepared>(_ path: String, summary: inout IngestionSummary, seen: inout Set<UInt64>, threader: inout EmailThreader?,
                                   singleInput: Bool, meter: ReadMeter?, sink: Sink<Prepared>) throws {
        let here = SourceLocation(file: path)
        var stream: ByteStream
        do {
            stream = path == "-" ? FileStream(fileDescriptor: 0) : try FileStream(path: path)
        } catch {
            return try fail(IngestionProblem(.unreadableInput, at: here, "cannot open: \(error)"), summary: &summary)
        }
        let hashing = HashingStream(stream)
        stream = hashing
        meter?.current = hashing
        defer {
            summary.inputs.append(InputFingerprint(path: path, bytes: hashing.byteCount, sha256: hashing.finish()))
            meter?.finishFile()
        }
        var head: [UInt8]
        do {
            head = try PrefixedStream.head(of: stream, count: 8192)
            stream = PrefixedStream(prefix: head, rest: stream)
            if GzipStream.isGzip(head) {
                stream = GzipStream(stream)
                head = try PrefixedStream.head(of: stream, count: 8192)
                stream = PrefixedStream(prefix: head, rest: stream)
            }
        } catch {
            let code: IngestionProblem.Code = (error as? ByteStreamError)?.isCorruptCompression == true ? .truncatedInput : .unreadableInput
            return try fail(IngestionProblem(code, at: here, "cannot read: \(error)"), summary: &summary)
        }
        if head.allSatisfy({ $0 == 32 || $0 == 9 || $0 == 10 || $0 == 13 }) {
            summary.filesRead += 1
            summary.record(IngestionProblem(.emptyFile, at: here, "no records (the file is empty)", isRejection: false), fileLevel: true)
            if options.strict { throw IngestionProblem(.emptyFile, at: here, "no records (the file is empty)") }
            return
        }
        guard let format = options.format ?? FormatDetector.detect(name: path, head: head) else {
            return try fail(IngestionProblem(.unknownFormat, at: here, "unknown format: binary content or unrecognised layout; name one with --input-format"), summary: &summary)
        }
        summary.filesRead += 1
        try readRecords(stream, format: format, path: path, summary: &summary, seen: &seen, threader: &threader,
                        singleInput: singleInput, meter: meter, sink: sink)
    }

    /// Reads the records of an opened input whose format is known, counting them in `summary`.
    func readRecords<Prepared>(_ stream: ByteStream, format: InputFormat, path: String, summary: inout IngestionSummary, seen: inout Set<UInt64>,
                               threader: inout EmailThreader?, singleInput: Bool, meter: ReadMeter?, sink: Sink<Prepared>) throws {
        let here = SourceLocation(file: path)
        let reader = reader(for: format, path: path, singleInput: singleInput)
        do {
            if format == .eml, threader != nil {
                try threader!.addMessage(from: stream, file: path) { event in
                    try accept(decode(event, prepare: sink.prepare), summary: &summary, seen: &seen, meter: meter, sink: sink)
                }
            } else if let lineFormat = LineRecordFormat(format) {
                var blocks = LineBlockReader(LineReader(stream, maximumLineLength: options.maximumLineLength))
                let maximumLineLength = blocks.maximumLineLength
                let prepare = sink.prepare
                try OrderedParallelMap.run(workers: options.workers, next: { try blocks.next() }, transform: { block in
                    decode(block, as: lineFormat, file: path, maximumLineLength: maximumLineLength, prepare: prepare)
                }, consume: { decoded in
                    for event in decoded { try accept(event, summary: &summary, seen: &seen, meter: meter, sink: sink) }
                })
            } else {
                try reader.read(stream, file: path) { event in
                    try accept(decode(event, prepare: sink.prepare), summary: &summary, seen: &seen, meter: meter, sink: sink)
                }
            }
        } catch let error as ByteStreamError {
            let code: IngestionProblem.Code = error.isCorruptCompression ? .truncatedInput : .unreadableInput
            try fail(IngestionProblem(code, at: here, "stopped reading after \(summary.recordsRead) record(s): \(error)"), summary: &summary)
        }
    }

    /// A 64-bit FNV-1a fingerprint of an id: the duplicate check keeps 8 bytes per transcript,
    /// not the ids themselves. Two different ids collide with probability about n²/2⁶⁵ (3·10⁻⁸
    /// for a million transcripts); a collision would reject one transcript as a duplicate.
    static func fingerprint(_ id: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in id.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        return hash
    }

    /// `transcript` with personal data replaced in every turn's text and author and every
    /// metadata value. Ids are kept: they join results back to the source.
    /// - Complexity: O(n) in the transcript's text.
    public static func redact(_ transcript: Transcript, with redactor: Redactor) -> Transcript {
        var copy = transcript
        for i in copy.turns.indices {
            let redacted = redactor.redact(copy.turns[i].text)
            if !redacted.isUnchanged { copy.turns[i].text = redacted.text }
            if let author = copy.turns[i].author {
                let redactedAuthor = redactor.redact(author)
                if !redactedAuthor.isUnchanged { copy.turns[i].author = redactedAuthor.text }
            }
        }
        for (key, value) in copy.metadata {
            let redacted = redactor.redact(value)
            if !redacted.isUnchanged { copy.metadata[key] = redacted.text }
        }
        return copy
    }

    /// The reader of `format`, configured from the options. When the run reads a single file,
    /// CSV rows without an id are numbered by row alone (`"3"`, like the lines format), so
    /// evaluation sets can be scored by row number; with several files the id keeps the file
    /// name (`"f.csv#3"`) so ids stay unique across the run.
    func reader(for format: InputFormat, path: String, singleInput: Bool = false) -> any TranscriptReader {
        switch format {
        case .jsonl: return JSONLReader(maximumLineLength: options.maximumLineLength)
        case .lines: return LinesReader(maximumLineLength: options.maximumLineLength)
        case .csv:
            var csv = options.csv
            csv.maximumFieldLength = min(csv.maximumFieldLength, options.maximumLineLength)
            let name = path.lowercased().hasSuffix(".gz") ? String(path.lowercased().dropLast(3)) : path.lowercased()
            if name.hasSuffix(".tsv") { csv.delimiter = UInt8(ascii: "\t") }
            if singleInput { csv.qualifiesRowIDs = false }
            return CSVReader(options: csv)
        case .text:
            var text = options.plainText
            text.maximumLineLength = min(text.maximumLineLength, options.maximumLineLength)
            return PlainTextReader(options: text)
        case .json: return JSONArrayReader(maximumRecordBytes: options.maximumLineLength)
        case .zendesk: return ZendeskReader(maximumRecordBytes: options.maximumLineLength)
        case .eml: return EmailReader(options: options.email)
        case .mbox: return MboxReader(options: options.email)
        }
    }
}

/// How far an ``Ingestor/read(_:progress:consume:)`` has got.
public struct ReadProgress: Sendable, Hashable {
    /// Input bytes read so far, as stored (compressed for gzip); readers read ahead, so this runs
    /// slightly ahead of the transcripts handed on.
    public var bytesRead: Int
    /// All the inputs' bytes, or `nil` when standard input is among them.
    public var totalBytes: Int?

    /// Creates a progress value.
    public init(bytesRead: Int, totalBytes: Int?) {
        self.bytesRead = bytesRead
        self.totalBytes = totalBytes
    }

    /// `bytesRead / totalBytes` in [0, 1], when the total is known and not 0.
    public var fraction: Double? {
        guard let totalBytes, totalBytes > 0 else { return nil }
        return min(1, Double(bytesRead) / Double(totalBytes))
    }
}

/// Counts the bytes of the files read so far and of the current one, for ``ReadProgress``.
final class ReadMeter {
    let totalBytes: Int?
    let report: (ReadProgress) -> Void
    var completed = 0
    var current: HashingStream?

    init(totalBytes: Int?, report: @escaping (ReadProgress) -> Void) {
        self.totalBytes = totalBytes
        self.report = report
    }

    func tick() { report(ReadProgress(bytesRead: completed + (current?.byteCount ?? 0), totalBytes: totalBytes)) }

    func finishFile() {
        completed += current?.byteCount ?? 0
        current = nil
    }
}
