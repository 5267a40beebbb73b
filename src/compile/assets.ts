import type { Root, Image } from 'mdast';
import { imageSize } from 'image-size';
import { loc, type Diagnostic } from '../diagnostics/diagnostic.js';
import { defineDiagnostic } from '../diagnostics/definition.js';
import type { SourceHost } from '../io/host.js';
import type { Asset } from '../model.js';
import { readFailure } from '../source/read.js';

const MIME: Record<string, string> = { png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', gif: 'image/gif', bmp: 'image/bmp' };

const image = (id: string, description: [string, string], why: [string, string], fix: [string, string]) => ({
  id,
  category: 'image',
  severity: 'error' as const,
  fixedSeverity: true,
  description: loc(...description),
  why: loc(...why),
  fix: loc(...fix),
});

export const imageMissing = defineDiagnostic(
  image('image-missing', ['正文引用的图片不存在。', 'An image the text refers to does not exist.'], ['缺图的公文不能发出。', 'A document with a missing image cannot go out.'], ['把图片放进报告文件夹（如 images/），路径相对于报告文件夹。', 'Put the image in the report folder (e.g. images/); paths are relative to the report folder.']),
  {
    missing: {
      message: (d: { url: string }) => loc(`找不到图片“${d.url}”。`, `Image "${d.url}" not found.`),
      hint: loc('路径相对于报告文件夹，例如 images/照片.png。', 'Paths are relative to the report folder, e.g. images/photo.png.'),
    },
  },
);

export const imageRemote = defineDiagnostic(
  image('image-remote', ['正文引用了网络上的图片。', 'The text refers to an image on the network.'], ['输出必须自包含、可重现，编译时不访问网络。', 'Outputs must be self-contained and reproducible; compiling never goes online.'], ['把图片下载到报告文件夹，再用相对路径引用。', 'Save the image in the report folder and link it by relative path.']),
  {
    remote: {
      message: (d: { url: string }) => loc(`图片“${d.url}”不在报告文件夹里；输出不会去网上取图。`, `Image "${d.url}" is not in the report folder; outputs never fetch from the network.`),
      hint: loc('把图片下载到报告文件夹（如 images/），再用相对路径引用。', 'Save the image into the report folder (e.g. images/) and link it by relative path.'),
    },
  },
);

export const imageOutside = defineDiagnostic(
  image('image-outside', ['图片路径指向报告文件夹之外。', 'An image path leaves the report folder.'], ['报告只能用自己文件夹里的材料，审阅者才看得到全部来源。', 'A report uses only material in its folder, so reviewers see every source.'], ['把图片复制到报告文件夹内。', 'Copy the image into the report folder.']),
  {
    outside: {
      message: (d: { url: string }) => loc(`图片路径“${d.url}”指向报告文件夹之外。`, `Image path "${d.url}" points outside the report folder.`),
      hint: loc('把图片复制到报告文件夹内，用相对路径引用。', 'Copy the image into the report folder and use a relative path.'),
    },
  },
);

export const imageUnreadable = defineDiagnostic(
  image('image-unreadable', ['无法识别图片格式。', 'An image cannot be read.'], ['DOCX 和 HTML 需要知道图片的格式和尺寸。', 'DOCX and HTML need the image format and size.'], ['改用 PNG 或 JPEG。', 'Use PNG or JPEG.']),
  {
    format: {
      message: (d: { url: string }) => loc(`无法识别图片“${d.url}”的格式。`, `Cannot read image "${d.url}".`),
      hint: loc('请使用 PNG 或 JPEG 图片。', 'Use a PNG or JPEG image.'),
    },
  },
);

/** Images referenced by a chapter, read from the report folder (never from outside it or the network). */
export async function collectAssets(root: Root, file: string, host: SourceHost, assets: Map<string, Asset>): Promise<Diagnostic[]> {
  const diagnostics: Diagnostic[] = [];
  const images: Image[] = [];
  const walk = (node: { type: string; children?: unknown[] }) => {
    if (node.type === 'image') images.push(node as Image);
    for (const child of node.children ?? []) walk(child as { type: string; children?: unknown[] });
  };
  walk(root);
  for (const node of images) {
    const at = { file, line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1 };
    const url = decodeURI(node.url);
    if (assets.has(url)) continue;
    if (/^[a-z][a-z0-9+.-]*:/i.test(url)) {
      diagnostics.push(imageRemote.at(at, 'remote', { url }));
      continue;
    }
    const rel = url.replace(/^\.\//, '');
    const read = await host.readBytes(rel);
    if (read.status !== 'ok') {
      if (read.status === 'missing') diagnostics.push(imageMissing.at(at, 'missing', { url }));
      else if (read.status === 'denied' && read.reason === 'outside') diagnostics.push(imageOutside.at(at, 'outside', { url }));
      else diagnostics.push(readFailure(rel, read, at)!);
      continue;
    }
    const bytes = read.value;
    const ext = rel.toLowerCase().split('.').pop() ?? '';
    let size: { width?: number; height?: number } = {};
    try {
      size = imageSize(bytes);
    } catch {
      diagnostics.push(imageUnreadable.at(at, 'format', { url }));
      continue;
    }
    assets.set(url, { bytes, mime: MIME[ext] ?? 'application/octet-stream', width: size.width, height: size.height });
  }
  return diagnostics;
}
