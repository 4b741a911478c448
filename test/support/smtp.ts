// An SMTP server inside the test process, so tests can read the e-mails Keycloak sends.
//
//   const smtp = await startSmtp();
//   await pointRealmAtSmtp(realm, smtp);
//   ... make Keycloak send something ...
//   const mail = await smtp.waitFor((m) => m.to.includes("alice@example.test"));
//   await smtp.close();
//
// It speaks just what Jakarta Mail (Keycloak's mailer) needs without auth or TLS, and accepts every
// message. It listens on all interfaces because Keycloak in a container reaches it through the
// bridge's gateway address (testServer().hostFromServer), not through localhost.
import { createServer, type Socket } from "node:net";
import type { FreshRealm } from "./realm.js";

export interface ReceivedMail {
  /** The From header, encoded words decoded (e.g. `Prüfstelle <keycloak@example.test>`). */
  readonly from: string;
  /** The envelope sender (MAIL FROM). */
  readonly mailFrom: string;
  /** The envelope recipients (RCPT TO). */
  readonly to: string[];
  /** The Subject header, encoded words decoded. */
  readonly subject: string;
  /** The first text/plain part (or a single-part text body), decoded; undefined if none. */
  readonly text: string | undefined;
  /** The first text/html part, decoded; undefined if none. */
  readonly html: string | undefined;
  /** Header names in lower case, values unfolded and decoded. */
  readonly headers: Record<string, string>;
  /** The message as transmitted (dot-unstuffed), read as UTF-8. */
  readonly raw: string;
}

export interface SmtpServer {
  readonly port: number;
  /** Every message accepted so far, oldest first. */
  readonly messages: ReceivedMail[];
  /** The first message, already received or still to come, that pred accepts. */
  waitFor(pred: (mail: ReceivedMail) => boolean, timeoutMs?: number): Promise<ReceivedMail>;
  close(): Promise<void>;
}

const NAME = "smtp.test";

export async function startSmtp(): Promise<SmtpServer> {
  const messages: ReceivedMail[] = [];
  const waiters = new Set<() => void>();
  const sockets = new Set<Socket>();

  const accept = (envelope: Envelope, data: string) => {
    messages.push(parseMail(data, envelope));
    for (const wake of waiters) wake();
  };
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    socket.on("error", () => socket.destroy());
    converse(socket, accept);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "0.0.0.0", () => resolve());
  });
  const address = server.address();
  if (!address || typeof address === "string") throw new Error("SMTP server has no TCP port");

  return {
    port: address.port,
    messages,
    waitFor(pred, timeoutMs = 30_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = messages.find(pred);
          if (!found) return false;
          cleanup();
          resolve(found);
          return true;
        };
        const timer = setTimeout(() => {
          cleanup();
          const seen = messages.map((m) => `"${m.subject}" to ${m.to.join(", ")}`).join("; ") || "none";
          reject(new Error(`no matching e-mail within ${timeoutMs} ms (received: ${seen})`));
        }, timeoutMs);
        const cleanup = () => {
          clearTimeout(timer);
          waiters.delete(check);
        };
        if (!check()) waiters.add(check);
      });
    },
    close() {
      // server.close() waits for open connections, and Jakarta Mail may keep one open.
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve, reject) => server.close((err) => (err ? reject(err) : resolve())));
    },
  };
}

/** Points the realm's e-mail settings at the test SMTP server (plain SMTP, no auth). */
export async function pointRealmAtSmtp(
  realm: FreshRealm,
  smtp: Pick<SmtpServer, "port">,
  options: { from?: string; fromDisplayName?: string } = {},
): Promise<Record<string, string>> {
  const smtpServer = {
    host: realm.server.hostFromServer,
    port: String(smtp.port),
    from: options.from ?? "keycloak@example.test",
    fromDisplayName: options.fromDisplayName ?? "Keycloak tests",
    auth: "false",
    ssl: "false",
    starttls: "false",
  };
  await realm.admin.realms.update({ realm: realm.name }, { smtpServer });
  return smtpServer;
}

interface Envelope {
  readonly mailFrom: string;
  readonly to: string[];
}

/**
 * One SMTP conversation. The socket is read as latin1, one character per byte, so 8-bit bodies
 * reach the MIME parser unchanged and are decoded only once their charset is known.
 */
