import { createHash } from 'node:crypto';

/**
 * The page's only script: filters and sorting for the findings table. The page reads the same
 * without it (the controls stay hidden). It is allowed by its hash, so nothing else can run,
 * not even a `<script>` that escaping had somehow missed. Plain ES5-era code: no build step.
 *
 * Amounts are sorted by comparing their decimal strings exactly, never as floats.
 */
export const SCRIPT = `
(function () {
  'use strict';
  var table = document.getElementById('findings');
  var controls = document.getElementById('filters');
  if (!table || !controls) return;
  var body = table.tBodies[0];
  var rows = Array.prototype.slice.call(body.rows);
  var rule = document.getElementById('f-rule');
  var severity = document.getElementById('f-severity');
  var account = document.getElementById('f-account');
  var shown = document.getElementById('f-shown');
  var SEVERITY_ORDER = { error: 0, warning: 1, info: 2 };
  controls.hidden = false;

  function cellText(row, column) { return row.cells[column].textContent; }

  // "{shown} of {total} findings shown", in the page's language, from the element itself.
  function shownText(count) {
    return shown.getAttribute('data-template').replace('{shown}', count).replace('{total}', rows.length);
  }

  function apply() {
    var r = rule.value, s = severity.value, a = account.value.trim().toLowerCase(), count = 0;
    for (var i = 0; i < rows.length; i++) {
      var row = rows[i];
      var keep = (!s || key(row, 0) === s) && (!r || cellText(row, 1) === r) &&
        (!a || cellText(row, 2).toLowerCase().indexOf(a) !== -1);
      row.hidden = !keep;
      if (keep) count++;
    }
    shown.textContent = shownText(count);
  }

  function decimalParts(text) {
    var negative = text.charAt(0) === '-';
    var digits = (negative ? text.slice(1) : text).split('.');
    return { negative: negative, whole: digits[0].replace(/^0+(?=\\d)/, ''), fraction: digits[1] || '' };
  }

  function compareMagnitudes(a, b) {
    if (a.whole.length !== b.whole.length) return a.whole.length < b.whole.length ? -1 : 1;
    if (a.whole !== b.whole) return a.whole < b.whole ? -1 : 1;
    var width = Math.max(a.fraction.length, b.fraction.length);
    var fa = a.fraction + new Array(width - a.fraction.length + 1).join('0');
    var fb = b.fraction + new Array(width - b.fraction.length + 1).join('0');
    return fa === fb ? 0 : fa < fb ? -1 : 1;
  }

  function compareDecimals(x, y) {
    var a = decimalParts(x), b = decimalParts(y);
    if (a.negative !== b.negative) return a.negative ? -1 : 1;
    var order = compareMagnitudes(a, b);
    return a.negative ? -order : order;
  }

  function key(row, column) {
    var cell = row.cells[column];
    var sortKey = cell.getAttribute('data-k');
    if (sortKey !== null) return sortKey;
    var time = cell.querySelector('time');
    return time ? time.getAttribute('datetime') : cell.textContent;
  }

  function comparer(column, kind) {
    return function (a, b) {
      var ka = key(a, column), kb = key(b, column);
      if (ka === kb) return 0;
      if (ka === '') return 1;
      if (kb === '') return -1;
      if (kind === 'amount') return compareDecimals(ka, kb);
      if (kind === 'severity') return SEVERITY_ORDER[ka] - SEVERITY_ORDER[kb];
      return ka.localeCompare(kb, undefined, { numeric: true });
    };
  }

  var headers = table.tHead.rows[0].cells;
  Array.prototype.forEach.call(headers, function (header, column) {
    var kind = header.getAttribute('data-sort');
    if (!kind) return;
    var button = document.createElement('button');
    button.type = 'button';
    button.textContent = header.textContent;
    header.textContent = '';
    header.appendChild(button);
    button.addEventListener('click', function () {
      var ascending = header.getAttribute('aria-sort') !== 'ascending';
      Array.prototype.forEach.call(headers, function (other) { other.removeAttribute('aria-sort'); });
      header.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
      var compare = comparer(column, kind);
      rows.sort(function (a, b) { return ascending ? compare(a, b) : compare(b, a); });
      var fragment = document.createDocumentFragment();
      for (var i = 0; i < rows.length; i++) fragment.appendChild(rows[i]);
      body.appendChild(fragment);
    });
  });

  rule.addEventListener('change', apply);
  severity.addEventListener('change', apply);
  account.addEventListener('input', apply);
  // Every row is shown at first: no need to touch 10 000 rows before the page is usable.
  shown.textContent = shownText(rows.length);
})();
`;

/** The CSP source that allows exactly this text, e.g. `'sha256-…'`. */
export function cspHash(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}
