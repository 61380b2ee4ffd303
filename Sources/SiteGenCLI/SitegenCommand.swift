import ArgumentParser
import SiteGen

@main
struct Sitegen: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "sitegen", abstract: "Static site generator for news portals.")
}
