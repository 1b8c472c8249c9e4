import Foundation

public struct Property: Sendable, Hashable, Codable {
    public var type: String
    public var value: String

    public init(type: String, value: String) {
        self.type = type
        self.value = value
    }
}
