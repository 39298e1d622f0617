import ArgumentParser
import Foundation
import TranscriptMiner

/// `minectl sentiment`: the customer's sentiment per transcript, and its trajectory.
struct Sentiment: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Score the customer's sentiment per transcript: compound, shares, start and end.",
        discussion: """
            Scores every public customer turn with the built-in lexicon and VADER's rules \
            (negation, boosters, "but", capitals, punctuation, emoticons, emoji, phrases) plus \
            the language of support ("no problem", "still waiting", "charged twice"). Per \
            transcript: the mean compound and shares of its customer turns, the compound of the \
            first (start) and last (end) customer turn, the number of turns scored, and whether \
            it ends worse (end below start by more than 0.05, with 2 or more turns). Only words \
            carry sentiment: @handles, URLs, e-mails, order ids and redaction placeholders never do.

            With --input-format lines each line is a transcript whose id is its line number (from 1).

            --lexicon adds a user lexicon (term<TAB>valence in -4..4, with or without VADER's \
            stddev and ratings columns; or AFINN term<TAB>integer in -5..5, scaled by 0.8) to the \
            built-in one, or replaces it with --lexicon-mode replace.

            Exit codes: 0 ok, 64 bad usage, 65 a problem under --strict, 66 no input could be read \
            or the lexicon is unreadable or invalid.
            """
    )

    @OptionGroup var input: InputOptions

    @Option(help: "Output format: jsonl (one object per transcript) or table.")
    var format: SentimentReport.Format = .jsonl

    @Option(help: "A user lexicon file (term<TAB>valence; VADER's 4 columns; AFINN term<TAB>integer).")
    var lexicon: String?

    @Option(help: "extend: add the --lexicon entries to the built-in lexicon (theirs win); replace: use only them.")
    var lexiconMode: LexiconMode = .extend

    @Option(help: "The --lexicon file's layout: auto, vader (term<TAB>mean[...]) or afinn.")
    var lexiconFormat: SentimentLexiconFormat = .automatic

    enum LexiconMode: String, ExpressibleByArgument, CaseIterable {
        case extend, replace
    }

    func validate() throws {
        if lexicon == nil && lexiconMode == .replace { throw ValidationError("--lexicon-mode replace needs --lexicon FILE") }
    }

    func run() throws {
        var entries = SentimentLexicon.builtIn
        if let lexicon {
            do {
                let user = try SentimentLexicon(contentsOf: URL(fileURLWithPath: lexicon), format: lexiconFormat)
                entries = lexiconMode == .replace ? user : entries.merging(user)
            } catch let error as SentimentLexiconError {
                Diagnostics.error("minectl sentiment: \(error)")
                throw ExitCodes.unreadableInput
            }
        }
        let session = SentimentScorer(lexicon: entries).makeSession()
        let output = OutputBuffer()
        output.write(SentimentReport.header(format))
        let summary: IngestionSummary
        do {
            summary = try Ingestor(options: input.ingestionOptions).read(input.inputs) { transcript, _ in
                output.write(SentimentReport.line(session.score(transcript), format: format))
            }
        } catch let problem as IngestionProblem {
            output.flush()
            Diagnostics.error("minectl sentiment: \(problem)")
            throw problem.code == .unreadableInput ? ExitCodes.unreadableInput : ExitCodes.rejectedRecord
        }
        output.flush()
        if summary.filesRead == 0 { throw ExitCodes.unreadableInput }
    }
}

extension SentimentReport.Format: ExpressibleByArgument {}
extension SentimentLexiconFormat: ExpressibleByArgument {}
