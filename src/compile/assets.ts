import type { Root, Image } from 'mdast';
import { imageSize } from 'image-size';
import { diag, loc, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { SourceHost } from '../io/host.js';
import { OutsideRootError } from '../io/node-host.js';
import type { Asset } from '../model.js';

const MIME: Record<string, string> = { png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', gif: 'image/gif', bmp: 'image/bmp' };

/** Images referenced by a chapter, read from the report folder (never from outside it or the network). */
export async function collectAssets(
  root: Root,
  file: string,
  host: SourceHost,
  assets: Map<string, Asset>,
): Promise<Diagnostic[]> {
  const diagnostics: Diagnostic[] = [];
  const images: Image[] = [];
  const walk = (node: { type: string; children?: unknown[] }) => {
    if (node.type === 'image') images.push(node as Image);
    for (const child of node.children ?? []) walk(child as { type: string; children?: unknown[] });
  };
  walk(root);
  for (const image of images) {
    const at = { file, line: image.position?.start.line ?? 1, column: image.position?.start.column ?? 1 };
    const url = decodeURI(image.url);
    if (assets.has(url)) continue;
    if (/^[a-z][a-z0-9+.-]*:/i.test(url)) {
      diagnostics.push(diag('image-remote', 'error', at, loc(
        `图片“${url}”不在报告文件夹里；输出不会去网上取图。`,
        `Image "${url}" is not in the report folder; outputs never fetch from the network.`,
      ), { hint: loc('把图片下载到报告文件夹（如 images/），再用相对路径引用。', 'Save the image into the report folder (e.g. images/) and link it by relative path.') }));
      continue;
    }
    const rel = url.replace(/^\.\//, '');
    let bytes: Uint8Array | undefined;
    try {
      bytes = await host.readBytes(rel);
    } catch (error) {
      if (!(error instanceof OutsideRootError)) throw error;
      diagnostics.push(diag('image-outside', 'error', at, loc(
        `图片路径“${url}”指向报告文件夹之外。`, `Image path "${url}" points outside the report folder.`,
      ), { hint: loc('把图片复制到报告文件夹内，用相对路径引用。', 'Copy the image into the report folder and use a relative path.') }));
      continue;
    }
    if (!bytes) {
      diagnostics.push(diag('image-missing', 'error', at, loc(`找不到图片“${url}”。`, `Image "${url}" not found.`), {
        hint: loc('路径相对于报告文件夹，例如 images/照片.png。', 'Paths are relative to the report folder, e.g. images/photo.png.'),
      }));
      continue;
    }
    const ext = rel.toLowerCase().split('.').pop() ?? '';
    let size: { width?: number; height?: number } = {};
    try {
      size = imageSize(bytes);
    } catch {
      diagnostics.push(diag('image-unreadable', 'error', at, loc(`无法识别图片“${url}”的格式。`, `Cannot read image "${url}".`), {
        hint: loc('请使用 PNG 或 JPEG 图片。', 'Use a PNG or JPEG image.'),
      }));
      continue;
    }
    assets.set(url, { bytes, mime: MIME[ext] ?? 'application/octet-stream', width: size.width, height: size.height });
  }
  return diagnostics;
}
