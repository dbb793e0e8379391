/* eslint-disable @typescript-eslint/no-require-imports */
// The modules @apollo/gateway's result shaping calls through @apollo/federation-internals' index,
// whose re-exports are getters: read once here, called directly.
const definitions = require('@apollo/federation-internals/dist/definitions');
const { isSubtype } = require('@apollo/federation-internals/dist/types');
const { ERRORS } = require('@apollo/federation-internals/dist/error');
const { assert } = require('@apollo/federation-internals/dist/utils');
const resultShaping = require('@apollo/gateway/dist/resultShaping') as { computeResponse: ComputeResponse };
const { deepMerge } = require('@apollo/gateway/dist/utilities/deepMerge') as { deepMerge: (target: object, source: unknown) => object };
/* eslint-enable @typescript-eslint/no-require-imports */
import { VERBATIM_KEY, VerbatimData } from './verbatim-answer';

type Shaped = { data: any; errors: any[] };
type ComputeResponse = ((options: {
  operation: any;
  variables?: Record<string, unknown>;
  input: any;
  introspectionHandling: (selection: any) => any;
}) => Shaped) & {
  original?: ComputeResponse;
};

/**
 * @apollo/gateway's `computeResponse` (resultShaping.js) walks the client's selection over the
 * merged answers of the fetches, field by field, to keep what the client asked for in its order,
 * propagate nulls and check leaf values. On every field of every object it asks the federation
 * schema again what it already knows: its @skip/@include (`appliedDirectivesOf`), its type and
 * response name, whether it is an introspection field, and every type test goes through the
 * getters of federation-internals' index. It was a fifth of the gateway's busy time on the
 * exhibition page.
 *
 * Here the same walk runs over a plan of the operation built once (per Operation, which
 * operation-memo.ts builds once per document): each selection's conditions, response name, kind
 * and type chain read ahead. The walk itself is the same, branch for branch, message for message:
 * `result-shaping.test.ts` compares the two over generated answers, malformed ones included.
 */
const enum Kind {
  NonNull,
  List,
  Composite,
  Leaf,
}
interface ValuePlan {
  kind: Kind;
  /** The federation type, for messages and __typename resolution. */
  type: any;
  of?: ValuePlan;
  /** Leaf: whether a value is valid for the type (null for a custom scalar, always valid). */
  leafCheck?: ((value: unknown) => boolean) | null;
}
/** A @skip or @include condition: a literal, or the name of a variable (with its objects, for the assert's message). */
type Condition = { literal: boolean } | { variable: string; ifArg: any; directive: any };
interface Step {
  isField: boolean;
  skip: Condition | undefined;
  include: Condition | undefined;
  /** Field. */
  responseName: string;
  introspection: boolean;
  typename: boolean;
  selection: any;
  value: ValuePlan | undefined;
  /** Fragment. */
  typeCondition: any;
  appliesTo: Map<string, boolean> | undefined;
  appliesUnder: Map<any, boolean> | undefined;
  sub: Step[] | undefined;
}
interface OperationPlan {
  schema: any;
  rootType: any;
  steps: Step[];
  usesVariables: boolean;
  defaulted: Record<string, unknown> | undefined;
  /**
   * Whether the answer's objects may be plain ones: none of the operation's response names is a
   * property of Object.prototype (`constructor`, `__proto__`, `toString`…), which a plain object
   * would read or set through its prototype. Apollo makes every object with a null prototype; V8
   * keeps those as dictionaries, which JSON.stringify walks about three times slower. With such a
   * name (an alias can be one), the plan makes null-prototype objects, as Apollo does.
   */
  plain: boolean;
}
interface Parameters {
  schema: any;
  variables: Record<string, unknown> | null;
  plan: OperationPlan;
  given: Record<string, unknown> | undefined;
  errors: any[];
  introspectionHandling: (selection: any) => any;
}

const TYPENAME: string = definitions.typenameFieldName;
const OK = 0;
const NULL_BUBBLE_UP = 1;

function conditionOf(element: any, directive: any, plan: { usesVariables: boolean }): Condition | undefined {
  const applied = element.appliedDirectivesOf(directive)[0];
  if (!applied) return undefined;
  const ifArg = applied.arguments().if;
  if (ifArg instanceof definitions.Variable) {
    plan.usesVariables = true;
    return { variable: ifArg.name, ifArg, directive: applied };
  }
  return { literal: ifArg };
}

