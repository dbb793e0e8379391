import { CriticalityLevel, diff, type Change } from '@graphql-inspector/core';
import { buildSchema } from 'graphql';
import { acknowledgementsIn } from './changelog';

export interface SchemaChange {
  coordinate: string;
  type: string;
  message: string;
}

export interface Comparison {
  breaking: SchemaChange[];
  /** Breaking changes the changelog does not acknowledge: any of them fails the check. */
  unacknowledged: SchemaChange[];
  /** Changes that break no valid query but may surprise a client (e.g. a new enum value). */
  dangerous: SchemaChange[];
  safe: SchemaChange[];
}

const shape = (change: Change): SchemaChange => ({ coordinate: change.path ?? '(schema)', type: change.type, message: change.message });

/** Compares two client schemas with @graphql-inspector/core and matches the breaking changes with the changelog. */
export async function compareSchemas(previous: string, current: string, changelog: string): Promise<Comparison> {
  const changes = await diff(buildSchema(previous), buildSchema(current));
  const of = (level: CriticalityLevel) => changes.filter((c) => c.criticality.level === level).map(shape);
  const breaking = of(CriticalityLevel.Breaking);
  const acknowledged = acknowledgementsIn(changelog);
  return {
    breaking,
    unacknowledged: breaking.filter((b) => !acknowledged.some((a) => a.coordinate === b.coordinate && a.type === b.type)),
    dangerous: of(CriticalityLevel.Dangerous),
    safe: of(CriticalityLevel.NonBreaking),
  };
}
