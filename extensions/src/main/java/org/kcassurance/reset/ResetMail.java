package org.kcassurance.reset;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * The e-mail a user gets when their sign-in methods were reset: what happened, when, by whom, what to
 * do next, and how to report it if they did not ask for it. English or German by the user's locale.
 * Never a secret: no codes, no links that sign anyone in. Pure, unit-tested.
 */
public final class ResetMail {

    public record Mail(String subject, String text, String html) {
    }

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private static final Map<String, Map<String, String>> FACTOR_NAMES = Map.of(
            "en", Map.of("totp", "authenticator app", "webauthn", "security key", "passkey", "passkey", "recovery-codes", "recovery codes"),
            "de", Map.of("totp", "Authenticator-App", "webauthn", "Sicherheitsschlüssel", "passkey", "Passkey", "recovery-codes", "Wiederherstellungscodes"));

    private ResetMail() {
    }

    public static Mail compose(String locale, String realmName, String username, List<String> factors, long at, String requester,
            List<String> approvers, String requestId) {
        boolean de = locale != null && locale.toLowerCase().startsWith("de");
        Map<String, String> names = FACTOR_NAMES.get(de ? "de" : "en");
        String what = String.join(", ", factors.stream().map(f -> names.getOrDefault(f, f)).toList());
        String when = WHEN.format(Instant.ofEpochSecond(at));
        String who = requester + (approvers.isEmpty() ? "" : (de ? ", freigegeben von " : ", approved by ") + String.join(", ", approvers));
        List<String> paragraphs = de
                ? List.of("Hallo " + username + ",",
                        "Ihre Anmeldemethoden bei " + realmName + " wurden zurückgesetzt: " + what + ".",
                        "Wann: " + when + ". Beantragt von " + who + ".",
                        "Sie wurden überall abgemeldet. Bei der nächsten Anmeldung richten Sie Ihre Anmeldemethoden neu ein.",
                        "Wenn Sie das nicht beantragt haben, antworten Sie nicht auf andere Nachrichten dazu, sondern melden Sie es sofort Ihrem IT-Sicherheitsteam mit der Referenz " + requestId + ".")
                : List.of("Hello " + username + ",",
                        "Your sign-in methods for " + realmName + " were reset: " + what + ".",
                        "When: " + when + ". Requested by " + who + ".",
                        "You were signed out everywhere. The next time you sign in, you will set up your sign-in methods again.",
                        "If you did not ask for this, do not act on any other message about it: report it to your IT security team at once, quoting reference " + requestId + ".");
        String subject = de ? "Ihre Anmeldemethoden wurden zurückgesetzt" : "Your sign-in methods were reset";
        StringBuilder html = new StringBuilder("<html><body>");
        for (String p : paragraphs) html.append("<p>").append(escape(p)).append("</p>");
        html.append("</body></html>");
        return new Mail(subject, String.join("\n\n", paragraphs) + "\n", html.toString());
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
