import ArgumentParser
import Foundation
import TranscriptMiner

/// `minectl tokenize`: shows the analysis chain at work, one output line per input line.
struct Tokenize: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Tokenize text lines from standard input with the analysis chain.",
        discussion: """
            Reads UTF-8 text on standard input, one document per line, and prints its tokens: \
            segmented by ICU (every script, Chinese, Japanese and Thai by dictionary), case-folded \
            (NFKC_Casefold), with URLs, emails, long numbers and order ids as placeholders, without \
            English and support-conversation stopwords. Invalid UTF-8 is repaired with U+FFFD and \
            counted on standard error.

            Exit codes: 0 ok, 64 bad usage, 66 unreadable input.
            """
    )

    @Flag(help: "Reduce words to their Snowball English (Porter2) stems.")
    var stem = false

    @Flag(help: "Keep stopwords (English and support-conversation lists).")
    var keepStopwords = false

    @Option(help: "Add phrases of up to N adjacent words (1: none, 2: bigrams, 3: trigrams).")
    var ngrams = 1

    @Option(help: "A file of extra stopwords, one per line (# starts a comment).")
    var stopwords: String?

    @Flag(help: "Fold accents of Latin, Greek and Cyrillic letters (café → cafe).")
    var stripAccents = false

    @Flag(help: "Keep URLs, emails, numbers and identifiers as written instead of placeholders.")
    var keepIdentifiers = false

    @Option(help: "Output format: text (tokens separated by spaces) or json (one object per line).")
    var format: OutputFormat = .text

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    func validate() throws {
        guard (1...5).contains(ngrams) else { throw ValidationError("--ngrams must be between 1 and 5 (got \(ngrams))") }
    }

    func run() throws {
        var lists: [StopwordList] = keepStopwords ? [] : [Stopwords.english, Stopwords.supportConversation]
        if let stopwords {
            do { lists.append(try StopwordList(contentsOf: URL(fileURLWithPath: stopwords))) } catch {
                FileHandle.standardError.write(Data("minectl tokenize: \(error)\n".utf8))
                throw ExitCodes.unreadableInput
            }
        }
        let analyzer = Analyzer.standard(.init(stopwordLists: lists, stems: stem, maximumNGramSize: ngrams,
                                               replacesIdentifiers: !keepIdentifiers, stripsAccents: stripAccents))
        let session = analyzer.makeSession()
        let lineFormat: TokenLineFormat = format == .json ? .json : .text
        let output = OutputBuffer()
        var reader = LineReader(FileStream(fileDescriptor: 0))
        var tokens: [Token] = []
        var damagedLines = 0
        var replacements = 0
        do {
            while let line = try reader.next() {
                let repaired = RepairedText(line.bytes)
                if repaired.replacements > 0 {
                    damagedLines += 1
                    replacements += repaired.replacements
                }
                tokens.removeAll(keepingCapacity: true)
                session.analyze(repaired.text, into: &tokens)
                output.write(lineFormat.render(tokens, lineNumber: line.number))
                output.write("\n")
            }
        } catch {
            output.flush()
            FileHandle.standardError.write(Data("minectl tokenize: standard input: \(error)\n".utf8))
            throw ExitCodes.unreadableInput
        }
        output.flush()
        if damagedLines > 0 {
            FileHandle.standardError.write(Data("minectl tokenize: \(damagedLines) line(s) had invalid UTF-8; \(replacements) sequence(s) replaced with U+FFFD\n".utf8))
        }
    }
}
