/**
 * Whether the start of an input is XML: an XML declaration, or a first element after comments.
 * The reader then tells an e-invoice from other XML by its root element and namespace.
 */

const XML_START = /^\uFEFF?\s*(<\?xml[\s?]|(<!--[\s\S]*?-->\s*)*<[A-Za-z_][\w.-]*(:[A-Za-z_][\w.-]*)?[\s>/])/;

export function looksLikeXml(head: string): boolean {
  return XML_START.test(head);
}
