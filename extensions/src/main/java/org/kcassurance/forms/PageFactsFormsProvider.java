package org.kcassurance.forms;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.kcassurance.recovery.RecoveryRenewal;
import org.kcassurance.reset.ResetHistory;
import org.kcassurance.spi.Roles;
import org.keycloak.common.util.Time;
import org.keycloak.authentication.requiredactions.DeleteCredentialAction;
import org.keycloak.credential.CredentialModel;

import org.keycloak.forms.login.LoginFormsPages;
import org.keycloak.forms.login.freemarker.FreeMarkerLoginFormsProvider;
import org.keycloak.models.Constants;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RequiredActionProviderModel;
import org.keycloak.theme.Theme;

import jakarta.ws.rs.core.UriBuilder;

/**
 * Keycloak's FreeMarker login forms, plus two facts a page needs and Keycloak does not give it:
 * <ul>
 * <li>{@code kcaSetup = {step, of}} on a required-action page of a sign-in (SetupProgress); not for an
 * action the application asked for (kc_action), a single page outside any sequence;</li>
 * <li>{@code kcaTiers}: the policy's tier roles the user holds (UserTiers), where a user is known;</li>
 * <li>on a required-action page (the user is signed in): {@code kcaCredentials}, how many credentials of
 * each type the user holds; {@code kcaDeleting}, the type of the credential delete-credential.ftl
 * removes; {@code kcaRecoveryRenewal}, the set-up actions a sign-in with a recovery code added
 * (RecoveryRenewal); {@code kcaReset = {at}}, when the user's sign-in methods were reset (kc-assurance
 * reset), for a day after.</li>
 * </ul>
 * Nothing else changes; a theme that reads neither is unaffected.
 */
public class PageFactsFormsProvider extends FreeMarkerLoginFormsProvider {

    static final String SEEN_NOTE = "kca.setup.seen";
    /** How long after a reset its set-up pages say so (kcaReset). */
    static final long RESET_NOTICE_SECONDS = 24 * 3600;

    public PageFactsFormsProvider(KeycloakSession session) {
        super(session);
    }

    @Override
    protected void createCommonAttributes(Theme theme, Locale locale, Properties messagesBundle, UriBuilder baseUriBuilder, LoginFormsPages page) {
        super.createCommonAttributes(theme, locale, messagesBundle, baseUriBuilder, page);
        if (realm == null || user == null) return;
        List<String> tiers = UserTiers.held(realm.getAttribute(UserTiers.FACTS_ATTRIBUTE), name -> Roles.holds(realm, user, name));
        if (tiers != null) attributes.put("kcaTiers", tiers);
        RequiredActionProviderModel current = currentRequiredAction();
        if (current == null) return;
        // A required action runs once the user is known for sure, so what they hold may be told.
        attributes.put("kcaCredentials", credentialCounts());
        if (DeleteCredentialAction.PROVIDER_ID.equals(current.getProviderId())) deleting();
        String renewal = authenticationSession.getAuthNote(RecoveryRenewal.NOTE);
        if (renewal != null && !renewal.isEmpty()) attributes.put("kcaRecoveryRenewal", List.of(renewal.split(",")));
        Long reset = ResetHistory.lastExecuted(session, realm, user, Time.currentTime() - RESET_NOTICE_SECONDS);
        if (reset != null) attributes.put("kcaReset", Map.of("at", Instant.ofEpochSecond(reset).toString()));
        setupProgress(current);
    }

    /** The required action whose page this is; null on any other page. */
    private RequiredActionProviderModel currentRequiredAction() {
        if (authenticationSession == null || execution == null) return null;
        // On a required-action page, `execution` is the action's provider id (RequiredActionContextResult#form).
        return realm.getRequiredActionProvidersStream()
                .filter(a -> a.isEnabled() && execution.equals(a.getProviderId())).findFirst().orElse(null);
    }

    /** How many credentials of each type the user holds. */
    private Map<String, Long> credentialCounts() {
        return user.credentialManager().getStoredCredentialsStream()
                .collect(Collectors.groupingBy(CredentialModel::getType, TreeMap::new, Collectors.counting()));
    }

    /** On delete-credential.ftl: the type of the credential to be removed (kcaDeleting). */
    private void deleting() {
        String id = authenticationSession.getClientNote(Constants.KC_ACTION_PARAMETER);
        CredentialModel credential = id == null ? null : user.credentialManager().getStoredCredentialById(id);
        if (credential != null) attributes.put("kcaDeleting", credential.getType());
    }

    private void setupProgress(RequiredActionProviderModel current) {
        if (authenticationSession.getClientNote(Constants.KC_ACTION_EXECUTING) != null) return;
        Set<String> pending = new HashSet<>();
        user.getRequiredActionsStream().forEach(pending::add);
        pending.addAll(authenticationSession.getRequiredActions());
        pending.removeIf(alias -> {
            RequiredActionProviderModel m = realm.getRequiredActionProviderByAlias(alias);
            return m == null || !m.isEnabled();
        });
        SetupProgress progress = SetupProgress.of(authenticationSession.getAuthNote(SEEN_NOTE), pending, current.getAlias());
        authenticationSession.setAuthNote(SEEN_NOTE, progress.seen());
        if (progress.worthShowing()) attributes.put("kcaSetup", Map.of("step", progress.step(), "of", progress.of()));
    }
}