function valuePlanOf(schema: any, type: any): ValuePlan {
  if (definitions.isNonNullType(type)) return { kind: Kind.NonNull, type, of: valuePlanOf(schema, type.ofType) };
  if (definitions.isListType(type)) return { kind: Kind.List, type, of: valuePlanOf(schema, type.ofType) };
  if (definitions.isCompositeType(type)) return { kind: Kind.Composite, type };
  return { kind: Kind.Leaf, type, leafCheck: leafCheckOf(schema, type) };
}

const integerString = /^-?(?:0|[1-9][0-9]*)$/;

/**
 * federation-internals' `isValidLeafValue(schema, value, type)` for one type, its lookups of the
 * built-in types done once: null for a custom scalar (any value is valid), the same tests otherwise.
 */
function leafCheckOf(schema: any, type: any): ((value: unknown) => boolean) | null {
  if (definitions.isCustomScalarType(type)) return null;
  const isBoolean = type === schema.booleanType();
  const isInt = type === schema.intType();
  const isIntOrId = isInt || type === schema.idType();
  const isFloat = type === schema.floatType();
  const enumValues = definitions.isEnumType(type) ? new Set<string>(type.values.map((v: any) => v.name)) : null;
  return (value) => {
    if (typeof value === 'boolean') return isBoolean;
    if (typeof value === 'number' && isFinite(value)) return isIntOrId ? integerString.test(String(value)) : isFloat;
    if (typeof value === 'string') return enumValues ? enumValues.has(value) : !isBoolean && !isInt && !isFloat;
    return false;
  };
}

function stepsOf(schema: any, selectionSet: any, plan: { usesVariables: boolean }): Step[] {
  const skip = schema.skipDirective();
  const include = schema.includeDirective();
  return selectionSet.selections().map((selection: any): Step => {
    const element = selection.element;
    const common = { skip: conditionOf(element, skip, plan), include: conditionOf(element, include, plan) };
    const sub = selection.selectionSet ? stepsOf(schema, selection.selectionSet, plan) : undefined;
    if (selection.kind === 'FieldSelection') {
      return {
        ...common,
        isField: true,
        responseName: element.responseName(),
        introspection: element.definition.isSchemaIntrospectionField(),
        typename: element.name === TYPENAME,
        selection,
        value: valuePlanOf(schema, element.definition.type),
        typeCondition: undefined,
        appliesTo: undefined,
        appliesUnder: undefined,
        sub,
      };
    }
    return {
      ...common,
      isField: false,
      responseName: '',
      introspection: false,
      typename: false,
      selection,
      value: undefined,
      typeCondition: element.typeCondition,
      appliesTo: new Map(),
      appliesUnder: new Map(),
      sub,
    };
  });
}

const plans = new WeakMap<object, OperationPlan>();
/** How many plans were built (a count the tests read: one per operation). */
export const shapingPlans = { built: 0 };

function planOf(operation: any): OperationPlan {
  let plan = plans.get(operation);
  if (!plan) {
    const schema = operation.schema();
    const building = { usesVariables: false };
    const steps = stepsOf(schema, operation.selectionSet, building);
    plan = {
      schema,
      rootType: schema.schemaDefinition.rootType(operation.rootKind),
      steps,
      usesVariables: building.usesVariables,
      defaulted: building.usesVariables ? operation.collectDefaultedVariableValues() : undefined,
      plain: !steps.some(namesPrototypeProperty),
    };
    plans.set(operation, plan);
    shapingPlans.built += 1;
  }
  return plan;
}

function namesPrototypeProperty(step: Step): boolean {
  return (step.isField && step.responseName in Object.prototype) || (step.sub?.some(namesPrototypeProperty) ?? false);
}

/** The variables the conditions read, built as Apollo builds them, once per answer and only when a condition reads one. */
function variablesOf(p: Parameters): Record<string, unknown> {
  if (!p.variables) p.variables = { __proto__: null, ...p.plan.defaulted, ...p.given } as Record<string, unknown>;
  return p.variables;
}

function conditionValue(condition: Condition, p: Parameters): boolean {
  if ('literal' in condition) return condition.literal;
  const value = variablesOf(p)[condition.variable];
  assert(value !== undefined && typeof value === 'boolean', () => `Unexpected value ${value} for variable ${condition.ifArg} of ${condition.directive}`);
  return value as boolean;
}

