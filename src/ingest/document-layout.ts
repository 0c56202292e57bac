import { buildView, normaliseText, type TextView } from './text-normaliser.ts';

/**
 * What a physical line of a pasted news page is. Only headings and body
 * text are read for content; the rest is page furniture.
 */
type LineKind = 'blank' | 'chrome' | 'caption' | 'byline' | 'dateline' | 'heading' | 'body';

export interface Line {
  /** Offsets of the trimmed content (after any markdown #) in the original text. */
  readonly start: number;
  readonly end: number;
  /** Normalised content, the same length as end - start. */
  readonly text: string;
  readonly kind: LineKind;
  /** True when the line was a markdown heading (#, ##, …). */
  readonly markdown: boolean;
}

/** A paragraph: one heading line, or body lines joined where layout broke a sentence. */
export interface Block {
  readonly start: number;
  readonly end: number;
  readonly kind: 'heading' | 'body';
  readonly view: TextView;
  readonly firstLine: number;
  readonly lastLine: number;
  readonly markdown: boolean;
  /** Index of the article the block belongs to. */
  readonly segment: number;
}

/** One article of a page that may carry several (newspaper pages do). */
interface ArticleSegment {
  readonly start: number;
  readonly end: number;
  /** Whether the article is about cooperation at all; others are not read for content. */
  readonly relevant: boolean;
}

export interface DocumentLayout {
  readonly original: string;
  readonly lines: readonly Line[];
  readonly blocks: readonly Block[];
  readonly segments: readonly ArticleSegment[];
}

const MAX_HEADING_LENGTH = 60;

const EDITOR_LINE = /^(责任编辑|编辑|主编|副主编|美编|审读|审核|审校|校对|排版|来源|稿源|作者|值班编辑|监制|制作|策划|统筹|出品|视觉)\s*[:：\s]/;
const PAGE_TOOL =
  /(分享到|扫一扫|扫码|打印本页|打印此页|关闭窗口|返回顶部|返回首页|上一篇|下一篇|字号[:：]|字体[:：]|【字体|点击量|浏览次数|阅读次数|阅读量[:：]|ICP备|版权所有|Copyright|网站地图|联系我们|站群|无障碍版|无障碍浏览|繁體|繁体版|手机版|访问电脑版|登录后|我要点评|(首页|主页|当前位置|您的位置)\s*[>›»:：]|[>›»].*[>›»])/i;
const CHANNEL_LINE = /^(欢迎(来到|访问|光临)|客户端|更多内容请关注|更多精彩|欢迎关注|点击|长按|关注我们|本文来源|原标题|报料|本篇文章|本文共|阅读本文|全文约)|读完约|阅读需要|字号$/;
const MASTHEAD = /(日报|晚报|早报|晨报|商报|时报|新闻网|客户端|频道|公众号|网站)/;
const BUTTON_WORDS = /^(微信|微博|QQ|QQ空间|分享|打印|关闭|收藏|评论|点赞|转发|大|中|小|【大】|【中】|【小】|返回|顶部|更多|字号|A\+|A-)$/;
// A menu: several short words side by side (首页 新闻 视频 图片 专题).
const MENU = /^(?:[^\s，。,.;；:：]{1,5}[\s|｜»>]+){3,}[^\s，。,.;；:：]{1,5}$/;
// A site's top bar or link row: four or more short entries between bars (合肥市人民政府 | 无障碍 | 长者模式 | English),
// or three with a site's words; a headline may have three parts (深度｜青深合作｜16个领域先行先试).
const BAR_MENU = /^[^|｜。，,;；]{1,14}(\s*[|｜]\s*[^|｜。，,;；]{1,14}){3,}$/;
const BAR_MENU_SHORT = /^[^|｜。，,;；]{1,14}(\s*[|｜]\s*[^|｜。，,;；]{1,14}){2}$/;
const SITE_WORDS = /无障碍|English|登录|注册|长者|关怀|繁体|简体|手机版|移动版|网站|政府网|人民政府$/;
// Headers after which a page shows other stories, not this one; the list may follow on the same line.
const TRAILER =
  /^(相关阅读|新闻推荐|相关新闻|推荐阅读|延伸阅读|热点推荐|猜你喜欢|相关链接|热门推荐|相关文章|往期回顾|精彩推荐|热门文章|更多阅读|为你推荐|相关稿件)\s*([:：].*)?$/;
