import type { Localized } from '../diagnostics/diagnostic.js';

/**
 * What a file-system error code means, in words a clerk can act on: the one list, for failed
 * reads (source/read.ts) and failed writes (cli/errors.ts). A message names the code only when
 * it is not here.
 */
const WORDS: Record<string, Localized> = {
  ENOSPC: { zh: '磁盘空间不足', en: 'no space left on the disk' },
  EDQUOT: { zh: '超出磁盘配额', en: 'disk quota exceeded' },
  EACCES: { zh: '没有权限', en: 'permission denied' },
  EPERM: { zh: '操作不被允许', en: 'operation not permitted' },
  EROFS: { zh: '文件系统是只读的', en: 'read-only file system' },
  EISDIR: { zh: '目标是一个文件夹', en: 'the target is a folder' },
  ENOTDIR: { zh: '路径中有一段不是文件夹', en: 'a part of the path is not a folder' },
  EEXIST: { zh: '路径中有一段已经是文件，不能当作文件夹', en: 'a part of the path is a file, not a folder' },
  EMFILE: { zh: '同时打开的文件太多', en: 'too many open files' },
  ENFILE: { zh: '系统打开的文件太多', en: 'too many open files in the system' },
  ELOOP: { zh: '符号链接指向自己（链接循环）', en: 'symbolic links point at each other in a loop' },
  ENAMETOOLONG: { zh: '文件名或路径太长', en: 'the file name or path is too long' },
  EIO: { zh: '磁盘读写出错', en: 'an input/output error on the disk' },
  EBUSY: { zh: '文件正被占用', en: 'the file is busy' },
  ETXTBSY: { zh: '文件正被占用', en: 'the file is busy' },
  EXDEV: { zh: '不能跨磁盘改名', en: 'cannot rename across disks' },
  ENXIO: { zh: '设备不存在', en: 'no such device' },
  // Reads say a missing file their own way; a write meets this where no folder can be made (/proc, a removed drive).
  ENOENT: { zh: '这里不存在，也不能新建文件夹', en: 'it does not exist, and no folder can be made there' },
  EINVAL: { zh: '文件名不被系统接受', en: 'the name is not accepted by the system' },
};

/** The words for `code`, or the code itself when there are none. */
export function errnoWords(code: string): Localized {
  return WORDS[code] ?? { zh: code, en: code };
}
