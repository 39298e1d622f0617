/// The formats the readers understand.
///
/// | format | what | chosen by |
/// |---|---|---|
/// | `jsonl` | one transcript per line, the project's schema (`docs/formats.md`) | `.jsonl`, `.ndjson`; a first byte `{` |
/// | `json` | a top-level JSON array of transcripts | `.json` starting with `[` |
/// | `zendesk` | Zendesk ticket export with comments | `.json`/`.jsonl` whose records have `requester_id` and `comments` |
/// | `csv` | one message (or document) per row | `.csv`, `.tsv` |
/// | `text` | plain-text transcripts: `Role: text` lines | `.txt` whose lines mostly start with a role |
/// | `lines` | one document per line; id = line number | `.txt` otherwise; `--input-format lines` |
/// | `eml` | one RFC 5322 email message | `.eml`; headers at the start |
/// | `mbox` | a mailbox of messages | `.mbox`, `.mbx`; a first line `From ` |
///
/// A `.gz` suffix (or gzip magic bytes) is decompressed transparently, and the name without it
/// decides the format.
public enum InputFormat: String, Sendable, Hashable, CaseIterable, Codable {
    case jsonl, json, zendesk, csv, text, lines, eml, mbox
}