function converse(socket: Socket, accept: (envelope: Envelope, data: string) => void): void {
  let buffered = "";
  let mailFrom: string | undefined;
  let to: string[] = [];
  let data: string[] | undefined; // lines of the message while in DATA
  const reply = (line: string) => socket.write(`${line}\r\n`);
  const reset = () => {
    mailFrom = undefined;
    to = [];
  };

  const command = (line: string) => {
    const verb = line.slice(0, 4).toUpperCase();
    const address = () => /<([^>]*)>/.exec(line)?.[1] ?? line.slice(line.indexOf(":") + 1).trim().split(/\s/)[0] ?? "";
    switch (verb) {
      case "EHLO":
      case "HELO":
        reset();
        return reply(`250 ${NAME}`);
      case "MAIL":
        reset();
        mailFrom = address();
        return reply("250 OK");
      case "RCPT":
        if (mailFrom === undefined) return reply("503 MAIL first");
        to.push(address());
        return reply("250 OK");
      case "DATA":
        if (!to.length) return reply("503 RCPT first");
        data = [];
        return reply("354 End data with <CR><LF>.<CR><LF>");
      case "RSET":
        reset();
        return reply("250 OK");
      case "NOOP":
        return reply("250 OK");
      case "QUIT":
        reply(`221 ${NAME} closing`);
        return socket.end();
      default:
        return reply("502 Command not implemented");
    }
  };

  const dataLine = (line: string) => {
    if (line !== ".") {
      // Dot-stuffing (RFC 5321 4.5.2): the client doubled every leading dot.
      data!.push(line.startsWith(".") ? line.slice(1) : line);
      return;
    }
    const message = data!.join("\r\n") + "\r\n";
    data = undefined;
    try {
      accept({ mailFrom: mailFrom ?? "", to }, message);
      reply("250 OK queued");
    } catch (err) {
      reply(`554 cannot parse message: ${(err as Error).message.replace(/\s+/g, " ")}`);
    }
    reset();
  };

  socket.setEncoding("latin1");
  reply(`220 ${NAME} ESMTP`);
  socket.on("data", (chunk: string) => {
    buffered += chunk;
    let end: number;
    while ((end = buffered.indexOf("\n")) >= 0) {
      const line = buffered.slice(0, end).replace(/\r$/, "");
      buffered = buffered.slice(end + 1);
      if (data) dataLine(line);
      else command(line);
    }
  });
}

// --- MIME ---------------------------------------------------------------------------------------

interface Part {
  readonly headers: Record<string, string>;
  readonly body: string; // latin1, one character per byte
}

/** Parses a message as received (latin1: one character per byte) into its headers and text parts. */
export function parseMail(message: string, envelope: Envelope): ReceivedMail {
  const top = splitPart(message);
  const found: { text?: string; html?: string } = {};
  collectText(top, found);
  return {
    from: top.headers.from ?? envelope.mailFrom,
    mailFrom: envelope.mailFrom,
    to: [...envelope.to],
    subject: top.headers.subject ?? "",
    text: found.text,
    html: found.html,
    headers: top.headers,
    raw: Buffer.from(message, "latin1").toString("utf8"),
  };
}

function splitPart(source: string): Part {
  const blank = /\r?\n\r?\n/.exec(source);
  const head = blank ? source.slice(0, blank.index) : source;
  const body = blank ? source.slice(blank.index + blank[0].length) : "";
  const headers: Record<string, string> = {};
  // Unfolding (RFC 5322 2.2.3): a line break followed by white space continues the header.
  for (const line of head.replace(/\r?\n(?=[ \t])/g, "").split(/\r?\n/)) {
    const colon = line.indexOf(":");
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    // Raw 8-bit header text, if any, is UTF-8 (RFC 6532); encoded words are decoded after that.
    headers[name] ??= decodeEncodedWords(Buffer.from(line.slice(colon + 1).trim(), "latin1").toString("utf8"));
  }
  return { headers, body };
}

