
/// What the last build recorded about a page it wrote (see `OutputWriter.PreviousState.reusablePages`).
public struct ReusablePage: Sendable, Hashable {
    /// The page's template fingerprint (`OutputFile.fingerprint`).
    public var fingerprint: UInt64?
    /// The page's input key (`OutputFile.inputKey`).
    public var inputKey: UInt64?
}
