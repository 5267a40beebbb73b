import type { Document } from 'docx';
import { XmlComponent } from 'docx';
import type { PrecompiledDocxParts, RenderCache } from '../options.js';

/** A part as docx's compiler gives it: XML text, or bytes (media). */
export type CompiledPart = string | Uint8Array;
/** docx's compiler, reached at run time (not in its typings): the package's parts by path, unzipped. */
export type CompileParts = (file: Document) => Map<string, CompiledPart>;

/**
 * Parts whose XML depends only on the fonts (the page layout is fixed): the styles, the theme and
 * the numbering definitions, by the File getter docx's compiler reads each from. Together they are
 * ≈ 4 of the ≈ 20 ms a warm DOCX takes to compile (bench/README.md). The footnotes depend on the text.
 */
const FIXED: Readonly<Record<string, 'Styles' | 'Theme' | 'Numbering'>> = {
  'word/styles.xml': 'Styles',
  'word/theme/theme1.xml': 'Theme',
  'word/numbering.xml': 'Numbering',
};
/**
 * The page-number footers (`word/footer1.xml` …) depend on the fonts alone too: docx's compiler
 * formats each footer twice (once to find its images): ≈ 0.3 ms of a warm report (bench/README.md).
 * Their relationships are still written from the document's own footers.
 */
const FOOTER = /^word\/footer\d+\.xml$/;
/** A part whose XML depends on the fonts alone (a fixed part). */
export const isFixedPart = (name: string) => name in FIXED || FOOTER.test(name);

/** What one session keeps: the fixed parts by key, and whether the short way proved itself. */
interface Kept {
  readonly byKey: Map<string, ReadonlyMap<string, CompiledPart>>;
  /** The short way gave the same parts as the long one for this key; false: it did not, never use it. */
  readonly checked: Map<string, boolean>;
}
const KEPT = Symbol('docx fixed parts');

/**
 * Compiles `document`, reusing the fixed parts compiled before for the same `key` (the fonts).
 * `precompiled`: what `npm run build` compiled with this docx for the default fonts (a test proves
 * them equal to the parts every report compiles to); for its key, docx's compiler gets
 * placeholders for the styles, theme, numbering and footers, and those parts go in their place.
 * Otherwise a session's second and later reports do the same with the parts its first compiled:
 * the first time a key is reused, both ways run and must give the same parts; if they do not,
 * the session compiles every part from then on. Without a cache (a caller that keeps nothing),
 * and for fonts not precompiled, the long way.
 */
export function compileWithFixedParts(
  compile: CompileParts,
  document: Document,
  key: string,
  cache: RenderCache | undefined,
  precompiled?: PrecompiledDocxParts,
): Map<string, CompiledPart> {
  if (precompiled?.key === key) return withParts(compile(withPlaceholders(document)), Object.entries(precompiled.parts)) ?? compile(document);
  if (!cache) return compile(document);
  let kept = cache.get(KEPT) as Kept | undefined;
  if (!kept) cache.set(KEPT, (kept = { byKey: new Map(), checked: new Map() }));
  const fixed = kept.byKey.get(key);
  if (!fixed || kept.checked.get(key) === false) {
    const parts = compile(document);
    if (!fixed) kept.byKey.set(key, new Map([...parts].filter(([name]) => isFixedPart(name))));
    return parts;
  }
  const short = withParts(compile(withPlaceholders(document)), fixed);
  if (!short) return compile(document);
  if (!kept.checked.has(key)) {
    const long = compile(document);
    const same = long.size === short.size && [...long].every(([name, part]) => samePart(part, short.get(name)));
    kept.checked.set(key, same);
    if (!same) return long;
  }
  return short;
}

/**
 * `compiled` with the fixed parts in place of their placeholders (same names, same order), or
 * undefined if docx wrote no part by one of their names: the parts were made for another document.
 */
function withParts(compiled: Map<string, CompiledPart>, fixed: Iterable<readonly [string, CompiledPart]>): Map<string, CompiledPart> | undefined {
  for (const [name, part] of fixed) {
    if (!compiled.has(name)) return undefined;
    compiled.set(name, part);
  }
  return compiled;
}

/** An empty element: what docx's compiler formats in place of a fixed part. */
class Placeholder extends XmlComponent {}

/** The document as docx's compiler reads it, with empty stand-ins for the fixed parts. */
function withPlaceholders(document: Document): Document {
  const stubs: Record<string, unknown> = {
    Styles: new Placeholder('w:styles'),
    Theme: new Placeholder('a:theme'),
    // The compiler also reads the concrete numbering to fill in numbering references.
    Numbering: Object.assign(new Placeholder('w:numbering'), { ConcreteNumbering: document.Numbering.ConcreteNumbering }),
    // A footer's wrapper: its view (the XML, kept) and its relationships (written as before).
    Footers: document.Footers.map((footer) => ({ View: new Placeholder('w:ftr'), Relationships: footer.Relationships })),
  };
  return new Proxy(document, { get: (target, prop) => (typeof prop === 'string' && prop in stubs ? stubs[prop] : Reflect.get(target, prop, target)) });
}

function samePart(a: CompiledPart, b: CompiledPart | undefined): boolean {
  if (typeof a === 'string' || typeof b === 'string' || b === undefined) return a === b;
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}
