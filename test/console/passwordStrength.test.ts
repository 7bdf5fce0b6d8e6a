import { passwordProblem } from "../../server/console/passwordStrength";

const lan = { username: "lan.nguyen", displayName: "Nguyễn Thị Lan" };

describe("a new password", () => {
  it("needs 12 characters at least", async () => {
    expect(await passwordProblem("ngắn quá", lan)).toEqual({
      vi: expect.stringContaining("12 ký tự"),
      en: expect.stringContaining("12 characters"),
    });
  });

  it.each([
    ["a common password with digits", "password1234"],
    ["a Vietnamese common password", "matkhau123456"],
    ["the same with diacritics", "Mậtkhẩu123456"],
    ["the username repeated", "lan.nguyenlan.nguyen"],
    ["the display name with digits", "nguyenthilan1990"],
    ["the city's name with the year", "hongngu2026!!"],
    ["the city's name with diacritics", "Hồng Ngự 2026!!"],
    ["the site's name", "khaiho2026!!ab"],
    ["a repeated character", "a".repeat(30)],
  ])("is refused when it is %s, saying why in Vietnamese and English", async (_what, password) => {
    const problem = await passwordProblem(password, lan);
    expect(problem).toEqual({
      vi: expect.stringContaining("dễ đoán"),
      en: expect.stringContaining("too easy to guess"),
    });
  });

  it("gives zxcvbn's reason in English", async () => {
    expect((await passwordProblem("password1234", lan))?.en).toContain("commonly used password");
    expect((await passwordProblem("lan.nguyenlan.nguyen", lan))?.en).toContain("personal");
  });

  it.each(["ngựa vằn ăn cỏ dưới trăng khuya", "correct horse battery staple", "mật khẩu của cán bộ phường"])(
    "is accepted as a long passphrase: %s",
    async (password) => {
      expect(await passwordProblem(password, lan)).toBeNull();
    },
  );
});
