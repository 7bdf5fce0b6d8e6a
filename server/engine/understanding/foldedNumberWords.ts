/**
 * One to ten as citizens write them without diacritics ("hai", "bốn" or "tư", "mười" as "muoi"): for a choice
 * given by its number ("thứ hai") and a date given in words ("mùng ba tháng tư"). Each use adds its own words
 * ("nhất" for a first choice, "rằm" for the fifteenth, "giêng" and "chạp" for lunar months).
 */
export const FOLDED_NUMBER_WORDS: Readonly<Record<string, number>> = {
  mot: 1,
  hai: 2,
  ba: 3,
  bon: 4,
  tu: 4,
  nam: 5,
  sau: 6,
  bay: 7,
  tam: 8,
  chin: 9,
  muoi: 10,
};
