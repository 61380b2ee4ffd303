import SiteGenCore

/// The files of one folder of the site (`content/`, `themes/`) as one walk found them, with the
/// walk's warnings.
///
/// Why a type of its own: an incremental build lists `content/` first, for the "has anything
/// changed" digest (`InputSnapshot`), and the load stage then reads from the same listing
/// instead of walking 80,000 files a second time.
struct FolderListing: Sendable {
    /// Every file, sorted by relative path, with its status at listing time.
    var entries: [SiteWalker.Entry]
    /// What the walk reported (links skipped, folders unreadable).
    var diagnostics: Diagnostics

    /// Lists `folder` (relative to the site) of the site at `sourceDirectory`.
    static func take(sourceDirectory: String, folder: String = "content") -> FolderListing {
        var walker = SiteWalker(siteRoot: sourceDirectory)
        let entries = walker.files(in: folder)
        return FolderListing(entries: entries, diagnostics: walker.diagnostics)
    }
}
