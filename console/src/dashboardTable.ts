import { h } from "../../widget/shared/dom";
import type { TableModel } from "./dashboardFormat";

/** A table a screen reader can walk: a caption, column heads, and the first cell of each row heading it. */
export function dashboardTable(model: TableModel): HTMLTableElement {
  return h("table", { class: "data-table" }, [
    h("caption", {}, [model.caption]),
    h("thead", {}, [
      h(
        "tr",
        {},
        model.columns.map((column) => h("th", { scope: "col" }, [column])),
      ),
    ]),
    h(
      "tbody",
      {},
      model.rows.map((row) =>
        h(
          "tr",
          {},
          row.map((cell, i) => (i === 0 ? h("th", { scope: "row" }, [cell]) : h("td", {}, [cell]))),
        ),
      ),
    ),
  ]);
}
