import { storeNotOpen } from "./storeChecks";

/**
 * What an aggregate of an adapter holds while its store is open (the prepared statements, the
 * collections); asking for it otherwise is refused with `STORE_NOT_OPEN`.
 *
 * @example
 * private readonly opened = new WhileOpen<AccountStatements>();
 * attach(db: Database.Database): void { this.opened.set(prepareAccountStatements(db)); }
 * async countUsers() { return this.opened.get().countUsers.get()?.count ?? 0; }
 */
export class WhileOpen<T> {
  private value: T | null = null;

  set(value: T): void {
    this.value = value;
  }

  clear(): void {
    this.value = null;
  }

  /** @throws StoreError `STORE_NOT_OPEN` before `open()` and after `close()`. */
  get(): T {
    if (this.value === null) throw storeNotOpen();
    return this.value;
  }
}
