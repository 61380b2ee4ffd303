import SiteGenCore

/// Writes the built site to the output folder: the only code that changes it.
///
/// How a write goes, and why:
/// 1. Every output path is checked and the output folder is vetted (not `/`, the home folder,
///    the sources, a file, a symlink, a mount point, or a site's sources) before anything on
///    disk changes.
/// 2. An exclusive lock next to the output (`.<name>.sitegen-lock`) keeps two builds apart;
///    a second build fails at once naming the first one's pid.
/// 3. Staging trees left by a killed build (`.<name>.sitegen-staging-<pid>`) are removed.
/// 4. The new site is built as a staging tree beside the output: folders first in one sorted
///    pass, then files on two threads. Unchanged files are hard-linked from the current output
///    (same inode and mtime, so syncs upload only changes); changed ones are written with
///    `open`/`write`/`close`; files sitegen did not write are hard-linked over; files the last
///    build wrote and this one does not are simply left out. The manifest goes in last.
/// 5. `syncfs` flushes the staged data (one call for the whole tree instead of an `fsync` per
///    file), then `renameat2(RENAME_EXCHANGE)` swaps staging and output in one step, and the
///    parent folder is `fsync`ed so the swap itself is durable.
/// 6. The old tree, now under the staging name, becomes the spare tree for the next write.
///
/// When the last write left a spare tree it can trust (`SpareTree`), step 4 is replaced by
/// bringing that spare up to date and giving it this build's changes, so a small change costs
/// the change, not the site; a spare that cannot take the change is dropped and a whole tree is
/// staged.
///
/// A failure or a kill before step 5 leaves the previous output exactly as it was (it is never
/// written to); the staging tree is removed on failure, or by the next build after a kill.
/// After a power loss the output is the old or the new tree, each complete, because the new
/// data is on disk before the rename that publishes it.
public struct OutputWriter: Sendable {
    /// The output folder as given (relative to the working folder or absolute).
    public var outputDirectory: String
    /// The site's source folder, which the output must not contain or be.
    public var sourceDirectory: String
    /// Whether to flush the staged tree to disk before the swap (see step 5). On by default;
    /// tests turn it off to stay fast on a busy disk.
    var flushBeforeSwap = true
    /// Told how many files are staged so far (deferred pages are rendered while staging).
    public var progress: (@Sendable (BuildProgress) -> Void)?

    /// A writer for `outputDirectory`, refusing it if it is or contains `sourceDirectory`.
    public init(outputDirectory: String, sourceDirectory: String) {
        self.outputDirectory = outputDirectory
        self.sourceDirectory = sourceDirectory
    }

    /// Throws when the output folder is one sitegen must never write (step 1 of a write),
    /// without touching anything.
    public func checkOutputFolder() throws {
        try OutputFolderGuard.check(OutputLocation(resolving: outputDirectory), sourceDirectory: sourceDirectory)
    }

