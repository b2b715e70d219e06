/// A multiset of at most `capacity` Doubles with O(log n) expected insert, remove and k-th smallest: a treap whose
/// nodes are numbered slots (a window's ring positions), so a window replaces the value of a slot in place.
///
/// Keys are (value, slot), which makes equal values distinct and the order total. Priorities are a hash of the
/// slot: independent of the values, so the expected depth is O(log n) whatever order the values arrive in, and
/// deterministic, so runs repeat. Storage is 20 bytes per slot (a 16-byte node and its subtree size), allocated as
/// slots are first used, in steps that end at the window's capacity (an array doubling past 300 slots would hold 512).
struct OrderStatisticTree: Sendable, Equatable {
    private struct Node: Sendable, Equatable {
        var value: Double
        var left: Int32
        var right: Int32
    }

    private var nodes: [Node] = []
    /// Subtree sizes, beside the nodes (so a node stays 16 bytes).
    private var sizes: [Int32] = []
    private var root: Int32 = -1
    /// The most slots the tree will hold.
    private let capacity: Int

    /// Creates an empty tree for slots `0..<capacity` (unbounded by default).
    init(capacity: Int = .max) {
        self.capacity = Swift.max(capacity, 1)
    }

    /// Slots the storage has room for without growing.
    var reservedSlots: Int { nodes.capacity }

    /// Number of values held.
    var count: Int { root < 0 ? 0 : Int(sizes[Int(root)]) }

    /// Stores `value` in `slot` (not currently held): slots are used in order 0, 1, 2… the first time.
    mutating func insert(_ value: Double, slot: Int) {
        if slot == nodes.count {
            if slot == nodes.capacity {
                // Doubling, but never past the capacity.
                let next = Swift.min(capacity, Swift.max(16, slot * 2))
                nodes.reserveCapacity(next)
                sizes.reserveCapacity(next)
            }
            nodes.append(Node(value: value, left: -1, right: -1))
            sizes.append(1)
        } else {
            nodes[slot] = Node(value: value, left: -1, right: -1)
            sizes[slot] = 1
        }
        let root = self.root
        self.root = withBuffers { tree in tree.insert(Int32(slot), into: root) }
    }

    /// Removes the value held in `slot`.
    mutating func remove(slot: Int) {
        let root = self.root
        self.root = withBuffers { tree in tree.remove(Int32(slot), from: root) }
    }

    /// Replaces the value held in `slot` by `value`.
    mutating func replace(slot: Int, with value: Double) {
        // The same value (bit for bit: -0.0 is not 0.0) keeps the key (value, slot) where it is: a steady series
        // (an idle disk's rates, a total that does not move) costs no split and no merge.
        if nodes[slot].value.bitPattern == value.bitPattern { return }
        remove(slot: slot)
        insert(value, slot: slot)
    }

    /// Runs `body` on the node and size storage without bounds or uniqueness checks per access (indices are
    /// slots below `nodes.count`, by construction).
    private mutating func withBuffers<R>(_ body: (inout Buffers) -> R) -> R {
        nodes.withUnsafeMutableBufferPointer { nodes in
            sizes.withUnsafeMutableBufferPointer { sizes in
                var buffers = Buffers(nodes: nodes.baseAddress!, sizes: sizes.baseAddress!)
                return body(&buffers)
            }
        }
    }

    /// The value held in `slot`.
    func value(inSlot slot: Int) -> Double { nodes[slot].value }

    /// The k-th smallest value (0-based); `k` must be below `count`.
    func select(_ k: Int) -> Double { selectPair(k).0 }

    /// The k-th and the (k+1)-th smallest values (0-based) in one descent; both are the k-th when it is the last.
    /// The successor is the leftmost value of the found node's right subtree, else the value of the last node the
    /// descent left to its left.
    func selectPair(_ k: Int) -> (Double, Double) {
        nodes.withUnsafeBufferPointer { nodes in
            sizes.withUnsafeBufferPointer { sizes in
                var node = root
                var rank = Int32(clamping: k)
                var after: Int32 = -1
                while true {
                    let left = nodes[Int(node)].left
                    let leftSize = left < 0 ? 0 : sizes[Int(left)]
                    if rank < leftSize {
                        after = node
                        node = left
                    } else if rank == leftSize {
                        let value = nodes[Int(node)].value
                        var next = nodes[Int(node)].right
                        if next < 0 { return (value, after < 0 ? value : nodes[Int(after)].value) }
                        while nodes[Int(next)].left >= 0 { next = nodes[Int(next)].left }
                        return (value, nodes[Int(next)].value)
                    } else {
                        rank -= leftSize + 1
                        node = nodes[Int(node)].right
                    }
                }
            }
        }
    }

    /// The smallest and the largest value; nil when empty. Two walks down the edges, no rank arithmetic.
    var extremes: (min: Double, max: Double)? {
        guard root >= 0 else { return nil }
        return nodes.withUnsafeBufferPointer { nodes in
            var low = root
            while nodes[Int(low)].left >= 0 { low = nodes[Int(low)].left }
            var high = root
            while nodes[Int(high)].right >= 0 { high = nodes[Int(high)].right }
            return (nodes[Int(low)].value, nodes[Int(high)].value)
        }
    }

