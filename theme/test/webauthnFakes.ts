// A stand-in for the browser's WebAuthn API in jsdom: records the options the page passes and
// answers with fixed bytes, so tests can check both the request and the posted fields.
const bytes = (...values: number[]) => new Uint8Array(values).buffer;

export function installWebAuthn() {
  const calls: { create: CredentialCreationOptions[]; get: CredentialRequestOptions[] } = { create: [], get: [] };
  let failWith: Error | undefined;
  /** What the browser says of passkey autofill (conditional mediation) and of a built-in authenticator. */
  const support = { conditional: false, platform: true };
  const credentials = {
    create: jest.fn(async (options: CredentialCreationOptions) => {
      calls.create.push(options);
      if (failWith) throw failWith;
      return {
        id: "AQID",
        rawId: bytes(1, 2, 3),
        authenticatorAttachment: "platform",
        response: {
          clientDataJSON: bytes(123, 125),
          attestationObject: bytes(250, 251),
          getTransports: () => ["internal", "hybrid"],
        },
      };
    }),
    get: jest.fn(async (options: CredentialRequestOptions) => {
      calls.get.push(options);
      if (failWith) throw failWith;
      return {
        id: "AQID",
        rawId: bytes(1, 2, 3),
        response: { clientDataJSON: bytes(123, 125), authenticatorData: bytes(9), signature: bytes(48, 69), userHandle: bytes(117) },
      };
    }),
  };
  beforeEach(() => {
    calls.create.length = 0;
    calls.get.length = 0;
    failWith = undefined;
    support.conditional = false;
    support.platform = true;
    const PublicKeyCredential = Object.assign(function PublicKeyCredential() {}, {
      isConditionalMediationAvailable: async () => support.conditional,
      isUserVerifyingPlatformAuthenticatorAvailable: async () => support.platform,
    });
    Object.defineProperty(window, "PublicKeyCredential", { value: PublicKeyCredential, configurable: true });
    Object.defineProperty(navigator, "credentials", { value: credentials, configurable: true });
  });
  afterEach(() => {
    Reflect.deleteProperty(window, "PublicKeyCredential");
    Reflect.deleteProperty(navigator, "credentials");
  });
  return {
    calls,
    support,
    fail(err: Error) {
      failWith = err;
    },
  };
}