// A news lead opens with when it happened and a comma (6月17日，… / 近日，…); a headline never does.
const LEAD_OPENING = /^((\d{4}年)?\d{1,2}月\d{1,2}日|近日|日前|近期|今天|今日|昨天|昨日)[上中下午晚]{0,2}[，,]/;
// 《 or （ left open: the line was cut inside a name or an aside, so it is running text.
const OPEN_BRACKET = /《[^》]*$|[（(][^）)]*$/;
const CAPTION_MARK = /^[■▲△▼◆◇●○★☆►▶]/;
// A bullet of a site menu: "• 手机版".
const MENU_BULLET = /^[•·●]\s?\S{1,8}$/;
const CAPTION_WORDS = /^(图|图为|图片|上图|下图|左图|右图|题图)\s*[:：为]|(摄|供图|资料图片?|图片来源[^。]{0,30})\s*[)）]?$/;
const BYLINE_START = /^(□|文\s*[/／|]|图\s*[/／|]|文\/图|图\/文|记者|本报记者|特约记者|通讯员|作者|撰文|采写)/;
const FULL_DATE = /(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})/;
const CJK = /[\u3400-\u9fff]/;
const TERMINAL = /[。！？!?…；;:]$/;
const COOPERATION_WORDS = /合作|协作|协同|协议|签约|签署|签订|对口|结对|联席|一体化|共建|携手|联动|双城|援建/g;
const BREADCRUMB = /^(当前位置|您的位置|您现在的位置|你的位置|所在位置)\s*[:：]|^(首页|主页)\s*[>›»]/;
const ARTICLE_LEAD = /^(本报\S{0,8}讯|(新华社|中新社|人民网|新华网|央视网)\S{0,12}(电|讯))/;

