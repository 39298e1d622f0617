import Foundation
import Tokenizer

/// The options a partitioned themes run fixes once for all its parts: how inputs are read and
/// filtered and how documents are analysed. Every partial result and the model carry their
/// ``hash``, and results made with different options are never merged.
///
/// Partitioned runs (``VocabularyPartial``, ``ThemeModel``, ``AssignmentPartial``) analyse the
/// customer's turns, as `minectl themes` does by default: with agents' turns, canned lines would
/// have to be found over the whole input first.
///
/// | option | default | as `minectl themes` |
/// |---|---|---|
/// | `inputFormat` | nil (detect) | `--input-format` |
/// | `maximumLineLength` | 16 MiB | `--max-line-length` |
/// | `keepsPrivateTurns` | `false` | `--keep-private-notes` |
/// | `redacts` | `true` | not `--no-redact` |
/// | `agentNames`, `agentDomains` | none | `--agent-name`, `--agent-domain` |
/// | `since`, `until`, `channels` | no filter | `--since`, `--until`, `--channel` |
/// | `extraStopwords` | none | `--stopwords FILE` (its words travel with the options) |
/// | `userLexicon` | none | `--lexicon FILE` (its text travels with the options; extends the built-in lexicon) |
/// | `fitSample` | 20,000 | `--fit-sample` (0: all) |
public struct ThemeJobOptions: Sendable, Hashable, Codable {
    /// The format of every input, or nil to detect it per file.
    public var inputFormat: InputFormat?
    /// The longest accepted line, in bytes.
    public var maximumLineLength: Int = 16 << 20
    /// Whether internal notes are kept.
    public var keepsPrivateTurns = false
    /// Whether personal data is redacted as inputs are read.
    public var redacts = true
    /// Author names that are agents (CSV, plain text), sorted.
    public var agentNames: [String] = []
    /// Email domains whose senders are agents, sorted.
    public var agentDomains: [String] = []
    /// Analyse only transcripts created at or after this date or instant, as given
    /// (``Timestamp/parse(_:)``).
    public var since: String?
    /// Analyse only transcripts created before this instant, as given; a date alone includes that
    /// whole day.
    public var until: String?
    /// Analyse only these channels (raw values, sorted); empty for all.
    public var channels: [String] = []
    /// Extra stop words (a `--stopwords` file's name and words), or `nil`.
    public var extraStopwords: ExtraStopwords?
    /// The fit-sample limit (``FitSample/limit``); 0 fits on every document.
    public var fitSample = FitSample().limit
    /// A user sentiment lexicon added to the built-in one (a `--lexicon` file's name and text, in
    /// any format ``SentimentLexicon/init(parsing:file:format:)`` reads), or `nil`.
    public var userLexicon: UserLexicon?

    /// A sentiment lexicon carried by value, so every task scores with the same entries.
    public struct UserLexicon: Sendable, Hashable, Codable {
        /// The file's name.
        public var name: String
        /// Its text.
        public var text: String

        /// Creates a lexicon; `text` must parse (``SentimentLexicon/init(parsing:file:format:)``).
        public init(name: String, text: String) {
            self.name = name
            self.text = text
        }
    }

    /// A stop-word list carried by value, so every task uses the same words.
    public struct ExtraStopwords: Sendable, Hashable, Codable {
        /// The list's name (the file name).
        public var name: String
        /// Its words.
        public var words: [String]

        /// Creates a list.
        public init(name: String, words: [String]) {
            self.name = name
            self.words = words
        }
    }

    /// Creates the default options.
    public init() {}

    /// How inputs are read.
    public func ingestionOptions(strict: Bool) -> IngestionOptions {
        var csv = CSVReaderOptions()
        csv.agentAuthors = Set(agentNames)
        var plainText = PlainTextReaderOptions()
        plainText.agentNames = Set(agentNames)
        return IngestionOptions(format: inputFormat, strict: strict, maximumLineLength: maximumLineLength, keepsPrivateTurns: keepsPrivateTurns,
                                redactor: redacts ? Redactor() : nil, csv: csv, plainText: plainText,
                                email: EmailReaderOptions(agentDomains: agentDomains))
    }

    /// Which transcripts are analysed.
    public var filter: TranscriptFilter {
        TranscriptFilter(since: since.flatMap(Timestamp.parse), until: until.flatMap(Self.endOfRange),
                         channels: Set(channels.map(Channel.init(parsing:))))
    }

    /// The instant `--until` denotes: a bare date (10 characters) means the end of that day.
    public static func endOfRange(_ text: String) -> Date? {
        guard let date = Timestamp.parse(text) else { return nil }
        return text.trimmingCharacters(in: .whitespaces).count == 10 ? date.addingTimeInterval(86_400) : date
    }

    /// The settings a report shows for these options (after the clustering's): role, fit
    /// sample when not the default, filters, stop words, redaction — as `minectl themes` shows them.
    public var settings: [ReportSetting] {
        var list = [ReportSetting("role", "customer")]
        if fitSample != FitSample().limit { list.append(ReportSetting("fit-sample", fitSample > 0 ? String(fitSample) : "all")) }
        if let since { list.append(ReportSetting("since", since)) }
        if let until { list.append(ReportSetting("until", until)) }
        if !channels.isEmpty { list.append(ReportSetting("channel", channels.joined(separator: ","))) }
        if let userLexicon { list.append(ReportSetting("lexicon", userLexicon.name)) }
        if let extraStopwords { list.append(ReportSetting("stopwords", extraStopwords.name)) }
        if !redacts { list.append(ReportSetting("redaction", "off")) }
        return list
    }

    /// The analysis options (documents, analysis chain, TF-IDF, fit sample) with everything else
    /// at its default.
    public var themeOptions: ThemeOptions {
        var options = ThemeOptions()
        options.documents.includesPrivateTurns = keepsPrivateTurns
        if let extraStopwords { options.stopwordLists.append(StopwordList(name: extraStopwords.name, entries: extraStopwords.words)) }
        options.fitSample = fitSample > 0 ? FitSample(limit: fitSample) : nil
        if let userLexicon {
            // The text was parsed when the options were made; parsing is deterministic.
            guard let user = try? SentimentLexicon(parsing: userLexicon.text, file: userLexicon.name) else {
                preconditionFailure("the lexicon \(userLexicon.name) carried by the options no longer parses")
            }
            options.sentiment = SentimentScorer(lexicon: SentimentLexicon.builtIn.merging(user))
        }
        return options
    }

    /// How documents become terms for TF-IDF: the theme analysis's chain.
    var extractor: TermExtractor { themeOptions.termExtractor }

    /// The SHA-256 (hex) of the options' canonical JSON and the library version: partial
    /// results with different hashes are never merged.
    public var hash: String {
        PartialJSON.sha256Hex(Array((LibraryInfo.version + "\n").utf8) + PartialJSON.encode(self))
    }
}
