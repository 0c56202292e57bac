import type { DocumentLayout, Line } from './document-layout.ts';
import { buildView, cleanSource, type TextView } from './text-normaliser.ts';

export interface TitleFinding {
  readonly text: string;
  readonly start: number;
  readonly end: number;
  readonly view: TextView;
}

const CONTENT_KINDS = new Set(['heading', 'body']);
const LIST_LABEL = /^(\(?[一二三四五六七八九十\d]{1,3}[)、.]|第[一二三四五六七八九十]+[条,、]|[①-⑳])/;
const MAX_TITLE = 100;
const ORIGINAL_TITLE = /^原标题\s*[:：]\s*/;
const SIGNATORIES_LINE = /^(?:\S{2,20}?(?:人民政府|政府)\s*){2,}$/;
// Headlines say something: four characters (报料微博, 字号) are page furniture.
const MIN_TITLE = 6;

function isHeadline(line: Line | undefined): line is Line {
  return line !== undefined && line.kind === 'heading' && line.text.length >= MIN_TITLE && !LIST_LABEL.test(line.text);
}

// A site column's tag before the headline: 【唱好“双城记” 建好“经济圈”】万达开深化交流合作….
const COLUMN_TAG = /^【[^】]{1,24}】\s*/;

function toFinding(layout: DocumentLayout, line: Line): TitleFinding {
  const tag = COLUMN_TAG.exec(line.text);
  const start = tag && line.text.length - tag[0].length >= MIN_TITLE ? line.start + tag[0].length : line.start;
  return { text: cleanSource(layout.original.slice(start, line.end)), start, end: line.end, view: buildView(layout.original, start, line.end) };
}

/**
 * The headline, not site chrome: the first line of content when it reads as
 * a headline (no full stop); otherwise — when the page opens with body text,
 * as reposts do — the first headline that has its subtitle under it (主题 +
 * 副题), or a headline the page repeats (as the caption of its photo). Null
 * when the text has none of these.
 */
export function extractTitle(layout: DocumentLayout): TitleFinding | null {
  const all = layout.lines.filter((l) => CONTENT_KINDS.has(l.kind));
  // An agreement's own text may open with its signatories (甲市人民政府 乙市人民政府) above its name.
  const content = all[0] && SIGNATORIES_LINE.test(all[0].text) && all[1]?.kind === 'heading' ? all.slice(1) : all;
  const first = content.find((l) => l.text.length >= MIN_TITLE);
  if (first && !first.text.includes('。') && first.text.length <= MAX_TITLE && !LIST_LABEL.test(first.text)) return toFinding(layout, first);
  for (let k = 0; k + 1 < content.length; k++) {
    const line = content[k];
    if (isHeadline(line) && isHeadline(content[k + 1])) return toFinding(layout, line);
  }
  const seen = new Set<string>();
  for (const line of content) {
    if (!isHeadline(line)) continue;
    if (seen.has(line.text)) return toFinding(layout, content.find((l) => l.text === line.text) ?? line);
    seen.add(line.text);
  }
  return originalHeadline(layout);
}

/** A repost that keeps only "原标题：…" above its text: the headline it gives. */
function originalHeadline(layout: DocumentLayout): TitleFinding | null {
  for (const line of layout.lines) {
    const m = ORIGINAL_TITLE.exec(line.text);
    if (!m || line.text.length - m[0].length < MIN_TITLE) continue;
    const start = line.start + m[0].length;
    return { text: cleanSource(layout.original.slice(start, line.end)), start, end: line.end, view: buildView(layout.original, start, line.end) };
  }
  return null;
}
