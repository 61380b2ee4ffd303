import Foundation
import SiteGenCore

/// 相关阅读: for each article, the articles sharing the most tags with it, then the newest.
///
/// Only articles not newer than the article itself are considered (as Hugo's `includeNewer:
/// false`): an old page's related list then never changes when new articles arrive, which keeps
/// incremental rebuilds small and matches what Hugo users get.
public enum RelatedArticles {
    /// The related lists with the key of what they were computed from, so that a later build
    /// with the same articles in the same order and the same tags can reuse them.
    public struct Memo: Sendable, Hashable {
        /// Hash of the inputs: the list size and each article's tags, in article order.
        public var key: UInt64
        /// Related article indexes per article.
        public var lists: [[Int]]
    }

    /// Related article indexes per article, taken from `previous` when it was computed from the
    /// same inputs. `tags` are the site's tags, each with its articles in ascending index order
    /// (`SiteGraphBuilder.tags`); `count` is the number of articles, sorted newest first, so
    /// "not newer" means a higher index. Runs in parallel; counting is done in a dense array per
    /// worker and the top `limit` are picked without sorting every candidate.
    static func compute(tags: [Tag], count: Int, limit: Int, reusing previous: Memo?) -> Memo {
        // The key covers which articles carry which tag: everything the lists are made from.
        var fingerprint = Fingerprint(seed: 0x7265_6C61_7465_64)
        fingerprint.add(limit)
        fingerprint.add(count)
        for tag in tags.sorted(by: { $0.segment < $1.segment }) {
            fingerprint.add(tag.segment)
            fingerprint.add(integers: tag.articles)
        }
        let key = fingerprint.value
        if let previous, previous.key == key, previous.lists.count == count,
           previous.lists.allSatisfy({ $0.allSatisfy { (0..<count).contains($0) } }) {
            return previous
        }
        return Memo(key: key, lists: compute(tags: tags, count: count, limit: limit))
    }

    private static func compute(tags: [Tag], count: Int, limit: Int) -> [[Int]] {
        guard limit > 0, count > 0 else { return Array(repeating: [], count: count) }
        // Each article's tags, by position in `tags`: their article lists are the posting lists.
        let tagsOfArticle = {
            var lists: [[Int]] = Array(repeating: [], count: count)
            for (tag, entry) in tags.enumerated() {
                for article in entry.articles { lists[article].append(tag) }
            }
            return lists
        }()
        // Newer articles scan longer posting-list suffixes, so the work is cut into many chunks
        // (not one per core) to keep both cores busy to the end.
        let workers = max(1, min(count, ProcessInfo.processInfo.activeProcessorCount * 16))
        let chunk = (count + workers - 1) / workers
        let results = DisjointSlots<[[Int]]>(count: workers)
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            let start = worker * chunk
            let end = min(count, start + chunk)
            guard start < end else { results.set(worker, []); return }
            var shared = [UInt8](repeating: 0, count: count)
            var touched: [Int] = []
            var lists: [[Int]] = []
            lists.reserveCapacity(end - start)
            for index in start..<end {
                touched.removeAll(keepingCapacity: true)
                for tag in tagsOfArticle[index] {
                    let list = tags[tag].articles
                    // Older-or-equal articles are the suffix after `index`.
                    var position = firstGreater(than: index, in: list)
                    while position < list.count {
                        let other = list[position]
                        if shared[other] == 0 { touched.append(other) }
                        if shared[other] < 255 { shared[other] += 1 }
                        position += 1
                    }
                }
                lists.append(top(touched, shared: shared, limit: limit))
                for other in touched { shared[other] = 0 }
            }
            results.set(worker, lists)
        }
        return (0..<workers).flatMap { results[$0]! }
    }

    /// The first position in an ascending list holding a value greater than `value`.
    static func firstGreater(than value: Int, in list: [Int]) -> Int {
        var low = 0, high = list.count
        while low < high {
            let mid = (low + high) / 2
            if list[mid] <= value { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// The best `limit` candidates: most shared tags, then newest (lowest index).
    static func top(_ candidates: [Int], shared: [UInt8], limit: Int) -> [Int] {
        var best: [Int] = []
        best.reserveCapacity(limit + 1)
        func better(_ a: Int, _ b: Int) -> Bool {
            shared[a] != shared[b] ? shared[a] > shared[b] : a < b
        }
        for candidate in candidates {
            if best.count == limit, let last = best.last, !better(candidate, last) { continue }
            var position = best.count
            while position > 0, better(candidate, best[position - 1]) { position -= 1 }
            best.insert(candidate, at: position)
            if best.count > limit { best.removeLast() }
        }
        return best
    }
}
