// Validates Adaptive Cards for Teams (schema 1.5 at most).
// Usage: node validate-card.mjs card1.json [card2.json ...]   (a file may hold one card or an array of cards)
//        echo '[{...}, {...}]' | node validate-card.mjs            (one card or an array on stdin)
// Prints one JSON line per card: {"index":0,"source":"...","ok":true,"errors":[],"warnings":[]}.
// Exit 0 when every card is ok, 1 when any card has errors, 2 on bad usage.
//
// Two layers of checks:
//  1. The official `adaptivecards` parser with a 1.5 SerializationContext: its parse events
//     (unknown element/action types, types or properties newer than the target, invalid enum values)
//     and validateProperties() (duplicate ids, empty choice sets, missing version, labels on required inputs).
//  2. What that parser does not check: the card's `version` must be 1.0..1.5, every element/action type must
//     exist in schema 1.5, and the properties the 1.5 schema marks as required must be present;
//     plus two Teams/project rules: Action.Execute needs a verb, refresh.userIds holds at most 60 ids.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

// lib/ is ESM with extension-less imports Node cannot resolve; the UMD bundle in dist/ loads fine.
// Parsing and validateProperties() need no DOM (only rendering does), so no document shim is required.
const AC = createRequire(import.meta.url)("adaptivecards/dist/adaptivecards.js");

const MAX_VERSION = [1, 5];
const MAX_REFRESH_USERS = 60; // Teams limit for Universal Actions automatic refresh
const WARNING_EVENTS = new Set([AC.ValidationEvent.Hint, AC.ValidationEvent.Deprecated]);

// Types of schema 1.5 and the properties the 1.5 schema requires for each.
const ELEMENTS = {
  TextBlock: ["text"], Image: ["url"], Media: ["sources"], RichTextBlock: ["inlines"], TextRun: ["text"],
  Container: ["items"], ColumnSet: [], Column: [], FactSet: ["facts"], ImageSet: ["images"],
  ActionSet: ["actions"], Table: [], TableRow: [], TableCell: ["items"],
  "Input.Text": ["id"], "Input.Number": ["id"], "Input.Date": ["id"], "Input.Time": ["id"],
  "Input.Toggle": ["id", "title"], "Input.ChoiceSet": ["id"],
};
const ACTIONS = {
  "Action.OpenUrl": ["url"], "Action.Submit": [], "Action.ShowCard": ["card"],
  "Action.ToggleVisibility": ["targetElements"],
  // The 1.5 schema does not require `verb`; this bot routes Action.Execute by verb, so it is a project rule.
  "Action.Execute": ["verb"],
};
const CHILD_ELEMENTS = ["items", "columns", "rows", "cells", "inlines", "images"];
// Children whose "type" may be left out in card JSON.
const IMPLIED_TYPES = { columns: "Column", rows: "TableRow", cells: "TableCell", images: "Image", inlines: "TextRun" };

function withImpliedType(key, child) {
  if (typeof child === "string" && key === "inlines") return { type: "TextRun", text: child };
  if (child && typeof child === "object" && child.type === undefined && IMPLIED_TYPES[key]) {
    return { type: IMPLIED_TYPES[key], ...child };
  }
  return child;
}

function parseVersion(v) {
  const m = /^(\d+)\.(\d+)$/.exec(typeof v === "string" ? v : "");
  return m ? [Number(m[1]), Number(m[2])] : undefined;
}

function checkRequired(node, path, required, errors) {
  for (const prop of required) {
    const value = node[prop];
    if (value === undefined || value === null || value === "") {
      errors.push(`${path}: ${node.type} requires "${prop}"`);
    }
  }
}

function walkAction(action, path, errors) {
  if (!action || typeof action !== "object") return;
  const required = ACTIONS[action.type];
  if (!required) {
    errors.push(`${path}: action type "${action.type}" is not in Adaptive Cards 1.5`);
    return;
  }
  checkRequired(action, path, required, errors);
  if (action.type === "Action.ShowCard" && action.card) walkCard(action.card, `${path}.card`, errors, false);
  if (action.fallback && typeof action.fallback === "object") walkAction(action.fallback, `${path}.fallback`, errors);
}