function skipped(step: Step, p: Parameters): boolean {
  return (step.skip !== undefined && conditionValue(step.skip, p)) || (step.include !== undefined && !conditionValue(step.include, p));
}

function typeConditionApplies(step: Step, typename: string | undefined, parentType: any, p: Parameters): boolean {
  const condition = step.typeCondition;
  if (!condition) return true;
  if (typename) {
    let applies = step.appliesTo!.get(typename);
    if (applies === undefined) {
      const type = p.schema.type(typename);
      applies = !!type && (isSubtype(condition, type) as boolean);
      step.appliesTo!.set(typename, applies);
    }
    return applies;
  }
  let applies = step.appliesUnder!.get(parentType);
  if (applies === undefined) {
    applies = isSubtype(condition, parentType) as boolean;
    step.appliesUnder!.set(parentType, applies);
  }
  return applies;
}

const hasOwn = Object.prototype.hasOwnProperty;

function applySelectionSet(input: any, steps: Step[], output: any, p: Parameters, path: (string | number)[], parentType: any): number {
  for (const step of steps) {
    if ((step.skip !== undefined || step.include !== undefined) && skipped(step, p)) continue;
    if (step.isField) {
      const responseName = step.responseName;
      const outputValue = output[responseName];
      if (step.introspection) {
        if (outputValue === undefined) output[responseName] = p.introspectionHandling(step.selection);
        continue;
      }
      let inputValue = (hasOwn.call(input, responseName) ? input[responseName] : undefined) ?? null;
      if (step.typename) {
        if (outputValue === undefined) {
          if (inputValue === null && responseName !== TYPENAME) inputValue = input[TYPENAME] ?? null;
          const type = inputValue !== null && typeof inputValue === 'string' ? (p.schema.type(inputValue) ?? parentType) : parentType;
          if (!definitions.isObjectType(type)) return NULL_BUBBLE_UP;
          output[responseName] = type.name;
        }
        continue;
      }
      path.push(responseName);
      output[responseName] = updateOutputValue(outputValue, step.value!, inputValue, step.sub, path, p, parentType);
      path.pop();
      if (invalid) return NULL_BUBBLE_UP;
    } else {
      const typename = input[TYPENAME];
      assert(!typename || typeof typename === 'string', () => `Got unexpected value for __typename: ${typename}`);
      if (typeConditionApplies(step, typename, parentType, p)) {
        if (applySelectionSet(input, step.sub!, output, p, path, step.typeCondition ?? parentType) === NULL_BUBBLE_UP) return NULL_BUBBLE_UP;
      }
    }
  }
  return OK;
}

function pathLastElementDescription(path: (string | number)[], currentType: any, parentType: any): string {
  const element = path[path.length - 1];
  assert(element !== undefined, 'Should not have been called on an empty path');
  return typeof element === 'string' ? `field ${parentType}.${element}` : `array element of type ${currentType} at index ${element}`;
}

// What Apollo's updateOutputValue answers beside the value ({ updated, isInvalid, hasErrors }),
// set by each call and read by its caller at once: the walk allocates no record per value.
let invalid = false;
let hasErrors = false;

