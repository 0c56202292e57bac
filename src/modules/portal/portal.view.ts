import { INDUSTRY_SECTIONS } from '../../contract/industry-codes.ts';
import type { AreaProgress, PortalCooperationPage, PortalHomePage } from './portal.service.ts';

/** Everything written by people goes through here before it reaches HTML: it is text, never markup. */
function escapeHtml(value: string | number | null | undefined): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export type PortalLanguage = 'zh-CN' | 'en';

/** The portal's own words in each language; what people wrote (names, summaries, texts) is shown as written. */
const WORDS = {
  'zh-CN': {
    site: '联动 · 跨区域合作公开信息',
    homeTitle: '公开的跨区域合作',
    homeDescription: (n: number) => `${n} 项公开的跨区域合作：合作方、协议、重点领域与进展。`,
    none: '暂无公开的合作。',
    mapLink: '在中国地图上查看：公开合作的地区、连线与进展',
    since: (date: string) => `始于 ${date}`,
    agreementCount: (n: number) => `公开协议 ${n} 份`,
    parties: '合作方',
    principles: '合作原则：',
    signedOn: (date: string) => `签署于 ${date}`,
    signatories: '签署方：',
    area: '重点领域',
    directions: '合作方向',
    progress: '任务完成情况',
    noTasks: '暂无公开任务',
    fullText: '协议全文',
    projects: '合作项目',
    project: '项目',
    investor: '投资方',
    industry: '行业',
    investment: '投资额',
    fundsInPlace: '到位资金',
    stage: '阶段',
    indicators: '目标指标',
    indicator: '指标',
    baseline: '基期',
    target: '目标',
    year: (year: number) => `${year}年 `,
    cooperationDescription: (parties: string) => `${parties}跨区域合作：协议、重点领域、项目与目标。`,
    notFoundTitle: '未找到该合作',
    notFoundText: '这项合作不存在，或没有公开。',
    toHome: '返回公开合作列表',
    otherLanguage: 'English',
    listSeparator: '、',
    status: { draft: '筹备中', active: '推进中', suspended: '暂停', closed: '已结束' } as Record<string, string>,
    stageValue: { negotiating: '洽谈', signed: '已签约', registered: '已注册', started: '已开工', operating: '投产/运营', halted: '停滞', ended: '终止' } as Record<string, string>,
    kind: { framework: '框架协议', departmental: '部门协议', district: '区级协议', park: '园区协议', enterprise: '企业协议', other: '其他协议' } as Record<string, string>,
    comparator: { '=': '', '≈': '约', '>': '超过', '>=': '不低于', '<': '低于', '<=': '不高于', range: '' } as Record<string, string>,
  },
  en: {
    site: 'Liandong · Cross-regional cooperation in the open',
    homeTitle: 'Public cross-regional cooperations',
    homeDescription: (n: number) => `${n} public cross-regional cooperations: parties, agreements, areas and progress.`,
    none: 'No cooperation is public yet.',
    mapLink: 'See them on the map of China: regions, partner lines and progress',
    since: (date: string) => `since ${date}`,
    agreementCount: (n: number) => `${n} public agreement${n === 1 ? '' : 's'}`,
    parties: 'Parties',
    principles: 'Principles: ',
    signedOn: (date: string) => `signed ${date}`,
    signatories: 'Signatories: ',
    area: 'Area',
    directions: 'Directions',
    progress: 'Tasks done',
    noTasks: 'No public tasks yet',
    fullText: 'Full text of the agreement',
    projects: 'Projects',
    project: 'Project',
    investor: 'Investor',
    industry: 'Industry',
    investment: 'Investment',
    fundsInPlace: 'Funds in place',
    stage: 'Stage',
    indicators: 'Targets',
    indicator: 'Indicator',
    baseline: 'Baseline',
    target: 'Target',
    year: (year: number) => `${year}: `,
    cooperationDescription: (parties: string) => `Cross-regional cooperation of ${parties}: agreements, areas, projects and targets.`,
    notFoundTitle: 'Cooperation not found',
    notFoundText: 'This cooperation does not exist or is not public.',
    toHome: 'Back to the public cooperations',
    otherLanguage: '中文',
    listSeparator: ', ',
    status: { draft: 'In preparation', active: 'Under way', suspended: 'Suspended', closed: 'Ended' } as Record<string, string>,
    stageValue: { negotiating: 'Negotiating', signed: 'Signed', registered: 'Registered', started: 'Under construction', operating: 'In operation', halted: 'Halted', ended: 'Ended' } as Record<string, string>,
    kind: { framework: 'Framework agreement', departmental: 'Departmental agreement', district: 'District agreement', park: 'Park agreement', enterprise: 'Enterprise agreement', other: 'Other agreement' } as Record<string, string>,
    comparator: { '=': '', '≈': 'about ', '>': 'over ', '>=': 'at least ', '<': 'below ', '<=': 'at most ', range: '' } as Record<string, string>,
  },
};

