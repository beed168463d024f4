/**
 * Navigation in an XmlElement tree by local names ("AccountingSupplierParty", "Party", "PartyName"):
 * the UBL and CII mappings read as the paths of the standard's syntax binding tables.
 * Prefixes are ignored below the root, whose namespace the reader checks: the syntaxes fix them.
 */
import type { XmlElement } from './xml-tree.js';

/** Every element reached by the path of local names, in document order. */
export function all(from: XmlElement | undefined, ...path: string[]): XmlElement[] {
  if (from === undefined) return [];
  let current: XmlElement[] = [from];
  for (const name of path) {
    current = current.flatMap((element) => element.children.filter((child) => child.name === name));
  }
  return current;
}

/** The first element reached by the path. */
export function first(from: XmlElement | undefined, ...path: string[]): XmlElement | undefined {
  return all(from, ...path)[0];
}

/** The text of the first element reached by the path; undefined when absent or empty. */
export function textAt(from: XmlElement | undefined, ...path: string[]): string | undefined {
  const text = first(from, ...path)?.text;
  return text === undefined || text === '' ? undefined : text;
}
