import SiyuCore
import SiyuText

/// The persona persona rules' examples are written for: `siyu init`'s example persona (小李), with a style
/// profile learned from `posts`, a few of her posts written for siyu.
public enum ExamplePersona {
  /// Her posts, separated by blank lines.
  static let posts = """
    姐妹们早上好呀～今天给大家分享一个我自己用了三年的护肤小习惯：洗完脸先拍爽肤水，再按压精华，手心的温度会让吸收更好哦😊

    最近换季皮肤有点干，我每天晚上都会敷个补水面膜，十五分钟就好啦，别敷太久呢

    宝子们问我防晒怎么选，我的经验是先看自己是干皮还是油皮，再看出门多久～通勤用轻薄的就够啦

    今天带女儿去公园，风好大，回家第一件事就是给她涂面霜，小朋友的皮肤也要保湿呀🌸

    有姐妹问我熬夜后怎么救脸，我一般第二天早上用冷毛巾敷一下，再好好吃顿早饭，比什么都管用呢

    我发现很多姐妹洗脸太用力了，其实轻轻打圈就好，搓红了反而伤皮肤哦～

    周末整理了一下化妆台，过期的东西都扔啦，姐妹们也检查一下自己的瓶瓶罐罐吧

    宝子们晚安～今天早点睡，明天皮肤会谢谢你的🌙

    说个我踩过的坑：以前觉得越贵越好，后来才明白适合自己最重要，姐妹们别盲目跟风呀

    今天下雨，我在家做了个简单的手膜，蜂蜜加一点牛奶，手一下子软软的，分享给你们～

    有宝子问我眼霜要不要用，我二十五岁才开始用，用量黄豆大小就够啦，点涂再轻轻按开哦

    早上出门前喝一杯温水，是我坚持了很久的小习惯，皮肤和心情都会好一点呢☀️

    姐妹们夏天别忘了补涂防晒呀，我包里一直放着一支小的，中午吃完饭补一次～

    最近在读一本讲皮肤科学的书，才知道角质层那么薄，以后去角质我可要温柔一点啦

    我妈说我从小就爱折腾这些瓶瓶罐罐，现在能和姐妹们一起聊护肤，真的很开心呀💕

    宝子们换季容易过敏的话，先把护肤步骤减一减，只留洗面奶、保湿和防晒，过几天就稳住啦
    """

  /// 小李, as `siyu init` writes her (`self: [我, 小李]`, `address: [姐妹们, 宝子们]`,
  /// `avoid: [家人们, 老铁, 亲]`, `emoji_per_post: 4`), with her learned profile.
  public static let persona: Persona = {
    let base = Persona(
      key: "example", name: "小李", selfTerms: ["我", "小李"], addressTerms: ["姐妹们", "宝子们"],
      avoid: ["家人们", "老铁", "亲"], emojiPerPost: 4)
    var learner = StyleProfileLearner(name: "example")
    if let segmenter = try? Segmenter() {
      for (i, text) in posts.components(separatedBy: "\n\n").enumerated() {
        let post = Post(id: "example-\(i + 1)", text: text, channel: "moments", persona: "example")
        learner.add(base.sample(Document(post: post, segmenter: segmenter)))
      }
    }
    return Persona(
      key: base.key, name: base.name, selfTerms: base.selfTerms, addressTerms: base.addressTerms,
      avoid: base.avoid, emojiPerPost: base.emojiPerPost,
      profile: learner.samples.isEmpty ? nil : learner.profile())
  }()
}

extension PersonaExamples {
  public static var examplePersona: Persona { ExamplePersona.persona }
}
