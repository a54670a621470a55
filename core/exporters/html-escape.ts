// Escaping for the HTML report: text and quoted attribute values, and class names made from stored values.
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** For text and quoted attribute values alike. */
export const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

/** Class names from enums, kept to letters and hyphens even if a hand-edited file says otherwise. */
export const classToken = (value: string) => value.replace(/[^a-z-]/g, '');
