/// The built-in model, trained from `corpus/` by `scripts/train-default-model` and embedded at build time
/// (`models/default.siyumodel`, see the `EmbedModel` plugin).
public enum DefaultModel {
  /// How the built-in model is named in messages.
  public static let name = "<内置模型>"

  /// The embedded model file's bytes (empty when the package was built without the model file).
  public static var bytes: [UInt8] { Base64.decode(EmbeddedModel.base64) }

  /// The built-in model, decoded once.
  public static let shared: Result<Model, ModelError> = {
    let bytes = DefaultModel.bytes
    guard !bytes.isEmpty else {
      return .failure(
        ModelError(
          path: name, message: "程序构建时没有嵌入模型（models/default.siyumodel），请运行 scripts/train-default-model"))
    }
    return Result { () throws(ModelError) -> Model in try ModelFile.decode(bytes, path: name) }
  }()
}