    /// Replaces the output folder's sitegen files by `files`, keeping everything else in it.
    /// `previous` is the output as `readPrevious()` found it before rendering (read again if
    /// its manifest changed since). On error the previous output is left complete and unchanged.
    public func write(_ files: [OutputFile], previous state: PreviousState? = nil) throws -> WriteReport {
        let plan = try WritePlan(files)
        let location = try OutputLocation(resolving: outputDirectory)
        try OutputFolderGuard.check(location, sourceDirectory: sourceDirectory)

        try StagingArea.createParent(of: location)
        let lock = try OutputLock(location: location)
        defer { lock.release() }
        try StagingArea.removeLeftovers(of: location)

        let output = location.bytePath
        // Only the manifest is needed to see that nothing changed; listing the whole output
        // (for files sitegen does not own) is left for builds that really write.
        let manifest: (manifest: OutputManifest, bytes: [UInt8])?
        var knownIntact: Set<BytePath>?
        let trustedSpare: SpareTree.Record?
        if let state, try SystemCalls.status(of: output.appending(BytePath(OutputManifest.fileName))) == state.manifestStatus {
            manifest = (state.manifest, state.bytes)
            knownIntact = state.intact
            trustedSpare = state.spare
        } else {
            manifest = try PreviousOutput.loadManifest(output)
            trustedSpare = manifest.flatMap { Self.trustedSpare(location, manifestBytes: $0.bytes) }
        }
        if let manifest, try Self.nothingChanged(plan, manifest: manifest.manifest, output: output, knownIntact: knownIntact) {
            // Every file the manifest lists was just found intact: its hash is what
            // `intactManifestHash()` would compute, without checking each file again.
            var report = WriteReport(written: 0, linkedUnchanged: plan.files.count, removed: 0, carriedOver: 0)
            report.manifestHash = ContentHash.of(manifest.bytes)
            return report
        }
        if let manifest, let record = trustedSpare {
            do {
                return try writeThroughSpare(plan, previous: manifest, knownIntact: knownIntact, record: record, location: location)
            } catch {
                // The spare could not take this change (say a foreign file is in the way of a new
                // page): the output is untouched, and staging a whole tree reports the problem.
            }
        }
        try SpareTree.discard(location)

        let previous = try PreviousOutput.load(output, manifest: manifest)
        let carried = try previous.carriedEntries(for: plan, output: location.path)
        let staging = location.stagingPath
        let outputExisted = try SystemCalls.status(of: output) != nil

        var staged: StagedTree
        let settled = SpareTree.settledTime()
        let root = BytePath(bytes: [])
        do {
            staged = try stage(plan, carried: carried, previous: previous, into: staging, output: output)
            try SpareTree.settle(staged.folders + [root], in: staging, at: settled)
            if flushBeforeSwap { try AtomicSwap.syncFileSystem(containing: staging) }
            if outputExisted {
                try AtomicSwap.exchange(staging, output)
            } else {
                try AtomicSwap.moveIntoPlace(staging, output)
            }
        } catch {
            try? TreeRemover.remove(staging)
            throw error
        }
        if flushBeforeSwap { try? AtomicSwap.syncDirectory(BytePath(location.parent)) }
        let removed = previous.manifest.entries.keys.filter { plan.fileIndex[$0] == nil }
        staged.report.removed = removed.count
        // The old tree becomes the spare for the next write. If that fails, the next write
        // stages a whole tree again.
        do {
            try SpareTree.settle([root], in: output, at: settled)
            guard var record = try SpareTree.record(
                of: output, folders: staged.folders + [root], settled: settled,
                manifestHash: staged.report.manifestHash ?? 0, changed: staged.written, removed: removed
            ) else {
                // Someone wrote into the output meanwhile: no spare to trust, the old tree goes.
                try TreeRemover.remove(staging)
                return staged.report
            }
            if outputExisted {
                try SystemCalls.rename(staging, to: location.sparePath)
            } else {
                // No old tree: the next write makes the spare by linking every file (a first
                // build does not pay for a spare it may never use).
                record.changed = plan.paths + [BytePath(OutputManifest.fileName)]
            }
            try SpareTree.saveRecord(record, location)
        } catch {
            try? SpareTree.discard(location)
            try? TreeRemover.remove(staging)
        }
        return staged.report
    }

    /// Publishes `plan` through the spare tree (`SpareTree`): the spare catches up with the
    /// output, takes this build's changes, and is exchanged with the output.
    private func writeThroughSpare(
        _ plan: WritePlan, previous: (manifest: OutputManifest, bytes: [UInt8]), knownIntact: Set<BytePath>?,
        record: SpareTree.Record, location: OutputLocation
    ) throws -> WriteReport {
        let output = location.bytePath
        let spare = location.sparePath
        try SpareTree.discardRecord(location)
        try SpareTree.catchUp(spare, output: output, record: record)

        let newPaths = plan.paths.filter { previous.manifest.entries[$0] == nil }
        let createdFolders = try SpareTree.makeFolders(for: newPaths, in: spare, except: record.folders)
        var stager = FileStager(output: output, staging: spare, previous: previous.manifest)
        stager.stagingMirrorsOutput = true
        stager.knownIntact = knownIntact
        var staged = try stageFiles(plan, carried: [], stager: stager)

        // Every new path is in the old manifest and there are as many: the same set, nothing removed.
        let removed = newPaths.isEmpty && plan.files.count == previous.manifest.entries.count
            ? [] : previous.manifest.entries.keys.filter { plan.fileIndex[$0] == nil }
        try FileSystemBatch.forEach(removed) { try SystemCalls.removeFile(spare.appending($0)) }
        // Folders left empty go; one still holding someone else's files stays.
        var removedFolders: Set<BytePath> = []
        let emptied = Set(removed.flatMap(\.ancestors)).subtracting(plan.directories)
        for folder in emptied.sorted(by: { $0.bytes.count > $1.bytes.count })
        where SystemCalls.removeDirectoryIfEmpty(spare.appending(folder)) {
            removedFolders.insert(folder)
        }
        staged.report.removed = removed.count

        try finishManifest(&staged, stager: stager, previousBytes: previous.bytes)
        var folders = Set(record.folders.keys).subtracting(removedFolders)
        folders.formUnion(createdFolders)
        // Every folder the catch-up or this write changed an entry in.
        let root = BytePath(bytes: [])
        var touched: Set<BytePath> = [root]
        for path in record.changed + record.removed + staged.written + removed {
            touched.formUnion(path.ancestors)
        }
        let settled = SpareTree.settledTime()
        try SpareTree.settle(touched.intersection(folders), in: spare, at: settled)
        if flushBeforeSwap { try AtomicSwap.syncFileSystem(containing: spare) }
        try AtomicSwap.exchange(spare, output)
        if flushBeforeSwap { try? AtomicSwap.syncDirectory(BytePath(location.parent)) }

        do {
            try SpareTree.settle([root], in: output, at: settled)
            guard let next = try SpareTree.record(
                of: output, folders: folders, settled: settled,
                manifestHash: staged.report.manifestHash ?? 0, changed: staged.written, removed: removed
            ) else {
                try SpareTree.discard(location)  // someone wrote into the output meanwhile
                return staged.report
            }
            try SpareTree.saveRecord(next, location)
        } catch {
            try? SpareTree.discard(location)
        }
        return staged.report
    }

