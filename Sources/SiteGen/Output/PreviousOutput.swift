
/// What the last build left in the output folder: its manifest and the entries it did not
/// write.
///
/// Why: files in the manifest are sitegen's to keep, replace or drop; everything else (a
/// `CNAME`, `.git`, a verification file) belongs to someone else and is carried over as is.
struct PreviousOutput: Sendable {
    /// The previous manifest (empty on a first build).
    var manifest: OutputManifest
    /// The previous manifest's bytes, to keep the manifest file itself when nothing changed.
    var manifestBytes: [UInt8]?
    /// Entries sitegen did not write: non-folders, plus folders that are empty.
    var foreign: [DirectoryWalker.Entry]

    /// Nothing yet (first build).
    static let none = PreviousOutput(manifest: OutputManifest([]), manifestBytes: nil, foreign: [])

    /// Reads only the manifest of the output folder at `root`, with its bytes (`nil` when there
    /// is none).
    static func loadManifest(_ root: BytePath) throws -> (manifest: OutputManifest, bytes: [UInt8])? {
        let manifestPath = root.appending(BytePath(OutputManifest.fileName))
        guard try SystemCalls.status(of: manifestPath) != nil else { return nil }
        let bytes = try FileStager.readAll(manifestPath)
        return (try OutputManifest(parsing: bytes, path: manifestPath.description), bytes)
    }

    /// Lists the foreign entries of the output folder at `root`, given its manifest as
    /// `loadManifest` read it.
    static func load(_ root: BytePath, manifest loaded: (manifest: OutputManifest, bytes: [UInt8])?) throws -> PreviousOutput {
        guard try SystemCalls.status(of: root) != nil else { return .none }
        let manifest = loaded?.manifest ?? OutputManifest([])
        let manifestBytes = loaded?.bytes
        let manifestName = BytePath(OutputManifest.fileName)
        let foreign = try DirectoryWalker.entries(under: root).filter { entry in
            if entry.path == manifestName { return false }
            if entry.kind == .directory { return entry.isEmptyDirectory }
            return manifest.entries[entry.path] == nil
        }
        return PreviousOutput(manifest: manifest, manifestBytes: manifestBytes, foreign: foreign)
    }

    /// The foreign entries to carry into the new tree, after checking they do not collide with
    /// the new files. A foreign file at the very path of a new file is replaced by it (sitegen
    /// takes the path over and lists it in its manifest); any other collision is an error,
    /// because resolving it would delete something sitegen does not own.
    func carriedEntries(for plan: WritePlan, output: String) throws -> [DirectoryWalker.Entry] {
        var carried: [DirectoryWalker.Entry] = []
        for entry in foreign {
            let shown = output + "/" + entry.path.description
            if plan.fileIndex[entry.path] != nil {
                if entry.kind == .directory {
                    throw OutputError.foreignConflict(path: shown, reason: "the site now writes a file there")
                }
                continue
            }
            if plan.directories.contains(entry.path), entry.kind != .directory {
                throw OutputError.foreignConflict(path: shown, reason: "the site now needs a folder there")
            }
            if let ancestor = entry.path.ancestors.first(where: { plan.fileIndex[$0] != nil }) {
                throw OutputError.foreignConflict(path: shown, reason: "the site now writes the file \(ancestor) in place of its folder")
            }
            if entry.kind == .directory, plan.directories.contains(entry.path) { continue }
            carried.append(entry)
        }
        return carried
    }
}
