/** One attribute that differs between a resource's prior and planned values, in plan terms. */
export interface AttributeDiff {
  /** e.g. `runtime`, `environment[0].variables.GEMINI_API_KEY`, `layers[1]`. */
  readonly path: string;
  readonly before: unknown;
  /** `undefined` with `unknown: true` when the value is only known after apply. */
  readonly after: unknown;
  readonly unknown: boolean;
  readonly sensitive: boolean;
}

type Json = unknown;

const isObject = (v: Json): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isEmpty = (v: Json) => v === null || v === undefined || (Array.isArray(v) && v.length === 0) || (isObject(v) && Object.keys(v).length === 0);

function child(v: Json, key: string | number): Json {
  if (Array.isArray(v) && typeof key === 'number') return v[key];
  if (isObject(v) && typeof key === 'string') return v[key];
  return undefined;
}

/** Sensitivity marks: `true` on a container covers everything in it. */
const inherit = (marks: Json, key: string | number): Json => (marks === true ? true : child(marks, key));

const join = (path: string, key: string | number) => (typeof key === 'number' ? `${path}[${key}]` : path ? `${path}.${key}` : key);

/**
 * The leaf attributes that differ between `before` and `after`, using the plan's
 * `after_unknown` and `*_sensitive` markers. Null and empty collections are the same
 * "unset" (the provider plans them as equal); containers of different shape are one
 * diff at the container.
 */
export function attributeDiffs(change: {
  before: Json;
  after: Json;
  after_unknown?: Json;
  before_sensitive?: Json;
  after_sensitive?: Json;
}): AttributeDiff[] {
  const diffs: AttributeDiff[] = [];
  const walk = (path: string, before: Json, after: Json, unknown: Json, bs: Json, as: Json): void => {
    const sensitive = bs === true || as === true;
    if (unknown === true) {
      diffs.push({ path, before, after: undefined, unknown: true, sensitive });
      return;
    }
    const parts = [before, after, unknown === false ? undefined : unknown];
    if (parts.every((v) => isEmpty(v) || Array.isArray(v)) && parts.some((v) => Array.isArray(v) && v.length)) {
      const n = Math.max(...parts.map((v) => (Array.isArray(v) ? v.length : 0)));
      for (let i = 0; i < n; i++) walk(join(path, i), child(before, i), child(after, i), child(unknown, i), inherit(bs, i), inherit(as, i));
      return;
    }
    if (parts.every((v) => isEmpty(v) || isObject(v)) && parts.some((v) => isObject(v) && Object.keys(v).length)) {
      const keys = new Set(parts.flatMap((v) => (isObject(v) ? Object.keys(v) : [])));
      for (const key of keys) walk(join(path, key), child(before, key), child(after, key), child(unknown, key), inherit(bs, key), inherit(as, key));
      return;
    }
    if (isEmpty(before) && isEmpty(after)) return;
    if (JSON.stringify(before) !== JSON.stringify(after)) diffs.push({ path, before, after, unknown: false, sensitive });
  };
  walk('', change.before, change.after, change.after_unknown, change.before_sensitive, change.after_sensitive);
  return diffs;
}
