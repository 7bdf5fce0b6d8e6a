import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

/** A key and certificate for 127.0.0.1 and localhost; `certFile` is the PEM a client is told to trust. */
export interface SelfSignedCertificate {
  key: string;
  cert: string;
  certFile: string;
}

const PREFIX = "khai-ho-fake-zalo-cert-";
const DAY_MS = 24 * 60 * 60_000;

/**
 * The fake's https certificate, valid two days, made with openssl at most once a day and shared by
 * every process (an RSA key takes a noticeable fraction of a second, and test workers start many
 * fakes). It stays in the temporary folder so `ZALO_MEDIA_CA_FILE` can point at it: an exit hook
 * cannot clean it up, since Jest's sandboxed `process` never sees the worker's exit.
 */
export function selfSignedCertificate(): SelfSignedCertificate {
  const today = Math.floor(Date.now() / DAY_MS);
  const dir = path.join(tmpdir(), `${PREFIX}${today}`);
  if (!existsSync(path.join(dir, "cert.pem"))) {
    const staging = mkdtempSync(path.join(tmpdir(), `${PREFIX}new-`));
    execFileSync(
      "openssl",
      [
        ...["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=localhost"],
        ...["-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost", "-days", "2"],
        ...["-keyout", path.join(staging, "key.pem"), "-out", path.join(staging, "cert.pem")],
      ],
      { stdio: "ignore" },
    );
    // Renaming the whole folder publishes key and certificate together; a process that lost the race uses the winner's.
    try {
      renameSync(staging, dir);
    } catch {
      rmSync(staging, { recursive: true, force: true });
    }
    removeExpired(today);
  }
  const certFile = path.join(dir, "cert.pem");
  return { key: readFileSync(path.join(dir, "key.pem"), "utf8"), cert: readFileSync(certFile, "utf8"), certFile };
}

/** Folders of certificates that have expired (made two days or more before today). */
function removeExpired(today: number): void {
  for (const name of readdirSync(tmpdir())) {
    const day = Number(name.slice(PREFIX.length));
    if (name.startsWith(PREFIX) && Number.isInteger(day) && day <= today - 2)
      rmSync(path.join(tmpdir(), name), { recursive: true, force: true });
  }
}