function updateOutputValue(
  outputValue: any,
  plan: ValuePlan,
  inputValue: any,
  sub: Step[] | undefined,
  path: (string | number)[],
  p: Parameters,
  parentType: any,
): any {
  if (inputValue === undefined) assert(false, 'Should not pass undefined for `inputValue` to this method');
  if (outputValue === null || (outputValue !== undefined && !sub)) {
    invalid = hasErrors = false;
    return outputValue;
  }
  const type = plan.type;
  if (plan.kind === Kind.NonNull) {
    const updated = updateOutputValue(outputValue, plan.of!, inputValue, sub, path, p, parentType);
    if (updated === null) {
      if (!hasErrors) {
        p.errors.push(
          ERRORS.INVALID_GRAPHQL.err(`Cannot return null for non-nullable ${pathLastElementDescription(path, type.ofType, parentType)}.`, {
            path: Array.from(path),
          }),
        );
      }
      invalid = hasErrors = true;
      return updated;
    }
    invalid = hasErrors = false;
    return updated;
  }
  if (inputValue === null) {
    invalid = hasErrors = false;
    return null;
  }
  if (plan.kind === Kind.List) {
    assert(Array.isArray(inputValue), () => `Invalid non-list value ${inputValue} returned by subgraph for list type ${type}`);
    assert(outputValue === undefined || Array.isArray(outputValue), () => `Invalid non-list value ${outputValue} returned by subgraph for list type ${type}`);
    const length = inputValue.length;
    assert(
      outputValue === undefined || length === outputValue.length,
      () => `[${inputValue}].length (${length}) !== [${outputValue}].length (${outputValue.length})`,
    );
    const updated = new Array(length);
    let shouldNullify = false;
    let anyErrors = false;
    for (let idx = 0; idx < length; idx++) {
      path.push(idx);
      updated[idx] = updateOutputValue(outputValue === undefined ? undefined : outputValue[idx], plan.of!, inputValue[idx], sub, path, p, parentType);
      path.pop();
      shouldNullify ||= invalid;
      anyErrors ||= hasErrors;
    }
    invalid = false;
    hasErrors = anyErrors;
    return shouldNullify ? null : updated;
  }
  if (plan.kind === Kind.Composite) {
    assert(sub, () => `Invalid empty selection set for composite type ${type}`);
    assert(typeof inputValue === 'object', () => `Invalid non-object value ${inputValue} returned by subgraph for composite type ${type}`);
    assert(
      outputValue === undefined || typeof outputValue === 'object',
      () => `Invalid non-object value ${inputValue} returned by subgraph for composite type ${type}`,
    );
    const inputTypename = inputValue[TYPENAME];
    assert(inputTypename === undefined || typeof inputTypename === 'string', () => `Invalid non-string value ${inputTypename} for __typename at ${path}`);
    let objType = type;
    if (inputTypename) {
      const typenameType = p.schema.type(inputTypename);
      if (!typenameType || !definitions.isCompositeType(typenameType)) {
        p.errors.push(
          ERRORS.INVALID_GRAPHQL.err(`Invalid __typename found for object at ${pathLastElementDescription(path, type, parentType)}.`, {
            path: Array.from(path),
          }),
        );
        invalid = false;
        hasErrors = true;
        return null;
      }
      objType = typenameType;
    }
    const outputObject = outputValue === undefined ? (p.plan.plain ? {} : Object.create(null)) : outputValue;
    const bubbled = applySelectionSet(inputValue, sub!, outputObject, p, path, objType) === NULL_BUBBLE_UP;
    invalid = false;
    hasErrors = bubbled;
    return bubbled ? null : outputObject;
  }
  assert(outputValue === undefined, () => `Excepted output to be undefined but got ${type} for type ${type}`);
  const valid = plan.leafCheck === null || plan.leafCheck!(inputValue);
  if (!valid)
    p.errors.push(ERRORS.INVALID_GRAPHQL.err(`Invalid value found for ${pathLastElementDescription(path, type, parentType)}.`, { path: Array.from(path) }));
  invalid = false;
  hasErrors = !valid;
  return valid ? inputValue : null;
}

/** Apollo's computeResponse, over the operation's plan. */
export const planCompute: ComputeResponse = ({ operation, variables, input, introspectionHandling }) => {
  if (!input) return { data: input, errors: [] };
  const verbatim = (input as Record<string, unknown>)[VERBATIM_KEY];
  if (verbatim instanceof VerbatimData) {
    // The one fetch's answer, as the subgraph wrote it (verbatim-answer.ts); merged into the rest if anything else was fetched.
    delete (input as Record<string, unknown>)[VERBATIM_KEY];
    if (Object.keys(input).length === 0) return { data: verbatim as never, errors: [] };
    deepMerge(input, verbatim.value());
  }
  const plan = planOf(operation);
  const p: Parameters = { schema: plan.schema, variables: null, plan, given: variables, errors: [], introspectionHandling };
  const data = plan.plain ? {} : Object.create(null);
  const res = applySelectionSet(input, plan.steps, data, p, [], plan.rootType);
  return { data: res === NULL_BUBBLE_UP ? null : data, errors: p.errors };
};

/** Apollo's own, kept for the comparison. */
export const apolloCompute: ComputeResponse = resultShaping.computeResponse.original ?? resultShaping.computeResponse;

let installed = false;

/** Puts the planned shaping where executeQueryPlan looks it up (`resultShaping_1.computeResponse`), once per process. */
export function installResultShaping(): void {
  if (installed) return;
  resultShaping.computeResponse = Object.assign(planCompute, { original: apolloCompute });
  installed = true;
}
