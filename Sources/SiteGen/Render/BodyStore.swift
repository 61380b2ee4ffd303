import Foundation

/// Every article's Markdown body, by article index. Articles parsed in this build bring their
/// bodies; those taken from the article cache come without (`Article.hasBody`), and the build
/// supplies just the bodies the Markdown stage and the pages it renders need. The graph itself
/// is built once and never patched.
final class BodyStore: @unchecked Sendable {
    private let articles: [Article]
    private let lock = NSLock()
    private var supplied: [Int: String] = [:]

    init(articles: [Article]) {
        self.articles = articles
    }

    /// Those of `indices` whose body is neither parsed nor supplied yet.
    func missing(_ indices: some Sequence<Int>) -> [Int] {
        lock.withLock { indices.filter { !articles[$0].hasBody && supplied[$0] == nil } }
    }

    /// Adds bodies read by the load stage, by article index.
    func supply(_ bodies: [Int: String]) {
        lock.withLock { supplied.merge(bodies) { _, new in new } }
    }

    /// The body of article `index`; one neither parsed nor supplied is a build bug.
    subscript(index: Int) -> String {
        if articles[index].hasBody { return articles[index].body }
        let body = lock.withLock { supplied[index] }
        assert(body != nil, "\(articles[index].id): body needed but not supplied (BodyStore.missing)")
        return body ?? ""
    }
}
