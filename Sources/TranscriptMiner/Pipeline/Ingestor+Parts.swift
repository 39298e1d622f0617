import Foundation

extension Ingestor {
    /// Reads one part of a partitioned run's input and calls `consume` with each accepted
    /// transcript, in order; as ``read(_:progress:prepare:consume:)`` does for whole inputs.
    ///
    /// - A part covering a whole file (offset 0, no length or at least the file's size) is read
    ///   exactly as the file would be in a whole run, in any format, gzip included.
    /// - A smaller byte range is read with ``LineRangeStream``: it owns the lines starting in the
    ///   range. Only JSONL can be split this way (a `lines` document's id is its line number,
    ///   which a part cannot know; the other formats have records spanning lines), and never a
    ///   gzip file; the format is detected from the head of the file, as in a whole run.
    /// - A part read from standard input is a piece of the JSONL file named ``InputPart/source``.
    ///
    /// Line numbers in the result's problems count from the part's first line. Only the head part
    /// (offset 0) counts the file as read and adds its fingerprint (without a hash when the file is
    /// split: the merge hashes the whole file).
    /// - Parameter earlierIDs: fingerprints (``fingerprint(_:)``) of ids accepted by earlier parts:
    ///   a transcript with one of them is rejected as a duplicate, as in a whole run.
    /// - Throws: in strict mode, the first ``IngestionProblem``; an ``IngestionProblem``
    ///   (`unreadable-input`) when the part cannot be read as asked (a split gzip or non-JSONL
    ///   file, a range past the end); always, what `consume` throws.
    public func read<Prepared: Sendable>(_ part: InputPart, earlierIDs: Set<UInt64> = [],
                                         prepare: @escaping @Sendable (Transcript) -> Prepared,
                                         consume: (Prepared, SourceLocation) throws -> Void) throws -> PartReading {
        var summary = IngestionSummary()
        var seen = earlierIDs
        var threader: EmailThreader? = nil
        let here = SourceLocation(file: part.source)
        return try withoutActuallyEscaping(consume) { consume in
            let sink = Sink(prepare: prepare, consume: consume)
            if part.readsStandardInput {
                let counting = LineCountingStream(FileStream(fileDescriptor: 0))
                var stream: ByteStream = counting
                let head = try PrefixedStream.head(of: stream, count: 8192)
                stream = PrefixedStream(prefix: head, rest: stream)
                if part.isHead {
                    summary.filesRead += 1
                    if head.allSatisfy({ $0 == 32 || $0 == 9 || $0 == 10 || $0 == 13 }) {
                        let problem = IngestionProblem(.emptyFile, at: here, "no records (the file is empty)", isRejection: false)
                        summary.record(problem, fileLevel: true)
                        if options.strict { throw IngestionProblem(.emptyFile, at: here, "no records (the file is empty)") }
                    }
                }
                try readRecords(stream, format: .jsonl, path: part.source, summary: &summary, seen: &seen, threader: &threader,
                                singleInput: false, meter: nil, sink: sink)
                if part.isHead { summary.inputs.append(InputFingerprint(path: part.source, bytes: 0, sha256: nil)) }
                return PartReading(part: part, summary: summary, lineCount: counting.lineCount)
            }
            let size = Self.fileSize(part.source)
            let wholeFile = part.offset == 0 && (part.length == nil || size.map { part.length! >= $0 } ?? false)
            if wholeFile {
                try readOne(part.source, summary: &summary, seen: &seen, threader: &threader, singleInput: false, meter: nil, sink: sink)
                if var threader, threader.messageCount > 0 {
                    try threader.finish { event in try accept(decode(event, prepare: prepare), summary: &summary, seen: &seen, meter: nil, sink: sink) }
                }
                return PartReading(part: part, summary: summary, lineCount: nil)
            }
            guard let size else { throw IngestionProblem(.unreadableInput, at: here, "cannot open: no such file, or its size is unknown") }
            guard part.offset <= size else {
                throw IngestionProblem(.unreadableInput, at: here, "the part starts at byte \(part.offset), past the end of the file (\(size) bytes)")
            }
            let head: [UInt8]
            do {
                head = try PrefixedStream.head(of: FileStream(path: part.source), count: 8192)
            } catch {
                throw IngestionProblem(.unreadableInput, at: here, "cannot read: \(error)")
            }
            if GzipStream.isGzip(head) {
                throw IngestionProblem(.unreadableInput, at: here, "a gzip file cannot be split into byte ranges: give it as one part (offset 0, the whole length)")
            }
            let format = options.format ?? FormatDetector.detect(name: part.source, head: head)
            guard format == .jsonl else {
                throw IngestionProblem(.unreadableInput, at: here, "only JSONL files can be split into byte ranges (this one reads as \(format?.rawValue ?? "an unknown format")): give it as one part")
            }
            let stream: LineRangeStream
            do {
                stream = try LineRangeStream(path: part.source, offset: part.offset, length: part.length ?? (size - part.offset))
            } catch {
                throw IngestionProblem(.unreadableInput, at: here, "cannot open: \(error)")
            }
            if part.isHead {
                summary.filesRead += 1
                summary.inputs.append(InputFingerprint(path: part.source, bytes: size, sha256: nil))
            }
            try readRecords(stream, format: .jsonl, path: part.source, summary: &summary, seen: &seen, threader: &threader,
                            singleInput: false, meter: nil, sink: sink)
            return PartReading(part: part, summary: summary, lineCount: stream.lineCount)
        }
    }

    /// The size of the file at `path` (following symbolic links), or `nil` when it cannot be
    /// read.
    static func fileSize(_ path: String) -> Int? {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        return Int(info.st_size)
    }
}
