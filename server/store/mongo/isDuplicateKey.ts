import { MongoServerError } from "mongodb";

const DUPLICATE_KEY = 11000;

/** Whether a write was refused by a unique index: the index, not a read before the write, decides. */
export function isDuplicateKey(error: unknown): error is MongoServerError {
  return error instanceof MongoServerError && error.code === DUPLICATE_KEY;
}