    /// Whether the new files are exactly what the output already holds (same set of paths,
    /// each unchanged), so the build can leave the output folder untouched.
    private static func nothingChanged(_ plan: WritePlan, manifest: OutputManifest, output: BytePath, knownIntact: Set<BytePath>?) throws -> Bool {
        // A page rendered afresh (not kept as `.previous`) counts as changed: no need to look further.
        guard manifest.entries.count == plan.files.count,
              !plan.files.contains(where: { if case .deferred = $0.contents { return true } else { return false } }),
              plan.paths.allSatisfy({ manifest.entries[$0] != nil })
        else {
            return false
        }
        let stager = {
            var stager = FileStager(output: output, staging: output, previous: manifest)
            stager.knownIntact = knownIntact
            return stager
        }()
        let verdicts = DisjointSlots<Bool>(count: plan.files.count)
        ParallelWork.forEach(count: plan.files.count) { index in
            verdicts.set(index, (try? stager.isUnchanged(plan.files[index], at: plan.paths[index])) ?? false)
        }
        return (0..<plan.files.count).allSatisfy { verdicts[$0] == true }
    }

    /// The record of the spare tree beside `location` when the output is still as that record
    /// says (see `SpareTree`), `nil` otherwise.
    private static func trustedSpare(_ location: OutputLocation, manifestBytes: [UInt8]) -> SpareTree.Record? {
        guard let record = SpareTree.loadRecord(location),
              SpareTree.outputMatches(record, output: location.bytePath, manifestHash: ContentHash.of(manifestBytes))
        else { return nil }
        return record
    }

    /// The output folder as the last build left it, read once before rendering (while the
    /// content loads) and handed to `write`, which then neither parses the manifest, nor checks
    /// each file, nor checks the spare tree's folders again.
    public struct PreviousState: Sendable {
        let manifest: OutputManifest
        let bytes: [UInt8]
        /// The manifest file's status when it was read: `write` rereads it if it changed since.
        let manifestStatus: FileStatus
        /// Files the manifest lists that were still as it describes them.
        let intact: Set<BytePath>
        /// The spare tree's record, when the output was still as it says.
        let spare: SpareTree.Record?

        /// What the last build recorded for each of its files still intact, by output path: a
        /// page whose new input key or fingerprint matches can be kept as
        /// `OutputFile.Contents.previous` instead of being rendered again.
        public var reusablePages: [String: ReusablePage] {
            var result: [String: ReusablePage] = [:]
            result.reserveCapacity(intact.count)
            for path in intact {
                guard let entry = manifest.entries[path], entry.fingerprint != nil || entry.inputKey != nil else { continue }
                result[path.description] = ReusablePage(fingerprint: entry.fingerprint, inputKey: entry.inputKey)
            }
            return result
        }
    }

    /// Reads the manifest of the output folder and checks which of its files are intact;
    /// `nil` when there is no usable previous output.
    public func readPrevious() -> PreviousState? {
        guard let location = try? OutputLocation(resolving: outputDirectory),
              let read = intactEntries(location), let status = try? SystemCalls.status(of: read.manifestPath)
        else { return nil }
        var intact = Set<BytePath>(minimumCapacity: read.entries.count)
        for (entry, isIntact) in zip(read.entries, read.intact) where isIntact { intact.insert(entry.path) }
        return PreviousState(
            manifest: read.manifest, bytes: read.bytes, manifestStatus: status, intact: intact,
            spare: Self.trustedSpare(location, manifestBytes: read.bytes)
        )
    }

    /// The hash of the output's manifest file when every file it lists is still exactly as the
    /// last build left it (same size and modification time); `nil` otherwise.
    func intactManifestHash() -> UInt64? {
        guard let read = intactEntries(), !read.intact.contains(false) else { return nil }
        return ContentHash.of(read.bytes)
    }

