import { defineFlow } from "../../flows/defineFlow";
import type { Flow, Step } from "../../flows/flowTypes";
import { HONG_NGU_CITY, HONG_NGU_UNITS_2022 } from "../../flows/units";
import { ALL_FLOWS } from "../../flows/catalogue";
import { buildCatalogue } from "../../server/engine/buildCatalogue";
import { formTemplateExists } from "../../server/dossier/renderForm";
import { ask, choose, confirm, infoTemplate, is, option, review, submit, t } from "../../flows/stepBuilders";

function flowOf(steps: Step[], extra: Partial<Flow> = {}): Flow {
  return defineFlow({
    id: "thu-nghiem",
    name: t("Thử", "Test"),
    producesDossier: false,
    submission: { online: true },
    steps,
    ...extra,
  });
}

function load(flow: Flow) {
  return () => buildCatalogue({ flows: [flow], units: HONG_NGU_UNITS_2022, city: HONG_NGU_CITY, formTemplateExists });
}

const name = ask("hoTen", "name", t("Họ tên?", "Name?"));

describe("flow validation at start-up", () => {
  it("accepts every shipped flow", () => {
    expect(() =>
      buildCatalogue({ flows: ALL_FLOWS, units: HONG_NGU_UNITS_2022, city: HONG_NGU_CITY, formTemplateExists }),
    ).not.toThrow();
  });

  it("names the flow, the step and the closest step when a jump target is misspelt", () => {
    const flow = flowOf([
      choose("loai", t("Loại?", "Kind?"), [option("a", t("A", "A")), option("b", t("B", "B"))], {
        goto: { a: "hoTen", b: "hoTne" },
      }),
      name,
      submit(),
    ]);
    expect(load(flow)).toThrow(
      'FLOW_UNKNOWN_TARGET: flow "thu-nghiem", step "loai": jumps to "hoTne", which is not a step. Did you mean ' +
        '"hoTen"?',
    );
  });

  it("refuses a choice with branches where one option has none", () => {
    const flow = flowOf([
      choose("loai", t("Loại?", "Kind?"), [option("a", t("A", "A")), option("b", t("B", "B"))], {
        goto: { a: "hoTen" },
      }),
      name,
      submit(),
    ]);
    expect(load(flow)).toThrow('FLOW_CHOICE_WITHOUT_BRANCH: flow "thu-nghiem", step "loai": option "b"');
  });

  it("refuses a step no path reaches", () => {
    const flow = flowOf([
      choose("loai", t("Loại?", "Kind?"), [option("a", t("A", "A"))], { goto: { a: "cuoi" } }),
      name,
      review(),
      { ...submit(), id: "cuoi" },
    ]);
    expect(load(flow)).toThrow('FLOW_STEP_UNREACHABLE: flow "thu-nghiem", step "hoTen"');
  });

  it("refuses a jump backwards, which could loop forever", () => {
    const flow = flowOf([
      name,
      { kind: "branch", id: "vong", cases: [{ when: is("hoTen", "A"), goto: "hoTen" }] },
      submit(),
    ]);
    expect(load(flow)).toThrow("FLOW_BACKWARD_JUMP");
  });

  it("refuses a message template that does not exist", () => {
    expect(load(flowOf([infoTemplate("gioiThieu", "khong-co-mau"), name, submit()]))).toThrow(
      'FLOW_TEMPLATE_NOT_FOUND: flow "thu-nghiem", step "gioiThieu": no message template "khong-co-mau"',
    );
  });

  it("refuses a condition on a field no step fills", () => {
    expect(
      load(flowOf([name, confirm("coCon", t("Có con?", "Children?"), { when: is("hoTne", "A") }), submit()])),
    ).toThrow(
      'FLOW_UNKNOWN_FIELD: flow "thu-nghiem", step "coCon": refers to "hoTne", which no step fills. Did you mean ' +
        '"hoTen"?',
    );
  });

  it("refuses an unknown field type", () => {
    const bad = { ...name, type: "nmae" } as unknown as Step;
    expect(load(flowOf([bad, submit()]))).toThrow(
      'FLOW_UNKNOWN_FIELD_TYPE: flow "thu-nghiem", step "hoTen": field type "nmae" has no parser. Did you mean "name"?',
    );
  });

  it("refuses two steps with one id", () => {
    expect(load(flowOf([name, name, submit()]))).toThrow('FLOW_DUPLICATE_STEP: flow "thu-nghiem", step "hoTen"');
  });

  it("refuses a flow that does not end by submitting", () => {
    expect(load(flowOf([name]))).toThrow('FLOW_NO_SUBMIT: flow "thu-nghiem"');
  });

  it("refuses a procedure flow that leaves a field of the official form uncovered", () => {
    const flow = flowOf([name, submit()], { id: "dang-ky-khai-tu", producesDossier: true });
    expect(load(flow)).toThrow('FLOW_FIELD_NOT_COVERED: flow "dang-ky-khai-tu": form field "kinhGui"');
  });
});
