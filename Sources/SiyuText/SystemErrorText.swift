#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Operating-system errors (`errno`) in Chinese, for messages users read; an uncommon one falls back to
/// the C library's English text with its number.
public enum SystemErrorText {
  /// What was being done when the error happened: a permission error reads differently.
  public enum Operation: Sendable {
    case reading, writing
  }

  /// `code` as a short Chinese phrase (没有这个文件或目录, 没有写入权限, 设备上没有空间…).
  public static func describe(_ code: Int32, _ operation: Operation = .reading) -> String {
    switch code {
    case ENOENT: return "没有这个文件或目录"
    case EACCES: return operation == .reading ? "没有读取权限" : "没有写入权限"
    case EPERM: return "不允许这样操作"
    case EROFS: return "文件系统是只读的"
    case ENOSPC: return "设备上没有空间"
    case EDQUOT: return "超出磁盘配额"
    case EISDIR: return "是目录，不是文件"
    case ENOTDIR: return "路径中有一段不是目录"
    case ELOOP: return "符号链接循环"
    case EBADF: return "没有打开（描述符已关闭）"
    case EPIPE: return "管道已断开（读取的一端已关闭）"
    case EIO: return "输入/输出错误"
    case EFBIG: return "文件过大"
    case EEXIST: return "文件已存在"
    case ENAMETOOLONG: return "文件名太长"
    case EMFILE, ENFILE: return "打开的文件太多"
    case EXDEV: return "不能跨文件系统改名"
    case EBUSY: return "设备或资源正忙"
    default: return "\(String(cString: strerror(code)))（errno \(code)）"
    }
  }
}
