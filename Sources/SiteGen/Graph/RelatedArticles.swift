import Foundation

/// 相关阅读: for each article, the articles sharing the most tags with it, then the newest.
///
/// Only articles not newer than the article itself are considered (as Hugo's `includeNewer:
/// false`): an old page's related list then never changes when new articles arrive, which keeps
/// incremental rebuilds small and matches what Hugo users get.
enum RelatedArticles {
    /// Related article indexes per article. `articles` must be sorted newest first, so "not
    /// newer" means a higher index. Runs in parallel; counting is done in a dense array per
    /// worker and the top `limit` are picked without sorting every candidate.
    static func compute(_ articles: [Article], limit: Int) -> [[Int]] {
        guard limit > 0, !articles.isEmpty else { return Array(repeating: [], count: articles.count) }
        // Posting lists: tag -> article indexes ascending (newest first).
        let segments = ParallelWork.map(articles.count) { Set(articles[$0].tags.map(Slug.tagURLSegment)).sorted() }
        var postings: [String: [Int]] = [:]
        for (index, tags) in segments.enumerated() {
            for tag in tags { postings[tag, default: []].append(index) }
        }
        let tagLists: [[[Int]]] = segments.map { tags in tags.compactMap { postings[$0] } }
        let count = articles.count
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
                for list in tagLists[index] {
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
