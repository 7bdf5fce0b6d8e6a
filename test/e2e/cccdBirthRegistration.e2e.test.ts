/**
 * A birth registration on a phone (390×844) in Chromium where both parents give their ID cards by
 * photo ("Quét CCCD", then "Chọn ảnh": Chromium without a camera cannot film a card, so the scanner's file
 * input is given synthetic card photos), and the citizen types only what no card holds: the child's
 * details and a few answers. The characters typed are counted and compared with the same registration
 * typed in full (the flow walker's inputs). Figures in docs/benchmarks.md.
 */
import type { Page } from "playwright-core";
import { initialState, type ConversationState } from "../../server/engine/conversationState";
import type { EngineInput } from "../../server/engine/engineIO";
import { transition } from "../../server/engine/transition";
import { chromiumForThisFile, describeInChromium, eventually } from "../support/consoleBrowser";
import { catalogue, textValues, walkFlow } from "../support/flowWalker";
import { syntheticCards, type SyntheticCard } from "../support/syntheticCards";

// Runs in the page; the project's type library has no DOM.
declare const localStorage: { getItem(key: string): string | null };

const PHONE = { width: 390, height: 844 };
const PROCEDURE = "dang-ky-khai-sinh";
/** What the father, registering his son, answers where no card holds it; the walker's samples elsewhere. */
const ANSWERS = {
  childFullName: "Trần Bảo Long",
  childPlaceOfBirth: "Bệnh viện Đa khoa khu vực Hồng Ngự, Đồng Tháp",
  childHometown: "xã Tân Hội, tỉnh Đồng Tháp",
  birthCertificatePhoto: { kind: "choice", value: "skip" } as EngineInput,
};

const widget = (page: Page) => page.locator("khai-ho-chat");
const visibleChoices = (page: Page) => widget(page).locator(".choices:not([hidden]) .choice");

/** Whose card a question of an identity group asks for, by its step's name. */
function groupOf(stepId: string): "requester" | "mother" | "father" | null {
  const match = /^(requester|mother|father)/.exec(stepId);
  return match ? (match[1] as "requester" | "mother" | "father") : null;
}

/**
 * The typed walk's answer to each step, as the engine took them: the step asked when each input was
 * sent (inputs answering a side question, a warning to confirm, are left out).
 */
function typedAnswers(inputs: readonly EngineInput[]): {
  byStep: Map<string, EngineInput>;
  typed: number;
  taps: number;
} {
  const cat = catalogue();
  let state: ConversationState = initialState("vi", "an-thanh");
  const byStep = new Map<string, EngineInput>();
  let typed = 0;
  let taps = 0;
  for (const input of inputs) {
    const step = state.stepId && !state.pending ? stepKind(state) : null;
    if (step && !byStep.has(state.stepId!)) byStep.set(state.stepId!, input);
    // A question with buttons is answered by a tap; the walker types their labels.
    if (input.kind === "text" && (step === "ask" || step === null) && state.pending?.kind !== "confirmWarning")
      typed += [...input.text].length;
    else taps++;
    state = transition(cat, state, input, { now: new Date() }).state;
  }
  return { byStep, typed, taps };

  function stepKind(s: ConversationState): string {
    const compiled = cat.flows.get(s.flowId!)!;
    return compiled.flow.steps[compiled.stepIndex.get(s.stepId!)!]!.kind;
  }
}

/**
 * The parents' cards: synthetic ones of a woman born in 1990 and a man born in 1982 (seeds 108 and 115 of
 * `syntheticCards`), sharp enough that this test is about the conversation, not about reading photos.
 */
async function parentsCards(): Promise<{ mother: SyntheticCard; father: SyntheticCard }> {
  const [[mother], [father]] = await Promise.all([syntheticCards(1, 108), syntheticCards(1, 115)]);
  expect([mother!.person.sex, father!.person.sex]).toEqual(["Nữ", "Nam"]);
  return { mother: mother!, father: father! };
}

