import type { ChapterSource, ReportSource } from '../model.js';
import { FigureTerms } from '../figures/find.js';
import { TemplateCache, templateTree } from '../template/render.js';
import { chapterOutline, type ChapterOutline } from './chapter-outline.js';
import { proseBlocks, type ProseBlock } from './prose.js';

/**
 * The parsed views of one report's sources that several rules read (a chapter's outline, its
 * prose blocks, the figures stated in the prose): made on first use and kept for the rest of the
 * run, owned by the run, never by a module.
 */
export class SourceViews {
  private readonly outlines = new Map<ChapterSource, ChapterOutline>();
  private readonly blocks = new Map<ChapterSource, ProseBlock[]>();
  private readonly memos = new Map<symbol, unknown>();
  private readonly expressions = new Map<ChapterSource, Map<number, hbs.AST.MustacheStatement>>();

  /** `templates`: the session's, where compiling finds the same chapters parsed; `figureTerms`: the session's catalog terms. */
  constructor(
    readonly source: Pick<ReportSource, 'chapters'>,
    private readonly templates = new TemplateCache(),
    readonly figureTerms = new FigureTerms(),
  ) {}

  /** The `{{…}}` of a chapter as the template parser read them, by file offset (none when the chapter is no valid template). */
  expression(chapter: ChapterSource, offset: number): hbs.AST.MustacheStatement | undefined {
    let found = this.expressions.get(chapter);
    if (!found) {
      found = new Map();
      const visit = (program: hbs.AST.Program | undefined) => {
        for (const node of program?.body ?? []) {
          if (node.type === 'MustacheStatement') found!.set(chapter.lines.offset(node.loc.start.line, node.loc.start.column + 1), node as hbs.AST.MustacheStatement);
          if (node.type === 'BlockStatement') {
            visit((node as hbs.AST.BlockStatement).program);
            visit((node as hbs.AST.BlockStatement).inverse);
          }
        }
      };
      visit(templateTree(chapter.body, this.templates));
      this.expressions.set(chapter, found);
    }
    return found.get(offset);
  }

  outline(chapter: ChapterSource): ChapterOutline {
    let found = this.outlines.get(chapter);
    if (!found) this.outlines.set(chapter, (found = chapterOutline(chapter)));
    return found;
  }

  prose(chapter: ChapterSource): ProseBlock[] {
    let found = this.blocks.get(chapter);
    if (!found) this.blocks.set(chapter, (found = proseBlocks(chapter)));
    return found;
  }

  /** A view of the whole report, made once per run (`key` names it). */
  memo<T>(key: symbol, make: () => T): T {
    if (!this.memos.has(key)) this.memos.set(key, make());
    return this.memos.get(key) as T;
  }

  /** Every match of `pattern` (global) in the prose of the report, with its file offset. */
  *proseMatches(pattern: RegExp): Generator<{ block: ProseBlock; match: RegExpExecArray; offset: number }> {
    for (const chapter of this.source.chapters) {
      for (const b of this.prose(chapter)) {
        pattern.lastIndex = 0;
        for (let m = pattern.exec(b.text); m; m = pattern.exec(b.text)) {
          yield { block: b, match: m, offset: b.start + m.index };
          if (m[0].length === 0) pattern.lastIndex++;
        }
      }
    }
  }
}
