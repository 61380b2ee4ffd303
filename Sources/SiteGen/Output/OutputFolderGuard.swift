#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Refuses output folders that the writer must never replace.
///
/// Why: the writer swaps the whole output folder for a new tree, so a wrong `--output` could
/// otherwise replace the site's sources, the home folder or `/`. Everything here only looks.
enum OutputFolderGuard {
    /// Throws if `location` must not be used as the output for a site whose sources are in
    /// `sourceDirectory`.
    static func check(_ location: OutputLocation, sourceDirectory: String) throws {
        let output = location.path
        if output == "/" { throw OutputError.outputIsRoot }
        if let home = homeDirectory(), let realHome = SystemCalls.realPath(home), realHome == output {
            throw OutputError.outputIsHome(output)
        }
        let source = SystemCalls.realPath(sourceDirectory) ?? OutputLocation.canonical(absolute(sourceDirectory))
        if source == output || source.hasPrefix(output + "/") {
            throw OutputError.outputContainsSource(output: output, source: source)
        }
        guard let status = try SystemCalls.status(of: location.bytePath) else { return }
        switch status.kind {
        case .symlink: throw OutputError.outputIsSymlink(output)
        case .directory: break
        case .regular, .other: throw OutputError.outputIsFile(output)
        }
        if let parent = try SystemCalls.status(of: BytePath(location.parent)), parent.device != status.device {
            throw OutputError.outputIsMountPoint(output)
        }
        let manifest = location.bytePath.appending(BytePath(OutputManifest.fileName))
        if try SystemCalls.status(of: manifest) == nil {
            for marker in ["site.yml", "content"] where try SystemCalls.status(of: location.bytePath.appending(BytePath(marker))) != nil {
                throw OutputError.outputLooksLikeSource(output: output, found: marker == "content" ? "content/" : marker)
            }
        }
    }

    private static func homeDirectory() -> String? {
        if let home = getenv("HOME"), home.pointee != 0 { return String(cString: home) }
        guard let entry = getpwuid(getuid()), let directory = entry.pointee.pw_dir else { return nil }
        return String(cString: directory)
    }

    private static func absolute(_ path: String) -> String {
        path.hasPrefix("/") ? path : (SystemCalls.realPath(".") ?? "/") + "/" + path
    }
}
