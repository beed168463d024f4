/**
 * Hostile-proof XML reading: bytes in, a small element tree out, or one FatalInputError line.
 *
 * An e-invoice arrives from outside (a supplier, a platform, a mail attachment), so the reader
 * refuses what XML parsers are attacked through: a DTD (external entities, "billion laughs"
 * entity expansion) is refused outright, only the five predefined entities and character
 * references are decoded, and the size and the nesting depth are bounded. fast-xml-parser does
 * the tokenizing; its result (objects keyed by element names) is turned at once into XmlElement,
 * whose attributes are a Map, so that no name from the input becomes a key billcheck looks up.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { FatalInputError } from '../../model/input.js';
import { decodeWhole } from '../decode.js';

export { MAX_XML_BYTES } from '../input-limits.js';
import { MAX_XML_BYTES } from '../input-limits.js';
/** UBL nests about 8 levels, CII about 7; a hundred is far beyond any invoice. */
export const MAX_XML_DEPTH = 100;

export interface XmlElement {
  /** The local name, without prefix: "Invoice", "ID". */
  readonly name: string;
  /** The namespace URI its prefix (or the default namespace) resolves to; "" when none. */
  readonly namespace: string;
  readonly attributes: ReadonlyMap<string, string>;
  readonly children: readonly XmlElement[];
  /** The element's own text, entities decoded, trimmed. */
  readonly text: string;
}

const PREDEFINED_ENTITIES: ReadonlyMap<string, string> = new Map([
  ['amp', '&'],
  ['lt', '<'],
  ['gt', '>'],
  ['quot', '"'],
  ['apos', "'"],
]);

const ENTITY_PATTERN = /&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|[A-Za-z_][\w.-]*);/g;

/** Decodes the five predefined entities and character references; any other entity is refused. */
export function decodeEntities(file: string, text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(ENTITY_PATTERN, (whole, body: string) => {
    if (body.startsWith('#')) {
      const code = body[1] === 'x' ? Number.parseInt(body.slice(2), 16) : Number.parseInt(body.slice(1), 10);
      if (code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff) || code === 0) {
        throw new FatalInputError(
          file,
          `XML that is not well-formed: the character reference ${whole} names no character`,
        );
      }
      return String.fromCodePoint(code);
    }
    const value = PREDEFINED_ENTITIES.get(body);
    if (value === undefined)
      throw new FatalInputError(file, `XML that is not well-formed: the entity &${body}; is not defined`);
    return value;
  });
}

const DECLARED_ENCODING = /^<\?xml[^>]*?\sencoding\s*=\s*["']([A-Za-z0-9._-]+)["']/;

/** The text of the XML bytes: a BOM wins, then the declaration's encoding, else strict UTF-8 as XML requires. */
export function decodeXml(file: string, bytes: Buffer): string {
  const hasBom =
    (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) ||
    (bytes[0] === 0xff && bytes[1] === 0xfe) ||
    (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (hasBom) return decodeWhole(file, bytes).replace(/^\uFEFF/, '');
  const declared = DECLARED_ENCODING.exec(bytes.subarray(0, 200).toString('latin1'))?.[1]?.toLowerCase();
  if (declared !== undefined && declared !== 'utf-8' && declared !== 'utf8') return decodeWhole(file, bytes, declared);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new FatalInputError(file, 'XML that is not UTF-8, although it declares no other encoding');
  }
}

/**
 * Where the prolog (declaration, comments, processing instructions, white space) ends: a DTD can
 * only stand there, before the root element.
 */
function refuseDoctype(file: string, text: string): void {
  let at = 0;
  for (;;) {
    while (at < text.length && /\s/.test(text[at] ?? '')) at++;
    if (text.startsWith('<?', at)) {
      const end = text.indexOf('?>', at);
      if (end === -1) return;
      at = end + 2;
    } else if (text.startsWith('<!--', at)) {
      const end = text.indexOf('-->', at);
      if (end === -1) return;
      at = end + 3;
    } else {
      break;
    }
  }
  if (/^<!DOCTYPE/i.test(text.slice(at, at + 9))) {
    throw new FatalInputError(
      file,
      'XML with a DTD is not read: a <!DOCTYPE> may define entities that expand or read other files',
    );
  }
}

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  // Entities are decoded by decodeEntities, which knows only the five XML ones.
  processEntities: false,
  htmlEntities: false,
  trimValues: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  maxNestedTags: MAX_XML_DEPTH,
  // No callback reads paths; without building them the parse takes about a third less time.
  jPath: false,
});

