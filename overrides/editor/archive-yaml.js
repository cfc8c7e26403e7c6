// How the form editor reads and writes data/*.yaml: a save changes only what the editor changed.
//
// Decap's own YAML format writes the whole file anew: comments go, {zh: …, en: …} and [a, b]
// become block style, folded paragraphs are re-wrapped. Here each file is kept as read, and:
// - a changed value (a text, a number, another county chosen) is replaced in place in the
//   original text; every other byte stays as it was;
// - a field or list item added or removed is applied to the parsed document, which keeps
//   comments, key order, quoting and flow style, but may re-wrap long paragraphs;
// - a file holding several records (a list) is shown but never written: it is edited in a
//   text editor, as the README says.
// An account's front matter is written the same way (archiveFrontMatter); its body as typed.
import { CST, Composer, Parser, parseDocument, stringify } from "./yaml/index.js";

const LINE_WIDTH = 100; // as the archive's files are wrapped
const read = new Map(); // record id (or narrator, for an account) -> text of its YAML as last read
const LIST = "__file_holds_several_records";

const idOf = (record) => record.id ?? record.file;
const isMap = (value) => value !== null && typeof value === "object" && !Array.isArray(value);
const isScalar = (value) => value === null || typeof value !== "object";

function fromFile(content) {
  const value = parseDocument(content).toJS() ?? {};
  if (Array.isArray(value)) {
    return { id: value.map(idOf).join(" + "), [LIST]: true };
  }
  if (idOf(value) !== undefined) read.set(idOf(value), content);
  return value;
}

// Empty fields of the form are absent fields in the file.
function pruned(value) {
  if (Array.isArray(value)) return value.map(pruned);
  if (!isMap(value)) return value;
  const kept = {};
  for (const [key, item] of Object.entries(value)) {
    const inner = pruned(item);
    const empty = inner === undefined || inner === null || inner === "" || (isMap(inner) && !Object.keys(inner).length);
    if (!empty) kept[key] = inner;
  }
  return kept;
}

// The values that changed ([path, value]) when only values changed, or null when fields or
// list items were added or removed.
function changedValues(before, after, path = [], changes = []) {
  if (isScalar(before) && isScalar(after)) {
    if (before !== after) changes.push([path, after]);
    return changes;
  }
  if (Array.isArray(before) && Array.isArray(after) && before.length === after.length) {
    for (let i = 0; i < after.length && changes; i += 1) changes = changedValues(before[i], after[i], [...path, i], changes);
    return changes;
  }
  const sameKeys = isMap(before) && isMap(after) && Object.keys(before).length === Object.keys(after).length
    && Object.keys(after).every((key) => key in before);
  if (!sameKeys) return null;
  for (const key of Object.keys(after)) {
    if (changes) changes = changedValues(before[key], after[key], [...path, key], changes);
  }
  return changes;
}

// A string the YAML reader would take for a number, a boolean or a null keeps its quotes.
const looksTyped = (text) => /^([-+]?[\d.]|(true|false|null|yes|no|on|off|~)$)/i.test(text);

function replaceValues(content, changes) {
  const tokens = Array.from(new Parser().parse(content));
  const [doc] = Array.from(new Composer({ keepSourceTokens: true }).compose(tokens));
  for (const [path, value] of changes) {
    const node = doc.getIn(path, true);
    const parent = path.length > 1 ? doc.getIn(path.slice(0, -1), true) : doc.contents;
    const text = typeof value === "string" ? value : String(value);
    const quote = typeof value === "string" && node.srcToken.type === "scalar" && looksTyped(text);
    const inFlow = Boolean(parent?.flow);
    // afterKey: a paragraph's lines are indented under their key, not level with it.
    CST.setScalarValue(node.srcToken, text, { inFlow, afterKey: !inFlow, type: quote ? "QUOTE_DOUBLE" : undefined });
  }
  return tokens.map((token) => CST.stringify(token)).join("");
}

function applyStructure(doc, path, before, after) {
  if (Array.isArray(before) && Array.isArray(after)) {
    after.forEach((item, i) => (i < before.length ? applyStructure(doc, [...path, i], before[i], item) : doc.addIn(path, item)));
    for (let i = before.length - 1; i >= after.length; i -= 1) doc.deleteIn([...path, i]);
  } else if (isMap(before) && isMap(after)) {
    for (const key of Object.keys(before)) if (!(key in after)) doc.deleteIn([...path, key]);
    for (const [key, item] of Object.entries(after)) {
      if (key in before) applyStructure(doc, [...path, key], before[key], item);
      else doc.setIn([...path, key], item);
    }
  } else if (before !== after) {
    doc.setIn(path, after);
  }
}

// The YAML text holding `record`, written over `content` (the same record as read) so that
// only what changed differs. Any `content` gives the same data; it only lends its layout.
function written(record, content) {
  if (content === undefined) return stringify(record, { lineWidth: LINE_WIDTH });
  const before = parseDocument(content).toJS() ?? {};
  const changes = changedValues(before, record);
  if (changes) return replaceValues(content, changes);
  const doc = parseDocument(content);
  applyStructure(doc, [], before, record);
  return doc.toString({ lineWidth: LINE_WIDTH });
}

function toFile(data) {
  if (data[LIST]) {
    throw new Error(`${data.id}: this file holds several records; edit it in a text editor`);
  }
  const record = pruned(data);
  return written(record, read.get(idOf(record)));
}

export const archiveYaml = { fromFile, toFile };

// An account: front matter between two '---' lines, then the account itself (the `body`
// field). Each language file is read and written on its own, known by its narrator.
const FRONT = /^---\r?\n([\s\S]*?)^---[ \t]*(?:\r?\n|$)/m;

function frontFromFile(content) {
  const match = content.match(FRONT);
  if (!match || match.index !== 0) return { body: content };
  const front = match[1];
  const meta = parseDocument(front).toJS() ?? {};
  if (meta.narrator !== undefined) read.set(`narrator:${meta.narrator}`, front);
  return { ...meta, body: content.slice(match[0].length) };
}

function frontToFile(data) {
  const { body = "", ...meta } = pruned(data);
  return `---\n${written(meta, read.get(`narrator:${meta.narrator}`))}---\n${body}`;
}

export const archiveFrontMatter = { fromFile: frontFromFile, toFile: frontToFile };
