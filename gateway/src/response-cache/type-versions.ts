/** The version of each type an answer contains, as they were just before it was computed. */
export type TypeTags = Readonly<Record<string, number>>;

/**
 * One counter per object type of the graph, 0 until a mutation changes that type. A cached answer
 * carries the versions of its types (its tags); once a mutation moves one of them on, the answer no
 * longer matches and is never served again. Counters only move forward.
 */
export class TypeVersions {
  private readonly versions = new Map<string, number>();

  /** The current version of each type; captured before a read executes. */
  tagsOf(types: readonly string[]): TypeTags {
    const tags: Record<string, number> = {};
    for (const type of types) tags[type] = this.versions.get(type) ?? 0;
    return tags;
  }

  /** Whether none of the types of these tags has changed since they were captured. */
  isCurrent(tags: TypeTags | undefined): boolean {
    if (!tags) return false; // an entry stored without tags (another format) is never trusted
    for (const [type, version] of Object.entries(tags)) if ((this.versions.get(type) ?? 0) !== version) return false;
    return true;
  }

  /** Moves each type on by one; returns the new versions. */
  bump(types: readonly string[]): Record<string, number> {
    const next: Record<string, number> = {};
    for (const type of new Set(types)) {
      next[type] = (this.versions.get(type) ?? 0) + 1;
      this.versions.set(type, next[type]);
    }
    return next;
  }

  /** Takes versions learnt from elsewhere (another gateway, Redis); never moves a counter back. */
  advance(versions: Readonly<Record<string, unknown>>): void {
    for (const [type, value] of Object.entries(versions)) {
      const version = Number(value);
      if (Number.isSafeInteger(version) && version > (this.versions.get(type) ?? 0)) this.versions.set(type, version);
    }
  }

  /** Every type with a version, as [type, version] pairs. */
  known(): [string, number][] {
    return [...this.versions.entries()];
  }
}
