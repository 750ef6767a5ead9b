extension Configuration {
  /// The channels SPEC.md names; every post may use them.
  public static let builtinChannels = ["moments", "group", "private"]

  /// The channels a post may name: the built-in ones, `default_channel`, the channels under `caps` and
  /// those named by `overrides`, sorted.
  public var knownChannels: [String] {
    var names = Set(Self.builtinChannels)
    names.insert(defaultChannel)
    names.formUnion(caps.channels.keys)
    for override in overrides { names.formUnion(override.channels) }
    return names.sorted()
  }

  /// The input problem for a post whose channel is not known (a typo such as `moment`), at the line that
  /// set it; nil when the channel is known.
  public func unknownChannel(_ post: Post) -> InputProblem? {
    // The common case first, without building the list.
    if post.channel == defaultChannel || Self.builtinChannels.contains(post.channel)
      || caps.channels[post.channel] != nil
    {
      return nil
    }
    let known = knownChannels
    guard !known.contains(post.channel) else { return nil }
    return InputProblem(
      path: post.channelLine?.path ?? post.id, line: post.channelLine?.line,
      message:
        "未知的渠道「\(post.channel)」（可用：\(known.joined(separator: "、"))），其他渠道名请在 .siyu.yml 的 caps 中配置")
  }
}
