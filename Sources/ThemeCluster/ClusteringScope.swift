/// ThemeCluster: k-means theme clustering over sparse vectors (numbers in, clusters out).
///
/// The clustering itself arrives with the clustering issue; this file states the module's
/// scope so the package layout of the design card builds today.
public enum ClusteringScope {
    /// The module's contract: it knows nothing of text, files or transcripts.
    public static let summary = "k-means theme clustering over sparse vectors; knows nothing of text"
}
