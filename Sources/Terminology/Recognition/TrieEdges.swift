/// The labelled edges of `TermRecognizer`'s trie, for all its nodes in one
/// table: (node, label id) → child node.
///
/// The walk looks an edge up at every node it reaches, for every label of
/// every word. A `Dictionary` per node hashed each lookup with SipHash, much
/// of the walk's time; here the pair is packed into one integer and found by
/// open addressing with a multiplicative hash, usually at the first slot.
///
/// ```swift
/// var edges = TrieEdges()
/// edges.add(child: 1, from: 0, label: 7)
/// edges.child(of: 0, label: 7)  // 1
/// edges.child(of: 0, label: 8)  // nil
/// ```
struct TrieEdges {
    /// Packed (node, label) per slot; 0 marks an empty slot.
    private var keys = [UInt64](repeating: 0, count: 64)
    private var children = [Int](repeating: 0, count: 64)
    /// 64 minus log2 of the capacity: the hash's top bits are the slot.
    private var shift: UInt64 = 58
    private var count = 0

    func child(of node: Int, label: Int) -> Int? {
        let key = Self.pack(node, label)
        let mask = keys.count - 1
        var slot = slot(of: key)
        while true {
            let found = keys[slot]
            if found == key { return children[slot] }
            if found == 0 { return nil }
            slot = (slot + 1) & mask
        }
    }

    /// Adds an edge the table does not have yet.
    mutating func add(child: Int, from node: Int, label: Int) {
        precondition(node >= 0 && node < 1 << 31 && label >= 0 && label < 1 << 31, "trie too large")
        if (count + 1) * 2 > keys.count { grow() }
        insert(Self.pack(node, label), child)
        count += 1
    }

    private mutating func insert(_ key: UInt64, _ child: Int) {
        let mask = keys.count - 1
        var slot = slot(of: key)
        while keys[slot] != 0 { slot = (slot + 1) & mask }
        keys[slot] = key
        children[slot] = child
    }

    private mutating func grow() {
        let old = zip(keys, children).filter { $0.0 != 0 }
        keys = [UInt64](repeating: 0, count: keys.count * 2)
        children = [Int](repeating: 0, count: keys.count)
        shift -= 1
        for (key, child) in old { insert(key, child) }
    }

    private func slot(of key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    /// Node and label ids are below 2³¹ (`add` checks); the label is stored
    /// plus one so that no edge packs to 0.
    private static func pack(_ node: Int, _ label: Int) -> UInt64 {
        UInt64(truncatingIfNeeded: node) << 32 | (UInt64(truncatingIfNeeded: label) + 1)
    }
}
