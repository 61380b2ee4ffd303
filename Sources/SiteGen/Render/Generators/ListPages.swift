
/// One page of a paginated list (a column's or a tag's): the list and its page number.
struct ListPage: Sendable {
    let list: GraphList
    /// Output folder of the list's first page.
    let directory: String
    let number: Int

    /// Every page of `list`, with its file path.
    static func all(of list: GraphList, count: Int, directory: String, perPage: Int) -> [PlanItem<ListPage>] {
        (1...Pagination(totalItems: count, perPage: perPage).pageCount).map { number in
            PlanItem(
                ListPage(list: list, directory: directory, number: number),
                path: Pagination.directory(ofPage: number, listDirectory: directory) + "index.html"
            )
        }
    }

    /// The page's entries and its pager's numbers, read through `reader`.
    func read(_ reader: inout PageReader, perPage: Int) -> (items: LinkList, pagination: Pagination) {
        let pagination = Pagination(totalItems: reader.count(of: list), perPage: perPage)
        return (reader.links(of: list, range: pagination.range(ofPage: number)), pagination)
    }

    /// The pager view model: numbered window ±2, first/previous/next/last, counts. Numbers are
    /// given as text: pages differing only in numbers then share one specialized template path.
    func pager(_ pagination: Pagination, urls: SiteURLs) -> [String: Any] {
        func url(_ page: Int) -> String {
            urls.href(Pagination.directory(ofPage: page, listDirectory: directory) + "index.html")
        }
        var pager: [String: Any] = [
            "current": String(number),
            "total": String(pagination.pageCount),
            "count": String(pagination.totalItems),
            "multiple": pagination.pageCount > 1,
            "pages": pagination.window(around: number).map { ["number": String($0), "url": url($0), "current": $0 == number] as [String: Any] },
        ]
        if number > 1 {
            pager["first"] = url(1)
            pager["prev"] = url(number - 1)
        }
        if number < pagination.pageCount {
            pager["next"] = url(number + 1)
            pager["last"] = url(pagination.pageCount)
        }
        return pager
    }

    /// ` - 第N页` after the title of page 2 on.
    var titleSuffix: String { number > 1 ? " - 第\(number)页" : "" }
}