const CURRENCY: Record<string, string> = { CNY: '元', USD: '美元', JPY: '日元', EUR: '欧元', HKD: '港元' };

/** The portal's language from `?lang=`: Chinese unless English is asked for, so a shared link reads the same for everyone. */
export function portalLanguage(lang: string | undefined): PortalLanguage {
  return lang === 'en' ? 'en' : 'zh-CN';
}

/** Amounts in English: 18 billion CNY rather than 180亿元. */
function englishAmount(value: string | null, unit: string): string {
  if (value === null) return '—';
  const n = Number(value);
  if (!Number.isFinite(n)) return `${value} ${unit}`;
  return `${new Intl.NumberFormat('en', { notation: 'compact', compactDisplay: 'long', maximumFractionDigits: 2 }).format(n)} ${unit}`;
}

/** A GB/T 4754 门类 by its name in the reader's language. */
function industryName(code: string | null, language: PortalLanguage): string {
  const section = INDUSTRY_SECTIONS.find((s) => s.code === code);
  return section ? (language === 'en' ? section.en : section.zh) : '—';
}

function amount(value: string | null, unit: string, language: PortalLanguage): string {
  return language === 'en' ? englishAmount(value, unit) : chineseAmount(value, unit);
}

/** A calendar date as the language writes it: 2024年11月26日 / 26 Nov 2024. */
function day(isoDate: string, language: PortalLanguage): string {
  const date = new Date(`${isoDate.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return isoDate;
  return new Intl.DateTimeFormat(language, { year: 'numeric', month: language === 'en' ? 'short' : 'long', day: 'numeric', timeZone: 'UTC' }).format(date);
}

/** A party as it reads: its name, and the region's name only where it says something the name does not. */
function partyLabel(name: string, regionName: string): string {
  return regionName && regionName !== name && !name.includes(regionName) ? `${name}（${regionName}）` : name;
}

/** Amounts the way Chinese readers expect them: 亿 and 万 rather than long digit strings. */
function chineseAmount(value: string | null, unit: string): string {
  if (value === null) return '—';
  const n = Number(value);
  const label = CURRENCY[unit] ?? unit;
  if (!Number.isFinite(n)) return `${value}${label}`;
  const trim = (x: number) => String(Number(x.toFixed(2)));
  if (Math.abs(n) >= 1e8) return `${trim(n / 1e8)}亿${label}`;
  if (Math.abs(n) >= 1e4) return `${trim(n / 1e4)}万${label}`;
  return `${trim(n)}${label}`;
}

const STYLE = `body{font-family:"PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif;margin:0;color:#1f2329;background:#f5f6f8;line-height:1.6}
header{background:#1d4e89;color:#fff;padding:16px 24px;display:flex;justify-content:space-between;align-items:center;gap:16px}header a{color:#fff;text-decoration:none}header .lang{white-space:nowrap}
main{max-width:1080px;margin:0 auto;padding:16px 24px}section{background:#fff;border-radius:6px;padding:16px 20px;margin:16px 0}
h1{font-size:22px;margin:0}h2{font-size:18px;border-left:4px solid #1d4e89;padding-left:8px}table{border-collapse:collapse;width:100%}
th,td{border-bottom:1px solid #e5e6eb;padding:6px 8px;text-align:left;vertical-align:top}.muted{color:#6b7280}
.bar{background:#e5e6eb;border-radius:3px;height:8px;width:160px;display:inline-block;vertical-align:middle}.bar span{display:block;height:8px;border-radius:3px;background:#2f9e44}
pre{white-space:pre-wrap;font-family:inherit}ul.coops{list-style:none;padding:0}ul.coops li{background:#fff;border-radius:6px;padding:12px 16px;margin:10px 0}`;

/** The same page in the other language: the path with `?lang=en`, or without it for Chinese. */
function languageLink(path: string, language: PortalLanguage): string {
  const other: PortalLanguage = language === 'en' ? 'zh-CN' : 'en';
  return other === 'en' ? `${path}?lang=en` : path;
}

function pathIn(path: string, language: PortalLanguage): string {
  return language === 'en' ? `${path}?lang=en` : path;
}

function layout(language: PortalLanguage, title: string, description: string, canonicalPath: string, body: string): string {
  const w = WORDS[language];
  return `<!doctype html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<meta name="description" content="${escapeHtml(description)}">
<meta property="og:title" content="${escapeHtml(title)}">
<meta property="og:description" content="${escapeHtml(description)}">
<meta property="og:type" content="website">
<meta property="og:locale" content="${language === 'en' ? 'en_US' : 'zh_CN'}">
<link rel="canonical" href="${escapeHtml(pathIn(canonicalPath, language))}">
<link rel="alternate" hreflang="${language === 'en' ? 'zh-CN' : 'en'}" href="${escapeHtml(languageLink(canonicalPath, language))}">
<style>${STYLE}</style>
</head>
<body>
<header><a href="${pathIn('/portal', language)}"><h1>${escapeHtml(w.site)}</h1></a><a class="lang" href="${escapeHtml(languageLink(canonicalPath, language))}" hreflang="${language === 'en' ? 'zh-CN' : 'en'}">${escapeHtml(w.otherLanguage)}</a></header>
<main>
${body}
</main>
</body>
</html>
`;
}

export function renderHome(cooperations: PortalHomePage, language: PortalLanguage = 'zh-CN'): string {
  const w = WORDS[language];
  const items = cooperations
    .map(
      (c) => `<li><a href="${escapeHtml(pathIn(`/portal/cooperations/${c.id}`, language))}"><strong>${escapeHtml(c.name)}</strong></a>
<div class="muted">${escapeHtml(c.parties.join(w.listSeparator))} · ${escapeHtml(w.status[c.status] ?? c.status)}${c.startedOn ? ` · ${escapeHtml(w.since(day(c.startedOn, language)))}` : ''} · ${escapeHtml(w.agreementCount(c.agreementCount))}</div>
${c.summary ? `<p>${escapeHtml(c.summary)}</p>` : ''}</li>`,
    )
    .join('\n');
  // The map is the web app's public page (/map), which draws it with ECharts from the same public figures.
  const body = cooperations.length ? `<p><a href="/map" data-testid="portal-map-link">${escapeHtml(w.mapLink)}</a></p>\n<ul class="coops">\n${items}\n</ul>` : `<p class="muted">${escapeHtml(w.none)}</p>`;
  return layout(language, `${w.homeTitle} — ${language === 'en' ? 'Liandong' : '联动'}`, w.homeDescription(cooperations.length), '/portal', body);
}

/** What a visitor sees for a cooperation that is not there or not public: a page, not the API's JSON. */
export function renderNotFound(language: PortalLanguage): string {
  const w = WORDS[language];
  const body = `<section><h2>${escapeHtml(w.notFoundTitle)}</h2><p>${escapeHtml(w.notFoundText)}</p><p><a href="${escapeHtml(pathIn('/portal', language))}">${escapeHtml(w.toHome)}</a></p></section>`;
  return layout(language, `${w.notFoundTitle} — ${language === 'en' ? 'Liandong' : '联动'}`, w.notFoundText, '/portal', body);
}

function progressCell(area: AreaProgress, language: PortalLanguage): string {
  if (!area.tasks) return `<span class="muted">${escapeHtml(WORDS[language].noTasks)}</span>`;
  const percent = Math.round((area.done / area.tasks) * 100);
  return `<span class="bar"><span style="width:${percent}%"></span></span> ${area.done}/${area.tasks}${language === 'en' ? ` (${percent}%)` : `（${percent}%）`}`;
}

export function renderCooperation(page: PortalCooperationPage, language: PortalLanguage = 'zh-CN'): string {
  const w = WORDS[language];
  const { cooperation } = page;
  const parties = `<section><h2>${escapeHtml(w.parties)}</h2><ul>${page.parties.map((p) => `<li>${escapeHtml(partyLabel(p.name, p.regionName))}</li>`).join('')}</ul>
${cooperation.principles.length ? `<p>${escapeHtml(w.principles)}${escapeHtml(cooperation.principles.join(w.listSeparator))}</p>` : ''}</section>`;
  const agreements = page.agreements
    .map((a) => {
      const meta = [w.kind[a.kind] ?? a.kind, a.signedOn ? w.signedOn(day(a.signedOn, language)) : '', a.place ?? '', a.signatories.length ? `${w.signatories}${a.signatories.join(w.listSeparator)}` : '']
        .filter(Boolean)
        .map(escapeHtml)
        .join(' · ');
      const areas = a.areas.length
        ? `<table><thead><tr><th>${escapeHtml(w.area)}</th><th>${escapeHtml(w.directions)}</th><th>${escapeHtml(w.progress)}</th></tr></thead><tbody>${a.areas
            .map(
              (area) =>
                `<tr><td>${escapeHtml(area.label ?? '')}${escapeHtml(area.title)}</td><td>${area.directions.map((d) => `${escapeHtml(d.label ?? '')}${escapeHtml(d.title)}`).join('<br>')}</td><td>${progressCell(area, language)}</td></tr>`,
            )
            .join('')}</tbody></table>`
        : '';
      const text = a.text ? `<details><summary>${escapeHtml(w.fullText)}</summary><pre>${escapeHtml(a.text)}</pre></details>` : '';
      return `<section><h2>${escapeHtml(a.title)}</h2><p class="muted">${meta}</p>${areas}${text}</section>`;
    })
    .join('\n');
  const projects = page.projects.length
    ? `<section><h2>${escapeHtml(w.projects)}</h2><table><thead><tr>${[w.project, w.investor, w.industry, w.investment, w.fundsInPlace, w.stage].map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead><tbody>${page.projects
        .map(
          (p) =>
            `<tr><td>${escapeHtml(p.name)}</td><td>${escapeHtml(p.investor ?? '—')}</td><td>${escapeHtml(industryName(p.industryCode, language))}</td><td>${escapeHtml(amount(p.investment, p.currency, language))}</td><td>${escapeHtml(amount(p.fundsInPlace, p.currency, language))}</td><td>${escapeHtml(w.stageValue[p.stage] ?? p.stage)}</td></tr>`,
        )
        .join('')}</tbody></table></section>`
    : '';
  const indicators = page.indicators.length
    ? `<section><h2>${escapeHtml(w.indicators)}</h2><table><thead><tr><th>${escapeHtml(w.indicator)}</th><th>${escapeHtml(w.baseline)}</th><th>${escapeHtml(w.target)}</th></tr></thead><tbody>${page.indicators
        .map(
          (i) =>
            `<tr><td>${escapeHtml(i.name)}</td><td>${escapeHtml(i.baseline === null ? '—' : amount(i.baseline, i.unit, language))}</td><td>${i.targets
              .map((t) => `${t.year ? escapeHtml(w.year(t.year)) : ''}${escapeHtml(w.comparator[t.comparator] ?? '')}${escapeHtml(amount(t.value, i.unit, language))}${t.valueMax ? `—${escapeHtml(amount(t.valueMax, i.unit, language))}` : ''}`)
              .join('<br>')}</td></tr>`,
        )
        .join('')}</tbody></table></section>`
    : '';
  const intro = `<section><h1 style="color:#1d4e89">${escapeHtml(cooperation.name)}</h1><p class="muted">${escapeHtml(w.status[cooperation.status] ?? cooperation.status)}${cooperation.startedOn ? ` · ${escapeHtml(w.since(day(cooperation.startedOn, language)))}` : ''}</p>${cooperation.summary ? `<p>${escapeHtml(cooperation.summary)}</p>` : ''}</section>`;
  const description = cooperation.summary || w.cooperationDescription(page.parties.map((p) => p.name).join(w.listSeparator));
  return layout(language, `${cooperation.name} — ${language === 'en' ? 'Liandong' : '联动'}`, description.slice(0, 160), `/portal/cooperations/${cooperation.id}`, [intro, parties, agreements, projects, indicators].join('\n'));
}
