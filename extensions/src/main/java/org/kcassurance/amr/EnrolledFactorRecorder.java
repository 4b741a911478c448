package org.kcassurance.amr;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.keycloak.events.Details;
import org.keycloak.events.Event;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventType;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.models.KeycloakSession;
import org.keycloak.sessions.AuthenticationSessionModel;
import org.keycloak.util.JsonSerialization;

/**
 * A factor set up by a required action during a sign-in (TOTP after entering a code, a security key or passkey
 * after its registration ceremony) proves possession, but Keycloak records no authenticator reference for it, so
 * its amr would say only "pwd". This listener notes the factor in the sign-in's user-session note
 * {@value #NOTE} (a JSON array); kca-amr-mapper adds those values, and "mfa" follows where two kinds were used.
 */
public class EnrolledFactorRecorder implements EventListenerProvider {

    static final String NOTE = "kca.enrolled.amr";
    /** Credential types whose set-up proves possession, and the amr value their use gives. */
    static final Map<String, String> AMR = Map.of("otp", "otp", "webauthn", "hwk", "webauthn-passwordless", "hwk");

    private final KeycloakSession session;

    EnrolledFactorRecorder(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public void onEvent(Event event) {
        if (event.getType() != EventType.UPDATE_CREDENTIAL || event.getError() != null || event.getDetails() == null) return;
        String amr = AMR.get(event.getDetails().get(Details.CREDENTIAL_TYPE));
        AuthenticationSessionModel authSession = session.getContext().getAuthenticationSession();
        if (amr == null || authSession == null) return;
        authSession.setUserSessionNote(NOTE, with(authSession.getUserSessionNotes().get(NOTE), amr));
    }

    /** The note's values with one more, once. */
    static String with(String note, String amr) {
        List<String> values = new ArrayList<>(AmrMerge.parseNote(note));
        if (!values.contains(amr)) values.add(amr);
        try {
            return JsonSerialization.writeValueAsString(values);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void onEvent(AdminEvent event, boolean includeRepresentation) {
    }

    @Override
    public void close() {
    }
}
