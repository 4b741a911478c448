// The test SMTP server (test/support/smtp.ts), talked to over a raw socket the way Jakarta Mail
// talks to it: the MIME shapes Keycloak sends (multipart/alternative, quoted-printable or base64
// UTF-8 parts, encoded Subject and From) come out decoded.
import { connect, type Socket } from "node:net";
import { decodeEncodedWords, startSmtp, type SmtpServer } from "../support/smtp.js";

/** A line-at-a-time SMTP client: each call sends one line (or none) and returns the reply's code. */
async function client(port: number) {
  const socket: Socket = connect(port, "127.0.0.1");
  socket.setEncoding("latin1");
  let buffered = "";
  const pending: ((line: string) => void)[] = [];
  socket.on("data", (chunk: string) => {
    buffered += chunk;
    let end: number;
    while ((end = buffered.indexOf("\r\n")) >= 0) {
      const line = buffered.slice(0, end);
      buffered = buffered.slice(end + 2);
      // A multi-line reply ("250-...") continues until a line with a space after the code.
      if (line[3] !== "-") pending.shift()?.(line);
    }
  });
  const reply = () => new Promise<string>((resolve) => pending.push(resolve));
  const greeting = reply();
  await new Promise<void>((resolve) => socket.once("connect", resolve));
  expect(await greeting).toMatch(/^220 /);
  return {
    async send(line: string | Buffer): Promise<number> {
      const answer = reply();
      socket.write(typeof line === "string" ? `${line}\r\n` : line);
      return Number((await answer).slice(0, 3));
    },
    close: () => new Promise<void>((resolve) => socket.end(resolve)),
  };
}

/** Sends one whole message the way a client does: envelope, DATA, dot-stuffed body, ".". */
async function deliver(port: number, from: string, to: string[], message: string): Promise<void> {
  const c = await client(port);
  expect(await c.send("EHLO tester")).toBe(250);
  expect(await c.send(`MAIL FROM:<${from}>`)).toBe(250);
  for (const rcpt of to) expect(await c.send(`RCPT TO:<${rcpt}>`)).toBe(250);
  expect(await c.send("DATA")).toBe(354);
  const stuffed = message.split("\r\n").map((l) => (l.startsWith(".") ? `.${l}` : l)).join("\r\n");
  expect(await c.send(Buffer.from(`${stuffed}\r\n.\r\n`, "utf8"))).toBe(250);
  expect(await c.send("QUIT")).toBe(221);
  await c.close();
}

const crlf = (lines: string[]) => lines.join("\r\n");

