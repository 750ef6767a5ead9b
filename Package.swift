// swift-tools-version: 6.0
import PackageDescription

let package = Package(
  name: "siyu",
  products: [
    .executable(name: "siyu", targets: ["siyu"])
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
  ],
  targets: [
    // The only code that includes ICU's headers; its public header uses stdint types and opaque handles.
    .target(
      name: "CICU",
      linkerSettings: [
        .linkedLibrary("icui18n"),
        .linkedLibrary("icuuc"),
        .linkedLibrary("icudata"),
      ]
    ),
    // Embeds every file under lexicons/ into SiyuText as one string literal (scripts/embed-lexicons.sh).
    .plugin(name: "EmbedLexicons", capability: .buildTool()),
    .target(
      name: "SiyuText",
      dependencies: ["CICU"],
      swiftSettings: [
        // The hot loops work on buffers owned by one segmenter; dynamic exclusivity checks cost ~15% there.
        .unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))
      ],
      plugins: ["EmbedLexicons"]
    ),
    .target(
      name: "SiyuCore",
      dependencies: ["SiyuText", .product(name: "Yams", package: "Yams")],
      swiftSettings: [.unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))]
    ),
    // Embeds models/default.siyumodel into SiyuClassifier as a string literal (scripts/embed-model.sh).
    .plugin(name: "EmbedModel", capability: .buildTool()),
    .target(
      name: "SiyuClassifier",
      dependencies: ["SiyuCore", "SiyuText", "CICU"],
      swiftSettings: [.unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))],
      plugins: ["EmbedModel"]
    ),
    .target(
      name: "SiyuRules",
      dependencies: ["SiyuCore", "SiyuText", "SiyuClassifier"],
      swiftSettings: [.unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))]
    ),
    .executableTarget(
      name: "siyu",
      dependencies: [
        "SiyuText",
        "SiyuCore",
        "SiyuRules",
        "SiyuClassifier",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      swiftSettings: [.unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))]
    ),
    .testTarget(name: "SiyuTextTests", dependencies: ["SiyuText", "CICU", "SiyuClassifier"]),
    .testTarget(name: "SiyuCoreTests", dependencies: ["SiyuCore", "SiyuRules", "SiyuText"]),
    .testTarget(name: "SiyuClassifierTests", dependencies: ["SiyuClassifier", "SiyuCore", "SiyuText"]),
    .testTarget(name: "EndToEndTests", dependencies: ["siyu"]),
  ],
  swiftLanguageModes: [.v6]
)