    /// The previous manifest's entries, its bytes, and for each entry whether the file is still
    /// as the manifest describes it (a regular file of the recorded size and mtime).
    private func intactEntries(_ location: OutputLocation? = nil) -> (
        manifest: OutputManifest, manifestPath: BytePath, entries: [ManifestEntry], bytes: [UInt8], intact: [Bool]
    )? {
        guard let location = location ?? (try? OutputLocation(resolving: outputDirectory)) else { return nil }
        let manifestPath = location.bytePath.appending(BytePath(OutputManifest.fileName))
        guard let bytes = try? FileStager.readAll(manifestPath),
              let manifest = try? OutputManifest(parsing: bytes, path: manifestPath.description)
        else { return nil }
        let entries = Array(manifest.entries.values)
        let slots = DisjointSlots<Bool>(count: entries.count)
        let root = location.bytePath
        ParallelWork.forEach(count: entries.count) { index in
            let entry = entries[index]
            let status = try? SystemCalls.status(of: root.appending(entry.path))
            slots.set(index, status?.kind == .regular && status?.size == entry.size && status?.modified == entry.modified)
        }
        return (manifest, manifestPath, entries, bytes, (0..<entries.count).map { slots[$0] == true })
    }

    /// What staging produced: the counts, the manifest entries, the files written afresh and
    /// the folders of the new tree.
    private struct StagedTree {
        var report = WriteReport()
        var entries: [ManifestEntry] = []
        var written: [BytePath] = []
        var folders: [BytePath] = []
    }

    /// Builds the complete new tree at `staging`: folders, files, foreign entries, manifest.
    private func stage(
        _ plan: WritePlan, carried: [DirectoryWalker.Entry], previous: PreviousOutput,
        into staging: BytePath, output: BytePath
    ) throws -> StagedTree {
        try SystemCalls.makeDirectory(staging)
        if let status = try SystemCalls.status(of: output), status.kind == .directory {
            try SystemCalls.setPermissions(staging, status.permissions)
        }
        var directories = plan.directories
        for entry in carried {
            directories.formUnion(entry.path.ancestors)
        }
        let carriedFolders = Set(carried.filter { $0.kind == .directory }.map(\.path))
        try FileSystemBatch.makeFolders(directories.subtracting(carriedFolders), in: staging, existingAllowed: false)

        let stager = FileStager(output: output, staging: staging, previous: previous.manifest)
        var staged = try stageFiles(plan, carried: carried, stager: stager)
        staged.folders = Array(directories.union(carriedFolders))
        try finishManifest(&staged, stager: stager, previousBytes: previous.manifestBytes)
        return staged
    }

    /// Stages every file of `plan` and the `carried` foreign entries with `stager`.
    private func stageFiles(_ plan: WritePlan, carried: [DirectoryWalker.Entry], stager: FileStager) throws -> StagedTree {
        let carriedSorted = carried.sorted { $0.path < $1.path }  // folders before their contents
        let total = plan.files.count + carriedSorted.count
        let outcomes = DisjointSlots<Result<FileStager.Outcome, any Error>>(count: total)
        // Carried folders are created serially first: carried files may live inside them.
        for (offset, entry) in carriedSorted.enumerated() where entry.kind == .directory {
            outcomes.set(plan.files.count + offset, Result { try stager.carry(entry) })
        }
        let counter = ProgressCounter(stage: "write", total: plan.files.count, report: progress)
        ParallelWork.forEach(count: total) { index in
            if index < plan.files.count {
                outcomes.set(index, Result { try stager.stage(plan.files[index], at: plan.paths[index]) })
                counter.advance()
            } else if carriedSorted[index - plan.files.count].kind != .directory {
                outcomes.set(index, Result { try stager.carry(carriedSorted[index - plan.files.count]) })
            }
        }

        var staged = StagedTree()
        staged.entries.reserveCapacity(plan.files.count)
        for index in 0..<total {
            switch try outcomes[index]?.get() {
            case .linked(let entry):
                staged.report.linkedUnchanged += 1
                staged.entries.append(entry)
            case .written(let entry):
                staged.report.written += 1
                staged.entries.append(entry)
                staged.written.append(entry.path)
            case .carried:
                staged.report.carriedOver += 1
            case nil:
                break
            }
        }
        return staged
    }

    /// Stages the manifest of `staged`'s entries (the last file of a write).
    private func finishManifest(_ staged: inout StagedTree, stager: FileStager, previousBytes: [UInt8]?) throws {
        let manifest = OutputManifest.serialized(staged.entries)
        if try stager.stageManifest(manifest, previousBytes: previousBytes) {
            staged.written.append(BytePath(OutputManifest.fileName))
        }
        staged.report.manifestHash = ContentHash.of(manifest)
    }
}
