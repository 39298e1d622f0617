import ArgumentParser
import TranscriptMiner

/// The value of `--k`: `auto` or a positive number of themes.
enum ThemeCountArgument: Equatable, ExpressibleByArgument, CustomStringConvertible {
    case auto
    case fixed(Int)

    init?(argument: String) {
        if argument.lowercased() == "auto" {
            self = .auto
        } else if let k = Int(argument) {
            self = .fixed(k)
        } else {
            return nil
        }
    }

    var description: String {
        switch self {
        case .auto: "auto"
        case .fixed(let k): String(k)
        }
    }

    var defaultValueDescription: String { description }
}

/// The value of `--k-criterion`, spelled as on the command line.
enum KCriterionArgument: String, ExpressibleByArgument {
    case modularity, silhouette, stability
    case calinskiHarabasz = "calinski-harabasz"
    case daviesBouldin = "davies-bouldin"

    /// The library's criterion.
    var criterion: ClusterCountSelector.Criterion {
        switch self {
        case .modularity: .modularity
        case .silhouette: .silhouette
        case .stability: .stability
        case .calinskiHarabasz: .calinskiHarabasz
        case .daviesBouldin: .daviesBouldin
        }
    }
}
