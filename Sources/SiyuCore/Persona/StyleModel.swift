import Foundation

/// A style profile's character and clause-shape counts in lookup form.
///
/// Posts are scored as bags of n-grams under Dirichlet-smoothed multinomials: `fit` scores a post against
/// this profile alone (unigrams smoothed toward a uniform vocabulary, pairs toward the product of their
/// characters' probabilities); `PersonaAttributor` scores against several profiles, each smoothed toward
/// their pool. Both read the same counts.
public struct StyleModel: Sendable {
  /// The counts.
  public private(set) var ngrams = StyleNGrams()
  var unigramTotal = 0
  var bigramTotal = 0
  var shapeTotal = 0

  var unigrams: [UInt32: Int] { ngrams.unigrams }
  var bigrams: [UInt64: Int] { ngrams.bigrams }
  var shapes: [UInt32: Int] { ngrams.shapes }

  /// Size of the character vocabulary unigram probabilities are smoothed over.
  static let vocabulary = 10_000.0
  /// Pseudo-counts that pull pair probabilities toward the product of their characters'.
  static let pairPrior = 300.0
  /// Weight of a pair relative to a character.
  static let pairWeight = 0.5

  /// An empty model.
  init() {}

  /// The counts of `samples` added up.
  init(samples: [StyleSample]) {
    for sample in samples {
      for (k, n) in sample.unigrams { ngrams.unigrams[k, default: 0] += n }
      for (k, n) in sample.bigrams { ngrams.bigrams[k, default: 0] += n }
      for (k, n) in sample.shapes { ngrams.shapes[k, default: 0] += n }
    }
    setTotals()
  }

  /// The counts in `profile`.
  public init(profile: StyleProfile) {
    ngrams = profile.ngrams
    setTotals()
  }

  private mutating func setTotals() {
    unigramTotal = ngrams.unigrams.values.reduce(0, +)
    bigramTotal = ngrams.bigrams.values.reduce(0, +)
    shapeTotal = ngrams.shapes.values.reduce(0, +)
  }

  /// How typical `sample`'s characters are of this profile: the mean log-probability per character
  /// (pairs weighted by `pairWeight`). With `leavingOut`, that post's counts are taken out first (a post
  /// scored against the others). Nil for a post without characters.
  public func fit(_ sample: StyleSample, leavingOut excluded: StyleSample? = nil) -> Double? {
    guard !sample.unigrams.isEmpty else { return nil }
    let uniTotal = Double(unigramTotal - (excluded.map { $0.unigrams.values.reduce(0, +) } ?? 0))
    let biTotal = Double(bigramTotal - (excluded.map { $0.bigrams.values.reduce(0, +) } ?? 0))
    func uniCount(_ c: UInt32) -> Double {
      Double(max(0, (unigrams[c] ?? 0) - (excluded?.unigrams[c] ?? 0)))
    }
    func p1(_ c: UInt32) -> Double { (uniCount(c) + 1) / (uniTotal + Self.vocabulary) }
    var sum = 0.0
    var weight = 0.0
    // Sorted, so the sum (and the profile written from it) does not depend on hash order.
    for (c, n) in sample.unigrams.sorted(by: { $0.key < $1.key }) {
      sum += Double(n) * log(p1(c))
      weight += Double(n)
    }
    for (k, n) in sample.bigrams.sorted(by: { $0.key < $1.key }) {
      let count = Double(max(0, (bigrams[k] ?? 0) - (excluded?.bigrams[k] ?? 0)))
      let prior = p1(UInt32(k >> 32)) * p1(UInt32(k & 0xFFFF_FFFF))
      let p = (count + Self.pairPrior * prior) / (biTotal + Self.pairPrior)
      sum += Self.pairWeight * Double(n) * log(p)
      weight += Self.pairWeight * Double(n)
    }
    return sum / weight
  }

  /// `fit` for one stretch of normalized text (a clause): its characters and pairs scored the same way.
  /// Nil when it has no characters.
  public func fit(normalized units: ArraySlice<UInt16>) -> Double? {
    let uniTotal = Double(unigramTotal)
    let biTotal = Double(bigramTotal)
    func p1(_ c: UInt32) -> Double { (Double(unigrams[c] ?? 0) + 1) / (uniTotal + Self.vocabulary) }
    var sum = 0.0
    var weight = 0.0
    var previous: UInt32 = 0
    Array(units).withUnsafeBufferPointer { text in
      var i = 0
      while i < text.count {
        if StyleText.isSpace(text[i]) {
          previous = 0
          i += 1
          continue
        }
        var c = StyleText.codePoint(text, at: i)
        i += c > 0xFFFF ? 2 : 1
        if c >= 0x30 && c <= 0x39 { c = 0x30 }
        sum += log(p1(c))
        weight += 1
        if previous != 0 {
          let count = Double(bigrams[UInt64(previous) << 32 | UInt64(c)] ?? 0)
          let p = (count + Self.pairPrior * p1(previous) * p1(c)) / (biTotal + Self.pairPrior)
          sum += Self.pairWeight * log(p)
          weight += Self.pairWeight
        }
        previous = c
      }
    }
    return weight > 0 ? sum / weight : nil
  }
}
