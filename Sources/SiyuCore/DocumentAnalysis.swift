/// A result several rules derive from the same document (e.g. what the cue lists match): computed on
/// first use by `Document.analysis(_:)` and then shared, once per document.
public protocol DocumentAnalysis: AnyObject, Sendable {
  init(_ document: borrowing Document)
}
