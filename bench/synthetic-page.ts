// Synthetic but realistic news pages for benchmarks: 100-300 KB with navigation, scripts, styles, sidebars and JSON-LD.

const WORDS =
  'officials said at least people were killed when shelling hit the town according to local sources cited by agency the claims could not be independently verified ministry army convoy border province ceasefire talks displaced aid humanitarian spokesperson statement reported residents fled overnight strikes'.split(
    ' ',
  );
const OUTLETS = ['Example News', 'Daily Observer', 'Coastal Herald', 'Morning Ledger', 'Frontier Times'];

export function syntheticPage(i: number): string {
  let seed = i * 2654435761;
  const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
  const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)]!;
  const sentence = () => Array.from({ length: 14 + Math.floor(random() * 14) }, () => pick(WORDS)).join(' ') + '.';
  const outlet = pick(OUTLETS);
  const links = 150 + Math.floor(random() * 300);
  const nav = Array.from(
    { length: links },
    (_, k) => `<li class="nav-item"><a href="/section/${k}">Section ${k} ${pick(WORDS)}</a></li>`,
  ).join('');
  const paragraphs = Array.from(
    { length: 8 + Math.floor(random() * 20) },
    () => `<p>${sentence()} ${sentence()} ${sentence()}</p>`,
  ).join('\n');
  const cards = Array.from(
    { length: 40 + Math.floor(random() * 120) },
    (_, k) =>
      `<div class="card"><img src="https://cdn.example.com/${i}/${k}.jpg" alt=""><a href="/story/${k}">${sentence()}</a><span class="meta">${k} hours ago</span></div>`,
  ).join('');
  const data = JSON.stringify({
    items: Array.from({ length: 200 + Math.floor(random() * 600) }, (_, k) => ({ id: k, title: sentence() })),
  });
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${sentence().slice(0, 60)} | ${outlet}</title>
<meta property="og:site_name" content="${outlet}"><link rel="canonical" href="https://news.example.com/${i}">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Story ${i}: ${pick(WORDS)} ${pick(WORDS)}","datePublished":"2024-11-${String(1 + (i % 28)).padStart(2, '0')}T10:00:00+02:00","author":{"@type":"Person","name":"Reporter ${i % 50}"},"publisher":{"@type":"Organization","name":"${outlet}"}}</script>
<script>window.__STATE__ = ${data};</script><style>${'.c' + i + '{color:#333;margin:0 auto}'.repeat(400 + Math.floor(random() * 1500))}</style></head>
<body><header><nav><ul>${nav}</ul></nav></header><main><article><h1>Story ${i}</h1><div class="byline">By Reporter ${i % 50}</div>
${paragraphs}</article></main><aside>${cards}</aside><footer><ul>${nav}</ul></footer></body></html>`;
}
