import type { AreaProgress, PortalCooperationPage, PortalHomePage } from './portal.service.ts';

/** Everything written by people goes through here before it reaches HTML: it is text, never markup. */
export function escapeHtml(value: string | number | null | undefined): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const STATUS: Record<string, string> = { draft: '筹备中', active: '推进中', suspended: '暂停', closed: '已结束' };
const STAGE: Record<string, string> = { proposed: '谋划', signed: '已签约', started: '已开工', operating: '已运营', suspended: '暂停' };
const KIND: Record<string, string> = { framework: '框架协议', departmental: '部门协议', district: '区级协议', park: '园区协议', enterprise: '企业协议', other: '其他协议' };
const CURRENCY: Record<string, string> = { CNY: '元', USD: '美元', JPY: '日元', EUR: '欧元', HKD: '港元' };
const COMPARATOR: Record<string, string> = { '=': '', '≈': '约', '>': '超过', '>=': '不低于' };

/** Amounts the way Chinese readers expect them: 亿 and 万 rather than long digit strings. */
export function chineseAmount(value: string | null, unit: string): string {
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
header{background:#1d4e89;color:#fff;padding:16px 24px}header a{color:#fff;text-decoration:none}
main{max-width:1080px;margin:0 auto;padding:16px 24px}section{background:#fff;border-radius:6px;padding:16px 20px;margin:16px 0}
h1{font-size:22px;margin:0}h2{font-size:18px;border-left:4px solid #1d4e89;padding-left:8px}table{border-collapse:collapse;width:100%}
th,td{border-bottom:1px solid #e5e6eb;padding:6px 8px;text-align:left;vertical-align:top}.muted{color:#6b7280}
.bar{background:#e5e6eb;border-radius:3px;height:8px;width:160px;display:inline-block;vertical-align:middle}.bar span{display:block;height:8px;border-radius:3px;background:#2f9e44}
pre{white-space:pre-wrap;font-family:inherit}ul.coops{list-style:none;padding:0}ul.coops li{background:#fff;border-radius:6px;padding:12px 16px;margin:10px 0}`;

function layout(title: string, description: string, canonicalPath: string, body: string): string {
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<meta name="description" content="${escapeHtml(description)}">
<meta property="og:title" content="${escapeHtml(title)}">
<meta property="og:description" content="${escapeHtml(description)}">
<meta property="og:type" content="website">
<meta property="og:locale" content="zh_CN">
<link rel="canonical" href="${escapeHtml(canonicalPath)}">
<style>${STYLE}</style>
</head>
<body>
<header><a href="/portal"><h1>联动 · 跨区域合作公开信息</h1></a></header>
<main>
${body}
</main>
</body>
</html>
`;
}

export function renderHome(cooperations: PortalHomePage): string {
  const items = cooperations
    .map(
      (c) => `<li><a href="/portal/cooperations/${escapeHtml(c.id)}"><strong>${escapeHtml(c.name)}</strong></a>
<div class="muted">${escapeHtml(c.parties.join('、'))} · ${escapeHtml(STATUS[c.status] ?? c.status)}${c.startedOn ? ` · 始于 ${escapeHtml(c.startedOn)}` : ''} · 公开协议 ${c.agreementCount} 份</div>
${c.summary ? `<p>${escapeHtml(c.summary)}</p>` : ''}</li>`,
    )
    .join('\n');
  const body = cooperations.length ? `<ul class="coops">\n${items}\n</ul>` : '<p class="muted">暂无公开的合作。</p>';
  return layout('公开的跨区域合作 — 联动', `${cooperations.length} 项公开的跨区域合作：合作方、协议、重点领域与进展。`, '/portal', body);
}

function progressCell(area: AreaProgress): string {
  if (!area.tasks) return '<span class="muted">暂无公开任务</span>';
  const percent = Math.round((area.done / area.tasks) * 100);
  return `<span class="bar"><span style="width:${percent}%"></span></span> ${area.done}/${area.tasks}（${percent}%）`;
}

export function renderCooperation(page: PortalCooperationPage): string {
  const { cooperation } = page;
  const parties = `<section><h2>合作方</h2><ul>${page.parties.map((p) => `<li>${escapeHtml(p.name)}<span class="muted">（${escapeHtml(p.regionName)}）</span></li>`).join('')}</ul>
${cooperation.principles.length ? `<p>合作原则：${escapeHtml(cooperation.principles.join('、'))}</p>` : ''}</section>`;
  const agreements = page.agreements
    .map((a) => {
      const meta = [KIND[a.kind] ?? a.kind, a.signedOn ? `签署于 ${a.signedOn}` : '', a.place ?? '', a.signatories.length ? `签署方：${a.signatories.join('、')}` : '']
        .filter(Boolean)
        .map(escapeHtml)
        .join(' · ');
      const areas = a.areas.length
        ? `<table><thead><tr><th>重点领域</th><th>合作方向</th><th>任务完成情况</th></tr></thead><tbody>${a.areas
            .map(
              (area) =>
                `<tr><td>${escapeHtml(area.label ?? '')}${escapeHtml(area.title)}</td><td>${area.directions.map((d) => `${escapeHtml(d.label ?? '')}${escapeHtml(d.title)}`).join('<br>')}</td><td>${progressCell(area)}</td></tr>`,
            )
            .join('')}</tbody></table>`
        : '';
      const text = a.text ? `<details><summary>协议全文</summary><pre>${escapeHtml(a.text)}</pre></details>` : '';
      return `<section><h2>${escapeHtml(a.title)}</h2><p class="muted">${meta}</p>${areas}${text}</section>`;
    })
    .join('\n');
  const projects = page.projects.length
    ? `<section><h2>合作项目</h2><table><thead><tr><th>项目</th><th>投资方</th><th>行业</th><th>投资额</th><th>到位资金</th><th>阶段</th></tr></thead><tbody>${page.projects
        .map(
          (p) =>
            `<tr><td>${escapeHtml(p.name)}</td><td>${escapeHtml(p.investor ?? '—')}</td><td>${escapeHtml(p.industry ?? '—')}</td><td>${escapeHtml(chineseAmount(p.investment, p.currency))}</td><td>${escapeHtml(chineseAmount(p.fundsInPlace, p.currency))}</td><td>${escapeHtml(STAGE[p.stage] ?? p.stage)}</td></tr>`,
        )
        .join('')}</tbody></table></section>`
    : '';
  const indicators = page.indicators.length
    ? `<section><h2>目标指标</h2><table><thead><tr><th>指标</th><th>基期</th><th>目标</th></tr></thead><tbody>${page.indicators
        .map(
          (i) =>
            `<tr><td>${escapeHtml(i.name)}</td><td>${escapeHtml(i.baseline === null ? '—' : chineseAmount(i.baseline, i.unit))}</td><td>${i.targets
              .map((t) => `${t.year ? `${t.year}年 ` : ''}${escapeHtml(COMPARATOR[t.comparator] ?? '')}${escapeHtml(chineseAmount(t.value, i.unit))}${t.valueMax ? `—${escapeHtml(chineseAmount(t.valueMax, i.unit))}` : ''}`)
              .join('<br>')}</td></tr>`,
        )
        .join('')}</tbody></table></section>`
    : '';
  const intro = `<section><h1 style="color:#1d4e89">${escapeHtml(cooperation.name)}</h1><p class="muted">${escapeHtml(STATUS[cooperation.status] ?? cooperation.status)}${cooperation.startedOn ? ` · 始于 ${escapeHtml(cooperation.startedOn)}` : ''}</p>${cooperation.summary ? `<p>${escapeHtml(cooperation.summary)}</p>` : ''}</section>`;
  const description = cooperation.summary || `${page.parties.map((p) => p.name).join('、')}跨区域合作：协议、重点领域、项目与目标。`;
  return layout(`${cooperation.name} — 联动`, description.slice(0, 160), `/portal/cooperations/${cooperation.id}`, [intro, parties, agreements, projects, indicators].join('\n'));
}
