/// A page's view models kept until the page is rendered (while the writer stages it).
///
/// `@unchecked Sendable` because the dictionaries hold `Any`: they are built once, never
/// mutated, and hold only value types and immutable view objects.
struct ImmutableViewModel: @unchecked Sendable {
    /// The `page` block of the base template.
    let page: [String: Any]
    /// The main template's context.
    let main: [String: Any]
}