    /// The q-quantile by numpy's default (linear) method over the values held; nil when empty.
    func percentile(_ q: Double) -> Double? {
        guard let (lower, fraction) = RollingWindow.rank(q, count: count) else { return nil }
        let (a, b) = selectPair(lower)
        return RollingWindow.lerp(a, b, fraction: fraction)
    }

    /// Whether every subtree's size is its node count, keys are in order and each priority is above its children's:
    /// what the single-descent insert and remove must keep (tests walk it after every change).
    var isConsistent: Bool {
        func check(_ node: Int32, above: UInt64, low: (Double, Int32)?, high: (Double, Int32)?) -> Int32? {
            guard node >= 0 else { return 0 }
            let key = (nodes[Int(node)].value, node)
            let priority = Buffers.priority(node)
            guard priority < above, low.map({ $0 < key }) ?? true, high.map({ key < $0 }) ?? true,
                  let left = check(nodes[Int(node)].left, above: priority, low: low, high: key),
                  let right = check(nodes[Int(node)].right, above: priority, low: key, high: high),
                  sizes[Int(node)] == left + right + 1 else { return nil }
            return left + right + 1
        }
        return check(root, above: .max, low: nil, high: nil) != nil
    }

    // MARK: - Treap

    /// The treap operations on raw storage.
    private struct Buffers {
        let nodes: UnsafeMutablePointer<Node>
        let sizes: UnsafeMutablePointer<Int32>

        static func priority(_ id: Int32) -> UInt64 {
            var x = UInt64(UInt32(bitPattern: id)) &+ 0x9E37_79B9_7F4A_7C15
            x = (x ^ (x >> 30)) &* 0xBF58_476D_1CE4_E5B9
            x = (x ^ (x >> 27)) &* 0x94D0_49BB_1331_11EB
            return x ^ (x >> 31)
        }

        func update(_ node: Int32) {
            let left = nodes[Int(node)].left
            let right = nodes[Int(node)].right
            sizes[Int(node)] = 1 + (left < 0 ? 0 : sizes[Int(left)]) + (right < 0 ? 0 : sizes[Int(right)])
        }

        /// Whether the key (value, id) sorts before the key of `node`.
        @inline(__always)
        func precedes(_ value: Double, _ id: Int32, _ node: Int32) -> Bool {
            let own = nodes[Int(node)].value
            return value < own || (value == own && id < node)
        }

        /// Points `parent`'s child on the given side (the root when `parent` is -1) at `child`; returns the root.
        @inline(__always)
        func link(_ child: Int32, under parent: Int32, left: Bool, root: Int32) -> Int32 {
            guard parent >= 0 else { return child }
            if left { nodes[Int(parent)].left = child } else { nodes[Int(parent)].right = child }
            return root
        }

        /// Adds the fresh node `id` (no children, size 1) to `root`'s tree; returns the new root. One descent to where
        /// its priority puts it, counting it into every subtree on the way, then a split of the subtree found there
        /// (small: expected O(1) nodes): a third of the walks of split, merge, merge.
        func insert(_ id: Int32, into root: Int32) -> Int32 {
            let value = nodes[Int(id)].value
            let rank = Self.priority(id)
            var (parent, left, node): (Int32, Bool, Int32) = (-1, false, root)
            while node >= 0 && Self.priority(node) > rank {
                sizes[Int(node)] += 1
                parent = node
                left = precedes(value, id, node)
                node = left ? nodes[Int(node)].left : nodes[Int(node)].right
            }
            let (less, greater) = split(node, value, id)
            nodes[Int(id)].left = less
            nodes[Int(id)].right = greater
            update(id)
            return link(id, under: parent, left: left, root: root)
        }

        /// Takes the node `id` (held in `root`'s tree) out; returns the new root. One descent to it, counting it out
        /// of every subtree on the way, then its children merged in its place.
        func remove(_ id: Int32, from root: Int32) -> Int32 {
            let value = nodes[Int(id)].value
            var (parent, left, node): (Int32, Bool, Int32) = (-1, false, root)
            while node != id {
                sizes[Int(node)] -= 1
                parent = node
                left = precedes(value, id, node)
                node = left ? nodes[Int(node)].left : nodes[Int(node)].right
            }
            let joined = merge(nodes[Int(id)].left, nodes[Int(id)].right)
            return link(joined, under: parent, left: left, root: root)
        }

        /// Splits `tree` into the keys below (value, id) and the rest.
        func split(_ tree: Int32, _ value: Double, _ id: Int32) -> (Int32, Int32) {
            guard tree >= 0 else { return (-1, -1) }
            let own = nodes[Int(tree)].value
            if own < value || (own == value && tree < id) {
                let (less, greater) = split(nodes[Int(tree)].right, value, id)
                nodes[Int(tree)].right = less
                update(tree)
                return (tree, greater)
            }
            let (less, greater) = split(nodes[Int(tree)].left, value, id)
            nodes[Int(tree)].left = greater
            update(tree)
            return (less, tree)
        }

        /// Joins two trees whose keys are all in order (every key of `a` below every key of `b`).
        func merge(_ a: Int32, _ b: Int32) -> Int32 {
            guard a >= 0 else { return b }
            guard b >= 0 else { return a }
            if Self.priority(a) > Self.priority(b) {
                nodes[Int(a)].right = merge(nodes[Int(a)].right, b)
                update(a)
                return a
            }
            nodes[Int(b)].left = merge(a, nodes[Int(b)].left)
            update(b)
            return b
        }
    }
}
