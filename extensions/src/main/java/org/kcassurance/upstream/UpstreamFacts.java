package org.kcassurance.upstream;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import javax.xml.XMLConstants;
import javax.xml.datatype.DatatypeConstants;
import javax.xml.datatype.DatatypeFactory;
import javax.xml.datatype.XMLGregorianCalendar;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;

import org.keycloak.representations.IDToken;
import org.keycloak.representations.JsonWebToken;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * What the upstream identity provider said about the sign-in: acr, amr and auth_time. A value that is
 * missing or of the wrong type is absent (null / empty), never guessed.
 */
public record UpstreamFacts(String acr, List<String> amr, Long authTime) {

    public static final UpstreamFacts NONE = new UpstreamFacts(null, List.of(), null);

    static final String SAML2_ASSERTION_NS = "urn:oasis:names:tc:SAML:2.0:assertion";

    private static final ErrorHandler SILENT = new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {
        }

        @Override
        public void error(SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }
    };

    public UpstreamFacts {
        amr = amr == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(amr));
    }

    /** From ID token claims: {@code acr} string, {@code amr} list of strings (or one string), {@code auth_time} number. */
    public static UpstreamFacts fromClaims(Map<String, Object> claims) {
        if (claims == null) {
            return NONE;
        }
        return new UpstreamFacts(text(claims.get("acr")), amr(claims.get("amr")), epochSeconds(claims.get("auth_time")));
    }

    /**
     * From the validated ID token of an OIDC broker. Keycloak parses it as a plain JsonWebToken (the claims are
     * in otherClaims); an IDToken carries acr and auth_time in its own fields, so those are read too.
     */
    public static UpstreamFacts fromToken(JsonWebToken token) {
        if (token == null) {
            return NONE;
        }
        UpstreamFacts facts = fromClaims(token.getOtherClaims());
        if (token instanceof IDToken idToken) {
            String acr = facts.acr() != null ? facts.acr() : text(idToken.getAcr());
            Long authTime = facts.authTime() != null ? facts.authTime() : epochSeconds(idToken.getAuth_time());
            facts = new UpstreamFacts(acr, facts.amr(), authTime);
        }
        return facts;
    }

    /**
     * From a SAML AuthnStatement as Keycloak serialises it into the brokered context (SAMLDataMarshaller writes the
     * XML): AuthnContextClassRef counts as acr, AuthnInstant as auth_time; SAML has no amr. Read from the XML so this
     * provider needs no compile-time SAML classes (keycloak-saml-core-public 26.7.3 is not on Maven Central).
     */
    public static UpstreamFacts fromSamlAuthnStatement(String xml) {
        if (xml == null || xml.isBlank()) {
            return NONE;
        }
        Element root;
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(SILENT); // the default handler prints parse errors to stderr
            root = builder.parse(new InputSource(new StringReader(xml))).getDocumentElement();
        } catch (Exception e) {
            return NONE;
        }
        if (!"AuthnStatement".equals(root.getLocalName()) || !SAML2_ASSERTION_NS.equals(root.getNamespaceURI())) {
            return NONE;
        }
        String acr = null;
        NodeList refs = root.getElementsByTagNameNS(SAML2_ASSERTION_NS, "AuthnContextClassRef");
        if (refs.getLength() > 0) {
            acr = text(refs.item(0).getTextContent());
        }
        return new UpstreamFacts(acr, List.of(), samlInstant(root.getAttribute("AuthnInstant")));
    }

    private static Long samlInstant(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            XMLGregorianCalendar calendar = DatatypeFactory.newInstance().newXMLGregorianCalendar(value.trim());
            if (calendar.getTimezone() == DatatypeConstants.FIELD_UNDEFINED) {
                calendar.setTimezone(0); // SAML times are UTC
            }
            long seconds = Math.floorDiv(calendar.toGregorianCalendar().getTimeInMillis(), 1000L);
            return seconds > 0 ? seconds : null;
        } catch (Exception e) {
            return null;
        }
    }

    private static String text(Object value) {
        if (value instanceof String s) {
            String trimmed = s.trim();
            return trimmed.isEmpty() ? null : trimmed;
        }
        return null;
    }

    private static List<String> amr(Object value) {
        List<String> values = new ArrayList<>();
        if (value instanceof String) {
            String s = text(value);
            if (s != null) {
                values.add(s);
            }
        } else if (value instanceof List<?> list) {
            for (Object item : list) {
                String s = text(item);
                if (s != null && !values.contains(s)) {
                    values.add(s);
                }
            }
        }
        return values;
    }

    private static Long epochSeconds(Object value) {
        if (!(value instanceof Number n)) {
            return null;
        }
        double d = n.doubleValue();
        if (Double.isNaN(d) || Double.isInfinite(d) || d <= 0 || d >= 1e12) {
            return null; // not a plausible epoch second (also guards against long overflow)
        }
        long seconds = n.longValue();
        return seconds > 0 ? seconds : null;
    }
}
