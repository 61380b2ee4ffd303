
/// When a cache file is worth rewriting after a build.
///
/// Every cache entry is checked before it is used (by a hash of what it was made from, or the
/// file's size and modification time), so an entry that went stale only costs redoing that one
/// item next time. Rewriting a whole cache file of a 50,000-article site for one edited article
/// costs more than that, so a cache is rewritten only when at least 1/64 of its entries changed
/// (always on a small site, where one entry is already that much).
enum CacheRewrite {
    /// Whether a cache of `total` entries of which `changed` are new, changed or gone should be
    /// written again.
    static func isWorthIt(changed: Int, total: Int) -> Bool {
        changed > 0 && changed * 64 >= max(total, 1)
    }
}
