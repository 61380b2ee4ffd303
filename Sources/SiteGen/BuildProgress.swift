import Foundation

/// What a build is doing, for a progress display: the stage, and during rendering how many of
/// the pages are done.
public struct BuildProgress: Sendable, Hashable {
    /// The stage: `load`, `graph`, `markdown`, `render`, `check`, `write`.
    public var stage: String
    /// Units done in the stage (pages while rendering), 0 when not counted.
    public var done: Int
    /// Units in the stage, 0 when not counted.
    public var total: Int
}

/// Counts finished units from many render workers and reports at most every `step` units, so
/// that reporting costs nothing measurable.
final class ProgressCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var done = 0
    private let total: Int
    private let stage: String
    private let step: Int
    private let report: (@Sendable (BuildProgress) -> Void)?

    init(stage: String, total: Int, report: (@Sendable (BuildProgress) -> Void)?) {
        self.stage = stage
        self.total = total
        self.report = report
        step = max(1, total / 100)
        report?(BuildProgress(stage: stage, done: 0, total: total))
    }

    /// Records `count` more units done.
    func advance(by count: Int = 1) {
        guard let report else { return }
        lock.lock()
        let before = done
        done += count
        let now = done
        lock.unlock()
        if before / step != now / step || now == total { report(BuildProgress(stage: stage, done: now, total: total)) }
    }
}
