package org.kcassurance.reset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class ResetPolicyTest {

    static final String JSON = "{\"v\":1,\"requesters\":[\"identity-admins\"],\"approvers\":[\"identity-admins\",\"security-owners\"],"
            + "\"tiers\":[{\"role\":\"kca-tier-0\",\"approvals\":2,\"reenroll\":[\"webauthn-register\",\"CONFIGURE_TOTP\"]},"
            + "{\"role\":\"kca-tier-2\",\"approvals\":1,\"reenroll\":[\"CONFIGURE_TOTP\",\"CONFIGURE_RECOVERY_AUTHN_CODES\"]}],"
            + "\"none\":{\"approvals\":1,\"reenroll\":[]},\"level\":3,\"acr\":\"urn:example:loa:3\",\"maxAge\":600,"
            + "\"identityProofing\":true,\"expiresAfter\":86400,\"client\":\"kc-assurance-cli\"}";

    static ResetPolicy policy() {
        ResetPolicy p = ResetPolicy.parse(JSON);
        assertNotNull(p);
        return p;
    }

    @Test
    void readsWhatApplyWrites() {
        ResetPolicy p = policy();
        assertEquals(List.of("identity-admins"), p.requesters());
        assertEquals(3, p.level());
        assertEquals("urn:example:loa:3", p.acr());
        assertEquals(600, p.maxAge());
        assertEquals("kc-assurance-cli", p.client());
    }

    @Test
    void aUserInSeveralTiersNeedsTheMostApprovalsAndEveryTiersSetUp() {
        assertEquals(2, policy().approvalsFor(List.of("kca-tier-2", "kca-tier-0")));
        assertEquals(1, policy().approvalsFor(List.of("kca-tier-2")));
        assertEquals(1, policy().approvalsFor(List.of()));
        assertEquals(Set.of("webauthn-register", "CONFIGURE_TOTP", "CONFIGURE_RECOVERY_AUTHN_CODES"), policy().reenrollFor(List.of("kca-tier-0", "kca-tier-2")));
        assertEquals(Set.of(), policy().reenrollFor(List.of()));
    }

    @Test
    void noPolicyAtAllRatherThanALenientOne() {
        assertNull(ResetPolicy.parse(null));
        assertNull(ResetPolicy.parse(""));
        assertNull(ResetPolicy.parse("{nope"));
        assertNull(ResetPolicy.parse(JSON.replace("\"v\":1", "\"v\":2")));
        // Zero approvals, no approver role, no level or an empty client would let a single operator through.
        assertNull(ResetPolicy.parse(JSON.replace("\"approvals\":2", "\"approvals\":0")));
        assertNull(ResetPolicy.parse(JSON.replace("\"none\":{\"approvals\":1", "\"none\":{\"approvals\":0")));
        assertNull(ResetPolicy.parse(JSON.replace("\"approvers\":[\"identity-admins\",\"security-owners\"]", "\"approvers\":[]")));
        assertNull(ResetPolicy.parse(JSON.replace("\"level\":3", "\"level\":0")));
        assertNull(ResetPolicy.parse(JSON.replace("\"client\":\"kc-assurance-cli\"", "\"client\":\"\"")));
    }
}