type OrderedNode = Record<string, unknown>;

function splitName(qualified: string): { prefix: string; local: string } {
  const colon = qualified.indexOf(':');
  return colon === -1
    ? { prefix: '', local: qualified }
    : { prefix: qualified.slice(0, colon), local: qualified.slice(colon + 1) };
}

/** Turns fast-xml-parser's ordered output into XmlElements, resolving namespace prefixes on the way. */
function toElement(file: string, node: OrderedNode, scope: ReadonlyMap<string, string>): XmlElement | undefined {
  const qualified = Object.keys(node).find((key) => key !== ':@');
  if (qualified === undefined || qualified === '#text' || qualified.startsWith('?') || qualified === '#comment')
    return undefined;
  const attributes = new Map<string, string>();
  let namespaces = scope;
  const rawAttributes = node[':@'];
  if (rawAttributes !== undefined && rawAttributes !== null && typeof rawAttributes === 'object') {
    for (const [name, value] of Object.entries(rawAttributes)) {
      const decoded = decodeEntities(file, String(value));
      if (name === 'xmlns' || name.startsWith('xmlns:')) {
        if (namespaces === scope) namespaces = new Map(scope);
        (namespaces as Map<string, string>).set(name === 'xmlns' ? '' : name.slice(6), decoded);
      } else {
        attributes.set(splitName(name).local, decoded);
      }
    }
  }
  const children: XmlElement[] = [];
  let text = '';
  const content = node[qualified];
  if (Array.isArray(content)) {
    for (const child of content as OrderedNode[]) {
      if (Object.hasOwn(child, '#text')) text += decodeEntities(file, String(child['#text']));
      else {
        const element = toElement(file, child, namespaces);
        if (element !== undefined) children.push(element);
      }
    }
  }
  const { prefix, local } = splitName(qualified);
  return { name: local, namespace: namespaces.get(prefix) ?? '', attributes, children, text: text.trim() };
}

/** One line for a validator error: "line 12: Expected closing tag 'b'…". */
function wellFormednessProblem(text: string): string | undefined {
  const result = XMLValidator.validate(text);
  if (result === true) return undefined;
  return `line ${result.err.line}: ${result.err.msg}`;
}

/** The root element of an XML file; a FatalInputError for anything that is not safe, well-formed XML. */
export function readXmlTree(file: string, bytes: Buffer): XmlElement {
  if (bytes.length > MAX_XML_BYTES)
    throw new FatalInputError(file, 'XML larger than 20 MB: not read (an e-invoice is a few megabytes at most)');
  const text = decodeXml(file, bytes);
  refuseDoctype(file, text);
  const problem = wellFormednessProblem(text);
  if (problem !== undefined) throw new FatalInputError(file, `XML that is not well-formed, ${problem}`);
  let nodes: unknown;
  try {
    nodes = parser.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new FatalInputError(file, `XML that cannot be read: ${reason.replace(/\s+/g, ' ').slice(0, 200)}`);
  }
  const roots = (Array.isArray(nodes) ? (nodes as OrderedNode[]) : [])
    .map((node) => toElement(file, node, new Map()))
    .filter((element): element is XmlElement => element !== undefined);
  const root = roots[0];
  if (root === undefined) throw new FatalInputError(file, 'XML without a root element');
  return root;
}
