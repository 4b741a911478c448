// An upstream identity provider for brokering tests: a second realm on the same Keycloak with its
// own password + TOTP ladder (provisioned by our apply, so its tokens carry acr and amr), a
// confidential client for the local realm, users with known TOTP secrets, and the local realm's
// identity provider pointing at it.
import { randomBytes } from "node:crypto";
import { generateSync } from "otplib";
import type { Page } from "playwright-core";
import { totpCredential } from "../../provisioning/admin/users.js";
import { applyPolicy } from "../../provisioning/converge.js";
import { checkPolicy } from "../../provisioning/policy/validate.js";
import { enterUsernameAndPassword } from "./provisioned.js";
import type { FreshRealm } from "./realm.js";

/** Upstream levels: corp1 (password), corp2 (TOTP); users in corp-mfa always reach corp2. */
export const UPSTREAM_POLICY = `
version: 1
levels:
  - name: corp1
    acr: ["urn:corp:loa:1"]
    factors: [password]
    maxAge: 10h
  - name: corp2
    acr: ["urn:corp:loa:2"]
    factors: [totp]
    maxAge: 10h
factors:
  password: {}
  totp: {}
tiers:
  - tier: 1
    name: mfa-users
    group: corp-mfa
    level: corp2
    require: [totp]
  - tier: 3
    name: password-users
    group: corp-password
    level: corp1
`;

export interface UpstreamUser {
  readonly id: string;
  readonly username: string;
  readonly password: string;
  /** Base32 TOTP key, as an authenticator app holds it; absent for password-only users. */
  readonly totpKey?: string;
}

export async function provisionUpstream(upstream: FreshRealm): Promise<void> {
  const checked = checkPolicy("upstream.yaml", UPSTREAM_POLICY);
  if (!checked.ok) throw new Error(checked.issues.map((i) => i.message).join("\n"));
  await applyPolicy(upstream.admin, checked.policy, upstream.name);
}

/** A user of the upstream realm; with `totp`, in the group whose every sign-in asks password then TOTP. */
export async function upstreamUser(upstream: FreshRealm, username: string, options: { totp: boolean }): Promise<UpstreamUser> {
  const password = `pw-${randomBytes(9).toString("base64url")}`;
  const raw = randomBytes(20);
  // Partial import takes a TOTP credential with its secret, which the users endpoint does not.
  await upstream.admin.realms.partialImport({
    realm: upstream.name,
    rep: {
      ifResourceExists: "FAIL",
      users: [{
        username, enabled: true, email: `${username}@corp.example.test`, emailVerified: true, firstName: "Upstream", lastName: username,
        groups: [options.totp ? "/corp-mfa" : "/corp-password"],
        credentials: [
          { type: "password", value: password, temporary: false },
          ...(options.totp
            ? [totpCredential("phone", raw.toString("latin1"))]
            : []),
        ],
      }],
    },
  } as never);
  const id = (await upstream.admin.users.find({ realm: upstream.name, username, exact: true }))[0]!.id!;
  return { id, username, password, ...(options.totp ? { totpKey: base32(Buffer.from(raw.toString("latin1"), "utf8")) } : {}) };
}

