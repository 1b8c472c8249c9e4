import Foundation

/// When and by whom.
public struct Stamp: Sendable, Hashable, Codable {
    public var date: Date?
    public var user: String?

    public init(date: Date? = nil, user: String? = nil) {
        self.date = date
        self.user = user
    }
}