function walkElement(el, path, errors) {
  if (!el || typeof el !== "object") return;
  const required = ELEMENTS[el.type];
  if (!required) {
    errors.push(`${path}: element type "${el.type}" is not in Adaptive Cards 1.5`);
    return;
  }
  checkRequired(el, path, required, errors);
  for (const key of CHILD_ELEMENTS) {
    // a Table's "columns" are width definitions, not elements
    if (!Array.isArray(el[key]) || (el.type === "Table" && key === "columns")) continue;
    el[key].forEach((child, i) => walkElement(withImpliedType(key, child), `${path}.${key}[${i}]`, errors));
  }
  if (Array.isArray(el.facts)) {
    el.facts.forEach((f, i) => checkRequired({ type: "Fact", ...f }, `${path}.facts[${i}]`, ["title", "value"], errors));
  }
  if (Array.isArray(el.choices)) {
    el.choices.forEach((c, i) => checkRequired({ type: "Input.Choice", ...c }, `${path}.choices[${i}]`, ["title", "value"], errors));
  }
  if (Array.isArray(el.actions)) el.actions.forEach((a, i) => walkAction(a, `${path}.actions[${i}]`, errors));
  if (el.selectAction) walkAction(el.selectAction, `${path}.selectAction`, errors);
  if (el.inlineAction) walkAction(el.inlineAction, `${path}.inlineAction`, errors);
  if (el.fallback && typeof el.fallback === "object") walkElement(el.fallback, `${path}.fallback`, errors);
}

function walkCard(card, path, errors, topLevel) {
  if (!card || typeof card !== "object" || Array.isArray(card)) {
    errors.push(`${path}: a card must be a JSON object`);
    return;
  }
  if (card.type !== "AdaptiveCard") errors.push(`${path}: "type" must be "AdaptiveCard"`);
  if (topLevel || card.version !== undefined) {
    const v = parseVersion(card.version);
    if (!v) errors.push(`${path}: "version" must be a string like "1.5" (got ${JSON.stringify(card.version)})`);
    else if (v[0] > MAX_VERSION[0] || (v[0] === MAX_VERSION[0] && v[1] > MAX_VERSION[1])) {
      errors.push(`${path}: version ${card.version} is newer than 1.5, the highest Teams renders`);
    }
  }
  (Array.isArray(card.body) ? card.body : []).forEach((el, i) => walkElement(el, `${path}.body[${i}]`, errors));
  (Array.isArray(card.actions) ? card.actions : []).forEach((a, i) => walkAction(a, `${path}.actions[${i}]`, errors));
  if (card.selectAction) walkAction(card.selectAction, `${path}.selectAction`, errors);
  if (card.refresh?.action) walkAction(card.refresh.action, `${path}.refresh.action`, errors);
  if (Array.isArray(card.refresh?.userIds) && card.refresh.userIds.length > MAX_REFRESH_USERS) {
    errors.push(`${path}.refresh.userIds: Teams refreshes the card for at most ${MAX_REFRESH_USERS} users`);
  }
}

function parserEvents(card, errors, warnings) {
  const context = new AC.SerializationContext(AC.Versions.v1_5);
  const parsed = new AC.AdaptiveCard();
  parsed.parse(card, context);
  const events = [];
  for (let i = 0; i < context.eventCount; i++) events.push(context.getEventAt(i));
  events.push(...parsed.validateProperties().validationEvents);
  for (const e of events) {
    const text = `${AC.ValidationPhase[e.phase]}/${AC.ValidationEvent[e.event]}: ${e.message}`;
    (WARNING_EVENTS.has(e.event) ? warnings : errors).push(text);
  }
}

function validate(card, index, source) {
  const errors = [];
  const warnings = [];
  walkCard(card, "$", errors, true);
  if (card && typeof card === "object" && !Array.isArray(card)) {
    try {
      parserEvents(card, errors, warnings);
    } catch (e) {
      errors.push(`parser threw: ${e.message}`);
    }
  }
  return { index, source, ok: errors.length === 0, errors, warnings };
}

function readCards() {
  const inputs = process.argv.length > 2
    ? process.argv.slice(2).map((f) => ({ source: f, text: () => readFileSync(f, "utf8") }))
    : [{ source: "stdin", text: () => readFileSync(0, "utf8") }];
  const cards = [];
  for (const input of inputs) {
    let json;
    try {
      json = JSON.parse(input.text().replace(/^\uFEFF/, ""));
    } catch (e) {
      cards.push({ source: input.source, invalid: `not readable JSON: ${e.message}` });
      continue;
    }
    for (const card of Array.isArray(json) ? json : [json]) cards.push({ source: input.source, card });
  }
  return cards;
}

let failed = false;
readCards().forEach((item, index) => {
  const result = item.invalid
    ? { index, source: item.source, ok: false, errors: [item.invalid], warnings: [] }
    : validate(item.card, index, item.source);
  failed ||= !result.ok;
  console.log(JSON.stringify(result));
});
process.exit(failed ? 1 : 0);