/** Keycloak keeps a TOTP secret as text and uses its UTF-8 bytes as the key. */
function base32(bytes: Buffer): string {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  let bits = 0, value = 0, out = "";
  for (const b of bytes) {
    value = (value << 8) | b;
    bits += 8;
    while (bits >= 5) {
      out += alphabet[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += alphabet[(value << (5 - bits)) & 31];
  return out;
}

export function upstreamTotp(user: UpstreamUser, periodsAhead = 0): string {
  if (!user.totpKey) throw new Error(`${user.username} has no TOTP`);
  return generateSync({ secret: user.totpKey, epoch: Math.floor(Date.now() / 1000) + periodsAhead * 30 });
}

/**
 * An OIDC identity provider `alias` in the local realm, brokering to the upstream realm through a
 * confidential client made for it there. The browser reaches the upstream's authorization endpoint
 * at the server's published address; the local realm calls its token and key endpoints at the
 * server's own address (inside a container the published port is not reachable).
 */
export async function addIdentityProvider(local: FreshRealm, upstream: FreshRealm, alias: string, config: Record<string, string> = {}): Promise<void> {
  const clientId = `broker-${local.name}-${alias}`;
  const secret = randomBytes(24).toString("base64url");
  await upstream.admin.clients.create({
    realm: upstream.name, clientId, publicClient: false, secret, standardFlowEnabled: true, directAccessGrantsEnabled: false,
    redirectUris: [`${local.server.baseUrl}/realms/${local.name}/broker/${alias}/endpoint`],
  });
  const front = `${local.server.baseUrl}/realms/${upstream.name}/protocol/openid-connect`;
  const back = `${local.server.selfUrl}/realms/${upstream.name}/protocol/openid-connect`;
  await local.admin.identityProviders.create({
    realm: local.name, alias, displayName: `Corp ${alias}`, providerId: "oidc", enabled: true, trustEmail: true,
    config: {
      clientId, clientSecret: secret, clientAuthMethod: "client_secret_post",
      authorizationUrl: `${front}/auth`, tokenUrl: `${back}/token`, jwksUrl: `${back}/certs`, useJwksUrl: "true", validateSignature: "true",
      issuer: `${local.server.baseUrl}/realms/${upstream.name}`, pkceEnabled: "true", pkceMethod: "S256", defaultScope: "openid",
      disableUserInfo: "true", syncMode: "IMPORT",
      ...config,
    },
  } as never);
}

/** Links an existing local user to the upstream account, as a returning brokered user is. */
export async function linkUser(local: FreshRealm, localUserId: string, alias: string, upstream: UpstreamUser): Promise<void> {
  await local.admin.users.addToFederatedIdentity({
    realm: local.name, id: localUserId, federatedIdentityId: alias,
    federatedIdentity: { identityProvider: alias, userId: upstream.id, userName: upstream.username },
  });
}

/** On the upstream realm's pages: username, then password (its flow is identifier-first), then TOTP if asked. */
export async function upstreamSignIn(page: Page, user: UpstreamUser, totp: boolean): Promise<void> {
  await enterUsernameAndPassword(page, user);
  if (totp) {
    await page.waitForSelector("#otp");
    await page.fill("#otp", upstreamTotp(user));
    await page.click("#kc-login");
  }
}

/** The NameID format our SAML providers ask for (their upstream client sends the username whatever is asked). */
const SAML_NAMEID_UNSPECIFIED = "urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified";

/**
 * A SAML identity provider `alias` in the local realm, brokering to the upstream realm's SAML endpoint
 * through a SAML client made for it there (the client id is the local provider's SP entity ID). The
 * upstream answers with the username as NameID, so a linked account's user id is the upstream
 * username (see linkSamlUser), and sends email, first and last name as attributes, which the
 * provider's mappers import on a first sign-in. The browser reaches the upstream's single sign-on
 * service at the server's published address, which is also the issuer the upstream stamps; the local
 * realm fetches the upstream's signing keys from its metadata descriptor at the server's own address.
 * `clientAttributes` go on the upstream's SAML client (e.g. its "acr.loa.map").
 */
export async function addSamlIdentityProvider(
  local: FreshRealm, upstream: FreshRealm, alias: string, config: Record<string, string> = {}, clientAttributes: Record<string, string> = {},
): Promise<void> {
  const acs = `${local.server.baseUrl}/realms/${local.name}/broker/${alias}/endpoint`;
  // The provider's own metadata address: unique per provider (the realm address is the default, shared by all).
  const entityId = `${acs}/descriptor`;
  const property = (name: string) => ({
    name, protocol: "saml", protocolMapper: "saml-user-property-mapper",
    config: { "user.attribute": name, "attribute.name": name, "attribute.nameformat": "Basic" },
  });
  await upstream.admin.clients.create({
    realm: upstream.name, clientId: entityId, protocol: "saml", enabled: true, standardFlowEnabled: true,
    redirectUris: [acs],
    attributes: {
      saml_assertion_consumer_url_post: acs,
      "saml.client.signature": "false", "saml.server.signature": "true", "saml.assertion.signature": "false", "saml.authnstatement": "true",
      saml_force_name_id_format: "true", saml_name_id_format: "username", "saml.force.post.binding": "true",
      ...clientAttributes,
    },
    protocolMappers: ["email", "firstName", "lastName"].map(property),
  } as never);
  const front = `${local.server.baseUrl}/realms/${upstream.name}/protocol/saml`;
  await local.admin.identityProviders.create({
    realm: local.name, alias, displayName: `Corp ${alias}`, providerId: "saml", enabled: true, trustEmail: true,
    config: {
      entityId, idpEntityId: `${local.server.baseUrl}/realms/${upstream.name}`,
      singleSignOnServiceUrl: front, postBindingAuthnRequest: "true", postBindingResponse: "true",
      nameIDPolicyFormat: SAML_NAMEID_UNSPECIFIED, principalType: "SUBJECT",
      validateSignature: "true", wantAssertionsSigned: "false", wantAuthnRequestsSigned: "false",
      useMetadataDescriptorUrl: "true", metadataDescriptorUrl: `${local.server.selfUrl}/realms/${upstream.name}/protocol/saml/descriptor`,
      syncMode: "IMPORT",
      ...config,
    },
  } as never);
  for (const name of ["email", "firstName", "lastName"]) {
    await local.admin.identityProviders.createMapper({
      alias,
      identityProviderMapper: {
        name, identityProviderAlias: alias, identityProviderMapper: "saml-user-attribute-idp-mapper",
        config: { syncMode: "INHERIT", "attribute.name": name, "user.attribute": name },
      },
    } as never);
  }
}

/** Links an existing local user to the upstream account through a SAML provider of addSamlIdentityProvider (NameID: username). */
export async function linkSamlUser(local: FreshRealm, localUserId: string, alias: string, upstream: UpstreamUser): Promise<void> {
  await linkUser(local, localUserId, alias, { ...upstream, id: upstream.username });
}

/**
 * A local account of the example policy's Tier 3, with the password "local-password", whose e-mail is
 * the upstream user's: Keycloak's first brokered sign-in offers to link the two. Returns its id.
 */
export async function localTwin(local: FreshRealm, up: UpstreamUser, username: string): Promise<string> {
  await local.admin.users.create({
    realm: local.name, username, enabled: true, email: `${up.username}@corp.example.test`, emailVerified: true, firstName: "Local", lastName: username,
    credentials: [{ type: "password", value: "local-password", temporary: false }],
  });
  const group = (await local.admin.groups.find({ search: "tier-3-standard-users", exact: true } as never)).find((g) => g.name === "tier-3-standard-users");
  const id = (await local.admin.users.find({ username, exact: true }))[0]!.id!;
  await local.admin.users.addToGroup({ id, groupId: group!.id! });
  return id;
}
