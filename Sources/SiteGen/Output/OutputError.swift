#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why the write stage refused or failed; every message names the path concerned.
///
/// Refusals (`unsafePath` … `outputIsMountPoint`) are raised before anything on disk changes;
/// the others leave the previous output complete (the staging tree is removed).
public enum OutputError: Error, CustomStringConvertible, Equatable, Sendable {
    /// An output file path that could escape the output folder or is ambiguous.
    case unsafePath(path: String, reason: String)
    /// Two output files with the same path.
    case duplicatePath(String)
    /// A path used both as a file and as a folder by the output files.
    case fileAndFolder(String)
    /// A path sitegen keeps for itself (the manifest).
    case reservedPath(String)
    /// The output folder is `/`.
    case outputIsRoot
    /// The output folder is the user's home folder.
    case outputIsHome(String)
    /// The output folder is the source folder or contains it.
    case outputContainsSource(output: String, source: String)
    /// The output folder looks like a site's source (has `site.yml` or `content/`) and was not
    /// written by sitegen.
    case outputLooksLikeSource(output: String, found: String)
    /// A file (not a folder) is where the output folder should be.
    case outputIsFile(String)
    /// The output path is a symbolic link.
    case outputIsSymlink(String)
    /// The output folder is a mount point, so it cannot be replaced by a rename.
    case outputIsMountPoint(String)
    /// Another process holds the output lock.
    case anotherBuildRunning(output: String, pid: String?)
    /// The previous build's manifest cannot be read.
    case damagedManifest(path: String, line: Int)
    /// A file that sitegen did not write stands where the site now needs something else.
    case foreignConflict(path: String, reason: String)
    /// A `.copy(from:)` source that is not a regular file.
    case copySourceNotRegular(String)
    /// A file the build meant to keep from the previous output was changed or removed meanwhile.
    case previousFileChanged(String)
    /// A system call failed.
    case fileSystem(operation: String, path: String, code: Int32)

    public var description: String {
        switch self {
        case .unsafePath(let path, let reason):
            return "refusing to write output file \(quoted(path)): \(reason)"
        case .duplicatePath(let path):
            return "two output files have the same path \(quoted(path))"
        case .fileAndFolder(let path):
            return "output path \(quoted(path)) is needed both as a file and as a folder"
        case .reservedPath(let path):
            return "output path \(quoted(path)) is reserved for sitegen's manifest"
        case .outputIsRoot:
            return "refusing to use / as the output folder"
        case .outputIsHome(let path):
            return "refusing to use the home folder \(path) as the output folder"
        case .outputContainsSource(let output, let source):
            return "refusing to use \(output) as the output folder: it is or contains the site's source folder \(source)"
        case .outputLooksLikeSource(let output, let found):
            return "refusing to use \(output) as the output folder: it contains \(found) and was not written by sitegen (no .sitegen-manifest)"
        case .outputIsFile(let path):
            return "refusing to use \(path) as the output folder: it is a file, not a folder"
        case .outputIsSymlink(let path):
            return "refusing to use \(path) as the output folder: it is a symbolic link; give the real folder instead"
        case .outputIsMountPoint(let path):
            return "refusing to use \(path) as the output folder: it is a mount point, which cannot be replaced atomically; use a folder inside it"
        case .anotherBuildRunning(let output, let pid):
            return "another sitegen build is writing \(output) (pid \(pid ?? "unknown"))"
        case .damagedManifest(let path, let line):
            return "\(path):\(line): damaged sitegen manifest; delete the output folder and build again"
        case .foreignConflict(let path, let reason):
            return "cannot keep \(path), which sitegen did not write: \(reason); move or delete it"
        case .copySourceNotRegular(let path):
            return "cannot copy \(path) to the output: it is not a regular file"
        case .previousFileChanged(let path):
            return "the output file \(path) changed while the site was being built; build again"
        case .fileSystem(let operation, let path, let code):
            return "cannot \(operation) \(path): \(String(cString: strerror(code)))"
        }
    }

    private func quoted(_ path: String) -> String {
        "\"" + path.unicodeScalars.map { $0.value < 0x20 || $0 == "\"" ? $0.escaped(asASCII: true) : String($0) }.joined() + "\""
    }
}