function collectText(part: Part, found: { text?: string; html?: string }): void {
  const { type, params } = contentType(part.headers["content-type"]);
  if (type.startsWith("multipart/") && params.boundary) {
    for (const child of multipartChildren(part.body, params.boundary)) collectText(splitPart(child), found);
    return;
  }
  if (/^attachment\b/i.test(part.headers["content-disposition"] ?? "")) return;
  const decoded = () => decodeCharset(decodeTransfer(part.body, part.headers["content-transfer-encoding"]), params.charset);
  if (type === "text/plain" && found.text === undefined) found.text = decoded();
  else if (type === "text/html" && found.html === undefined) found.html = decoded();
}

function contentType(value = "text/plain"): { type: string; params: Record<string, string> } {
  const type = value.split(";")[0]!.trim().toLowerCase();
  const params: Record<string, string> = {};
  for (const m of value.matchAll(/;\s*([\w.-]+)\s*=\s*(?:"([^"]*)"|([^;\s]+))/g)) {
    params[m[1]!.toLowerCase()] = m[2] ?? m[3] ?? "";
  }
  return { type, params };
}

/** The parts between `--boundary` lines, up to `--boundary--` (preamble and epilogue dropped). */
function multipartChildren(body: string, boundary: string): string[] {
  const children: string[] = [];
  let current: string[] | undefined; // undefined in the preamble
  for (const line of body.split(/\r?\n/)) {
    const delimiter = line.trimEnd();
    if (delimiter === `--${boundary}` || delimiter === `--${boundary}--`) {
      // The line break before a delimiter belongs to the delimiter, so joining drops it.
      if (current) children.push(current.join("\r\n"));
      if (delimiter === `--${boundary}--`) return children;
      current = [];
    } else {
      current?.push(line);
    }
  }
  if (current) children.push(current.join("\r\n")); // no closing delimiter: keep what came
  return children;
}

function decodeTransfer(body: string, encoding = "7bit"): Buffer {
  switch (encoding.trim().toLowerCase()) {
    case "base64":
      return Buffer.from(body.replace(/[^A-Za-z0-9+/=]/g, ""), "base64");
    case "quoted-printable":
      return decodeQuotedPrintable(body);
    default: // 7bit, 8bit, binary: the bytes themselves
      return Buffer.from(body, "latin1");
  }
}

function decodeQuotedPrintable(text: string): Buffer {
  // A trailing "=" is a soft line break (RFC 2045 6.7), not part of the text; white space after it
  // was added in transport.
  const joined = text.replace(/=[ \t]*\r?\n/g, "");
  const bytes: number[] = [];
  for (let i = 0; i < joined.length; i++) {
    const hex = joined.slice(i + 1, i + 3);
    if (joined[i] === "=" && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(joined.charCodeAt(i) & 0xff);
    }
  }
  return Buffer.from(bytes);
}

function decodeCharset(bytes: Uint8Array, charset = "utf-8"): string {
  try {
    return new TextDecoder(charset.replace(/\*.*$/, "")).decode(bytes);
  } catch {
    return new TextDecoder("utf-8").decode(bytes); // an unknown label: UTF-8 is Keycloak's
  }
}

const ENCODED_WORD = /=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g;
const ENCODED_RUN = /=\?[^?]+\?[BbQq]\?[^?]*\?=(?:\s+=\?[^?]+\?[BbQq]\?[^?]*\?=)*/g;

/**
 * RFC 2047 encoded words (`=?UTF-8?Q?Pr=C3=BCfung?=`, `=?UTF-8?B?...?=`). White space between two
 * encoded words is not text (6.2), and an encoder may split a UTF-8 character across two words, so
 * each run of adjacent words is decoded as one byte sequence per charset.
 */
export function decodeEncodedWords(value: string): string {
  return value.replace(ENCODED_RUN, (run) => {
    let out = "";
    let charset: string | undefined;
    let bytes: Buffer[] = [];
    const flush = () => {
      if (charset !== undefined) out += decodeCharset(Buffer.concat(bytes), charset);
      bytes = [];
    };
    for (const [, cs, encoding, text] of run.matchAll(ENCODED_WORD)) {
      const label = cs!.toLowerCase();
      if (label !== charset) flush();
      charset = label;
      bytes.push(
        encoding!.toUpperCase() === "B"
          ? Buffer.from(text!, "base64")
          : decodeQuotedPrintable(text!.replace(/_/g, " ")),
      );
    }
    flush();
    return out;
  });
}
