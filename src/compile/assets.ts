import type { Root, Image } from 'mdast';
import { imageSize } from 'image-size';
import { loc, type Diagnostic, type Location } from '../diagnostics/diagnostic.js';
import { defineDiagnostic } from '../diagnostics/definition.js';
import type { FileFailure, SourceHost } from '../io/host.js';
import { assetKey, type Asset } from '../model.js';
import { readFailure, sizeText } from '../source/read.js';

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
    embedded: {
      message: loc('正文里直接写入的 data: 图片不能使用。', 'An image written into the text as a data: URI cannot be used.'),
      hint: loc('把图片保存为文件放进报告文件夹（如 images/），再用相对路径引用。', 'Save the image as a file in the report folder (e.g. images/) and link it by relative path.'),
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

/** What an image may be before it is embedded: checked on its header (and its size on disk) before anything uses it. */
export const IMAGE_LIMITS = {
  /** Bytes of one image file, checked before it is read: a phone photo is 3–8 MB. */
  maxBytes: 20_000_000,
  /** Pixels along either side, as the header states them: a panorama is 20,000 wide at most. */
  maxSide: 20_000,
  /** Width × height: 100 megapixels is beyond any camera a clerk has. */
  maxPixels: 100_000_000,
  /**
   * Places a report shows images, and the bytes they add up to, one image counted at each place:
   * each place embeds it again (a picture in the DOCX, a data: URI in the HTML). 2,000 places of
   * one 1 MB photo took 58 s and 7 GB before the process died; a report shows a few dozen.
   */
  maxPlaces: 1_000,
  maxEmbeddedBytes: 100_000_000,
};

/** The formats DOCX and every browser show, by image-size's type name. */
const MIME: Record<string, string> = { png: 'image/png', jpg: 'image/jpeg', gif: 'image/gif', bmp: 'image/bmp' };

export const imageUnreadable = defineDiagnostic(
  image('image-unreadable', ['图片格式无法识别或不能嵌入，或图片尺寸超出范围。', 'An image cannot be read or embedded, or its dimensions are out of range.'], ['DOCX 和 HTML 需要知道图片的格式和尺寸；SVG 在 Word 里显示不出来，文件头谎报的尺寸会让排版出错。', 'DOCX and HTML need the image format and size; Word cannot show an SVG, and a header that lies about its size breaks the layout.'], ['改用 PNG 或 JPEG。', 'Use PNG or JPEG.']),
  {
    format: {
      message: (d: { url: string }) => loc(`无法识别图片“${d.url}”的格式。`, `Cannot read image "${d.url}".`),
      hint: loc('请使用 PNG 或 JPEG 图片。', 'Use a PNG or JPEG image.'),
    },
    unsupported: {
      message: (d: { url: string; type: string }) => loc(`图片“${d.url}”是 ${d.type.toUpperCase()} 格式，不能嵌入 DOCX。`, `Image "${d.url}" is ${d.type.toUpperCase()}, which a DOCX cannot embed.`),
      hint: loc('用画图或照片查看器把它另存为 PNG 或 JPEG。', 'Save it as PNG or JPEG in an image viewer or editor.'),
    },
    svg: {
      message: (d: { url: string }) => loc(`图片“${d.url}”是 SVG 矢量图，Word 和多数网站后台显示不出来，不能嵌入。`, `Image "${d.url}" is an SVG drawing, which Word and most web back-ends cannot show; it cannot be embedded.`),
      hint: loc('把它导出为 PNG（分辨率 150 dpi 以上）后再引用。', 'Export it as PNG (150 dpi or more) and refer to that.'),
    },
    dimensions: {
      message: (d: { url: string; width: number; height: number }) =>
        loc(
          `图片“${d.url}”的文件头写着 ${d.width} × ${d.height} 像素，超出范围（每边 1–${IMAGE_LIMITS.maxSide} 像素，合计不超过 ${IMAGE_LIMITS.maxPixels / 1e8} 亿像素）。`,
          `Image "${d.url}" states ${d.width} × ${d.height} pixels in its header, out of range (1–${IMAGE_LIMITS.maxSide} pixels a side, ${IMAGE_LIMITS.maxPixels / 1e6} megapixels at most).`,
        ),
      hint: loc('图片可能已损坏；用看图软件打开后另存，或缩小后再用。', 'The image may be damaged; open it in an image viewer and save it again, or scale it down.'),
    },
  },
);

export const imageTooMany = defineDiagnostic(
  image('image-too-many', [`全文显示图片超过 ${IMAGE_LIMITS.maxPlaces} 处，或合计超过 ${sizeText(IMAGE_LIMITS.maxEmbeddedBytes)}（同一张图每显示一次算一次）。`, `A report shows images in more than ${IMAGE_LIMITS.maxPlaces} places, or more than ${sizeText(IMAGE_LIMITS.maxEmbeddedBytes)} of them (an image counts at each place it is shown).`], ['每显示一次，DOCX 和网页就各嵌入一份：成千上万次会耗尽内存，生成不出来。', 'Each place embeds the image again in the DOCX and the web page: thousands of them exhaust memory and nothing is built.'], ['删去重复的图片，照片压缩后再用，或放进附件。', 'Remove repeated images, compress photos, or move them to an attachment.']),
  {
    tooMany: {
      message: (d: { places: number; bytes: number }) =>
        loc(
          `到这里全文已显示图片 ${d.places} 处、合计 ${sizeText(d.bytes)}，超过上限（${IMAGE_LIMITS.maxPlaces} 处、${sizeText(IMAGE_LIMITS.maxEmbeddedBytes)}）：同一张图每显示一次，DOCX 和网页就各嵌入一份。`,
          `Up to here the report shows images in ${d.places} places, ${sizeText(d.bytes)} in all, over the limit (${IMAGE_LIMITS.maxPlaces} places, ${sizeText(IMAGE_LIMITS.maxEmbeddedBytes)}): each place embeds the image again in the DOCX and the web page.`,
        ),
      hint: 'fix',
    },
  },
);

/**
 * The first place where the report's images pass maxPlaces or maxEmbeddedBytes, counted before
 * anything is rendered; undefined when they stay within both.
 */
export function imagePlacesOverBudget(chapters: readonly { file: string; body: Root }[], assets: ReadonlyMap<string, Asset>): Diagnostic | undefined {
  let places = 0;
  let bytes = 0;
  for (const { file, body } of chapters) {
    const stack: { type: string; children?: unknown[] }[] = [body];
    while (stack.length > 0) {
      const node = stack.pop()!;
      if (node.type === 'image') {
        const asset = assets.get(assetKey((node as Image).url));
        if (!asset) continue;
        places++;
        bytes += asset.bytes.length;
        if (places > IMAGE_LIMITS.maxPlaces || bytes > IMAGE_LIMITS.maxEmbeddedBytes) {
          const at = (node as Image).position?.start;
          return imageTooMany.at({ file, line: at?.line ?? 1, column: at?.column ?? 1 }, 'tooMany', { places, bytes });
        }
      }
      const children = (node.children ?? []) as { type: string; children?: unknown[] }[];
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
    }
  }
  return undefined;
}

/** Images referenced by a chapter, read from the report folder (never from outside it or the network). */
export async function collectAssets(root: Root, file: string, host: SourceHost, assets: Map<string, Asset>): Promise<Diagnostic[]> {
  const diagnostics: Diagnostic[] = [];
  const images: Image[] = [];
  const walk = (node: { type: string; children?: unknown[] }) => {
    if (node.type === 'image') images.push(node as Image);
    for (const child of node.children ?? []) walk(child as { type: string; children?: unknown[] });
  };
  walk(root);
  // Each place that names an image gets its diagnostic; each image is read once.
  const failed = new Map<string, (at: Location) => Diagnostic>();
  for (const node of images) {
    const at = { file, line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1 };
    const url = assetKey(node.url);
    if (assets.has(url)) continue;
    let failure = failed.get(url);
    if (!failure) {
      const found = await findImage(host, url, node.url);
      if ('bytes' in found) {
        assets.set(url, found);
        continue;
      }
      failed.set(url, (failure = found));
    }
    diagnostics.push(failure(at));
  }
  return diagnostics;
}

/** The image a chapter names, or the diagnostic for each place that names it. */
async function findImage(host: SourceHost, url: string, written: string): Promise<Asset | ((at: Location) => Diagnostic)> {
  if (/^data:/i.test(url)) return (at) => imageRemote.at(at, 'embedded');
  if (/^[a-z][a-z0-9+.-]*:/i.test(url)) return (at) => imageRemote.at(at, 'remote', { url });
  const read = await readImage(host, url, written);
  switch (read.status) {
    case 'ok':
      return checkImage(read.value, url);
    case 'missing':
      return (at) => imageMissing.at(at, 'missing', { url });
    case 'denied':
      if (read.reason === 'outside') return (at) => imageOutside.at(at, 'outside', { url });
  }
  return (at) => readFailure(url, read as FileFailure, at)!;
}

/** The image at its decoded path, or else as written (a file may be named with a literal %). */
async function readImage(host: SourceHost, decoded: string, written: string) {
  const rel = (p: string) => p.replace(/^\.\//, '');
  const read = await host.readBytes(rel(decoded), IMAGE_LIMITS.maxBytes);
  if (read.status !== 'missing' || decoded === written) return read;
  return host.readBytes(rel(written), IMAGE_LIMITS.maxBytes);
}

/** An image DOCX and HTML can embed, by what its header says (never by its file name), within IMAGE_LIMITS. */
function checkImage(bytes: Uint8Array, url: string): Asset | ((at: Location) => Diagnostic) {
  let size: { width?: number; height?: number; type?: string };
  try {
    size = imageSize(bytes);
  } catch {
    return (at) => imageUnreadable.at(at, 'format', { url });
  }
  const type = size.type ?? '';
  if (type === 'svg') return (at) => imageUnreadable.at(at, 'svg', { url });
  const mime = MIME[type];
  if (!mime) return (at) => imageUnreadable.at(at, 'unsupported', { url, type });
  const { width = 0, height = 0 } = size;
  const within = (n: number) => Number.isInteger(n) && n >= 1 && n <= IMAGE_LIMITS.maxSide;
  if (!within(width) || !within(height) || width * height > IMAGE_LIMITS.maxPixels) {
    return (at) => imageUnreadable.at(at, 'dimensions', { url, width, height });
  }
  return { bytes, mime, width, height };
}
