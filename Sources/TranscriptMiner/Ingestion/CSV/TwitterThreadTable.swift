import Foundation

/// The tweets of a Twitter customer-support export, stored compactly, and the reply threads
/// they form.
///
/// ```swift
/// var table = TwitterThreadTable()
/// table.add(id: 1, inReplyTo: nil, inbound: true, time: nil, author: "115712", text: "my order?", line: 2, row: 1)
/// table.add(id: 2, inReplyTo: 1, inbound: false, time: nil, author: "AcmeHelps", text: "DM us", line: 3, row: 2)
/// table.threads().map { Array($0.members) }   // [[0, 1]]
/// ```
///
/// Threads need the whole reply graph, so the table holds every tweet: texts back to back in
/// one byte arena, ids as integers, authors interned; about 60 bytes per tweet besides its
/// text and author, and 25 more while ``threads()`` runs.
///
/// A thread's root is a tweet whose `in_response_to_tweet_id` is empty or names a tweet not in
/// the table (a reply to a tweet outside the export). Reply ids that form a cycle have no root:
/// the tweets on the cycle and those replying into it make one thread flagged `isCycle`, rooted
/// at the cycle's first tweet in file order.
/// - Complexity: ``add(id:inReplyTo:inbound:time:author:text:line:row:)`` O(1) amortized plus
///   the text's length; ``threads()`` O(t log t) in tweets.
struct TwitterThreadTable {
    /// A thread: positions of its tweets in the table, in file order.
    struct Thread {
        /// The root tweet's position.
        let root: Int
        /// Every tweet's position, in file order.
        var members: ArraySlice<Int>
        /// Whether the replies form a cycle (a malformed thread).
        let isCycle: Bool
    }

    private var ids: [UInt64] = []
    private var parents: [UInt64] = []
    private var hasParent: [Bool] = []
    private var inbound: [Bool] = []
    private var times: [Double] = []  // NaN: no time
    private var lines: [Int32] = []
    private var rows: [Int32] = []
    private var authorIndices: [Int32] = []
    private var authors: [String] = []
    private var authorLookup: [String: Int32] = [:]
    private var textBytes: [UInt8] = []
    private var textEnds: [Int] = []
    private var positions: [UInt64: Int32] = [:]

    /// How many tweets.
    var count: Int { ids.count }

    /// Adds a tweet; false (and nothing added) when its id is already in the table.
    @discardableResult
    mutating func add(id: UInt64, inReplyTo parent: UInt64?, inbound isInbound: Bool, time: Date?, author: String,
                      text: String, line: Int, row: Int) -> Bool {
        guard positions[id] == nil else { return false }
        positions[id] = Int32(clamping: ids.count)
        ids.append(id)
        parents.append(parent ?? 0)
        hasParent.append(parent != nil)
        inbound.append(isInbound)
        times.append(time?.timeIntervalSince1970 ?? .nan)
        lines.append(Int32(clamping: line))
        rows.append(Int32(clamping: row))
        if let index = authorLookup[author] {
            authorIndices.append(index)
        } else {
            let index = Int32(clamping: authors.count)
            authors.append(author)
            authorLookup[author] = index
            authorIndices.append(index)
        }
        textBytes.append(contentsOf: text.utf8)
        textEnds.append(textBytes.count)
        return true
    }

    /// The tweet id at `position`.
    func id(at position: Int) -> UInt64 { ids[position] }
    /// The line and data row of the tweet at `position`.
    func location(at position: Int) -> (line: Int, row: Int) { (Int(lines[position]), Int(rows[position])) }

    /// The turn of the tweet at `position`: inbound → customer, else agent.
    func turn(at position: Int) -> Turn {
        let start = position == 0 ? 0 : textEnds[position - 1]
        let text = String(decoding: textBytes[start..<textEnds[position]], as: UTF8.self)
        let time = times[position]
        return Turn(role: inbound[position] ? .customer : .agent, author: authors[Int(authorIndices[position])],
                    timestamp: time.isNaN ? nil : Date(timeIntervalSince1970: time), text: text)
    }

    /// Every thread, in the file order of their roots.
    func threads() -> [Thread] {
        let n = ids.count
        var parent = [Int](repeating: -1, count: n)
        for i in 0..<n where hasParent[i] {
            if let p = positions[parents[i]] { parent[i] = Int(p) }
        }
        let unvisited = -2, onPath = -3
        var root = [Int](repeating: unvisited, count: n)
        var cycleRoot = [Bool](repeating: false, count: n)
        var path: [Int] = []
        for start in 0..<n where root[start] == unvisited {
            path.removeAll(keepingCapacity: true)
            var j = start
            var found: Int
            while true {
                if root[j] >= 0 {
                    found = root[j]
                    break
                }
                if root[j] == onPath {
                    // j is on the path: the cycle is path[from j...].
                    let from = path.lastIndex(of: j)!
                    found = path[from...].min()!
                    cycleRoot[found] = true
                    break
                }
                root[j] = onPath
                path.append(j)
                if parent[j] < 0 {
                    found = j
                    break
                }
                j = parent[j]
            }
            for k in path { root[k] = found }
        }
        // Positions sorted by (root, position): each thread is a slice, roots in file order.
        let order = (0..<n).sorted { (root[$0], $0) < (root[$1], $1) }
        var threads: [Thread] = []
        var start = 0
        while start < n {
            let thread = root[order[start]]
            var end = start + 1
            while end < n, root[order[end]] == thread { end += 1 }
            threads.append(Thread(root: thread, members: order[start..<end], isCycle: cycleRoot[thread]))
            start = end
        }
        return threads
    }
}
