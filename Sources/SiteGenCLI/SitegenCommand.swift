import ArgumentParser
import SiteGen

/// `sitegen`: the command-line front of the engine. It only parses arguments, calls the
/// engine and maps its diagnostics to an exit code.
@main
struct Sitegen: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sitegen",
        abstract: "Builds a static news portal from Markdown articles.",
        version: SiteGenVersion.current,
        subcommands: [Build.self, Serve.self],
        defaultSubcommand: Build.self
    )
}

/// Options shared by `build` and `serve`.
struct SiteOptions: ParsableArguments {
    @Option(name: .long, help: "The site folder (holding site.yml, content/ and themes/).")
    var source: String = "."

    @Flag(name: .long, help: "Include articles marked draft: true.")
    var drafts = false

    @Flag(name: .long, help: "Include articles dated in the future.")
    var future = false

    func buildOptions(output: String) -> BuildOptions {
        var options = BuildOptions(sourceDirectory: source, outputDirectory: output)
        options.includeDrafts = drafts
        options.includeFuture = future
        return options
    }
}
