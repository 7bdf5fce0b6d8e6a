import type { Condition, Value } from "../../flows/flowTypes";

type Answers = Readonly<Record<string, Value>>;
type Test = (answers: Answers) => boolean;

function isFilled(value: Value | undefined): boolean {
  return value !== undefined && value !== null && value !== "" && !(Array.isArray(value) && value.length === 0);
}

function compile(condition: Condition): Test {
  if ("all" in condition) {
    const parts = condition.all.map(compiled);
    return (answers) => parts.every((test) => test(answers));
  }
  if ("any" in condition) {
    const parts = condition.any.map(compiled);
    return (answers) => parts.some((test) => test(answers));
  }
  if ("not" in condition) {
    const inner = compiled(condition.not);
    return (answers) => !inner(answers);
  }
  const { field } = condition;
  if ("equals" in condition) {
    const expected = condition.equals;
    return (answers) => answers[field] === expected;
  }
  if ("in" in condition) {
    const allowed = condition.in;
    return (answers) => allowed.includes(answers[field] ?? null);
  }
  const wanted = condition.filled;
  return (answers) => isFilled(answers[field]) === wanted;
}

// Conditions are constants of the flows, evaluated for every step of the path on most turns:
// each is turned into a closure once instead of being interpreted every time.
const tests = new WeakMap<Condition, Test>();

function compiled(condition: Condition): Test {
  let test = tests.get(condition);
  if (!test) {
    test = compile(condition);
    tests.set(condition, test);
  }
  return test;
}

/** Whether a flow condition holds for the answers given so far. */
export function evaluateCondition(condition: Condition, answers: Answers): boolean {
  return compiled(condition)(answers);
}
