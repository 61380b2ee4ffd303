import Foundation

/// A value computed on another thread while the caller goes on with other work; `value` waits
/// for it.
///
/// Why: a build starts with several independent reads (the previous output's manifest and the
/// check of its files, the article, Markdown and related-list caches) and with stages that use
/// one core for part of their time; reading the caches meanwhile fills the idle core.
package final class Prefetch<Value: Sendable>: @unchecked Sendable {
    // Written once before `finished` is signalled, read only after waiting for it.
    private var result: Value?
    private let finished = DispatchSemaphore(value: 0)

    /// Starts `work` on a thread of its own.
    ///
    /// Not on Dispatch's global queue: its few threads are the ones `ParallelWork` (and so the
    /// work itself) runs on, and a prefetch waiting for another would hold one of them.
    package init(_ work: @escaping @Sendable () -> Value) {
        let thread = Thread {
            self.result = work()
            self.finished.signal()
        }
        thread.start()
    }

    /// A value that is already known.
    package init(ready value: Value) {
        result = value
        finished.signal()
    }

    /// The value, waiting for the work to finish if needed.
    package var value: Value {
        finished.wait()
        defer { finished.signal() }
        return result!
    }
}
