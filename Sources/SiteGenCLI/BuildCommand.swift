import ArgumentParser
import Foundation
import SiteGen
import SiteGenCore

/// `sitegen build`: renders the whole site into the output folder.
struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Build the site into the output folder.")

    @OptionGroup var site: SiteOptions

    @Option(name: .long, help: "Where to write the site.")
    var output: String = "public"

    @Option(name: .long, help: "Replace site.yml's base_url (e.g. for a staging host).")
    var baseURL: String?

    @Flag(name: .long, help: "Print errors only, no summary.")
    var quiet = false

    @Flag(name: .long, help: "Render every page even if its inputs did not change (ignores the build cache).")
    var full = false

    @Flag(name: .long, help: "Print every warning (by default the first \(DiagnosticPrinter.warningLimit) and a count).")
    var allWarnings = false

    @Flag(name: .long, help: "Print the time each stage took.")
    var timings = false

    func run() throws {
        Terminal.ignoreBrokenPipes()
        var options = site.buildOptions(output: output)
        options.baseURLOverride = baseURL
        options.incremental = !full
        options.leavesMemoryToExit = true
        let display = ProgressDisplay.make(quiet: quiet)
        options.progress = display
        let result = SiteBuilder.build(options)
        if display != nil { ProgressDisplay.finish() }
        DiagnosticPrinter.print(result.diagnostics, warnings: !quiet, allWarnings: allWarnings)
        if result.diagnostics.hasErrors {
            let count = result.diagnostics.errors.count
            DiagnosticPrinter.printError("build failed with \(count) error\(count == 1 ? "" : "s"); \(output) was left unchanged")
            throw ExitCode.failure
        }
        if timings {
            for phase in result.stats.phases {
                print("  " + phase.name.padding(toLength: 9, withPad: " ", startingAt: 0) + String(format: "%7.3f s", phase.seconds))
            }
        }
        if !quiet, result.stats.upToDate {
            let stats = result.stats
            print(String(format: "Up to date: nothing changed since the last build (%d pages, %d feeds, %d files copied; checked in %.2f s) → %@",
                         stats.pages, stats.feeds, stats.copied, stats.seconds, output))
        } else if !quiet {
            let stats = result.stats
            print(String(
                format: "Built %d pages, %d feeds, %d files copied in %.2f s (%d written, %d removed) → %@",
                stats.pages, stats.feeds, stats.copied, stats.seconds, stats.written, stats.removed, output
            ))
        }
    }
}