function withoutTrailingQuotes(text: string): string {
  return text.replace(/[”’"')）」』》\]]+$/, '');
}

// An e-paper masthead: 《人民日报》（2023年07月05日 第10版）, 第03版：要闻.
const PAGE_MASTHEAD = /第\s*[0-9一二三四五六七八九十]{1,3}\s*版/;
// A breadcrumb with one step: 手机人民网 江苏>经济.
const ONE_STEP_CRUMB = /^[^，。,;；]{1,12}\s*[>›»]\s*[^，。,;；>›»]{1,8}$/;

function classify(text: string): LineKind {
  if (text.length === 0) return 'blank';
  if (text.length <= 40 && PAGE_MASTHEAD.test(text) && !text.includes('。')) return FULL_DATE.test(text) ? 'dateline' : 'chrome';
  if (ONE_STEP_CRUMB.test(text)) return 'chrome';
  // Images and links pasted as markdown or bare addresses.
  if (/^!\[|^\[[^\]]*\]\(|^https?:\/\//i.test(text)) return 'chrome';
  const short = text.length <= 80;
  if (text.length <= 60 && !text.includes('。')) {
    const date = FULL_DATE.exec(text);
    if (date) {
      const rest = text.replace(date[0], '').replace(/\d{1,2}:\d{2}(:\d{2})?|日/g, '').trim();
      if (rest.length <= 12 || /来源|发布|时间|日期/.test(rest)) return 'dateline';
    }
  }
  if (short && (EDITOR_LINE.test(text) || PAGE_TOOL.test(text) || CHANNEL_LINE.test(text) || BUTTON_WORDS.test(text) || MENU.test(text) || MENU_BULLET.test(text) || BAR_MENU.test(text) || (BAR_MENU_SHORT.test(text) && SITE_WORDS.test(text)))) return 'chrome';
  if (text.length <= 14 && MASTHEAD.test(text)) return 'chrome';
  if (!CJK.test(text)) return FULL_DATE.test(text) ? 'dateline' : 'chrome';
  // 记者：…？ in an interview is a question, not a byline.
  if (text.length <= 50 && !/[。，,?？]/.test(text) && (BYLINE_START.test(text) || /(记者|通讯员|报道)/.test(text))) return 'byline';
  // Photo news: a short paragraph that ends by describing its picture (…。图为开幕式现场。).
  if (CAPTION_MARK.test(text) || (text.length <= 80 && CAPTION_WORDS.test(text)) || (text.length <= 400 && /[。，,]图为[^。]*。?$/.test(text))) return 'caption';
  if (
    text.length <= MAX_HEADING_LENGTH &&
    !text.includes('。') &&
    !TERMINAL.test(withoutTrailingQuotes(text)) &&
    !/[，,、]$/.test(text) &&
    !LEAD_OPENING.test(text) &&
    !OPEN_BRACKET.test(text)
  ) {
    return 'heading';
  }
  return 'body';
}

function splitLines(original: string): Line[] {
  const lines: Line[] = [];
  const normal = normaliseText(original);
  const pattern = /[^\n\r\u2028\u2029]*(\r\n|[\n\r\u2028\u2029]|$)/g;
  let terminated = false;
  let sawBody = false;
  for (let match = pattern.exec(original); match && match[0].length > 0; match = pattern.exec(original)) {
    const rawStart = match.index;
    const rawEnd = match.index + match[0].length - (match[1]?.length ?? 0);
    let start = rawStart;
    let end = rawEnd;
    while (start < end && /[\s\u3000\u00a0\ufeff\u200b]/.test(original.charAt(start))) start++;
    while (end > start && /[\s\u3000\u00a0\ufeff\u200b]/.test(original.charAt(end - 1))) end--;
    let markdown = false;
    const hashes = /^#{1,6}[ \t]+/.exec(original.slice(start, Math.min(end, start + 8)));
    if (hashes) {
      markdown = true;
      start += hashes[0].length;
    }
    const text = normal.slice(start, end);
    let kind = classify(text);
    if (markdown && kind !== 'blank' && kind !== 'chrome') kind = 'heading';
    else if (kind === 'heading' && sawBody) {
      // Below the headline, a line with commas is a sentence cut by layout, unless it is short.
      const commas = text.match(/[，,]/g)?.length ?? 0;
      if (commas >= 2 || (commas === 1 && text.length > 30)) kind = 'body';
    }
    if (terminated) kind = kind === 'blank' ? 'blank' : 'chrome';
    else if (sawBody && TRAILER.test(text)) {
      terminated = true;
      kind = 'chrome';
    }
    if (kind === 'body') sawBody = true;
    lines.push({ start, end, text, kind, markdown });
  }
  // Above the line that says where the reader is (当前位置：首页 > …) stands the site's banner and slogan.
  const crumb = lines.findIndex((l, k) => k < 12 && BREADCRUMB.test(l.text));
  if (crumb > 0 && lines.slice(crumb + 1).some((l) => l.kind === 'heading' || l.kind === 'body')) {
    for (let k = 0; k < crumb; k++) {
      const line = lines[k];
      if (line && (line.kind === 'heading' || line.kind === 'body')) lines[k] = { ...line, kind: 'chrome' };
    }
  }
  return lines;
}

/**
 * A body line that stops mid-sentence continues on the next body line; so
 * does a heading-like line already joined to one (joined is true).
 */
function continues(previous: Line, next: Line, joined: boolean): boolean {
  if ((previous.kind !== 'body' && !joined) || (next.kind !== 'body' && next.kind !== 'heading')) return false;
  return !TERMINAL.test(withoutTrailingQuotes(previous.text)) && !/[”"]$/.test(previous.text);
}

function buildBlocks(original: string, lines: readonly Line[]): Array<Omit<Block, 'segment'>> {
  const blocks: Array<Omit<Block, 'segment'>> = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    if (!line || (line.kind !== 'heading' && line.kind !== 'body')) {
      i++;
      continue;
    }
    let last = i;
    if (line.kind === 'body') {
      let j = i + 1;
      for (;;) {
        while (lines[j]?.kind === 'blank') j++;
        const prev = lines[last];
        const next = lines[j];
        if (!prev || !next || !continues(prev, next, last > i)) break;
        last = j;
        j++;
      }
    }
    const lastLine = lines[last] ?? line;
    blocks.push({
      start: line.start,
      end: lastLine.end,
      kind: last === i ? line.kind : 'body',
      view: buildView(original, line.start, lastLine.end),
      firstLine: i,
      lastLine: last,
      markdown: line.markdown,
    });
    i = last + 1;
  }
  return blocks;
}

/**
 * Article boundaries: a byline (□记者…, 文/…) or a news lead (本报青岛讯,
 * 新华社…电) starts an article, together with the headline lines just above it.
 */
function findSegments(lines: readonly Line[], blocks: ReadonlyArray<Omit<Block, 'segment'>>, length: number): ArticleSegment[] {
  const startLines: number[] = [];
  let previousTrigger = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (!line || !(line.kind === 'byline' || ((line.kind === 'body' || line.kind === 'heading') && ARTICLE_LEAD.test(line.text)))) continue;
    let start = i;
    let headings = 0;
    for (let k = i - 1; k >= 0 && headings < 4; k--) {
      const kind = lines[k]?.kind;
      if (kind === 'blank' || kind === 'caption' || kind === 'chrome' || kind === 'dateline') continue;
      if (kind !== 'heading' && kind !== 'byline') break;
      headings++;
      start = k;
    }
    // A new article needs content since the last byline or lead: a byline
    // followed by 本报…讯 is one start, and the page's first byline starts none.
    const contentBetween = blocks.some((b) => b.kind === 'body' && b.firstLine >= previousTrigger && b.firstLine < start);
    if (contentBetween) startLines.push(start);
    previousTrigger = i;
  }
  const offsets = startLines.map((l) => lines[l]?.start ?? 0).filter((o) => o > 0);
  const bounds = [0, ...offsets, length];
  const segments: ArticleSegment[] = [];
  for (let k = 0; k + 1 < bounds.length; k++) {
    const start = bounds[k] ?? 0;
    const end = bounds[k + 1] ?? length;
    const hits = blocks
      .filter((b) => b.start >= start && b.start < end)
      .reduce((n, b) => n + (b.view.text.match(COOPERATION_WORDS)?.length ?? 0), 0);
    segments.push({ start, end, relevant: hits >= (bounds.length > 2 ? 2 : 1) });
  }
  return segments;
}

export function analyseLayout(original: string): DocumentLayout {
  const lines = splitLines(original);
  const rawBlocks = buildBlocks(original, lines);
  const segments = findSegments(lines, rawBlocks, original.length);
  const blocks = rawBlocks.map((b) => ({ ...b, segment: Math.max(0, segments.findIndex((s) => b.start >= s.start && b.start < s.end)) }));
  return { original, lines, blocks, segments };
}

/** Blocks of articles about cooperation, in order. */
export function relevantBlocks(layout: DocumentLayout): Block[] {
  return layout.blocks.filter((b) => layout.segments[b.segment]?.relevant === true);
}
