import ArgumentParser
import Foundation
import SiteGen
import SiteGenServe
import SiteGenCore

/// `sitegen serve`: builds in memory, serves on localhost and reloads browsers on every change.
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Preview the site locally with live reload.")

    @OptionGroup var site: SiteOptions

    @Option(name: .long, help: "Address to listen on (127.0.0.1 keeps the preview private to this machine).")
    var host: String = "127.0.0.1"

    @Option(name: .long, help: "Port to listen on; 0 picks a free one.")
    var port: Int = 1313

    func run() async throws {
        Terminal.ignoreBrokenPipes()
        let options = ServeOptions(host: host, port: port, build: site.buildOptions(output: "public"))
        let server = DevServer(options: options) { line in
            Terminal.out(line + "\n")
        }
        do {
            try await server.run()
        } catch let error as DevServerError {
            DiagnosticPrinter.printError(error.description)
            throw ExitCode.failure
        }
    }
}
