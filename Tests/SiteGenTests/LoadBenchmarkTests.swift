import Foundation
import Testing
@testable import SiteGen

/// Loads the site named by `SITEGEN_LOAD_BENCH` and prints how long it took; skipped otherwise.
/// Not a timed assertion: a tool for measuring by hand (`swift test -c release --filter LoadBenchmark`).
@Suite struct LoadBenchmarkTests {
    @Test(.enabled(if: ProcessInfo.processInfo.environment["SITEGEN_LOAD_BENCH"] != nil))
    func loadBenchmarkSite() throws {
        let path = try #require(ProcessInfo.processInfo.environment["SITEGEN_LOAD_BENCH"])
        let start = Date()
        let (content, diagnostics) = ContentLoader.load(BuildOptions(sourceDirectory: path))
        let seconds = Date().timeIntervalSince(start)
        print("loaded \(content?.articles.count ?? 0) articles, \(diagnostics.errors.count) errors in \(String(format: "%.2f", seconds)) s")
        #expect(!diagnostics.hasErrors)
    }
}
