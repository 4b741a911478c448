package org.kcassurance.upstream;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.keycloak.representations.IDToken;
import org.keycloak.representations.JsonWebToken;
import org.keycloak.util.JsonSerialization;

class UpstreamFactsTest {

    @Test
    void oidcClaims() {
        Map<String, Object> claims = new HashMap<>();
        claims.put("acr", "urn:a:loa:2");
        claims.put("amr", List.of("pwd", "otp", "pwd"));
        claims.put("auth_time", 1_700_000_000);
        assertEquals(new UpstreamFacts("urn:a:loa:2", List.of("pwd", "otp"), 1_700_000_000L), UpstreamFacts.fromClaims(claims));
    }

    @Test
    void amrAsSingleString() {
        assertEquals(List.of("mfa"), UpstreamFacts.fromClaims(Map.of("amr", "mfa")).amr());
    }

    @Test
    void wrongTypesAreAbsent() {
        Map<String, Object> claims = new HashMap<>();
        claims.put("acr", 2);
        claims.put("amr", Map.of("a", "otp"));
        claims.put("auth_time", "1700000000");
        assertEquals(UpstreamFacts.NONE, UpstreamFacts.fromClaims(claims));
        assertEquals(List.of("otp"), UpstreamFacts.fromClaims(Map.of("amr", Arrays.asList("otp", 3, null, " "))).amr());
        assertEquals(null, UpstreamFacts.fromClaims(Map.of("auth_time", Double.NaN)).authTime());
        assertEquals(null, UpstreamFacts.fromClaims(Map.of("auth_time", -5)).authTime());
        assertEquals(null, UpstreamFacts.fromClaims(Map.of("auth_time", 1e300)).authTime());
        assertEquals(1_700_000_000L, UpstreamFacts.fromClaims(Map.of("auth_time", 1_700_000_000.7)).authTime());
        assertEquals(UpstreamFacts.NONE, UpstreamFacts.fromClaims(null));
    }

    @Test
    void tokenAsKeycloakStoresIt() throws Exception {
        // OIDCIdentityProvider validates the ID token as a JsonWebToken; the brokered context round-trips it as JSON.
        String json = "{\"sub\":\"u\",\"acr\":\"urn:a:loa:2\",\"amr\":[\"pwd\",\"otp\"],\"auth_time\":1700000000}";
        JsonWebToken token = JsonSerialization.readValue(json, JsonWebToken.class);
        assertEquals(new UpstreamFacts("urn:a:loa:2", List.of("pwd", "otp"), 1_700_000_000L), UpstreamFacts.fromToken(token));
    }

    @Test
    void idTokenGetters() {
        IDToken token = new IDToken();
        token.setAcr("urn:a:loa:3");
        token.setAuth_time(1_700_000_001L);
        token.setOtherClaims("amr", List.of("hwk"));
        assertEquals(new UpstreamFacts("urn:a:loa:3", List.of("hwk"), 1_700_000_001L), UpstreamFacts.fromToken(token));
        assertEquals(UpstreamFacts.NONE, UpstreamFacts.fromToken(null));
    }

    static String statement(String instant, String classRef) {
        return "<saml:AuthnStatement xmlns:saml=\"urn:oasis:names:tc:SAML:2.0:assertion\""
                + (instant == null ? "" : " AuthnInstant=\"" + instant + "\"") + " SessionIndex=\"s1\">"
                + "<saml:AuthnContext>"
                + (classRef == null ? "" : "<saml:AuthnContextClassRef>" + classRef + "</saml:AuthnContextClassRef>")
                + "</saml:AuthnContext></saml:AuthnStatement>";
    }

    @Test
    void samlClassRefAndInstant() {
        UpstreamFacts facts = UpstreamFacts.fromSamlAuthnStatement(
                statement("2023-11-14T22:13:20Z", " urn:oasis:names:tc:SAML:2.0:ac:classes:MobileTwoFactorContract "));
        assertEquals(new UpstreamFacts("urn:oasis:names:tc:SAML:2.0:ac:classes:MobileTwoFactorContract", List.of(), 1_700_000_000L), facts);
        assertEquals(1_700_000_000L, UpstreamFacts.fromSamlAuthnStatement(statement("2023-11-14T22:13:20.999Z", "x")).authTime());
        assertEquals(1_700_000_000L, UpstreamFacts.fromSamlAuthnStatement(statement("2023-11-14T22:13:20", "x")).authTime());
        assertEquals(1_700_000_000L, UpstreamFacts.fromSamlAuthnStatement(statement("2023-11-14T23:13:20+01:00", "x")).authTime());
    }

    @Test
    void samlMissingOrBadValues() {
        assertEquals(new UpstreamFacts("x", List.of(), null), UpstreamFacts.fromSamlAuthnStatement(statement(null, "x")));
        assertEquals(new UpstreamFacts("x", List.of(), null), UpstreamFacts.fromSamlAuthnStatement(statement("yesterday", "x")));
        assertEquals(new UpstreamFacts(null, List.of(), 1_700_000_000L), UpstreamFacts.fromSamlAuthnStatement(statement("2023-11-14T22:13:20Z", null)));
        assertEquals(UpstreamFacts.NONE, UpstreamFacts.fromSamlAuthnStatement("<AuthnStatement AuthnInstant=\"2023-11-14T22:13:20Z\"/>"));
        assertEquals(UpstreamFacts.NONE, UpstreamFacts.fromSamlAuthnStatement("not xml"));
        assertEquals(UpstreamFacts.NONE, UpstreamFacts.fromSamlAuthnStatement(null));
        String withDoctype = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e \"urn:a:loa:3\">]>"
                + statement("2023-11-14T22:13:20Z", "&e;");
        assertEquals(UpstreamFacts.NONE, UpstreamFacts.fromSamlAuthnStatement(withDoctype));
    }
}
