import { generatePassword, hashPassword, verifyPassword } from "../../server/console/passwordHash";

describe("passwords", () => {
  it("are stored as salted scrypt hashes that only the right password matches", async () => {
    const hash = await hashPassword("một mật khẩu đủ dài");
    expect(hash).toMatch(/^scrypt\$32768\$8\$3\$[A-Za-z0-9_-]+\$[A-Za-z0-9_-]+$/);
    expect(hash).not.toContain("mật khẩu");
    expect(await verifyPassword("một mật khẩu đủ dài", hash)).toBe(true);
    expect(await verifyPassword("một mật khẩu đủ dài!", hash)).toBe(false);
    expect(await hashPassword("một mật khẩu đủ dài")).not.toBe(hash);
  });

  it("match whether the password was typed composed (NFC) or decomposed (NFD)", async () => {
    const hash = await hashPassword("mật khẩu tiếng Việt");
    expect(await verifyPassword("mật khẩu tiếng Việt".normalize("NFD"), hash)).toBe(true);
  });

  it("never throw on a damaged hash", async () => {
    for (const damaged of ["", "scrypt$", "md5$x$y", "scrypt$99$1$1$AAAA$BBBB", "scrypt$32768$8$3$!!$??"]) {
      expect(await verifyPassword("anything at all", damaged)).toBe(false);
    }
  });

  it("are generated long and unambiguous when someone else sets them", () => {
    const password = generatePassword();
    expect(password).toMatch(/^[a-km-zA-HJ-NP-Z2-9]{20}$/);
    expect(generatePassword()).not.toBe(password);
  });
});
