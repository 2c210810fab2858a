/**
 * Reading a page in its own orientation. Print drivers draw landscape notices
 * sideways on portrait paper and set `/Rotate 90`; others draw sideways without it.
 * Either way each text run's matrix, taken into viewport space (pdf.js applies the
 * page's /Rotate there), says which way the text runs. The direction most of the
 * page's text runs in is the reading direction: the page is turned so that it runs
 * left to right, and runs in any other direction (margin notes, stamps) are left out.
 */
import type { TextItem } from './text-item';

/** A text run with its matrix in viewport space (y grows downwards). */
export interface ViewportRun {
  readonly text: string;
  /** [a, b, c, d, e, f]: the text space → viewport transform of the run. */
  readonly matrix: readonly number[];
  /** Advance along the baseline, in points. */
  readonly width: number;
}

export interface PageBox {
  readonly width: number;
  readonly height: number;
}

export interface UprightPage {
  readonly items: TextItem[];
  /** The page's height once turned upright. */
  readonly height: number;
}

/** How far (in radians) a run may be off a quarter turn and still count as running in it. */
const SKEW_TOLERANCE = (3 * Math.PI) / 180;

/** The quarter turn (0–3, clockwise in viewport space) a run's baseline points in, or null when it is skewed. */
function quarterOf(matrix: readonly number[]): number | null {
  const angle = Math.atan2(matrix[1], matrix[0]);
  const quarters = angle / (Math.PI / 2);
  const nearest = Math.round(quarters);
  if (Math.abs(quarters - nearest) * (Math.PI / 2) > SKEW_TOLERANCE) return null;
  return ((nearest % 4) + 4) % 4;
}

/** The quarter turn most of the text (by characters) runs in; 0 for an empty page. */
export function readingQuarter(runs: readonly ViewportRun[]): number {
  const weight = [0, 0, 0, 0];
  for (const run of runs) {
    const q = quarterOf(run.matrix);
    if (q !== null) weight[q] += run.text.trim().length;
  }
  let best = 0;
  for (let q = 1; q < 4; q++) if (weight[q] > weight[best]) best = q;
  return best;
}

/**
 * The page's text as upright items: turned by the reading direction, top-left at
 * (0, `yOffset`). Runs that are skewed, run another way, or are mirrored are left out.
 */
export function uprightItems(runs: readonly ViewportRun[], box: PageBox, page: number, yOffset: number): UprightPage {
  const quarter = readingQuarter(runs);
  const angle = (quarter * Math.PI) / 2;
  const cos = Math.round(Math.cos(angle));
  const sin = Math.round(Math.sin(angle));
  // Turning by -angle: (x, y) → (x cos + y sin, -x sin + y cos).
  const turn = (x: number, y: number): [number, number] => [x * cos + y * sin, -x * sin + y * cos];
  const corners = [turn(0, 0), turn(box.width, 0), turn(0, box.height), turn(box.width, box.height)];
  const minX = Math.min(...corners.map((c) => c[0]));
  const minY = Math.min(...corners.map((c) => c[1]));
  const height = Math.max(...corners.map((c) => c[1])) - minY;
  const items: TextItem[] = [];
  for (const run of runs) {
    const m = run.matrix;
    if (run.text.trim() === '' || quarterOf(m) !== quarter) continue;
    // The run's "up" (its y axis) must point up the turned page, or the text is mirrored.
    const [, upY] = turn(m[2], m[3]);
    if (upY >= 0) continue;
    const [x, y] = turn(m[4], m[5]);
    const fontSize = Math.hypot(m[2], m[3]) || 10;
    items.push({ text: run.text, x: x - minX, y: y - minY + yOffset, width: run.width, height: fontSize, page });
  }
  return { items, height };
}
