import type { TargetStatus } from '../../contract/indicator-status.ts';

interface DatedTarget {
  year: number | null;
  status: TargetStatus;
}

/** The targets a reader looks at this year: from this year on (and those without a year), nearest first. */
export function upcomingTargets<T extends DatedTarget>(targets: readonly T[], year: number): T[] {
  return targets.filter((t) => t.year === null || t.year >= year).sort((a, b) => (a.year ?? 9999) - (b.year ?? 9999));
}

/** An indicator is on track when its nearest upcoming target is met or on track; without one it is not counted. */
export function targetOnTrack(targets: readonly DatedTarget[], year: number): boolean | null {
  const [nearest] = upcomingTargets(targets, year);
  if (!nearest) return null;
  return nearest.status === 'met' || nearest.status === 'on_track';
}
