/// Renders a ``ThemeResult`` as JSON (the schema grows with the report issue).
///
/// ```json
/// {"themes":[{"id":3,"rank":1,"label":"card not arrived","size":120,"share":0.12,"painScore":21.4,
///   "meanSentiment":-0.31,"negativeShare":0.52,"endsWorseShare":0.08,"multiTurnConversations":40,
///   "meanCustomerTurns":1.6,"sentimentBands":[12,50,40,15,3],"channels":{"chat":100,"email":20},
///   "phrases":[{"term":"card not arrived","weight":0.9}],"terms":[{"term":"arriv","weight":0.4}],
///   "exemplars":[{"transcript":"t17","turn":1,"text":"My card still hasn't arrived.","similarity":0.71}]}],
///  "unclustered":{"size":4,"withoutTerms":3,"belowSimilarity":1,…},
///  "merged":[{"clusters":[5,9],"similarity":0.93}],
///  "assignments":[{"id":"t1","theme":3,"similarity":0.42}]}
/// ```
///
/// Themes come in rank order (most pain first). Fields always come in this order and numbers in
/// Swift's shortest round-trip form, so the same result gives the same bytes.
public enum ThemeJSON {
    /// The JSON document of a bare result (no run metadata), with a trailing newline.
    public static func render(_ result: ThemeResult, includeAssignments: Bool) -> String {
        "{" + body(result, includeAssignments: includeAssignments) + "}\n"
    }

    /// The result's members: `"themes":[…],"unclustered":{…},"merged":[…]` and, when asked,
    /// `,"assignments":[…]`, without braces.
    static func body(_ result: ThemeResult, includeAssignments: Bool) -> String {
        var text = "\"themes\":["
        for (index, theme) in result.themes.enumerated() {
            if index > 0 { text += "," }
            text += "{\"id\":\(theme.id),\"rank\":\(theme.rank),\"label\":" + JSONText.quoted(theme.label) + ","
            text += statistics(theme.statistics)
            text += ",\"phrases\":["
            text += theme.labelTerms.map { "{\"term\":" + JSONText.quoted($0.term) + ",\"weight\":" + number($0.weight) + "}" }.joined(separator: ",")
            text += "],\"terms\":["
            text += theme.terms.map { "{\"term\":" + JSONText.quoted($0.term) + ",\"weight\":" + number($0.weight) + "}" }.joined(separator: ",")
            text += "],\"exemplars\":["
            text += theme.exemplars.map { exemplar in
                "{\"transcript\":" + JSONText.quoted(exemplar.transcriptID) + ",\"turn\":\(exemplar.turnIndex),\"text\":"
                    + JSONText.quoted(exemplar.text) + ",\"similarity\":" + number(exemplar.similarity) + "}"
            }.joined(separator: ",")
            text += "]}"
        }
        text += "],\"unclustered\":{\"withoutTerms\":\(result.unclusteredWithoutTerms),\"belowSimilarity\":\(result.unclusteredBelowSimilarity),"
        text += statistics(result.unclustered) + "}"
        text += ",\"merged\":["
        text += result.merges.map { merge in
            "{\"clusters\":[" + merge.clusters.map(String.init).joined(separator: ",") + "],\"similarity\":" + number(merge.similarity) + "}"
        }.joined(separator: ",")
        text += "],\"k\":" + kObject(result)
        if includeAssignments {
            text += ",\"assignments\":["
            text.reserveCapacity(text.utf8.count + result.transcriptIDs.count * 64)
            for (index, id) in result.transcriptIDs.enumerated() {
                if index > 0 { text.append(",") }
                appendAssignment(id: id, theme: result.assignments[index], similarity: result.similarities[index], to: &text)
            }
            text += "]"
        }
        return text
    }

    /// Appends one assignment, `{"id":"t1","theme":3,"similarity":0.42}` (theme `"unclustered"`
    /// when in none), piece by piece: no intermediate strings per transcript.
    static func appendAssignment(id: String, theme: Int?, similarity: Double, to text: inout String) {
        text.append("{\"id\":")
        text.append(JSONText.quoted(id))
        text.append(",\"theme\":")
        if let theme { text.append(String(theme)) } else { text.append("\"unclustered\"") }
        text.append(",\"similarity\":")
        text.append(number(similarity))
        text.append("}")
    }

    /// The fields of a ``ThemeStatistics``, without braces.
    static func statistics(_ s: ThemeStatistics) -> String {
        var text = "\"size\":\(s.size),\"share\":" + number(s.share) + ",\"painScore\":" + number(s.painScore)
        text += ",\"meanSentiment\":" + number(s.meanSentiment) + ",\"negativeShare\":" + number(s.negativeShare)
        text += ",\"endsWorseShare\":" + number(s.endsWorseShare) + ",\"multiTurnConversations\":\(s.multiTurnCount)"
        text += ",\"meanCustomerTurns\":" + number(s.meanCustomerTurns)
        text += ",\"sentimentBands\":[" + s.sentimentBands.map(String.init).joined(separator: ",") + "]"
        text += ",\"channels\":{" + s.channels.map { JSONText.quoted($0.channel.rawValue) + ":\($0.count)" }.joined(separator: ",") + "}"
        return text
    }

    /// A JSON number: Swift's shortest round-trip form; non-finite values (never expected) as 0.
    static func number(_ value: Double) -> String {
        value.isFinite ? "\(value)" : "0"
    }
}