describeInChromium("a birth registration with both parents' ID cards scanned, on a phone", () => {
  const chromium = chromiumForThisFile();

  it("takes the parents' details from their cards, and the citizen types nothing about them", async () => {
    const { mother, father } = await parentsCards();
    const fullWalk = walkFlow(PROCEDURE, { clock: { now: new Date() }, unitId: "an-thanh", answers: ANSWERS });
    const typedWalk = typedAnswers(fullWalk.inputs);
    // The walker's requester is the child's father ("Cha", the first relationship): his card is the
    // requester's, and the flow takes the father's details from it; the mother's card is hers.
    const cardOf = { requester: father, mother, father };
    const scanned = new Set<string>();

    const page = await chromium().openPage(PHONE, "/");
    await widget(page).locator(".launcher").click();
    await visibleChoices(page).getByText("Đăng ký khai sinh", { exact: true }).click();
    const conversationId = await eventually(
      () => page.evaluate((key) => localStorage.getItem(key), `khaiho:${chromium().server.url}`),
      (stored) => stored !== null && stored.includes('"conversationId":"'),
      "the conversation's id",
    ).then((stored) => (JSON.parse(stored!) as { conversationId: string }).conversationId);
    const stateNow = async () => (await chromium().server.store.getConversation(conversationId))!.state;

    let typed = 0;
    /** Characters typed at a question of the requester's, the mother's or the father's identity. */
    let typedForParents = 0;
    let taps = 1;
    let turns = 0;
    let last = "";
    for (;;) {
      // A turn is over when the server has stored the next state and the widget has nothing left to send.
      const state = await eventually(stateNow, (s) => JSON.stringify(s) !== last, "the next question");
      await widget(page).locator(".pending .outgoing").waitFor({ state: "detached" });
      await page.waitForTimeout(100);
      last = JSON.stringify(state);
      if (++turns > 120) throw new Error("the registration did not end");
      const labels = await visibleChoices(page).allTextContents();
      const tap = async (label: string) => {
        taps++;
        await visibleChoices(page).getByText(label, { exact: true }).click();
      };
      const type = async (text: string) => {
        typed += [...text].length;
        if (groupOf(state.stepId ?? "") || /^(mother|father)/.test(state.stepId ?? ""))
          typedForParents += [...text].length;
        const input = widget(page).locator("textarea");
        await input.fill(text);
        await input.press("Enter");
      };

      if (state.pending?.kind === "confirmIdentity") {
        await tap("Đúng, điền giúp tôi");
        continue;
      }
      if (state.pending?.kind === "chooseSpelling" || state.pending?.kind === "confirmWarning") {
        const yes = labels.find((label) => /^(Có|Đúng)/.test(label)) ?? labels[0];
        if (yes) await tap(yes);
        else await type("có");
        continue;
      }
      if (state.stepId === "review") {
        await tap("Xác nhận và nộp");
        break;
      }
      const group = groupOf(state.stepId ?? "");
      if (group && !scanned.has(group) && labels.includes("Quét CCCD")) {
        scanned.add(group);
        taps += 2;
        await visibleChoices(page).getByText("Quét CCCD", { exact: true }).click();
        await widget(page)
          .locator(".scanner input[type=file]")
          .setInputFiles({ name: "cccd.jpg", mimeType: "image/jpeg", buffer: cardOf[group].photo });
        continue;
      }
      // A value the card filled, offered to keep (a parent's residence from the card's address).
      const keep = labels.find((label) => label.startsWith("Giữ nguyên"));
      if (keep) {
        await tap(keep);
        continue;
      }
      const answer = typedWalk.byStep.get(state.stepId!);
      if (!answer) throw new Error(`the typed walk never answered ${state.stepId}`);
      if (answer.kind === "choice") {
        await tap(answer.value === "skip" ? "Bỏ qua" : (labels.find((l) => l.includes(answer.value)) ?? answer.value));
      } else if (answer.kind === "text") {
        const button = labels.find((label) => label.toLowerCase() === answer.text.toLowerCase());
        if (button) await tap(button);
        else await type(answer.text);
      } else throw new Error(`no answer in the browser for a ${answer.kind} input at ${state.stepId}`);
    }

    await widget(page).locator(".done-code").waitFor();
    const answers = (await stateNow()).answers;
    expect(scanned).toEqual(new Set(["requester", "mother"]));
    const filled = Object.fromEntries(
      ["motherFullName", "motherIdNumber", "fatherFullName", "fatherIdNumber", "childFullName"].map((id) => [
        id,
        textValues({ [id]: answers[id]! })[0],
      ]),
    );
    expect(filled).toEqual({
      motherFullName: mother.person.fullName,
      motherIdNumber: mother.person.idNumber,
      fatherFullName: father.person.fullName,
      fatherIdNumber: father.person.idNumber,
      childFullName: ANSWERS.childFullName,
    });
    process.stdout.write(
      `birth registration on a phone: ${typed} characters typed and ${taps} taps with both parents' cards ` +
        `scanned, against ${typedWalk.typed} characters typed and ${typedWalk.taps} taps typed in full ` +
        `(${Math.round((1 - typed / typedWalk.typed) * 100)}% fewer characters)\n`,
    );
    expect(typedForParents).toBe(0);
    expect(typed).toBeLessThan(typedWalk.typed);
  }, 240_000);
});
