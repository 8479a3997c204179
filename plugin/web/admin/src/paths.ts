// Maps the JSON paths in the API's problems ("$.rule.examples.flag[1]") to the form field they
// name ("examples.flag"), so a problem is shown beside the field that has it. Pure.

// The field key for `path` under `prefix` among `keys`, or "" when the problem concerns the
// whole rule (or a field the form does not show).
export function fieldForPath(path: string, prefix: string, keys: readonly string[]): string {
  if (!path.startsWith(prefix)) return "";
  let rest = path.slice(prefix.length).replace(/\[\d+\]/g, "");
  if (rest.startsWith(".")) rest = rest.slice(1);
  const known = new Set(keys);
  // The longest known key that the path starts with: "when.intents" before "when".
  const parts = rest.split(".").filter((p) => p.length > 0);
  for (let n = parts.length; n > 0; n -= 1) {
    const key = parts.slice(0, n).join(".");
    if (known.has(key)) return key;
  }
  return "";
}

// The index of the item a path names in a list field ("$.rule.examples.flag[2]" -> 2).
export function itemIndex(path: string): number | null {
  const m = /\[(\d+)\]$/.exec(path);
  return m ? Number(m[1]) : null;
}
