/**
 * The page's only style sheet, inline and allowed by its hash in the Content-Security-Policy.
 * Meaning never rests on color alone: severities are written out, flagged bills are ringed and
 * labelled, letters have their own shapes, so a black-and-white print keeps it all.
 */
export const STYLE = `
:root{color-scheme:light;--err:#b00020;--warn:#8a5a00;--info:#1f5fa8;--ink:#1b1b1b;--muted:#5b5b5b;--line:#d0d0d0}
*{box-sizing:border-box}
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);margin:0 auto;max-width:1180px;padding:16px 20px 48px}
h1{font-size:1.5em;margin:.2em 0}h2{font-size:1.2em;margin:1.6em 0 .5em;border-bottom:1px solid var(--line)}
h3{font-size:1em;margin:1.2em 0 .2em}
.muted,small{color:var(--muted)}
.verdict{font-weight:600}.verdict.bad{color:var(--err)}.verdict.ok{color:#1b6e20}
.counts{display:flex;flex-wrap:wrap;gap:8px;padding:0;list-style:none}
.counts li{border:1px solid var(--line);border-radius:6px;padding:6px 12px;min-width:7em}
.counts b{display:block;font-size:1.4em}
table{border-collapse:collapse;width:100%}
th,td{text-align:left;vertical-align:top;padding:3px 6px;border-bottom:1px solid var(--line)}
td.n,th.n{text-align:right;white-space:nowrap}
.sev-error{color:var(--err);font-weight:600}.sev-warning{color:var(--warn);font-weight:600}.sev-info{color:var(--info)}
#findings td{overflow-wrap:anywhere}
#findings td:nth-child(6),#findings td:nth-child(7){white-space:nowrap}
#findings th button{font:inherit;font-weight:600;border:0;background:none;padding:0;cursor:pointer;color:inherit}
#findings th[aria-sort=ascending] button::after{content:" \\25B2"}
#findings th[aria-sort=descending] button::after{content:" \\25BC"}
#filters{display:flex;flex-wrap:wrap;gap:12px;align-items:end;margin:.5em 0}
#filters[hidden]{display:none}
#filters label{display:flex;flex-direction:column;font-size:.9em}
details{margin:.3em 0}details>summary{cursor:pointer}
.doc p{margin:.3em 0 .3em 1.2em}
.acct{break-inside:avoid;page-break-inside:avoid}
/* Thousands of charts and rows: the browser lays out only what is on screen (a page of 10 000
   findings opens in about a second), and the fixed table layout never measures every cell. */
.acct{content-visibility:auto;contain-intrinsic-size:auto 300px}
#table-wrap{content-visibility:auto;contain-intrinsic-size:auto 2000px}
#findings{table-layout:fixed}
#findings col.c-sev{width:5.5em}#findings col.c-date{width:6.8em}#findings col.c-amt{width:8.5em}
#findings col.c-rule{width:12%}#findings col.c-acct{width:10%}#findings col.c-doc{width:12%}#findings col.c-where{width:11%}
.acct p{margin:.1em 0}
.chart{width:100%;max-width:760px;height:auto;display:block}
.chart.icon{width:16px;height:16px;display:inline-block}
.chart text{font-size:11px;fill:var(--ink)}
.chart .yl text{text-anchor:end}
.chart .grid{stroke:#e4e4e4}
.chart .axis,.chart .xl path{stroke:#777}
.chart .bills{fill:none;stroke:#1f5fa8;stroke-width:1.6;marker-start:url(#dot);marker-mid:url(#dot);marker-end:url(#dot)}
.chart .bars{stroke:#1f5fa8;stroke-width:3;opacity:.5}
.chart .median{fill:none;stroke:#555;stroke-width:1.2;stroke-dasharray:5 3}
.chart .flag circle{fill:none;stroke:var(--err);stroke-width:2}
.chart .flag text{fill:var(--err);font-weight:600;font-size:10px}
.chart .end path{stroke:#333;stroke-dasharray:2 2}
.chart .k-cn{fill:#1b6e20}.chart .k-pay{fill:#1b6e20;fill-opacity:.35;stroke:#1b6e20}
.chart .k-dun{fill:#8a5a00}.chart .k-end{stroke:#333;stroke-width:2}.chart .k-inv{fill:#fff;stroke:#1f5fa8;stroke-width:1.5}
.legend{display:flex;flex-wrap:wrap;gap:14px;font-size:.9em;padding:0;list-style:none}
.legend svg{vertical-align:middle}
.notice{border-left:4px solid var(--warn);padding:4px 10px;background:#fff8e6}
@media print{
  body{max-width:none;padding:0;font-size:11px}
  #filters,.noprint{display:none}
  a{color:inherit;text-decoration:none}
  .chart .bills,.chart .bars{stroke:#000}.chart .flag circle,.chart .k-inv{stroke:#000}
  .chart .flag text,.chart text{fill:#000}
  .chart .k-cn,.chart .k-dun{fill:#000}.chart .k-pay{fill:#fff;stroke:#000}
  tr{break-inside:avoid}
  .acct,#table-wrap{content-visibility:visible}
  details:not([open])>summary::after{content:" (see billcheck explain)"}
}
`;
