import ArgumentParser
import TranscriptMiner

/// The root command: configuration only. Each subcommand lives in `Commands/`.
@main
struct MineCtl: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "minectl",
        abstract: "Mine customer-support transcripts for ranked, explained themes.",
        version: LibraryInfo.version,
        subcommands: [Stats.self, Redact.self, Synth.self, Tokenize.self, Stem.self, Sentiment.self, Vectorize.self, Themes.self, Trends.self,
                      Partial.self, Fit.self, Assign.self]
    )
}
