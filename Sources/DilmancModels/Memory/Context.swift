import Foundation

/// The source segments around a unit's source, as hashes: equal neighbours make
/// an exact match a context match.
public struct Context: Sendable, Hashable, Codable {
    public var previous: UInt64?
    public var next: UInt64?

    public init(previous: UInt64?, next: UInt64?) {
        self.previous = previous
        self.next = next
    }
}
