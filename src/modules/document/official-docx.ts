import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type IRunOptions,
} from 'docx';

/**
 * Chinese official documents (党政机关公文格式, GB/T 9704-2012) as .docx: A4, margins 37/35/28/26 mm, 方正小标宋简体
 * title, 仿宋_GB2312 三号 body, 黑体 and 楷体_GB2312 headings, a red 发文机关标志 over a red rule, the 发文字号, the date
 * in the official form, and page numbers "— 1 —" on the right of odd pages and the left of even ones.
 */

export type Block =
  | { kind: 'h1' | 'h2' | 'p'; text: string }
  | { kind: 'table'; head: string[]; rows: string[][]; widths?: number[] };

export interface OfficialDocument {
  /** 发文机关标志: the issuing office's name, printed in red. */
  issuer: string;
  /** 发文字号, e.g. 青深协办〔2026〕3号. */
  number: string;
  title: string;
  /** The date it is issued (YYYY-MM-DD), printed 2026年12月4日. */
  date: string;
  blocks: Block[];
}

const MM = 56.7; // twips per millimetre
const RED = 'FF0000';
const FONTS = { title: '方正小标宋简体', body: '仿宋_GB2312', heading1: '黑体', heading2: '楷体_GB2312', numbers: '宋体' } as const;
/** The names a reader's Word or LibreOffice looks for when the GB/T 9704 font is not installed. */
const FALLBACKS: Record<string, string> = { 方正小标宋简体: '华文中宋', 仿宋_GB2312: '仿宋', 楷体_GB2312: '楷体', 黑体: 'SimHei', 宋体: 'SimSun' };
/** 三号 is 16 pt, 二号 22 pt, 四号 14 pt; docx counts half-points. */
const SIZE = { title: 44, issuer: 52, body: 32, table: 24, pageNumber: 28 } as const;

/** The official form of a date: 2026年12月4日 (Arabic numerals, no leading zeros). */
export function officialDate(isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

const font = (name: string) => ({ ascii: name === FONTS.body ? 'Times New Roman' : name, hAnsi: name === FONTS.body ? 'Times New Roman' : name, eastAsia: name });
const run = (text: string, fontName: string, size: number, extra: Partial<IRunOptions> = {}) => new TextRun({ text, font: font(fontName), size, ...extra });

/** Body lines at a fixed 28.95 pt, as 22 lines a page of 三号 text come out. */
const bodySpacing = { line: 579, lineRule: 'exact' as const };

function paragraph(block: Extract<Block, { kind: 'h1' | 'h2' | 'p' }>): Paragraph {
  const fontName = block.kind === 'h1' ? FONTS.heading1 : block.kind === 'h2' ? FONTS.heading2 : FONTS.body;
  return new Paragraph({ spacing: bodySpacing, indent: { firstLine: 640 }, alignment: AlignmentType.JUSTIFIED, children: [run(block.text, fontName, SIZE.body)] });
}

function table(block: Extract<Block, { kind: 'table' }>, width: number): Table {
  const cell = (text: string, header: boolean, share: number | undefined) =>
    new TableCell({
      verticalAlign: VerticalAlign.CENTER,
      ...(share ? { width: { size: Math.round(width * share), type: WidthType.DXA } } : {}),
      children: [new Paragraph({ alignment: header ? AlignmentType.CENTER : AlignmentType.LEFT, children: [run(text, header ? FONTS.heading1 : FONTS.body, SIZE.table)] })],
    });
  const total = block.widths?.reduce((a, b) => a + b, 0);
  const share = (i: number) => (block.widths && total ? (block.widths[i] ?? 1) / total : undefined);
  return new Table({
    width: { size: width, type: WidthType.DXA },
    rows: [
      new TableRow({ tableHeader: true, children: block.head.map((h, i) => cell(h, true, share(i))) }),
      ...block.rows.map((row) => new TableRow({ cantSplit: true, children: row.map((text, i) => cell(text, false, share(i))) })),
    ],
  });
}

const pageNumber = (alignment: (typeof AlignmentType)[keyof typeof AlignmentType]) =>
  new Footer({
    children: [
      new Paragraph({
        alignment,
        indent: alignment === AlignmentType.RIGHT ? { right: 280 } : { left: 280 },
        children: [new TextRun({ font: font(FONTS.numbers), size: SIZE.pageNumber, children: ['— ', PageNumber.CURRENT, ' —'] })],
      }),
    ],
  });

function fontTable(): string {
  const names = [...new Set(Object.values(FONTS)), 'Times New Roman'];
  const entries = names.map((name) => {
    const alt = FALLBACKS[name];
    const cjk = name !== 'Times New Roman';
    return `<w:font w:name="${name}">${alt ? `<w:altName w:val="${alt}"/>` : ''}<w:charset w:val="${cjk ? '86' : '00'}"/><w:family w:val="${cjk ? 'modern' : 'roman'}"/><w:pitch w:val="${cjk ? 'fixed' : 'variable'}"/></w:font>`;
  });
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">${entries.join('')}</w:fonts>`;
}

export async function officialDocx(doc: OfficialDocument): Promise<Buffer> {
  const margin = { top: 37 * MM, bottom: 35 * MM, left: 28 * MM, right: 26 * MM };
  const page = { width: 210 * MM, height: 297 * MM };
  const textWidth = Math.round(page.width - margin.left - margin.right);
  const children: (Paragraph | Table)[] = [
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 240 }, children: [run(doc.issuer, FONTS.title, SIZE.issuer, { color: RED })] }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 240, after: 120 },
      border: { bottom: { style: BorderStyle.SINGLE, size: 12, color: RED, space: 8 } },
      children: [run(doc.number, FONTS.body, SIZE.body)],
    }),
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 480, after: 480, line: 720, lineRule: 'exact' }, children: [run(doc.title, FONTS.title, SIZE.title)] }),
    ...doc.blocks.map((block) => (block.kind === 'table' ? table(block, textWidth) : paragraph(block))),
    new Paragraph({ spacing: { before: 480, ...bodySpacing }, alignment: AlignmentType.RIGHT, indent: { right: 1280 }, children: [run(doc.issuer, FONTS.body, SIZE.body)] }),
    new Paragraph({ spacing: bodySpacing, alignment: AlignmentType.RIGHT, indent: { right: 1280 }, children: [run(officialDate(doc.date), FONTS.body, SIZE.body)] }),
  ];
  const document = new Document({
    title: doc.title,
    creator: doc.issuer,
    evenAndOddHeaderAndFooters: true,
    styles: { default: { document: { run: { font: font(FONTS.body), size: SIZE.body } } } },
    sections: [
      {
        properties: { page: { size: { width: Math.round(page.width), height: Math.round(page.height) }, margin: { top: Math.round(margin.top), bottom: Math.round(margin.bottom), left: Math.round(margin.left), right: Math.round(margin.right) } } },
        footers: { default: pageNumber(AlignmentType.RIGHT), even: pageNumber(AlignmentType.LEFT) },
        children,
      },
    ],
  });
  return Packer.toBuffer(document, false, [{ path: 'word/fontTable.xml', data: fontTable() }]);
}
