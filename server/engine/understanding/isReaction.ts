// Emoji (with their skin tones, joiners and variation selectors) and the emoticons typed with
// punctuation: ":)", ":D", ":v", "=))", "^^", "<3", "T_T". Letters count only inside one.
const REACTION_PIECES = [
  String.raw`\s|[.,!~]`,
  String.raw`\p{Extended_Pictographic}|\p{Emoji_Modifier}|\u200D|\uFE0F`,
  String.raw`[:;=8x][-']?[)(\]\[DdPpOo3v*|/\\]+`,
  String.raw`\^[_.-]?\^|<3+|T_T`,
];
const REACTION_ONLY = new RegExp(`^(?:${REACTION_PIECES.join("|")})+$`, "u");
const SOME_REACTION = /\p{Extended_Pictographic}|[:;=]|\^|<3|T_T/u;

/**
 * Whether a message is only emoji or emoticons: a reaction, answered as small talk.
 *
 * @example isReaction("👍") // true
 * @example isReaction(":D") // true
 * @example isReaction("???") // false
 */
export function isReaction(text: string): boolean {
  return text.length <= 64 && SOME_REACTION.test(text) && REACTION_ONLY.test(text);
}
