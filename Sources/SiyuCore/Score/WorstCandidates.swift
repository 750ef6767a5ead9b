/// The worst posts seen so far, as `ScoreSummary.offerWorst` keeps them, but with each post's
/// `ScoreSummary.WorstPost` (its reasons need a full re-check of the post, about half a million
/// instructions) made only when it is needed: for the posts still in the list at the end, and for a post
/// that ties one in the list on probability, score and id (whether the two are equal depends on it).
///
/// Offering the same posts in the same order and then calling `finish` gives the list that offering
/// their `WorstPost`s to `ScoreSummary.offerWorst` gives; `make` must give the same `WorstPost` for the
/// same entry every time, with the entry's numbers and id.
struct WorstCandidates<Payload> {
  /// One post in the list: the numbers it is ranked by, and what its `WorstPost` is made from.
  struct Entry {
    var probability: Double
    var score: Double
    var id: String
    var payload: Payload
    /// The post's `WorstPost`, once made.
    var made: ScoreSummary.WorstPost?
  }

  private(set) var entries: [Entry] = []

  /// Whether a post with these numbers and id would enter the list (`ScoreSummary.mightBeWorst`).
  func mightBeWorst(probability: Double, score: Double, id: String) -> Bool {
    guard entries.count >= ScoreSummary.worstCount, let last = entries.last else { return true }
    if probability != last.probability { return probability > last.probability }
    if score != last.score { return score > last.score }
    return id < last.id
  }

  /// Keeps `entry` if it is among the `ScoreSummary.worstCount` worst offered, as
  /// `ScoreSummary.offerWorst` keeps its `WorstPost`.
  mutating func offer(_ entry: Entry, make: (Entry) -> ScoreSummary.WorstPost) {
    guard mightBeWorst(probability: entry.probability, score: entry.score, id: entry.id) else { return }
    var entry = entry
    // Only an entry with the same numbers and id can equal it; `WorstPost`s tell whether one does.
    for index in entries.indices
    where entries[index].probability == entry.probability && entries[index].score == entry.score
      && entries[index].id == entry.id
    {
      let kept = Self.made(&entries[index], make: make)
      if kept == Self.made(&entry, make: make) { return }
    }
    let index = entries.firstIndex { Self.worseThan(entry, $0) } ?? entries.count
    entries.insert(entry, at: index)
    if entries.count > ScoreSummary.worstCount { entries.removeLast() }
  }

  /// Offers every entry of `other`, in its order (`ScoreSummary.merge`).
  mutating func merge(_ other: WorstCandidates, make: (Entry) -> ScoreSummary.WorstPost) {
    for entry in other.entries { offer(entry, make: make) }
  }

  /// The list's `WorstPost`s, worst first.
  func finish(make: (Entry) -> ScoreSummary.WorstPost) -> [ScoreSummary.WorstPost] {
    entries.map { $0.made ?? make($0) }
  }

  /// `entry`'s `WorstPost`, made now if it was not yet.
  private static func made(_ entry: inout Entry, make: (Entry) -> ScoreSummary.WorstPost)
    -> ScoreSummary.WorstPost
  {
    if let made = entry.made { return made }
    let made = make(entry)
    entry.made = made
    return made
  }

  /// `ScoreSummary.WorstPost.worseThan` on the numbers and id it compares.
  private static func worseThan(_ a: Entry, _ b: Entry) -> Bool {
    if a.probability != b.probability { return a.probability > b.probability }
    if a.score != b.score { return a.score > b.score }
    return a.id < b.id
  }
}

extension WorstCandidates: Sendable where Payload: Sendable {}
extension WorstCandidates.Entry: Sendable where Payload: Sendable {}
