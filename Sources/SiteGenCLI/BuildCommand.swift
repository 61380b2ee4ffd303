import ArgumentParser
import Foundation
import SiteGen

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

    func run() throws {
        var options = site.buildOptions(output: output)
        options.baseURLOverride = baseURL
        let result = SiteBuilder.build(options)
        DiagnosticPrinter.print(result.diagnostics, warnings: !quiet)
        if result.diagnostics.hasErrors {
            let count = result.diagnostics.errors.count
            DiagnosticPrinter.printError("build failed with \(count) error\(count == 1 ? "" : "s"); \(output) was left unchanged")
            throw ExitCode.failure
        }
        if !quiet {
            let stats = result.stats
            print(String(
                format: "Built %d pages, %d feeds, %d files copied in %.2f s (%d written, %d removed) → %@",
                stats.pages, stats.feeds, stats.copied, stats.seconds, stats.written, stats.removed, output
            ))
        }
    }
}
