import Foundation
import SiyuCore
import SiyuText

@testable import SiyuClassifier

/// Real segmentation for the classifier tests.
enum ClassifierTestSupport {
  static func document(_ text: String) throws -> Document {
    let segmenter = try Segmenter()
    return Document(post: Post(id: "t.md", text: text, channel: "moments"), segmenter: segmenter)
  }

  static func keys(_ text: String) throws -> [UInt64] { FeatureExtractor.keys(try document(text)) }

  static let hardSell = [
    "限时秒杀！原价399今晚99元，扫码下单", "全场五折，最后一天，点击链接抢购", "新品上市买一送一，私信下单",
    "清仓大甩卖，库存不多，手慢无", "团购价88元包邮，今晚截止，快来拼团", "直播间福利价，下单立减50元",
  ]
  static let value = [
    "今天带孩子去公园散步，天气很好", "分享一个护肤小技巧：洗脸水别太烫", "周末在家做了红烧肉，家人都说好吃",
    "关于宝宝辅食的几点经验，供大家参考", "雨天出门记得带伞，路上注意安全", "读完一本好书，推荐给喜欢历史的朋友",
  ]

  static func examples() throws -> [TrainingExample] {
    try hardSell.map { TrainingExample(features: try keys($0), hardSell: true, rulePoints: 0) }
      + value.map { TrainingExample(features: try keys($0), hardSell: false, rulePoints: 0) }
  }

  /// A model of each algorithm trained on `examples()` (3 combiner folds, as the tests use), in
  /// `Algorithm.allCases` order.
  static func models() throws -> [(Algorithm, Model)] {
    let examples = try examples()
    return Algorithm.allCases.map { algorithm in
      var options = TrainingOptions()
      options.algorithm = algorithm
      options.combinerFolds = 3
      return (algorithm, Trainer.train(examples, options: options))
    }
  }

  static var packageRoot: URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent()
  }
}