describe("test SMTP server", () => {
  let smtp: SmtpServer;
  beforeEach(async () => {
    smtp = await startSmtp();
  });
  afterEach(async () => {
    await smtp.close();
  });

  it("decodes a multipart/alternative message with quoted-printable UTF-8 parts, as Keycloak sends", async () => {
    const message = crlf([
      "Date: Mon, 1 Jan 2024 10:00:00 +0000",
      "From: =?UTF-8?Q?Pr=C3=BCfstelle_M=C3=BCller?= <keycloak@example.test>",
      "To: alice@example.test",
      // Folded, and split into two encoded words between which the white space is not text.
      "Subject: =?UTF-8?Q?Gr=C3=BC=C3=9Fe_aus_?=",
      " =?UTF-8?Q?K=C3=B6ln?=",
      "MIME-Version: 1.0",
      'Content-Type: multipart/alternative; boundary="----=_Part_0_1.2"',
      "",
      "------=_Part_0_1.2",
      "Content-Type: text/plain; charset=UTF-8",
      "Content-Transfer-Encoding: quoted-printable",
      "",
      "Sch=C3=B6ne Gr=C3=BC=C3=9Fe, a long line broken by a soft =",
      "line break.",
      ".a line that starts with a dot",
      "------=_Part_0_1.2",
      "Content-Type: text/html; charset=UTF-8",
      "Content-Transfer-Encoding: quoted-printable",
      "",
      "<p class=3D\"x\">Sch=C3=B6ne Gr=C3=BC=C3=9Fe</p>",
      "------=_Part_0_1.2--",
      "",
    ]);
    await deliver(smtp.port, "keycloak@example.test", ["alice@example.test", "bob@example.test"], message);

    const mail = await smtp.waitFor((m) => m.to.includes("alice@example.test"), 5_000);
    expect(mail.subject).toBe("Grüße aus Köln");
    expect(mail.from).toBe("Prüfstelle Müller <keycloak@example.test>");
    expect(mail.mailFrom).toBe("keycloak@example.test");
    expect(mail.to).toEqual(["alice@example.test", "bob@example.test"]);
    expect(mail.text).toBe("Schöne Grüße, a long line broken by a soft line break.\r\n.a line that starts with a dot");
    expect(mail.html).toBe('<p class="x">Schöne Grüße</p>');
    expect(mail.raw).toContain("\r\n.a line that starts with a dot\r\n"); // dot-unstuffed
    expect(mail.raw).not.toContain("\r\n..a line");
  });

  it("decodes base64 parts and a base64 Subject that splits a character across two words", async () => {
    const b64 = (s: string) => Buffer.from(s, "utf8").toString("base64");
    const subject = Buffer.from("Bestätigung Ihrer E-Mail-Adresse", "utf8");
    const split = 5; // inside "ä" (bytes 4 and 5): each word alone is not valid UTF-8
    const message = crlf([
      "From: keycloak@example.test",
      `Subject: =?UTF-8?B?${subject.subarray(0, split).toString("base64")}?= =?UTF-8?B?${subject.subarray(split).toString("base64")}?=`,
      "Content-Type: multipart/alternative;",
      "\tboundary=b1",
      "",
      "preamble, not a part",
      "--b1",
      "Content-Type: text/plain; charset=UTF-8",
      "Content-Transfer-Encoding: base64",
      "",
      ...b64("Bitte bestätigen Sie Ihre Adresse.\nDanke!").match(/.{1,20}/g)!,
      "--b1",
      "Content-Type: text/html; charset=UTF-8",
      "Content-Transfer-Encoding: base64",
      "",
      b64("<b>Bitte bestätigen</b>"),
      "--b1--",
      "epilogue",
    ]);
    await deliver(smtp.port, "keycloak@example.test", ["carol@example.test"], message);

    const mail = await smtp.waitFor((m) => m.to.includes("carol@example.test"), 5_000);
    expect(mail.subject).toBe("Bestätigung Ihrer E-Mail-Adresse");
    expect(mail.from).toBe("keycloak@example.test");
    expect(mail.text).toBe("Bitte bestätigen Sie Ihre Adresse.\nDanke!");
    expect(mail.html).toBe("<b>Bitte bestätigen</b>");
  });

  it("takes a single-part 8bit body and a plain 7bit one as they are", async () => {
    await deliver(smtp.port, "a@example.test", ["eight@example.test"], crlf([
      "Subject: plain",
      "Content-Type: text/plain; charset=UTF-8",
      "Content-Transfer-Encoding: 8bit",
      "",
      "Grüße",
    ]));
    await deliver(smtp.port, "a@example.test", ["seven@example.test"], crlf(["Subject: seven", "", "just text"]));

    expect((await smtp.waitFor((m) => m.to.includes("eight@example.test"), 5_000)).text).toBe("Grüße\r\n"); // a single part ends where the message does
    const seven = await smtp.waitFor((m) => m.subject === "seven", 5_000);
    expect(seven.text).toBe("just text\r\n");
    expect(seven.html).toBeUndefined();
    expect(smtp.messages.map((m) => m.subject)).toEqual(["plain", "seven"]);
  });

  it("keeps the order of commands: RSET forgets the envelope, NOOP and HELO answer, the rest is refused", async () => {
    const c = await client(smtp.port);
    expect(await c.send("HELO tester")).toBe(250);
    expect(await c.send("NOOP")).toBe(250);
    expect(await c.send("RCPT TO:<x@example.test>")).toBe(503);
    expect(await c.send("MAIL FROM:<a@example.test> BODY=8BITMIME")).toBe(250);
    expect(await c.send("RCPT TO:<dropped@example.test>")).toBe(250);
    expect(await c.send("RSET")).toBe(250);
    expect(await c.send("DATA")).toBe(503);
    expect(await c.send("AUTH PLAIN AGFAYg==")).toBe(502);
    expect(await c.send("MAIL FROM:<>")).toBe(250); // the null sender of bounces
    expect(await c.send("RCPT TO:<kept@example.test>")).toBe(250);
    expect(await c.send("DATA")).toBe(354);
    expect(await c.send(Buffer.from("Subject: after reset\r\n\r\nbody\r\n.\r\n"))).toBe(250);
    expect(await c.send("QUIT")).toBe(221);
    await c.close();

    const mail = await smtp.waitFor(() => true, 5_000);
    expect(mail).toMatchObject({ mailFrom: "", to: ["kept@example.test"], subject: "after reset", text: "body\r\n" });
  });

  it("says what did arrive when the awaited e-mail does not", async () => {
    await deliver(smtp.port, "a@example.test", ["b@example.test"], crlf(["Subject: other", "", "x"]));
    await expect(smtp.waitFor((m) => m.subject === "never", 200)).rejects.toThrow(
      'no matching e-mail within 200 ms (received: "other" to b@example.test)',
    );
  });
});

describe("decodeEncodedWords", () => {
  it("decodes Q and B words, any case, other charsets, and leaves plain text alone", () => {
    expect(decodeEncodedWords("=?utf-8?q?=C3=A4_b?= plain")).toBe("ä b plain");
    expect(decodeEncodedWords("=?ISO-8859-1?Q?M=FCller?= <m@example.test>")).toBe("Müller <m@example.test>");
    expect(decodeEncodedWords(`=?UTF-8?B?${Buffer.from("Grüße").toString("base64")}?=`)).toBe("Grüße");
    expect(decodeEncodedWords("a_b =?x")).toBe("a_b =?x");
  });
});
