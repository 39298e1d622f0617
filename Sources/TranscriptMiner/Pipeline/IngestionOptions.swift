import ThemeCluster

/// How inputs are read: format, limits, strictness.
///
/// | option | default | effect |
/// |---|---|---|
/// | `format` | nil (detect) | force one ``InputFormat`` for every input |
/// | `strict` | `false` | stop at the first problem (throw it) instead of skipping and reporting |
/// | `maximumLineLength` | 16 MiB | longer lines/records are rejected as `line-too-long` |
/// | `keepsPrivateTurns` | `false` | keep help-desk internal notes (not customer-facing) |
/// | `redactor` | ``Redactor`` with every ``PIIKind`` | replaces personal data in every turn, author and metadata value before anything else sees it; nil turns redaction off |
/// | `csv` | ``CSVReaderOptions`` defaults | columns, layout and role rules of CSV inputs |
/// | `plainText` | ``PlainTextReaderOptions`` defaults | speaker rules of plain-text transcripts |
/// | `email` | ``EmailReaderOptions`` defaults | agent domains, threading, quote and signature stripping |
/// | `workers` | the active processor count | threads that decode JSONL and lines inputs (results do not depend on it) |
/// | `keepsTextOf` | nil (every role) | only turns of these roles (and of unknown roles) keep their text; the others keep their role and visibility, their text emptied before redaction |
public struct IngestionOptions: Sendable {
    /// The format of every input, or nil to detect it per file. Default nil.
    public var format: InputFormat?
    /// Stop at the first problem. Default `false`.
    public var strict: Bool
    /// The longest accepted line or record, in bytes. Default 16 MiB.
    public var maximumLineLength: Int
    /// Whether turns marked not public (internal notes) are kept. Default `false`.
    public var keepsPrivateTurns: Bool
    /// The redaction applied to every transcript as it is read; nil for none. Default: all kinds.
    public var redactor: Redactor?
    /// Options of the CSV reader.
    public var csv: CSVReaderOptions
    /// Options of the plain-text transcript reader.
    public var plainText: PlainTextReaderOptions
    /// Options of the email and mbox readers.
    public var email: EmailReaderOptions
    /// How many threads decode JSONL and lines inputs (1: all on the calling thread). The results
    /// never depend on it. Default: the active processor count.
    public var workers: Int
    /// The roles whose turns keep their text, or `nil` for every role. Turns of other roles (but
    /// not of unknown roles) keep their place, role and visibility with an empty text, emptied
    /// after the empty-transcript check and before redaction, so a consumer that reads only some
    /// roles does not pay to redact the others. Default `nil`.
    public var keepsTextOf: Set<Role>? = nil

    /// Creates options; every parameter has the default in the table above.
    public init(format: InputFormat? = nil, strict: Bool = false, maximumLineLength: Int = 16 << 20, keepsPrivateTurns: Bool = false,
                redactor: Redactor? = Redactor(), csv: CSVReaderOptions = CSVReaderOptions(),
                plainText: PlainTextReaderOptions = PlainTextReaderOptions(), email: EmailReaderOptions = EmailReaderOptions(),
                workers: Int = defaultWorkerCount) {
        self.format = format
        self.strict = strict
        self.maximumLineLength = maximumLineLength
        self.keepsPrivateTurns = keepsPrivateTurns
        self.redactor = redactor
        self.csv = csv
        self.plainText = plainText
        self.email = email
        self.workers = workers
    }
}
