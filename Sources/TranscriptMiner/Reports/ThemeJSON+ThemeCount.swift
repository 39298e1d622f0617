extension ThemeJSON {
    /// The `"k"` object: how many clusters k-means was asked for and how that number was chosen.
    ///
    /// ```json
    /// {"mode":"auto","chosen":21,"range":[2,100],"criterion":"modularity","sample":2000,
    ///  "scores":[{"k":2,"score":0.4918,"silhouette":0.0703,"calinski_harabasz":88.1,"davies_bouldin":1.85,
    ///             "objective":812.5,"after_merging":2,"modularity":0.4918}, …]}
    /// {"mode":"fixed","chosen":77}
    /// ```
    /// `score` is the criterion's value (higher is better; Davies–Bouldin negated); `stability`
    /// and `modularity` appear only with their criterion. Indices are rounded to 4 significant decimals.
    static func kObject(_ result: ThemeResult) -> String {
        guard let selection = result.kSelection else { return "{\"mode\":\"fixed\",\"chosen\":\(result.k)}" }
        func number(_ value: Double) -> String {
            guard value.isFinite else { return "null" }
            let rounded = (value * 10_000).rounded() / 10_000
            return rounded == rounded.rounded() && abs(rounded) < 1e15 ? String(Int(rounded)) : "\(rounded)"
        }
        var text = "{\"mode\":\"auto\",\"chosen\":\(selection.k),\"range\":[\(selection.range.lowerBound),\(selection.range.upperBound)]"
        text += ",\"criterion\":\"\(selection.criterion.rawValue)\",\"sample\":\(selection.sampleSize),\"scores\":["
        text += selection.scores.map { score in
            var item = "{\"k\":\(score.k),\"score\":\(number(score.value)),\"silhouette\":\(number(score.validity.silhouette))"
            item += ",\"calinski_harabasz\":\(number(score.validity.calinskiHarabasz))"
            item += ",\"davies_bouldin\":\(number(score.validity.daviesBouldin)),\"objective\":\(number(score.validity.objective))"
            item += ",\"after_merging\":\(score.validity.clustersAfterMerging)"
            if let stability = score.stability { item += ",\"stability\":\(number(stability))" }
            if let modularity = score.modularity { item += ",\"modularity\":\(number(modularity))" }
            return item + "}"
        }.joined(separator: ",")
        return text + "]}"
    }
}
