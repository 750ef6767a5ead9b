extension Configuration {
  /// The commented `.siyu.yml` that `siyu init` writes: every key with its default value.
  public static let initTemplate = """
    # siyu 配置文件 / siyu configuration
    # 未写的配置项使用内置默认值；`siyu config` 打印生效的完整配置。
    # Keys left out take their built-in defaults; `siyu config` prints the effective configuration.
    # 路径与 glob 都相对本文件所在目录，语法同 .gitignore（** 匹配零或多层目录）。
    # Paths and globs are relative to this file's directory, in gitignore syntax (** = zero or more folders).

    # 时区：publish_at 没写时区时按此解释，也用于按天统计发布次数。
    # Time zone for publish_at values without an offset and for counting posts per day.
    timezone: Asia/Shanghai

    # 没有 front matter 的帖子算作哪个渠道（moments 朋友圈、group 社群，或在 caps 中配置的其他渠道）。
    # Channel of posts without front matter (moments, group, or any channel configured under caps).
    default_channel: moments

    # 计入频率上限的历史帖子（glob 列表）；留空则只统计本次检查的帖子（--staged 时为 git 暂存区里的帖子）。
    # Past posts that count for caps (globs); empty = only the posts being checked (with --staged, the
    # posts in the git index).
    history: []
    # history: ["posts/**/*.md"]

    # 规则级别：error | warning | info | off，按规则 id（hard-sell/price）或规则族（ad-law）设置；
    # 规则 id 优先于规则族。`siyu rules` 列出所有规则及默认级别。
    # Level per rule id or family (error|warning|info|off); an id beats its family. See `siyu rules`.
    rules: {}
    # rules:
    #   ad-law: error
    #   hard-sell/emoji-flood: off

    # 硬广分类器 / hard-sell classifier
    classifier:
      # default = 内置模型，或 `siyu train` 生成的模型文件路径 / built-in model, or a file from `siyu train`
      model: default
      # 综合硬广概率达到此值（0–1）即判为硬广 / combined probability at which a post is hard-sell
      threshold: 0.5
      # 关闭分类器（hard-sell/classifier: off）时，规则分达到此值判为硬广（同 SpamAssassin required_score）
      # With the classifier off, rule points at which a post is hard-sell (SpamAssassin's required_score)
      required_score: 5.0

    # 发布频率上限 / posting caps
    # per_day 每天条数，hard_sell_per_day 每天硬广条数，min_gap 两条之间的最短间隔（如 90m、2h、1d），
    # quiet_hours 免打扰时段（可跨午夜）。写 off 表示不限。可为任意渠道名添加一节。
    # per_day posts a day, hard_sell_per_day hard-sell posts a day, min_gap shortest gap (90m, 2h, 1d),
    # quiet_hours no-posting window (may wrap midnight). `off` = no limit. Any channel may have a section.
    caps:
      moments:
        per_day: 3
        hard_sell_per_day: 1
        min_gap: 2h
        quiet_hours: "22:00-08:00"
      # 设置了 group（哪个群）的帖子按群分别统计 / counted per group when a post names its group
      group:
        per_day: 3
        hard_sell_per_day: 1
        min_gap: 1h
        quiet_hours: off
      # 任一时间窗口内硬广占比上限 / largest share of hard-sell posts in any window
      hard_sell_share:
        max: 0.3
        window: 7d
      # 与窗口内已发帖子的相似度达到此值即为重复 / similarity to an earlier post that counts as a duplicate
      duplicate:
        window: 30d
        similarity: 0.85

    # 人设：名称 → 人设文件（front matter 中 persona: example 引用）
    # Personas: name → persona file (referenced as `persona: example` in front matter)
    personas:
      example: personas/example.yml

    # 额外的分词词表，一行一个词，# 开头为注释 / extra segmentation word lists, one word a line
    lexicons: []
    # lexicons: [lexicons/my-brand.txt]

    # 永不标记的词（品牌名、产品名）/ words never flagged (brand and product names)
    vocabulary:
      accept: []
      # accept: [某某旗舰店]

    # 按规则 id 调整分值（SpamAssassin 风格）/ points per rule id, SpamAssassin style
    scores: {}
    # scores:
    #   hard-sell/price: 0.5

    # 按路径和/或渠道调整规则级别，后面的条目优先。
    # Rule levels for matching paths and/or channels; later entries win.
    overrides: []
    # overrides:
    #   - paths: ["posts/live/**"]
    #     channels: [group]
    #     rules:
    #       hard-sell/urgency: info

    # 自定义规则 / custom rules
    # id 必须含「/」；kind 为 existence（出现即报）、substitution（建议替换，需要 replacement）、
    # occurrence（次数超过 max 或少于 min）、repetition（连续重复）；tokens 与 regex（ICU 语法）二选一。
    # id must contain "/"; kind is existence, substitution (needs replacement), occurrence (max and/or min)
    # or repetition; give either tokens or regex (ICU syntax, time-limited).
    custom_rules: []
    # custom_rules:
    #   - id: brand/competitor
    #     kind: existence
    #     tokens: [某竞品]
    #     message: 不提竞品名
    #     level: warning
    #     points: 1.0
    #   - id: brand/name
    #     kind: substitution
    #     tokens: [某某店]
    #     replacement: 某某旗舰店
    #     message: 使用品牌全称
    #   - id: style/exclaim
    #     kind: occurrence
    #     regex: "[!！]"
    #     max: 3
    #     message: 感叹号不超过 3 个

    """

  /// The example persona file that `siyu init` writes to `personas/example.yml`.
  public static let examplePersonaTemplate = """
    # 人设文件 / persona file
    # 除 name 外都可省略 / every field but name is optional.

    # 显示名 / display name
    name: 小李
    # 人设的自称 / how the persona refers to itself
    self: [我, 小李]
    # 对读者的称呼 / how it addresses readers
    address: [姐妹们, 宝子们]
    # 从不使用的词 / words it never uses
    avoid: [家人们, 老铁, 亲]
    # 每条帖子最多的表情数 / most emoji in one post
    emoji_per_post: 4
    # `siyu persona learn example posts/` 生成的风格画像 / style profile written by `siyu persona learn`
    # profile: personas/example.profile.json

    """
}
