/// Renders a ``ThemeResult`` as JSON (the schema grows with the report issue).
public enum ThemeJSON {
    /// The JSON document, with a trailing newline.
    public static func render(_ result: ThemeResult, includeAssignments: Bool) -> String {
        var text = "{\"themes\":["
        for (index, theme) in result.themes.enumerated() {
            if index > 0 { text += "," }
            text += "{\"id\":\(theme.id),\"size\":\(theme.size),\"label\":" + JSONText.quoted(theme.label) + ",\"phrases\":["
            text += theme.labelTerms.map { "{\"term\":" + JSONText.quoted($0.term) + ",\"weight\":\($0.weight)}" }.joined(separator: ",")
            text += "],\"terms\":["
            text += theme.terms.map { "{\"term\":" + JSONText.quoted($0.term) + ",\"weight\":\($0.weight)}" }.joined(separator: ",")
            text += "]}"
        }
        text += "],\"merged\":["
        text += result.merges.map { merge in
            "{\"clusters\":[" + merge.clusters.map(String.init).joined(separator: ",") + "],\"similarity\":\(merge.similarity)}"
        }.joined(separator: ",")
        text += "],\"k\":" + kObject(result)
        if includeAssignments {
            text += ",\"assignments\":["
            for (index, id) in result.transcriptIDs.enumerated() {
                if index > 0 { text += "," }
                let theme = result.assignments[index].map(String.init) ?? "\"unclustered\""
                text += "{\"id\":" + JSONText.quoted(id) + ",\"theme\":" + theme + "}"
            }
            text += "]"
        }
        return text + "}\n"
    }
}
